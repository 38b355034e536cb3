import Foundation
import FundCore
@testable import FundStore
import Testing

/// Bank statements (银行对账单): imported once per account with their running balance checked,
/// matched to the book's 102 lines automatically or by hand, and the 调节表's input read from them.
@Suite struct BankStatementTests {
    static func statement(_ text: String) throws -> String { try ImportServiceTests.file("statement.csv", "\u{FEFF}" + text) }

    @Test func aStatementIsImportedOnceWithItsRunningBalanceChecked() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳")
        let path = try Self.statement("日期,摘要,收入,支出,余额,参考号\n2026-05-06,会费转入,\"1,000.00\",,1000.00,A1\n2026/5/8,手续费,,５.00,995.00,A2\n")
        let done = try officer.cash.importStatement(organization: "FED-01", account: "102", path: path)
        #expect(done.rows == 2 && done.opening == Money(fen: 0) && done.closing == Money(fen: 99_500))
        #expect(done.from == LocalDate(year: 2026, month: 5, day: 6)! && done.to == LocalDate(year: 2026, month: 5, day: 8)!)
        let error = bookError { _ = try officer.cash.importStatement(organization: "FED-01", account: "102", path: path) }
        #expect(error?.rule == "statement-already-imported" && error?.category == .conflict)
        // A balance that does not follow from the rows is refused with its line.
        let broken = try Self.statement("日期,摘要,收入,支出,余额\n2026-06-01,会费,100.00,,1095.00\n2026-06-02,付款,,50.00,1040.00\n")
        let refusal = bookError { _ = try officer.cash.importStatement(organization: "FED-01", account: "102", path: broken) }
        guard case let .cash(.statementBalanceBroken(_, line, previous, movement, stated))? = refusal else { Issue.record("\(String(describing: refusal))"); return }
        #expect(line == 3 && previous == Money(fen: 109_500) && movement == Money(fen: -5_000) && stated == Money(fen: 104_000))
        #expect(refusal?.text(.chinese).contains("第 3 行") == true && refusal?.text(.chinese).contains("[statement-balance]") == true)
        // Days over an imported statement, a gap in the balances, an account that is not a bank's.
        let overlap = try Self.statement("日期,摘要,收入,支出,余额\n2026-05-08,会费,100.00,,1095.00\n")
        #expect(bookError { _ = try officer.cash.importStatement(organization: "FED-01", account: "102", path: overlap) }?.rule == "statement-overlaps")
        let gap = try Self.statement("日期,摘要,收入,支出,余额\n2026-06-01,会费,100.00,,100.00\n")
        #expect(bookError { _ = try officer.cash.importStatement(organization: "FED-01", account: "102", path: gap) }?.rule == "statement-continuity")
        let next = try Self.statement("日期,摘要,收入,支出,余额\n2026-06-01,会费,100.00,,1095.00\n")
        #expect(bookError { _ = try officer.cash.importStatement(organization: "FED-01", account: "101", path: next) }?.rule == "not-a-bank-account")
        // Nothing of a refused statement was kept; the one that continues is taken.
        #expect(try officer.cash.statementLines(organization: "FED-01", account: "102").count == 2)
        #expect(try officer.cash.importStatement(organization: "FED-01", account: "102", path: next).opening == Money(fen: 99_500))
        // Another organisation's officer imports nothing here.
        try book.admin.access.grant(RoleGrant(user: "赵六", role: .officer, organization: "CTY-01"))
        #expect(bookError { _ = try book.session("赵六").cash.importStatement(organization: "FED-01", account: "102", path: next) }?.isNotPermitted == true)
        #expect(try book.admin.verification.verify().problems.isEmpty)
    }

    @Test func aStatementSavedAsGBKWithBadRowsIsRefusedRowByRow() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳")
        // 日期,摘要,收入,支出,余额,参考号 / 2026/5/6,会费转入,"1,000.00",,"1,000.00",A1 / 2026年5月8日,手续费,,5.00,995.00,A2, in GBK with CRLF.
        let bytes: [UInt8] = [
            0xC8, 0xD5, 0xC6, 0xDA, 0x2C, 0xD5, 0xAA, 0xD2, 0xAA, 0x2C, 0xCA, 0xD5, 0xC8, 0xEB, 0x2C, 0xD6, 0xA7, 0xB3, 0xF6, 0x2C, 0xD3, 0xE0, 0xB6, 0xEE,
            0x2C, 0xB2, 0xCE, 0xBF, 0xBC, 0xBA, 0xC5, 0x0D, 0x0A, 0x32, 0x30, 0x32, 0x36, 0x2F, 0x35, 0x2F, 0x36, 0x2C, 0xBB, 0xE1, 0xB7, 0xD1, 0xD7, 0xAA,
            0xC8, 0xEB, 0x2C, 0x22, 0x31, 0x2C, 0x30, 0x30, 0x30, 0x2E, 0x30, 0x30, 0x22, 0x2C, 0x2C, 0x22, 0x31, 0x2C, 0x30, 0x30, 0x30, 0x2E, 0x30, 0x30,
            0x22, 0x2C, 0x41, 0x31, 0x0D, 0x0A, 0x32, 0x30, 0x32, 0x36, 0xC4, 0xEA, 0x35, 0xD4, 0xC2, 0x38, 0xC8, 0xD5, 0x2C, 0xCA, 0xD6, 0xD0, 0xF8, 0xB7,
            0xD1, 0x2C, 0x2C, 0x35, 0x2E, 0x30, 0x30, 0x2C, 0x39, 0x39, 0x35, 0x2E, 0x30, 0x30, 0x2C, 0x41, 0x32, 0x0D, 0x0A,
        ]
        let gbk = try ImportServiceTests.file("gbk.csv", "")
        try Data(bytes).write(to: URL(fileURLWithPath: gbk))
        #expect(try officer.cash.importStatement(organization: "FED-01", account: "102", path: gbk).closing == Money(fen: 99_500))
        let lines = try officer.cash.statementLines(organization: "FED-01", account: "102")
        #expect(lines.map(\.row.summary) == ["会费转入", "手续费"] && lines.map(\.row.reference) == ["A1", "A2"])
        let bad = try Self.statement("日期,摘要,收入,支出,余额\n2026-07-01,两边都有,10.00,5.00,1000.00\n2026-13-01,错日期,1.00,,1001.00\n2026-07-02,无金额,,,1001.00\n")
        var rules: [String] = []
        do { _ = try officer.cash.importStatement(organization: "FED-01", account: "102", path: bad) } catch let errors as InputErrors {
            rules = errors.errors.map(\.rule)
        }
        #expect(rules == ["statement-both-sides", "bad-date", "statement-no-amount"])
        let missing = try Self.statement("日期,摘要,收入,余额\n2026-07-01,会费,10.00,1000.00\n")
        do { _ = try officer.cash.importStatement(organization: "FED-01", account: "102", path: missing); Issue.record("a statement without 支出 was read") }
        catch let errors as InputErrors { #expect(errors.errors.map(\.rule) == ["missing-column"]) }
    }

    @Test func rowsMatchAutomaticallyOrByHandAndTheReconciliationReadsWhatIsOutstanding() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳")
        try book.post("2026-05-06", [("102", 100_000), ("401", -100_000)])
        let late = try book.post("2026-05-10", [("102", 5_000), ("401", -5_000)])
        try book.post("2026-05-20", [("50504", 30_000), ("102", -30_000)])
        let cheque = try book.post("2026-05-28", [("50504", 20_000), ("102", -20_000)])
        #expect(bookError { _ = try officer.cash.reconciliation(organization: "FED-01", account: "102", date: LocalDate(year: 2026, month: 5, day: 31)!) }?.rule
                == "no-statement")
        let path = try Self.statement("""
            日期,摘要,收入,支出,余额
            2026-05-07,会费转入,1000.00,,1000.00
            2026-05-18,会费转入,50.00,,1050.00
            2026-05-22,转账支付,,300.00,750.00
            2026-05-31,手续费,,5.00,745.00
            2026-05-31,结息,1.20,,746.20

            """)
        try officer.cash.importStatement(organization: "FED-01", account: "102", path: path)
        // 1,000 a day apart and 300 two days apart match; 50 lies eight days from its voucher.
        #expect(try officer.cash.matchAutomatically(organization: "FED-01", account: "102") == 2)
        #expect(try officer.cash.matchAutomatically(organization: "FED-01", account: "102") == 0)
        let rows = try officer.cash.statementLines(organization: "FED-01", account: "102")
        let fifty = try #require(rows.first { $0.row.amountFen == 5_000 }), fee = try #require(rows.first { $0.row.amountFen == 500 })
        #expect(rows.filter { $0.match?.method == "auto" }.count == 2)
        #expect(bookError { try officer.cash.match(organization: "FED-01", line: fee.id, voucherID: cheque.id) }?.rule == "match-differs")
        try officer.cash.match(organization: "FED-01", line: fifty.id, voucherID: late.id)
        #expect(bookError { try officer.cash.match(organization: "FED-01", line: fifty.id, voucherID: late.id) }?.rule == "statement-line-matched")
        let matched = try #require(try officer.cash.statementLines(organization: "FED-01", account: "102").first { $0.id == fifty.id }?.match)
        #expect(matched.method == "manual" && matched.matchedBy == "王芳" && matched.voucher == late.ref)
        // Book 550.00 + 1.20 - 5.00 = 546.20; bank 746.20 - 200.00 (the cheque not yet presented) = 546.20.
        let input = try officer.cash.reconciliation(organization: "FED-01", account: "102", date: LocalDate(year: 2026, month: 5, day: 31)!)
        #expect(input.bookBalanceFen == 55_000 && input.bankBalanceFen == 74_620)
        #expect(input.bankOnly.map(\.signedFen) == [-500, 120] && input.bookOnly.map(\.signedFen) == [-20_000])
        #expect(input.bookOnly.first?.reference == cheque.ref?.description)
        // Before the 300 reached the bank, it is outstanding on the book's side.
        let earlier = try officer.cash.reconciliation(organization: "FED-01", account: "102", date: LocalDate(year: 2026, month: 5, day: 21)!)
        #expect(earlier.bankBalanceFen == 105_000 && earlier.bookOnly.map(\.signedFen) == [-30_000] && earlier.bankOnly.isEmpty)
        // Unmatching records who; the row is outstanding again on both sides, and may be matched again.
        try officer.cash.unmatch(organization: "FED-01", line: fifty.id)
        #expect(bookError { try officer.cash.unmatch(organization: "FED-01", line: fifty.id) }?.rule == "statement-line-unmatched")
        let again = try officer.cash.reconciliation(organization: "FED-01", account: "102", date: LocalDate(year: 2026, month: 5, day: 31)!)
        #expect(again.bankOnly.map(\.signedFen) == [5_000, -500, 120] && again.bookOnly.map(\.signedFen) == [5_000, -20_000])
        try officer.cash.match(organization: "FED-01", line: fifty.id, voucherID: late.id)
        #expect(bookError { try officer.cash.unmatch(organization: "FED-01", line: 9_999) }?.rule == "statement-line-not-found")
        #expect(bookError { try officer.cash.matchAutomatically(organization: "FED-01", account: "102", days: 99) }?.rule == "match-days")
        #expect(try book.admin.verification.verify().problems.isEmpty)
    }
}
