import FundCore
import Testing

/// The statement reader's rows and running balance, and the automatic match's choices.
@Suite struct BankStatementReaderTests {
    static func records(_ lines: [String]) -> [(line: Int, fields: [String])] {
        lines.enumerated().map { ($0.offset + 1, $0.element.components(separatedBy: ",")) }
    }

    @Test func theRunningBalanceGivesTheOpeningOrTheFirstBrokenLine() throws {
        let rows = try BankStatementReader.read(file: "s.csv", records: Self.records([
            "交易日期,用途,收入金额,支出金额,账户余额,流水号", "2026-05-06,会费,100.00,,600.00,1", "2026-05-07,付款,,50.00,550.00,2",
        ])).get()
        #expect(rows.map(\.side) == [.debit, .credit] && rows.map(\.reference) == ["1", "2"])
        #expect(try BankStatementReader.openingBalance(file: "s.csv", rows: rows) == 50_000)
        var broken = rows
        broken[1].balanceFen = 55_001
        #expect(throws: CashRefusal.statementBalanceBroken(file: "s.csv", line: 3, previous: Money(fen: 60_000), movement: Money(fen: -5_000),
                                                           stated: Money(fen: 55_001))) {
            try BankStatementReader.openingBalance(file: "s.csv", rows: broken)
        }
        // Dates never go back; a negative 收入 is refused.
        guard case let .failure(errors) = BankStatementReader.read(file: "s.csv", records: Self.records([
            "日期,摘要,收入,支出,余额", "2026-05-07,a,1.00,,1.00", "2026-05-06,b,1.00,,2.00", "2026-05-08,c,-1.00,,1.00",
        ])) else { Issue.record("read"); return }
        #expect(errors.errors.map(\.rule) == ["statement-date-order", "bad-amount"] && errors.errors.map(\.line) == [3, 4])
    }

    @Test func theAutomaticMatchTakesTheNearestDateAndUsesEachLineOnce() {
        func day(_ d: Int) -> LocalDate { LocalDate(year: 2026, month: 5, day: d)! }
        let statement = [BankMatching.Item(id: 1, date: day(10), signedFen: -300), BankMatching.Item(id: 2, date: day(11), signedFen: -300),
                         BankMatching.Item(id: 3, date: day(20), signedFen: 500)]
        let book = [BankMatching.Item(id: 11, date: day(6), signedFen: -300), BankMatching.Item(id: 12, date: day(9), signedFen: -300),
                    BankMatching.Item(id: 13, date: day(12), signedFen: 500)]
        let pairs = BankMatching.automatic(statement: statement, book: book, days: 3)
        // Row 1 takes the line a day away; row 2 finds the other one five days off, beyond 3; 500 is eight days off.
        #expect(pairs.map { [$0.statementLineID, $0.voucherLineID] } == [[1, 12]])
        #expect(BankMatching.automatic(statement: statement, book: book, days: 8).map { [$0.statementLineID, $0.voucherLineID] } == [[1, 12], [2, 11], [3, 13]])
    }
}
