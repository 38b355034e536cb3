import ArgumentParser
import Foundation
import FundCore
import FundReports
import FundStore
import FundXLSX

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the demo county's book for a whole year from the sample data and export every workbook.",
        discussion: """
            Imports ledgers/demo (organisations, journal, a spreadsheet of vouchers, the fixed-asset register), \
            posts each month's depreciation, carries the year forward, closes every month, verifies the book, \
            and writes each organisation's workbooks. The demo book is the demo's own file and is replaced on \
            every run; your own book (--book of other commands) is never touched.
            """)

    @Option(help: "The demo book, replaced on every run.") var book = "ledgers/demo.sqlite"
    @Option(help: "Folder of the sample data.") var data = "ledgers/demo"
    @Option(help: "Folder for the workbooks.") var exports = "exports"
    @Option(name: .customLong("as"), help: "Who runs the demo (recorded as importer and bookkeeper).") var user = "演示导入"

    func run() throws {
        try reporting {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: book + suffix) }
            let ledger = try Book.create(at: book)
            let organizations = try ledger.importOrganizations(path: data + "/organizations.csv", by: user)
            let files = try FileManager.default.contentsOfDirectory(atPath: data)
                .filter { $0.hasSuffix(".journal") || ($0.hasSuffix(".csv") && $0.first?.isNumber == true) }.sorted()
            guard !files.isEmpty else { throw CLIError("no .journal or voucher .csv files in \(data)") }
            let progress = ProgressLine("importing", unit: "B")
            let summary = try ledger.importJournal(paths: files.map { data + "/" + $0 }, defaultOrganization: nil, user: user) {
                progress.update(done: $0, total: $1)
            }
            progress.finish()
            let assets = try ledger.importFixedAssets(path: data + "/assets.csv", by: user)
            emit("demo book \(book): \(organizations) organisations, \(summary.vouchers) vouchers with \(summary.lines) lines from \(files.joined(separator: ", ")), \(assets) fixed assets\n")

            let all = try ledger.organizations()
            var year = 0
            for organization in all {
                year = max(year, try ledger.vouchers(organization: organization.code).map(\.draft.date.year).max() ?? 0)
            }
            var depreciation = 0, closing = 0
            for organization in all {
                for month in 1...12 where try ledger.depreciate(organization: organization.code, period: Period(year: year, month: month)!, by: user) != nil {
                    depreciation += 1
                }
                closing += try ledger.closeYear(organization: organization.code, year: year, by: "财务主管").vouchers.count
                let months = Set(try ledger.vouchers(organization: organization.code).map(\.draft.period)).sorted()
                for period in months { try ledger.close(organization: organization.code, period: period, by: "财务主管") }
            }
            emit("posted \(depreciation) depreciation vouchers and \(closing) year-end closing vouchers; closed every month with postings\n")

            try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
            var written = 0
            for organization in all where !(try ledger.vouchers(organization: organization.code).isEmpty) {
                let code = organization.code
                func path(_ name: String, _ suffix: String = String(year)) -> String { "\(exports)/\(name)-\(code)-\(suffix).xlsx" }
                try TrialBalanceWorkbook.write(try Reports.trialBalance(ledger, organization: code, year: year, month: nil), to: path("科目余额表"), preparedBy: user)
                try JournalWorkbook.write(book: ledger, organization: organization, chart: try ledger.chart(for: code),
                                          from: Period(year: year, month: 1)!, to: Period(year: year, month: 12)!, path: path("序时账"))
                try LedgerWorkbook.write(try Reports.generalLedger(ledger, organization: code, year: year, month: nil), to: path("总账"))
                try FormWorkbook.write(try Reports.balanceSheet(ledger, organization: code, year: year, month: nil), to: path(BalanceSheet.title), preparedBy: user)
                try FormWorkbook.write(try Reports.incomeExpenditure(ledger, organization: code, year: year, month: nil), to: path(IncomeExpenditure.title), preparedBy: user)
                try writeMonthlyPack(book: ledger, organization: code, year: year, month: 12, path: path("月度报表", "\(year)-12"), user: user)
                written += 6
            }
            try LedgerWorkbook.write(try Reports.detailLedger(ledger, organization: "FED-01", account: "503", year: year), to: "\(exports)/明细账-503-FED-01-\(year).xlsx")
            written += 1
            let verification = try ledger.verify()
            emit("wrote \(written) workbooks into \(exports)/; verify: \(verification.problems.isEmpty ? "no problems" : "\(verification.problems.count) problems")\n")
            if let county = all.first {
                emit("\n" + (try Reports.incomeExpenditure(ledger, organization: county.code, year: year, month: nil)).rendered(.table))
            }
            if !verification.problems.isEmpty {
                emit(verification.problems.map { "  - \($0)\n" }.joined())
                throw ExitCode(1)
            }
        }
    }
}
