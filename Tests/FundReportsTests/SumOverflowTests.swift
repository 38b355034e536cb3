import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import FundTesting
import FundXLSX
import PropertyBased
import Testing

/// Books at the limits: many lines, each at `Limits.lineAmountFen`, on one account in one month,
/// enough that their sum passes Int64. Every report and workbook either gives the exact figures
/// or refuses with `sum-overflow`; none traps.
@Suite(.serialized) struct SumOverflowTests {
    static let limit = Limits.lineAmountFen
    /// The fewest lines at the limit whose sum passes Int64 (92,234).
    static let linesToOverflow = Int(Int64.max / Limits.lineAmountFen) + 1
    static let limitText = Money(fen: Limits.lineAmountFen).description

    /// A journal of `lines` debits of 102 at the limit in May 2026 against as many credits of
    /// 401, spread over `projects` projects (each project its own balance row), in vouchers of
    /// 998 lines.
    static func journal(lines: Int, projects: Int) -> String {
        var text = ""
        text.reserveCapacity(lines * 90)
        var written = 0, voucher = 0
        while written < lines {
            let count = min(499, lines - written)
            voucher += 1
            text += "2026-05-\(voucher % 28 + 1 < 10 ? "0" : "")\(voucher % 28 + 1) * 限额测试\(voucher)  ; org:FED-01, attachments:1, preparer:王芳\n"
            for index in 0..<count {
                let project = "P\((written + index) % projects)"
                text += "    102      \(limitText)  ; project:\(project)\n"
                text += "    401     -\(limitText)  ; project:\(project)\n"
            }
            written += count
        }
        return text
    }

    /// The sum-overflow refusal an error carries, if it is one.
    static func overflow(_ error: any Error) -> SumOverflow? {
        if let overflow = error as? SumOverflow { return overflow }
        if case let .sumOverflow(overflow) = error as? BookError { return overflow }
        // An import names the file and line of the voucher whose posting overflowed.
        if let errors = error as? InputErrors, !errors.errors.isEmpty, errors.errors.allSatisfy({ $0.rule == "sum-overflow" }) {
            return SumOverflow(organization: "FED-01", account: nil, year: 2026)
        }
        return nil
    }

    /// Runs `body`: it either succeeds, or throws the typed overflow for FED-01 (anything else is
    /// a failure). Returns whether it succeeded.
    @discardableResult
    static func exactOrOverflow(_ what: String, _ body: () throws -> Void) -> Bool {
        do {
            try body()
            return true
        } catch {
            guard let overflow = overflow(error) else {
                Issue.record("\(what): \(error) is not sum-overflow")
                return false
            }
            #expect(["FED-01", "CTY-01"].contains(overflow.organization), "\(what): \(overflow)")
            #expect(BookError.sumOverflow(overflow).rule == "sum-overflow")
            #expect(BookError.sumOverflow(overflow).description.contains("too large to hold exactly"))
            return false
        }
    }

    /// Every report of `Reports` and every workbook of the book, each exact or refused.
    /// Returns the reports that succeeded by name.
    static func everyReport(_ t: TestBook, lines: Int) throws -> Set<String> {
        let book = t.book
        var succeeded: Set<String> = []
        let total = Int64(lines).multipliedReportingOverflow(by: limit)
        func run(_ name: String, _ body: () throws -> Void) { if exactOrOverflow(name, body) { succeeded.insert(name) } }
        run("trial balance of May") {
            let report = try Reports.trialBalance(book, organization: "FED-01", year: 2026, month: 5)
            if !total.overflow {
                #expect(report.rows.first { $0.code == "102" }?.periodDebit == total.partialValue)
                #expect(report.totals.periodDebit == total.partialValue && report.totals.periodCredit == total.partialValue)
            }
            try TrialBalanceWorkbook.write(report, to: t.folder + "/tb.xlsx")
        }
        run("trial balance of the year") { _ = try Reports.trialBalance(book, organization: "FED-01", year: 2026, month: nil) }
        run("balance sheet") {
            let form = try Reports.balanceSheet(book, organization: "FED-01", year: 2026, month: 5)
            if !total.overflow { #expect(form.value("货币资金", column: 1) == total.partialValue) }
            try FormWorkbook.write(form, to: t.folder + "/bs.xlsx")
        }
        run("income and expenditure") {
            let form = try Reports.incomeExpenditure(book, organization: "FED-01", year: 2026, month: 5)
            if !total.overflow { #expect(form.value("三、收入合计") == total.partialValue) }
            try FormWorkbook.write(form, to: t.folder + "/ie.xlsx")
        }
        run("annual income and expenditure") { _ = try Reports.incomeExpenditure(book, organization: "FED-01", year: 2026, month: nil) }
        run("general ledger") {
            let ledger = try Reports.generalLedger(book, organization: "FED-01", year: 2026, month: nil)
            if !total.overflow {
                #expect(ledger.sections.first { $0.code == "102" }?.rows.last?.balanceFen == total.partialValue)
            }
            try LedgerWorkbook.write(ledger, to: t.folder + "/gl.xlsx")
        }
        run("detail ledger") {
            let ledger = try Reports.detailLedger(book, organization: "FED-01", account: "102", year: 2026)
            if !total.overflow { #expect(ledger.sections[0].rows.last?.debitFen == total.partialValue) }
            try LedgerWorkbook.write(ledger, to: t.folder + "/dl.xlsx")
        }
        run("monthly pack") {
            try writeMonthlyPack(book: book, organization: "FED-01", year: 2026, month: 5, path: t.folder + "/pack.xlsx", user: "t")
        }
        run("journal") {
            let organization = try book.organizations.organization("FED-01")
            let count = try JournalWorkbook.write(book: book, organization: organization, chart: try book.organizations.chart(for: "FED-01"),
                                                  from: Period(year: 2026, month: 5)!, to: Period(year: 2026, month: 5)!, path: t.folder + "/journal.xlsx")
            #expect(count == 2 * lines)
        }
        run("roll-up") {
            let rollup = try Reports.rollup(book, organization: "CTY-01", year: 2026, month: nil)
            try RollupWorkbook.write(rollup, to: t.folder + "/rollup.xlsx")
        }
        run("budget execution") {
            let report = try Reports.budgetExecution(book, organization: "FED-01", year: 2026, month: 5)
            if !total.overflow { #expect(report.incomeTotal.yearToDate == total.partialValue) }
        }
        run("subsidy register") {
            _ = try Reports.subsidyRegister(book, grantor: "CTY-01", year: 2026, asOf: nil)
            try writeSubsidyWorkbook(book: book, grantor: "CTY-01", year: 2026, asOf: nil, path: t.folder + "/subsidies.xlsx")
        }
        run("verify") { _ = try book.verification.verify() }
        return succeeded
    }

    /// A test book with FED-01's budget for 2026 planning 401, and `lines` lines at the limit
    /// imported (or refused, when one balance row would pass Int64).
    static func book(lines: Int, projects: Int) throws -> (TestBook, imported: Bool) {
        let t = try TestBook()
        let budget = try t.write("budget.csv", "org,year,account,expense,project,counterpart,amount,note\nFED-01,2026,401,,,,\(limitText),\n")
        _ = try t.book.budgets.importBudgets(path: budget)
        let file = try t.write("limit.journal", journal(lines: lines, projects: projects))
        let imported = exactOrOverflow("import") { _ = try t.book.imports.importJournal(paths: [file], defaultOrganization: nil, defaultReviewer: "李强") }
        return (t, imported)
    }

    @Test func everyReportIsExactOrRefusedAtTheLimits() async throws {
        // Lines near the overflow, over one to three projects: one balance row per project.
        let shapes = PropertyBased.zip(Gen.int(in: (SumOverflowTests.linesToOverflow - 2)...(SumOverflowTests.linesToOverflow + 2)), Gen.int(in: 1...3))
        await propertyCheck(count: 2, input: shapes) { lines, projects in
            let (t, imported) = try SumOverflowTests.book(lines: lines, projects: projects)
            let perRow = Int64(lines / projects + 1).multipliedReportingOverflow(by: SumOverflowTests.limit)
            if !perRow.overflow { #expect(imported) }
            guard imported else { return }
            _ = try SumOverflowTests.everyReport(t, lines: lines)
        }
    }

    @Test func importPastInt64OnOneBalanceRowIsRefusedNotTrapped() throws {
        let t = try TestBook()
        let file = try t.write("limit.journal", SumOverflowTests.journal(lines: SumOverflowTests.linesToOverflow, projects: 1))
        #expect {
            _ = try t.book.imports.importJournal(paths: [file], defaultOrganization: nil, defaultReviewer: "李强")
        } throws: { error in
            guard let errors = error as? InputErrors, let first = errors.errors.first else { return false }
            return first.rule == "sum-overflow" && first.message.contains("account 102 of FED-01 in 2026-05")
        }
        #expect(try t.book.vouchers.vouchers(organization: "FED-01").isEmpty)
    }

    @Test func reportsOfAnAccountPastInt64AreRefusedNamingIt() throws {
        // Two projects: each balance row fits, the account's month does not.
        let (t, imported) = try SumOverflowTests.book(lines: SumOverflowTests.linesToOverflow, projects: 2)
        #expect(imported)
        func refused(_ account: String?, _ body: () throws -> Void) {
            #expect {
                try body()
            } throws: { error in
                guard let overflow = SumOverflowTests.overflow(error) else { return false }
                return overflow.organization == "FED-01" && overflow.account == account
            }
        }
        refused("102") { _ = try Reports.trialBalance(t.book, organization: "FED-01", year: 2026, month: 5) }
        refused("102") { _ = try Reports.balanceSheet(t.book, organization: "FED-01", year: 2026, month: 5) }
        refused("401") { _ = try Reports.incomeExpenditure(t.book, organization: "FED-01", year: 2026, month: 5) }
        refused("102") { _ = try Reports.generalLedger(t.book, organization: "FED-01", year: 2026, month: 5) }
        refused("102") { _ = try Reports.detailLedger(t.book, organization: "FED-01", account: "102", year: 2026) }
        refused("401") { _ = try Reports.budgetExecution(t.book, organization: "FED-01", year: 2026, month: 5) }
        refused(nil) {
            let organization = try t.book.organizations.organization("FED-01")
            try JournalWorkbook.write(book: t.book, organization: organization, chart: try t.book.organizations.chart(for: "FED-01"),
                                      from: Period(year: 2026, month: 5)!, to: Period(year: 2026, month: 5)!, path: t.folder + "/journal.xlsx")
        }
        #expect(throws: (any Error).self) { _ = try Reports.rollup(t.book, organization: "CTY-01", year: 2026, month: nil) }
        // Each stored row and each voucher fits, so verify has nothing to refuse.
        #expect(try t.book.verification.verify().problems.isEmpty)
    }
}
