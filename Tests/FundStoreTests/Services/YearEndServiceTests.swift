import FundCore
@testable import FundStore
import Testing

@Suite struct YearEndServiceTests {
    @Test func carriesTheYearOnceAndLogsItAsTheSessionsUser() throws {
        let book = try InMemoryBook()
        try book.post("2026-03-10", [("102", 500_00), ("401", -500_00)])
        try book.post("2026-04-10", [("50105", 200_00), ("102", -200_00)])
        let officer = book.session("王芳").yearEnd
        let summary = try officer.closeYear(organization: "FED-01", year: 2026, reviewer: "李强")
        // Each open month is carried in its own month (期末结转), then the year is cleared into 累计.
        #expect(summary.vouchers.map(\.description) == ["2026-03/记-0002", "2026-04/记-0002", "2026-12/记-0001"])
        let balances = try officer.fundBalances(organization: "FED-01", through: 2026)
        #expect(Set(balances) == [FundBalance(accountCode: "102", project: nil, source: nil, netFen: 300_00),
                                  FundBalance(accountCode: "32205", project: nil, source: nil, netFen: -300_00)])
        #expect(try officer.closeYear(organization: "FED-01", year: 2026, reviewer: "李强").alreadyDone)
        let log = try book.session("王芳").periods.periodLog(organization: "FED-01")
        #expect(log.map(\.action) == ["close-year"] && log.first?.by == "王芳" && log.first?.period == Period(year: 2026, month: 12))
    }

    @Test func reopensByRedInkLatestFirstWithTheReasonLogged() throws {
        let book = try InMemoryBook()
        try book.post("2026-03-10", [("102", 500_00), ("401", -500_00)])
        let closed = try book.session("王芳").yearEnd.closeYear(organization: "FED-01", year: 2026, reviewer: "李强")
        let officer = book.session("李强").yearEnd
        #expect(bookError { _ = try officer.reopenYear(organization: "FED-01", year: 2026, reason: " ", reviewer: "王芳") }?.rule == "missing-reason")
        let reopened = try officer.reopenYear(organization: "FED-01", year: 2026, reason: "补记12月支出", reviewer: "王芳")
        #expect(reopened.vouchers.count == closed.vouchers.count)
        let vouchers = try book.session("李强").vouchers.vouchers(organization: "FED-01")
        let redInk = vouchers.filter { $0.draft.reverses != nil }.sorted { $0.id < $1.id }
        #expect(redInk.map { $0.draft.reverses } == closed.vouchers.reversed().map { Optional($0) })
        #expect(redInk.allSatisfy { $0.draft.kind == .closing && $0.draft.summary.hasPrefix("注销") && $0.draft.preparer == "李强" })
        #expect(try officer.fundBalances(organization: "FED-01", through: 2026).map(\.accountCode).sorted() == ["102", "401"])
        #expect(try officer.reopenYear(organization: "FED-01", year: 2026, reason: "再来", reviewer: "王芳").alreadyDone)
        let log = try book.session("李强").periods.periodLog(organization: "FED-01")
        #expect(log.map(\.action) == ["close-year", "reopen-year"])
        #expect(log.last?.by == "李强" && log.last?.reason == "补记12月支出")
    }

    @Test func refusesAYearThatIsNotReady() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳")
        try book.post("2025-06-10", [("102", 100_00), ("401", -100_00)])
        try book.post("2026-06-10", [("102", 100_00), ("401", -100_00)])
        let earlier = bookError { _ = try officer.yearEnd.closeYear(organization: "FED-01", year: 2026, reviewer: "李强") }
        guard case let .priorYearOpen(organization, year)? = earlier else { Issue.record("carried 2026 over an open 2025"); return }
        #expect(organization == "FED-01" && year == 2025 && earlier?.category == .conflict)
        _ = try officer.yearEnd.closeYear(organization: "FED-01", year: 2025, reviewer: "李强")

        let draft = VoucherDraft(organization: "FED-01", date: LocalDate(parsing: "2026-07-01")!, summary: "未过账", preparer: "王芳",
                                 lines: [VoucherLine(accountCode: "102", side: .debit, amount: Money(fen: 1)),
                                         VoucherLine(accountCode: "401", side: .credit, amount: Money(fen: 1))])
        let unposted = try officer.vouchers.addVoucher(draft)
        guard case let .unpostedVouchers(_, period, vouchers)? = bookError({ _ = try officer.yearEnd.closeYear(organization: "FED-01", year: 2026, reviewer: "李强") }) else {
            Issue.record("carried a year with a draft in it"); return
        }
        #expect(period == Period(year: 2026, month: 12) && vouchers.map(\.label) == ["#\(unposted.id) 2026-07-01"])
        try officer.vouchers.deleteDraft(id: unposted.id)

        for month in ["2025-06", "2025-12", "2026-06", "2026-12"] {
            try officer.periods.close(organization: "FED-01", period: Period(parsing: month)!, reviewer: "李强")
        }
        #expect(bookError { _ = try officer.yearEnd.closeYear(organization: "FED-01", year: 2026, reviewer: "李强") }?.rule == "period-closed")
        #expect(bookError { _ = try officer.yearEnd.reopenYear(organization: "FED-01", year: 2026, reason: "x", reviewer: "李强") }?.rule == "period-closed")
    }

    @Test func refusesOtherPeoplesBooksAndYearsOutsideTheCalendar() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳").yearEnd
        #expect(bookError { _ = try officer.closeYear(organization: "CTY-01", year: 2026, reviewer: "李强") }?.category == .notPermitted)
        #expect(bookError { _ = try officer.fundBalances(organization: "CTY-01", through: 2026) }?.category == .notPermitted)
        #expect(bookError { _ = try officer.closeYear(organization: "NOPE", year: 2026, reviewer: "李强") } != nil)
        let outside = bookError { _ = try officer.closeYear(organization: "FED-01", year: 12026, reviewer: "李强") }
        guard case .yearOutOfRange(12026)? = outside else { Issue.record("carried the year 12026"); return }
        #expect(outside?.rule == "year-out-of-range" && outside?.category == .invalidInput)
        #expect(outside?.description == "12026 is not a year the book can keep; give a year from 1900 to 9999")
        #expect(bookError { _ = try officer.reopenYear(organization: "FED-01", year: 1066, reason: "x", reviewer: "李强") }?.rule == "year-out-of-range")
    }
}
