import Testing
@testable import FundCore

@Suite struct YearEndRulesTests {
    let december = Period(year: 2026, month: 12)!

    /// Rule order: a closed December is reported before unposted vouchers.
    @Test func decemberClosedComesFirst() {
        let unposted = [UnpostedVoucher(id: 7, date: "2026-03-01"), UnpostedVoucher(id: 9, date: "2026-05-02")]
        #expect(YearEnd.problem(december: december, decemberClosed: true, unposted: unposted) == .decemberClosed(december))
        #expect(YearEnd.problem(december: december, decemberClosed: false, unposted: unposted)
            == .unpostedVouchers(december: december, vouchers: unposted))
        #expect(unposted.map(\.label) == ["#7 2026-03-01", "#9 2026-05-02"])
        #expect(YearEnd.problem(december: december, decemberClosed: false, unposted: []) == nil)
    }

    @Test func anEarlierYearIsCheckedOnTheFirstIncomeOrExpenditureBalance() {
        let balances = [FundBalance(accountCode: "102", project: nil, source: nil, netFen: 500),
                        FundBalance(accountCode: "401", project: nil, source: nil, netFen: 0),
                        FundBalance(accountCode: "50105", project: nil, source: nil, netFen: 200),
                        FundBalance(accountCode: "401", project: "XB-1", source: nil, netFen: -700)]
        #expect(YearEnd.accountToCheckForEarlierYears(balances) == "50105")
        #expect(YearEnd.accountToCheckForEarlierYears(Array(balances.prefix(2))) == nil)
        #expect(YearEnd.problem(year: 2026, earlierNetFen: -1) == .priorYearOpen(year: 2025))
        #expect(YearEnd.problem(year: 2026, earlierNetFen: 0) == nil)
    }

    @Test func aCancellationNegatesEveryLineOnItsOwnSide() {
        let ref = VoucherRef(period: december, word: "记", number: 2)
        let original = VoucherDraft(organization: "FED-01", date: LocalDate(year: 2026, month: 12, day: 31)!, summary: "结转2026年收入",
                                    preparer: "王芳", kind: .closing,
                                    lines: [VoucherLine(accountCode: "401", side: .debit, amount: Money(fen: 500)),
                                            VoucherLine(accountCode: "32203", side: .credit, amount: Money(fen: 500), dimensions: Dimensions(project: "XB-1"))])
        let red = YearEnd.cancellation(of: original, ref: ref, organization: "FED-01", preparer: "李强")
        #expect(red.reverses == ref && red.kind == .closing && red.date == original.date && red.preparer == "李强")
        #expect(red.summary == "注销记字第2号年终结转凭证")
        #expect(red.lines == original.lines.map { $0.reversed() })
        #expect(red.lines.map(\.side) == [.debit, .credit] && red.lines.map(\.amount.fen) == [-500, -500])
        #expect(red.lines.last?.dimensions.project == "XB-1")
    }
}
