import FundCore
import GRDB
@testable import FundStore
import Testing

@Suite struct LedgerServiceTests {
    /// December 2025 and two months of 2026 on FED-01.
    func book() throws -> InMemoryBook {
        let book = try InMemoryBook()
        try book.post("2025-12-20", [("102", 50_00), ("401", -50_00)], summary: "上年会费")
        try book.post("2026-01-10", [("102", 100_00), ("401", -100_00)], summary: "一月会费")
        try book.post("2026-02-11", [("50105", 30_00), ("102", -30_00)], summary: "会员活动")
        return book
    }

    @Test func turnoversComeFromTheAggregates() throws {
        let book = try book()
        let ledger = book.session("王芳").ledger
        let (opening, months) = try ledger.monthlyTurnovers(organization: "FED-01", year: 2026)
        #expect(opening == ["102": 50_00, "401": -50_00])
        #expect(months.contains(MonthlyTurnover(code: "102", month: 1, debitFen: 100_00, creditFen: 0)))
        #expect(months.contains(MonthlyTurnover(code: "102", month: 2, debitFen: 0, creditFen: 30_00)))
        let january = Period(year: 2026, month: 1)!, february = Period(year: 2026, month: 2)!
        let turnovers = try ledger.turnovers(organization: "FED-01", from: february, to: february)
        #expect(turnovers.first { $0.code == "102" } == AccountTurnover(code: "102", openingNetFen: 150_00, debitFen: 0, creditFen: 30_00))
        let activity = try ledger.activity(organization: "FED-01", from: january, to: february, excludingClosing: true)
        #expect(activity.first { $0.code == "401" }?.creditFen == 100_00)
    }

    @Test func linesAndTheJournalComeInNumberOrder() throws {
        let book = try book()
        let ledger = book.session("王芳").ledger
        let lines = try ledger.ledgerLines(organization: "FED-01", account: "102", year: 2026)
        #expect(lines.map(\.summary) == ["一月会费", "会员活动"] && lines.map(\.side) == [.debit, .credit])
        #expect(lines.first?.ref.description == "2026-01/记-0001" && lines.first?.date == LocalDate(parsing: "2026-01-10"))
        var count = 0
        var rows: [JournalRow] = []
        try ledger.forEachJournalLine(organization: "FED-01", from: Period(year: 2026, month: 1)!, to: Period(year: 2026, month: 2)!,
                                      start: { count = $0 }) { rows.append($0) }
        #expect(count == 4 && rows.count == 4)
        #expect(rows.map(\.accountCode) == ["102", "401", "50105", "102"] && rows.map(\.date) == ["2026-01-10", "2026-01-10", "2026-02-11", "2026-02-11"])
        var vouchers: [String] = []
        try book.admin.ledger.forEachPostedVoucher(organization: nil) { voucher, chart in
            #expect(chart.kind == .grassroots)
            vouchers.append(voucher.draft.summary)
        }
        #expect(vouchers == ["上年会费", "一月会费", "会员活动"])
        #expect(bookError { try book.session("王芳").ledger.forEachPostedVoucher(organization: nil) { _, _ in } }?.category == .notPermitted)
    }

    @Test func aTamperedSideIsAnErrorNamingTheTable() throws {
        let book = try book()
        try book.store.database.writeWithoutTransaction { db in
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'voucher_line'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE voucher_line SET side = 'X' WHERE amount = 3000 AND side = 'D'")
        }
        guard case let .storedValueInvalid(table, column, value, _)? = bookError({ _ = try book.admin.ledger.ledgerLines(organization: "FED-01", account: "501", year: 2026) }) else {
            Issue.record("read a tampered line"); return
        }
        #expect(table == "voucher_line" && column == "side" && value.contains("X"))
    }
}
