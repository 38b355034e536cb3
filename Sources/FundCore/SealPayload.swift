/// One stored value as the version 1 seal saw it: the five kinds a SQLite column can hold, so
/// that a value changed behind the book's back (a number written as text, a blob) still gets a
/// payload of its own and fails its seal. Version 2 seals typed fields instead (`SealField`).
public enum SealValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The value as text: empty for NULL, otherwise "=" and the value, so that NULL and the empty
    /// string differ, and an integer is written as its digits. Frozen: every seal depends on it.
    public var canonical: String {
        switch self {
        case .null: ""
        case let .integer(number): "=" + String(number)
        case let .real(number): "=d" + String(number)
        case let .text(text): "=" + text
        case let .blob(bytes): "=x" + bytes.map { String($0, radix: 16) }.joined()
        }
    }
}

extension SealValue {
    /// A typed field as the version 1 text saw it (absent is NULL, bytes a blob).
    public init(_ field: SealField) {
        switch field {
        case .absent: self = .null
        case let .integer(number): self = .integer(number)
        case let .text(text): self = .text(text)
        case let .bytes(bytes): self = .blob(bytes)
        }
    }
}

/// The canonical content of a posted voucher that its seal hashes (tamper evidence): the
/// voucher's fields and then each line's, in a fixed order. The book builds it from the voucher it
/// is posting, and `verify` rebuilds it from the stored rows; both go through the same encoding,
/// so the two can only agree when the rows still hold what was posted.
///
/// Version 2 (`bytes`, written since migration v4-event-chain) encodes typed fields with
/// `SealEncoding`; version 1 (`text`, joined by control characters) is kept to verify the seals
/// books got before, and is never written any more.
public enum SealPayload {
    /// The first link's "previous hash" in every organisation's chain.
    public static let genesis = String(repeating: "0", count: 64)

    /// The payload version new seals get.
    public static let currentVersion = 2

    /// The version 2 payload of a voucher: one group of its fields, then one group per line.
    public static func bytes(_ fields: [SealField], _ lines: [[SealField]]) -> [UInt8] {
        SealEncoding.encode(kind: .voucher, [fields] + lines)
    }

    /// The version 1 payload text of a voucher's stored values: "v1", the fields, then each
    /// line, with unit and record separators. Frozen: the seals of older books depend on it.
    public static func text(_ fields: [SealValue], _ lines: [[SealValue]]) -> String {
        var text = "v1\u{1F}" + fields.map { $0.canonical }.joined(separator: "\u{1F}")
        for line in lines {
            text += "\u{1E}"
            text += line.map { $0.canonical }.joined(separator: "\u{1F}")
        }
        return text
    }

    /// The sealed fields of a voucher, in the order the seal has always used: organisation code,
    /// id, date, month, word, number, summary, attachments, preparer, reviewer, bookkeeper,
    /// status, kind, the id of the voucher it reverses, and when it was posted; then, only on a
    /// voucher that names historical people, their duties (`VoucherPeople.mark`), so that every
    /// other voucher keeps the payload it always had.
    public static func fields(organization: String, voucherID: Int64, draft: VoucherDraft, number: Int, bookkeeper: String,
                              status: VoucherStatus, reversesID: Int64?, postedAt: String, historical: String? = nil) -> [SealField] {
        let fields: [SealField] = [.text(organization), .integer(voucherID), .text(draft.date.description), .integer(Int64(draft.period.key)), .text(draft.word),
         .integer(Int64(number)), .text(draft.summary), .integer(Int64(draft.attachments)), .text(draft.preparer), SealField(draft.reviewer),
         .text(bookkeeper), .text(status.rawValue), .text(draft.kind.rawValue), SealField(reversesID), .text(postedAt)]
        return fields + (historical.map { [.text($0)] } ?? [])
    }

    /// The sealed values of one line (`position` counts from 1): account code, side, amount,
    /// summary, project, expense type, economic class, counterpart code and fund source; then,
    /// only on a line that has one, its 基本支出 class (人员经费/公用经费), so that every line
    /// without a class keeps the payload it always had.
    public static func line(_ line: VoucherLine, position: Int) -> [SealField] {
        let d = line.dimensions
        let fields: [SealField] = [.integer(Int64(position)), .text(line.accountCode), .text(line.side.rawValue), .integer(line.amount.fen),
                                   .text(line.summary), SealField(d.project), SealField(d.expenseType?.rawValue), SealField(d.economicClass),
                                   SealField(d.counterpart), SealField(d.fundSource?.rawValue)]
        return fields + (d.basicClass.map { [.text($0.rawValue)] } ?? [])
    }
}
