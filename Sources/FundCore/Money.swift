/// An amount of renminbi held exactly as an integer number of fen (1 yuan = 100 fen).
///
/// Money never passes through `Double`: text is parsed digit by digit into fen, and every
/// arithmetic operation checks for overflow and throws instead of wrapping.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in fen, the smallest unit of the currency.
    public let fen: Int64

    /// Digits after the decimal point (CNY: 2).
    public static let scale = 2
    public static let zero = Money(fen: 0)

    public init(fen: Int64) { self.fen = fen }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }

    public var isZero: Bool { fen == 0 }
    public var isNegative: Bool { fen < 0 }

    /// `a + b`, or `MoneyError.overflow` when the result does not fit in Int64.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        let (sum, overflow) = fen.addingReportingOverflow(other.fen)
        if overflow { throw .overflow(operation: "\(self) + \(other)") }
        return Money(fen: sum)
    }

    /// `a - b`, or `MoneyError.overflow`.
    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        let (difference, overflow) = fen.subtractingReportingOverflow(other.fen)
        if overflow { throw .overflow(operation: "\(self) - \(other)") }
        return Money(fen: difference)
    }

    /// `-a`, or `MoneyError.overflow` for the one value whose negation does not fit.
    public func negated() throws(MoneyError) -> Money {
        if fen == Int64.min { throw .overflow(operation: "-(\(self))") }
        return Money(fen: -fen)
    }

    /// The sum of `amounts`, or `MoneyError.overflow`.
    public static func sum<S: Sequence>(_ amounts: S) throws(MoneyError) -> Money where S.Element == Money {
        var total = Money.zero
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    /// Plain decimal text with exactly two places and no grouping: "1234.56", "-0.01".
    public var description: String {
        let negative = fen < 0
        let magnitude = fen.magnitude
        let yuan = magnitude / 100
        let cents = magnitude % 100
        return (negative ? "-" : "") + String(yuan) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// Decimal text with thousands separators for people: "1,234.56".
    public var grouped: String {
        let plain = description
        let negative = plain.hasPrefix("-")
        let body = negative ? plain.dropFirst() : Substring(plain)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var groupedDigits = ""
        while integer.count > 3 {
            groupedDigits = "," + integer.suffix(3) + groupedDigits
            integer = String(integer.dropLast(3))
        }
        return (negative ? "-" : "") + integer + groupedDigits + "." + parts[1]
    }
}

/// Why a piece of text is not an amount, or why arithmetic on amounts failed.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case invalidCharacter(text: String, character: Character)
    case misplacedSign(text: String)
    case tooManyDecimals(text: String)
    case noDigits(text: String)
    case outOfRange(text: String)
    case overflow(operation: String)
    /// A typed amount (`Money(input:)`) whose commas do not group its digits in threes.
    case ambiguousGrouping(text: String)
    /// A typed amount (`Money(input:)`) holding a character no form of an amount has.
    case invalidInputCharacter(text: String, character: Character)

    public var description: String {
        switch self {
        case .empty:
            return "the amount is empty; write digits such as 12 or 12.50"
        case let .invalidCharacter(text, character):
            return "\"\(text)\" is not an amount: '\(character)' is not allowed; write digits with at most one '.' and no thousands separators or exponents, such as 1234.50"
        case let .misplacedSign(text):
            return "\"\(text)\" is not an amount: a single '-' may stand only at the start"
        case let .tooManyDecimals(text):
            return "\"\(text)\" has more than 2 decimal places; amounts are in yuan to the fen (0.01)"
        case let .noDigits(text):
            return "\"\(text)\" is not an amount: it has no digits before or after the '.'"
        case let .outOfRange(text):
            return "\"\(text)\" is too large: amounts must lie within ±92,233,720,368,547,758.07 yuan"
        case let .overflow(operation):
            return "the sum \(operation) is too large to hold exactly; split the amounts over several vouchers"
        case let .ambiguousGrouping(text):
            return "\"\(text)\" is ambiguous: a ',' must separate thousands, three digits to a group before the '.', such as 1,234.56 or 12,345,678"
        case let .invalidInputCharacter(text, character):
            return "\"\(text)\" is not an amount: '\(character)' is not allowed; write digits with at most one '.', optionally ¥ before them and ',' between thousands, such as ¥1,234.50"
        }
    }
}

extension Money {
    /// Parses decimal yuan text straight into fen: "12", "12.3", "12.30", "-0.01", "+5".
    ///
    /// Refused: empty text, more than two decimals, exponents, grouping commas, a second sign,
    /// anything outside the Int64 range of fen. No floating point is involved.
    public init(parsing text: some StringProtocol) throws(MoneyError) {
        let source = String(text)
        var utf8 = Substring(source).utf8[...]
        if utf8.isEmpty { throw .empty }
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var integerDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        // Accumulate the magnitude as a negative number so Int64.min parses too.
        var accumulator: Int64 = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenPoint {
                    fractionDigits += 1
                    if fractionDigits > Money.scale { throw .tooManyDecimals(text: source) }
                } else {
                    integerDigits += 1
                }
                let digit = Int64(byte - UInt8(ascii: "0"))
                let (shifted, o1) = accumulator.multipliedReportingOverflow(by: 10)
                let (next, o2) = shifted.subtractingReportingOverflow(digit)
                if o1 || o2 { throw .outOfRange(text: source) }
                accumulator = next
            case UInt8(ascii: "."):
                if seenPoint { throw .invalidCharacter(text: source, character: ".") }
                seenPoint = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                throw .misplacedSign(text: source)
            default:
                let scalarText = String(decoding: [byte], as: UTF8.self)
                let character = source.first(where: { !("0"..."9").contains($0) && $0 != "." && $0 != "-" && $0 != "+" })
                    ?? Character(scalarText.isEmpty ? "?" : scalarText)
                throw .invalidCharacter(text: source, character: character)
            }
        }
        if integerDigits == 0 && fractionDigits == 0 { throw .noDigits(text: source) }
        if seenPoint && fractionDigits == 0 { throw .noDigits(text: source) }
        for _ in fractionDigits..<Money.scale {
            let (shifted, overflow) = accumulator.multipliedReportingOverflow(by: 10)
            if overflow { throw .outOfRange(text: source) }
            accumulator = shifted
        }
        if negative {
            fen = accumulator
        } else {
            if accumulator == Int64.min { throw .outOfRange(text: source) }
            fen = -accumulator
        }
    }
}
