import PropertyBased
import Testing
@testable import FundCore

/// Amounts, dates and voucher names as people type them and spreadsheets export them.
@Suite struct TextInputTests {
    @Test(arguments: [
        ("1234.56", Int64(123456)), ("1,234.56", 123456), ("¥1,234.56", 123456), ("￥85000", 8_500_000),
        ("-¥1,000", -100_000), ("¥-1,000.5", -100_050), ("１，２３４．５６", 123456), ("－１２", -1200),
        (" 12,345,678.90 ", 1_234_567_890), ("\u{3000}85,000.00", 8_500_000), ("999", 99900), ("1,000", 100_000),
        ("+5", 500), ("0.01", 1), ("92,233,720,368,547,758.07", Int64.max), ("-92,233,720,368,547,758.08", Int64.min),
    ])
    func amountsAsPeopleWriteThem(text: String, fen: Int64) throws {
        #expect(try Money(input: text).fen == fen)
    }

    /// Each refused form and its reason, ambiguous grouping first.
    @Test func refusesAmbiguousAndBadAmounts() {
        let cases: [(String, MoneyError)] = [
            ("1,23", .ambiguousGrouping(text: "1,23")),
            ("12,3456", .ambiguousGrouping(text: "12,3456")),
            ("1234,567", .ambiguousGrouping(text: "1234,567")),
            ("1,234,5", .ambiguousGrouping(text: "1,234,5")),
            (",123", .ambiguousGrouping(text: ",123")),
            ("1.234,56", .ambiguousGrouping(text: "1.234,56")),
            ("1,234.5,6", .ambiguousGrouping(text: "1,234.5,6")),
            ("五百元", .invalidInputCharacter(text: "五百元", character: "五")),
            ("1e3", .invalidInputCharacter(text: "1e3", character: "e")),
            ("12元", .invalidInputCharacter(text: "12元", character: "元")),
            ("¥¥1", .invalidInputCharacter(text: "¥¥1", character: "¥")),
            ("$12", .invalidInputCharacter(text: "$12", character: "$")),
            ("--1", .misplacedSign(text: "--1")),
            ("-¥-1", .misplacedSign(text: "-¥-1")),
            ("1.234", .tooManyDecimals(text: "1.234")),
            ("¥", .noDigits(text: "¥")),
            ("", .empty),
            ("  ", .empty),
            ("92,233,720,368,547,758.08", .outOfRange(text: "92,233,720,368,547,758.08")),
        ]
        for (text, error) in cases {
            #expect(throws: error, "\(text)") { try Money(input: text) }
        }
        #expect(MoneyError.ambiguousGrouping(text: "1,23").description.contains("three digits to a group"))
    }

    /// Whatever a listing prints (grouped, with or without ¥) reads back as the same fen.
    @Test func printedAmountsReadBack() async {
        let fen = Gen.oneOf(Gen.int64(in: -1...1), Gen.int64(in: Int64.min...Int64.max), Gen.int64(in: -10_000_000...10_000_000),
                            Gen.int64(in: (Int64.max - 100)...Int64.max), Gen.int64(in: Int64.min...(Int64.min + 100)))
        await propertyCheck(count: 1000, input: fen) { (value: Int64) async throws in
            let money = Money(fen: value)
            #expect(try Money(input: money.grouped) == money)
            #expect(try Money(input: money.description) == money)
            let signed = money.isNegative ? "-¥" + money.grouped.dropFirst() : "¥" + money.grouped
            #expect(try Money(input: signed) == money)
        }
    }

    @Test func datesAsPeopleWriteThem() {
        for text in ["2026-02-03", "2026-2-3", "2026/2/3", "2026/02/03", "2026.2.3", "2026年2月3日", "２０２６年２月３日", " 2026/2/3 "] {
            #expect(LocalDate(input: text)?.description == "2026-02-03", "\(text)")
        }
        for text in ["2026/2/30", "03/02/2026", "2026-2/3", "26/2/3", "2026/002/3", "2026年2月3", "2026-02", "", "二〇二六年二月三日"] {
            #expect(LocalDate(input: text) == nil, "\(text)")
        }
        #expect(Period(input: "2026-5")?.description == "2026-05")
        #expect(Period(input: "2026年5月")?.description == "2026-05")
        #expect(Period(input: "2026/13") == nil)
        #expect(Period(input: "5") == nil)
    }

    @Test func vouchersAreNamedByNumberAndMonthOrByHashID() throws {
        let may = Period(year: 2026, month: 5)!
        #expect(try VoucherName.parse("2026-05/记-0003", period: nil) == .number(VoucherRef(period: may, word: "记", number: 3)))
        #expect(try VoucherName.parse("记-0003", period: may) == .number(VoucherRef(period: may, word: "记", number: 3)))
        #expect(try VoucherName.parse("记-3", period: may) == .number(VoucherRef(period: may, word: "记", number: 3)))
        #expect(try VoucherName.parse("#12", period: nil) == .id(12))
        #expect(try VoucherName.parse("＃12", period: may) == .id(12))
        #expect(throws: VoucherNameProblem.bareNumber(number: 8, period: nil)) { try VoucherName.parse("8", period: nil) }
        #expect(throws: VoucherNameProblem.periodNeeded(word: "记", number: 3)) { try VoucherName.parse("记-0003", period: nil) }
        #expect(throws: VoucherNameProblem.periodMismatch(ref: VoucherRef(period: Period(year: 2026, month: 4)!, word: "记", number: 3), period: may)) {
            try VoucherName.parse("2026-04/记-0003", period: may)
        }
        #expect(try VoucherName.parse("三月", period: may) == nil)
        #expect(try VoucherName.parse("#0", period: nil) == nil)
        let message = VoucherNameProblem.bareNumber(number: 8, period: nil).description
        #expect(message.contains("2026-05/记-0008") && message.contains("#8"))
    }

    @Test func typedPostingsSplitOnAnyWhitespace() throws {
        var parser = JournalParser(file: "--line", defaultPreparer: "王芳")
        parser.typedPostings = true
        _ = try parser.feed("2026-05-06 * x", line: 0)
        _ = try parser.feed("    102 85,000.00", line: 1)
        _ = try parser.feed("    401 会费收入\t-¥85,000 ; memo:五月", line: 2)
        let entry = try #require(try parser.finish())
        #expect(entry.draft.lines.map(\.accountCode) == ["102", "401"])
        #expect(entry.draft.lines.map(\.amount.fen) == [8_500_000, 8_500_000])
        #expect(entry.accountNames == [nil, "会费收入"])
        #expect(entry.draft.lines[1].summary == "五月")

        var strict = JournalParser(file: "x.journal", defaultPreparer: "王芳")
        _ = try strict.feed("2026-05-06 * x", line: 1)
        #expect(throws: InputError.self) { try strict.feed("    102 85000", line: 2) }
    }

    @Test func accountNamesMustBeTheChartsFullOrOwnName() throws {
        let chart = Chart.standard(.grassroots)
        func entry(_ code: String, _ name: String?) -> JournalEntry {
            let draft = VoucherDraft(organization: "FED-01", date: LocalDate(year: 2026, month: 5, day: 6)!, summary: "x", attachments: 0,
                                     preparer: "王芳", lines: [VoucherLine(accountCode: code, side: .debit, amount: Money(fen: 1))])
            return JournalEntry(draft: draft, organization: nil, headerLine: 1, postingLines: [2], accountNames: [name])
        }
        #expect(entry("401", "会费收入").accountNameMismatches(in: chart).isEmpty)
        #expect(entry("401", nil).accountNameMismatches(in: chart).isEmpty)
        let full = try #require(chart.fullName("40301"))
        #expect(entry("40301", full).accountNameMismatches(in: chart).isEmpty)
        #expect(entry("40301", String(full.split(separator: "/").last!)).accountNameMismatches(in: chart).isEmpty)
        let wrong = entry("401", "银行存款").accountNameMismatches(in: chart)
        #expect(wrong == [AccountNameMismatch(lineIndex: 0, code: "401", expected: "会费收入", given: "银行存款")])
        #expect(wrong.first?.description.contains("\"会费收入\"") == true && wrong.first?.description.contains("\"银行存款\"") == true)
    }
}
