import FundCore
import Testing

/// The cash rule as a pure decision: the first day a payment would leave the account in credit.
@Suite struct CashRulesTests {
    static func day(_ d: Int) -> LocalDate { LocalDate(year: 2026, month: 5, day: d)! }

    @Test func kindsAreTheMoneyAccountsAndTheirDetails() {
        #expect(CashRules.kind(of: "101") == .cash && CashRules.kind(of: "10101") == .cash)
        #expect(CashRules.kind(of: "102") == .bank && CashRules.kind(of: "10202") == .bank)
        #expect(CashRules.kind(of: "111") == nil && CashRules.kind(of: "50101") == nil)
    }

    @Test func netChangesAddEachMoneyAccountsLines() throws {
        let lines = [VoucherLine(accountCode: "50504", side: .debit, amount: Money(fen: 900)),
                     VoucherLine(accountCode: "101", side: .credit, amount: Money(fen: 400)),
                     VoucherLine(accountCode: "101", side: .credit, amount: Money(fen: 100)),
                     VoucherLine(accountCode: "102", side: .credit, amount: Money(fen: 400))]
        #expect(try CashRules.netChanges(lines, organization: "FED-01", period: Self.day(1).period) == ["101": -500, "102": -400])
    }

    /// Rule order: a receipt never short; a payment short on its own date; one that fits its date
    /// but takes a later posted day below zero; one that fits every day.
    @Test func theFirstDayInCreditIsNamed() throws {
        let position = CashPosition(opening: 10_000, days: [Self.day(10): -2_000, Self.day(12): -7_500])
        #expect(try CashRules.shortfall(organization: "FED-01", account: "101", date: Self.day(11), change: 50_000, position: position) == nil)
        let onDate = try CashRules.shortfall(organization: "FED-01", account: "101", date: Self.day(10), change: -9_000, position: position)
        #expect(onDate?.date == Self.day(10) && onDate?.balance == Money(fen: -1_000) && onDate?.credit == Money(fen: 1_000))
        let later = try CashRules.shortfall(organization: "FED-01", account: "101", date: Self.day(11), change: -600, position: position)
        #expect(later?.date == Self.day(12) && later?.voucherDate == Self.day(11) && later?.balance == Money(fen: -100))
        #expect(try CashRules.shortfall(organization: "FED-01", account: "101", date: Self.day(11), change: -500, position: position) == nil)
        // Days before the voucher's date count towards its opening.
        #expect(try CashRules.shortfall(organization: "FED-01", account: "101", date: Self.day(13), change: -501, position: position)?.balance
                == Money(fen: -1))
    }

    @Test func aSumBeyondInt64IsAnOverflowNotATrap() {
        let position = CashPosition(opening: Int64.min + 1, days: [Self.day(2): -5])
        #expect(throws: SumOverflow.self) {
            _ = try CashRules.shortfall(organization: "FED-01", account: "101", date: Self.day(3), change: -1, position: position)
        }
    }
}
