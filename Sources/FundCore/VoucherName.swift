import Foundation

/// How a person names one voucher: by its 凭证字号 with its month (`2026-05/记-0003`), by word
/// and number within a month given apart (`记-0003` with `--period 2026-05`), or by the book's
/// internal id written as `#12`. A bare number is never a voucher's name: `8` may mean 记字第8号
/// or internal id 8, and acting on the wrong one (reversing it) is worse than asking.
public enum VoucherName: Hashable, Sendable, CustomStringConvertible {
    /// A posted voucher's number within its organisation.
    case number(VoucherRef)
    /// The book's internal id of any voucher, draft or posted.
    case id(Int64)

    /// Reads `text`, with `period` the month a word-and-number name (`记-0003`) belongs to.
    /// Nil when the text is no form of a voucher's name at all; a bare number, and a word and
    /// number without a month, are refused with what to write instead.
    public static func parse(_ text: String, period: Period?) throws(VoucherNameProblem) -> VoucherName? {
        let plain = TextInput.halfWidth(text.trimmingWhitespace)
        if plain.hasPrefix("#") {
            guard let id = Int64(plain.dropFirst()), id >= 1 else { return nil }
            return .id(id)
        }
        if let number = Int(plain), number >= 1 {
            throw .bareNumber(number: number, period: period)
        }
        if let ref = VoucherRef(parsing: plain) {
            if let period, period != ref.period { throw .periodMismatch(ref: ref, period: period) }
            return .number(ref)
        }
        if let ref = VoucherRef(parsing: (period ?? Period(year: 2000, month: 1)!).description + "/" + plain) {
            guard let period else { throw .periodNeeded(word: ref.word, number: ref.number) }
            return .number(VoucherRef(period: period, word: ref.word, number: ref.number))
        }
        return nil
    }

    public var description: String {
        switch self {
        case let .number(ref): ref.description
        case let .id(id): "#" + String(id)
        }
    }
}

/// Why a voucher's name was refused before the book was asked: each case says both forms a
/// voucher is named by.
public enum VoucherNameProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// A bare number such as `8`: 记字第8号 or internal id 8?
    case bareNumber(number: Int, period: Period?)
    /// `记-0003` without `--period`: the same number recurs every month.
    case periodNeeded(word: String, number: Int)
    /// `2026-04/记-0003` with `--period 2026-05`.
    case periodMismatch(ref: VoucherRef, period: Period)

    /// The rule's short name, as messages print it in brackets.
    public var rule: String {
        switch self {
        case .bareNumber: "voucher-bare-number"
        case .periodNeeded: "voucher-needs-period"
        case .periodMismatch: "voucher-period-mismatch"
        }
    }

    public var description: String {
        switch self {
        case let .bareNumber(number, period):
            let month = period?.description ?? "2026-05"
            return "\"\(number)\" does not say which voucher: name it by its number with its month, such as \(month)/记-\(String(format: "%04d", number)) (or 记-\(String(format: "%04d", number)) with --period \(month)), or by its internal id as #\(number)"
        case let .periodNeeded(word, number):
            let ref = word + "-" + String(format: "%04d", number)
            return "\(ref) is numbered afresh every month; say which month: 2026-05/\(ref), or \(ref) with --period 2026-05"
        case let .periodMismatch(ref, period):
            return "\(ref) belongs to \(ref.period), not to --period \(period); give the month once"
        }
    }
}
