/// Amounts and dates as people type them or a spreadsheet exports them: `¥1,234.56`,
/// full-width digits, `2026/2/3`, `2026年2月3日`. Each form is brought to the plain form first
/// and then read by the strict parser (`Money(parsing:)`, `LocalDate(parsing:)`), so money still
/// goes straight from digits to fen and never through `Double`.
///
/// The journal keeps the strict forms (no grouping, `YYYY-MM-DD`) so that hledger reads every
/// journal FundLedger writes; these forms are for the command line, CSV and XLSX sheets.
public enum TextInput {
    /// The text with full-width forms (`０-９`, `．`, `，`, `－`, `＃`, `Ａ`, U+FF01-U+FF5E) and the
    /// minus sign `−` turned into their ASCII forms, and the ideographic space into a space.
    /// Characters outside those are kept as they are.
    public static func halfWidth(_ text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E:
                // The full-width forms of ASCII ! to ~: each lies 0xFEE0 above its ASCII form.
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x2212: scalars.append("-")
            case 0x3000: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

extension Money {
    /// Parses an amount as people write it: `1234.56`, `1,234.56`, `¥1,234.56`, `￥85000`,
    /// `-¥1,000`, full-width digits and punctuation (`１，２３４．５６`).
    ///
    /// Thousands separators must group the integer digits in threes from the point (`1,234`,
    /// `12,345,678.90`); any other comma (`1,23`, `12,3456`, a comma after the point) is refused as
    /// ambiguous, since `1,23` may mean 1.23 where a comma is the decimal mark. One currency sign
    /// may stand before the digits, with the sign before or after it. Then the plain digits go
    /// straight to fen through `Money(parsing:)`.
    public init(input text: some StringProtocol) throws(MoneyError) {
        let original = String(text)
        let normalized = String(TextInput.halfWidth(original).trimmingWhitespace)
        if normalized.isEmpty { throw .empty }
        var body = Substring(normalized)
        var sign = ""
        func takeSign() {
            if let first = body.first, first == "-" || first == "+", sign.isEmpty {
                sign = String(first)
                body = body.dropFirst()
            }
        }
        takeSign()
        if let first = body.first, first == "¥" || first == "￥" {
            body = body.dropFirst()
            takeSign()
        }
        if body.contains(",") {
            let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let integer = parts[0]
            if parts.count == 2, parts[1].contains(",") { throw .ambiguousGrouping(text: original) }
            let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
            let digitsOnly = groups.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
            guard digitsOnly, let head = groups.first, (1...3).contains(head.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                if !digitsOnly, let bad = integer.first(where: { !($0.isASCII && $0.isNumber) && $0 != "," }) {
                    throw .invalidInputCharacter(text: original, character: bad)
                }
                throw .ambiguousGrouping(text: original)
            }
            body = Substring(groups.joined() + (parts.count == 2 ? "." + parts[1] : ""))
        }
        if let bad = body.first(where: { !($0.isASCII && ($0.isNumber || $0 == ".")) && $0 != "-" && $0 != "+" }) {
            throw .invalidInputCharacter(text: original, character: bad)
        }
        do throws(MoneyError) {
            self = try Money(parsing: sign + body)
        } catch {
            // The strict parser's reasons, told about the text as it was given.
            switch error {
            case .empty, .noDigits: throw .noDigits(text: original)
            case .misplacedSign: throw .misplacedSign(text: original)
            case .tooManyDecimals: throw .tooManyDecimals(text: original)
            case .outOfRange: throw .outOfRange(text: original)
            case let .invalidCharacter(_, character), let .invalidInputCharacter(_, character):
                throw .invalidInputCharacter(text: original, character: character)
            case .ambiguousGrouping, .overflow: throw error
            }
        }
    }
}

extension LocalDate {
    /// Parses a date as people write it: `2026-02-03`, `2026-2-3`, `2026/2/3`, `2026/02/03`,
    /// `2026.2.3`, `2026年2月3日`, with full-width digits too. The year has four digits, the
    /// month and day one or two; one kind of separator throughout. Nil when it is none of these
    /// or not a day of the calendar (2026/2/30).
    public init?(input text: some StringProtocol) {
        let plain = String(TextInput.halfWidth(text).trimmingWhitespace)
        if let date = LocalDate(parsing: plain) { self = date; return }
        var fields: [Substring]
        if plain.hasSuffix("日"), plain.contains("年"), plain.contains("月") {
            fields = plain.dropLast().split(omittingEmptySubsequences: false) { $0 == "年" || $0 == "月" }
        } else if let separator = plain.first(where: { $0 == "-" || $0 == "/" || $0 == "." }) {
            fields = plain.split(separator: separator, omittingEmptySubsequences: false)
        } else {
            return nil
        }
        guard fields.count == 3, fields[0].count == 4, (1...2).contains(fields[1].count), (1...2).contains(fields[2].count),
              fields.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }
}

extension Period {
    /// Parses a month as people write it: `2026-05`, `2026-5`, `2026/5`, `2026年5月`, with
    /// full-width digits too. Nil for anything else.
    public init?(input text: some StringProtocol) {
        let plain = String(TextInput.halfWidth(text).trimmingWhitespace)
        if let period = Period(parsing: plain) { self = period; return }
        var fields: [Substring]
        if plain.hasSuffix("月"), plain.contains("年") {
            fields = plain.dropLast().split(separator: "年", omittingEmptySubsequences: false)
        } else if let separator = plain.first(where: { $0 == "-" || $0 == "/" || $0 == "." }) {
            fields = plain.split(separator: separator, omittingEmptySubsequences: false)
        } else {
            return nil
        }
        guard fields.count == 2, fields[0].count == 4, (1...2).contains(fields[1].count),
              fields.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(fields[0]), let month = Int(fields[1]) else { return nil }
        self.init(year: year, month: month)
    }
}
