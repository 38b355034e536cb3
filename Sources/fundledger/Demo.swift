import ArgumentParser
import Foundation
import FundCore
import FundReports
import FundStore
import FundXLSX

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the demo county's book from the sample data and export every workbook.",
        discussion: "The demo book is the demo's own file: it is replaced on every run. Your own book (--book of other commands) is never touched.")

    @Option(help: "The demo book, replaced on every run.") var book = "ledgers/demo.sqlite"
    @Option(help: "Folder of the sample data: organizations.csv and *.journal.") var data = "ledgers/demo"
    @Option(help: "Folder for the workbooks.") var exports = "exports"
    @Option(name: .customLong("as"), help: "Who runs the demo (recorded as importer).") var user = "演示导入"

    func run() throws {
        try reporting {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: book + suffix) }
            let ledger = try Book.create(at: book)
            let organizations = try ledger.importOrganizations(path: data + "/organizations.csv", by: user)
            let journals = try FileManager.default.contentsOfDirectory(atPath: data).filter { $0.hasSuffix(".journal") }.sorted()
            guard !journals.isEmpty else { throw CLIError("no .journal files in \(data)") }
            let progress = ProgressLine("importing", unit: "B")
            let summary = try ledger.importJournal(paths: journals.map { data + "/" + $0 }, defaultOrganization: nil, user: user) {
                progress.update(done: $0, total: $1)
            }
            progress.finish()
            emit("demo book \(book): \(organizations) organisations, \(summary.vouchers) vouchers, \(summary.lines) lines\n")

            // Close every month before the last one with postings, in order, for each organisation.
            var year = 0
            for organization in try ledger.organizations() {
                let periods = Set(try ledger.vouchers(organization: organization.code).map(\.draft.period)).sorted()
                year = max(year, periods.last?.year ?? 0)
                for period in periods.dropLast() { try ledger.close(organization: organization.code, period: period, by: "财务主管") }
            }
            try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
            let from = Period(year: year, month: 1)!, to = Period(year: year, month: 12)!
            var written = 0
            for organization in try ledger.organizations() where !(try ledger.vouchers(organization: organization.code).isEmpty) {
                let chart = try ledger.chart(for: organization.code)
                let report = TrialBalance(organization: organization, chart: chart,
                                          turnovers: try ledger.turnovers(organization: organization.code, from: from, to: to), from: from, to: to)
                try TrialBalanceWorkbook.write(report, to: "\(exports)/科目余额表-\(organization.code)-\(year).xlsx", preparedBy: user)
                try JournalWorkbook.write(book: ledger, organization: organization, chart: chart, from: from, to: to,
                                          path: "\(exports)/序时账-\(organization.code)-\(year).xlsx")
                written += 2
            }
            let verification = try ledger.verify()
            emit("wrote \(written) workbooks into \(exports)/; verify: \(verification.problems.isEmpty ? "no problems" : "\(verification.problems.count) problems")\n")
            if let county = try ledger.organizations().first {
                let report = TrialBalance(organization: county, chart: try ledger.chart(for: county.code),
                                          turnovers: try ledger.turnovers(organization: county.code, from: from, to: to), from: from, to: to)
                emit("\n" + report.rendered(.table))
            }
            if !verification.problems.isEmpty { throw ExitCode(1) }
        }
    }
}
