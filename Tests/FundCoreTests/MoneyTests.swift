import PropertyBased
import Testing
@testable import FundCore

@Suite struct MoneyTests {
    @Test(arguments: [
        ("12", Int64(1200)), ("12.3", 1230), ("12.30", 1230), ("-0.01", -1), ("0", 0), ("+5", 500), (".5", 50),
        ("0.00", 0), ("-12", -1200), ("92233720368547758.07", Int64.max), ("-92233720368547758.08", Int64.min),
        ("007.10", 710),
    ])
    func parsesStraightToFen(text: String, fen: Int64) throws {
        #expect(try Money(parsing: text).fen == fen)
    }

    /// Each bad amount and the rule that refuses it.
    @Test func refusesBadText() {
        let cases: [(String, MoneyError)] = [
            ("", .empty),
            ("1.234", .tooManyDecimals(text: "1.234")),
            ("1e3", .invalidCharacter(text: "1e3", character: "e")),
            ("12,5", .invalidCharacter(text: "12,5", character: ",")),
            ("1,000.00", .invalidCharacter(text: "1,000.00", character: ",")),
            ("--1", .misplacedSign(text: "--1")),
            ("1-", .misplacedSign(text: "1-")),
            ("1.2.3", .invalidCharacter(text: "1.2.3", character: ".")),
            ("-", .noDigits(text: "-")),
            (".", .noDigits(text: ".")),
            ("12.", .noDigits(text: "12.")),
            (" 12", .invalidCharacter(text: " 12", character: " ")),
            ("¥12", .invalidCharacter(text: "¥12", character: "¥")),
            ("92233720368547758.08", .outOfRange(text: "92233720368547758.08")),
            ("99999999999999999999", .outOfRange(text: "99999999999999999999")),
            ("-92233720368547758.09", .outOfRange(text: "-92233720368547758.09")),
        ]
        for (text, error) in cases {
            #expect(throws: error) { try Money(parsing: text) }
        }
    }

    @Test func errorsSayWhy() {
        #expect(MoneyError.tooManyDecimals(text: "1.234").description.contains("more than 2 decimal places"))
        #expect(MoneyError.outOfRange(text: "1e30").description.contains("too large"))
    }

    @Test func arithmeticNeverWraps() throws {
        #expect(throws: MoneyError.self) { try Money(fen: .max).adding(Money(fen: 1)) }
        #expect(throws: MoneyError.self) { try Money(fen: .min).subtracting(Money(fen: 1)) }
        #expect(throws: MoneyError.self) { try Money(fen: .min).negated() }
        #expect(throws: MoneyError.self) { try Money.sum([Money(fen: .max), Money(fen: .max)]) }
        #expect(try Money(fen: .max).adding(Money(fen: -1)).fen == .max - 1)
    }

    @Test func formats() {
        #expect(Money(fen: 123456).description == "1234.56")
        #expect(Money(fen: -1).description == "-0.01")
        #expect(Money(fen: 5).description == "0.05")
        #expect(Money(fen: Int64.min).description == "-92233720368547758.08")
        #expect(Money(fen: 123456789).grouped == "1,234,567.89")
        #expect(Money(fen: -100000).grouped == "-1,000.00")
        #expect(Money(fen: 99).grouped == "0.99")
    }

    /// Amounts biased to 0, ±1 and the ends of the range survive a print and parse.
    @Test func descriptionRoundTrips() async {
        let fen = Gen.oneOf(Gen.int64(in: -1...1), Gen.int64(in: Int64.min...Int64.max), Gen.int64(in: -10_000...10_000),
                            Gen.int64(in: (Int64.max - 100)...Int64.max), Gen.int64(in: Int64.min...(Int64.min + 100)))
        await propertyCheck(count: 1000, input: fen) { (value: Int64) async throws in
            #expect(try Money(parsing: Money(fen: value).description).fen == value)
        }
    }
}

@Suite struct DateTests {
    @Test func parsesRealDatesOnly() {
        #expect(LocalDate(parsing: "2026-03-05")?.description == "2026-03-05")
        #expect(LocalDate(parsing: "2024-02-29") != nil)
        #expect(LocalDate(parsing: "2026-02-29") == nil)
        #expect(LocalDate(parsing: "2026-02-30") == nil)
        #expect(LocalDate(parsing: "2026-13-01") == nil)
        #expect(LocalDate(parsing: "2026-3-5") == nil)
        #expect(LocalDate(parsing: "２０２６-03-05") == nil)
        #expect(LocalDate(parsing: "2100-02-29") == nil)
        #expect(LocalDate(parsing: "2000-02-29") != nil)
    }

    @Test func weekdays() {
        #expect(LocalDate(year: 2026, month: 11, day: 25)!.weekday == 3)   // a Wednesday
        #expect(LocalDate(year: 1970, month: 1, day: 1)!.weekday == 4)
        #expect(LocalDate(year: 2026, month: 3, day: 1)!.weekday == 7)
    }

    @Test func periodsAndReferences() {
        #expect(Period(parsing: "2026-03")!.previous.description == "2026-02")
        #expect(Period(parsing: "2026-01")!.previous.description == "2025-12")
        #expect(Period(parsing: "2026-12")!.next.description == "2027-01")
        #expect(Period(parsing: "2026-3") == nil)
        let ref = VoucherRef(parsing: "2026-03/记-0007")!
        #expect(ref.number == 7 && ref.word == "记" && ref.period.month == 3)
        #expect(ref.description == "2026-03/记-0007")
        #expect(ref.chinese == "记字第7号")
        #expect(VoucherRef(parsing: "2026-03/记-0") == nil)
        #expect(VoucherRef(parsing: "2026-03/-0001") == nil)
        #expect(VoucherRef(parsing: "2026-03/收-12345")?.description == "2026-03/收-12345")
    }
}
