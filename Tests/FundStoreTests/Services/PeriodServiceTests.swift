import FundCore
import GRDB
@testable import FundStore
import Testing

@Suite struct PeriodServiceTests {
    @Test func closesInOrderAndRecordsTheSessionsUser() throws {
        let book = try InMemoryBook()
        try book.post("2026-02-10", [("102", 100), ("401", -100)])
        try book.post("2026-03-10", [("102", 100), ("401", -100)])
        let officer = book.session("王芳").periods
        let march = Period(year: 2026, month: 3)!, february = Period(year: 2026, month: 2)!
        guard case .closeOutOfOrder(_, _, let open)? = bookError({ try officer.close(organization: "FED-01", period: march, reviewer: "李强") }) else {
            Issue.record("closed March before February"); return
        }
        #expect(open == february)
        try officer.close(organization: "FED-01", period: february, reviewer: "李强")
        try officer.close(organization: "FED-01", period: march, reviewer: "李强")
        #expect(bookError { try officer.close(organization: "FED-01", period: march, reviewer: "李强") }?.rule == "period-already-closed")
        #expect(try officer.closedPeriods(organization: "FED-01") == [february, march])
        #expect(try officer.periodLog(organization: "FED-01").map(\.by) == ["王芳", "王芳"])
    }

    @Test func reopensTheLatestMonthWithAReason() throws {
        let book = try InMemoryBook()
        try book.post("2026-02-10", [("102", 100), ("401", -100)])
        try book.post("2026-03-10", [("102", 100), ("401", -100)])
        let officer = book.session("李强").periods
        let march = Period(year: 2026, month: 3)!, february = Period(year: 2026, month: 2)!
        try officer.close(organization: "FED-01", period: february, reviewer: "王芳")
        try officer.close(organization: "FED-01", period: march, reviewer: "王芳")
        #expect(bookError { try officer.reopen(organization: "FED-01", period: march, reason: "  ", reviewer: "王芳") }?.rule == "missing-reason")
        guard case .reopenOutOfOrder(_, _, let closed)? = bookError({ try officer.reopen(organization: "FED-01", period: february, reason: "补记", reviewer: "王芳") }) else {
            Issue.record("reopened February under a closed March"); return
        }
        #expect(closed == march)
        try officer.reopen(organization: "FED-01", period: march, reason: "补记3月会费", reviewer: "王芳")
        let log = try officer.periodLog(organization: "FED-01")
        #expect(log.map(\.action) == ["close", "close", "reopen"])
        #expect(log.last?.by == "李强" && log.last?.reason == "补记3月会费")
        #expect(bookError { try officer.reopen(organization: "FED-01", period: march, reason: "再补", reviewer: "王芳") }?.rule == "period-not-closed")
    }

    @Test func refusesMonthsWithDraftsAndOtherPeoplesBooks() throws {
        let book = try InMemoryBook()
        let draft = VoucherDraft(organization: "FED-01", date: LocalDate(parsing: "2026-04-02")!, summary: "未审核", attachments: 0, preparer: "王芳",
                                 lines: [VoucherLine(accountCode: "102", side: .debit, amount: Money(fen: 5)),
                                         VoucherLine(accountCode: "401", side: .credit, amount: Money(fen: 5))])
        _ = try book.session("王芳").vouchers.addVoucher(draft)
        let april = Period(year: 2026, month: 4)!
        #expect(bookError { try book.session("王芳").periods.close(organization: "FED-01", period: april, reviewer: "李强") }?.rule == "unposted-vouchers")
        let refusal = bookError { try book.session("王芳").periods.close(organization: "CTY-01", period: april, reviewer: "李强") }
        #expect(refusal?.category == .notPermitted)
        #expect(bookError { try book.session("王芳").periods.close(organization: "NOPE", period: april, reviewer: "李强") }?.category != nil)
    }

    @Test func aTamperedMonthIsAnErrorNamingTheTable() throws {
        let book = try InMemoryBook()
        try book.post("2026-02-10", [("102", 100), ("401", -100)])
        try book.session("王芳").periods.close(organization: "FED-01", period: Period(year: 2026, month: 2)!, reviewer: "李强")
        // Behind the program's back: its triggers and checks dropped, as anyone holding the file can.
        try book.store.database.writeWithoutTransaction { db in
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'period_log'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE period_log SET action = 'burn'")
        }
        guard case let .storedValueInvalid(table, column, value, _)? = bookError({ _ = try book.admin.periods.periodLog(organization: "FED-01") }) else {
            Issue.record("read a tampered period log"); return
        }
        #expect(table == "period_log" && column == "action" && value.contains("burn"))
    }
}
