import FundCore
import GRDB
import GRDBSQLite

/// The columns of the row a statement stands on, read straight from SQLite's buffers: no row
/// object, no `DatabaseValue` and no `String` for a value that is only compared or encoded.
/// Each read gives what GRDB's decoding gives for the same column (a text ends at its first NUL
/// and ill-formed UTF-8 is repaired, as `String(cString:)` does), so code that moves to it sees
/// the same values. Valid only until the statement steps again.
struct StoredColumns {
    let statement: SQLiteStatement

    init(_ statement: Statement) {
        self.statement = statement.sqliteStatement
    }

    /// The SQLite storage class of the column (`SQLITE_NULL`, `SQLITE_INTEGER`, …).
    func type(_ index: Int32) -> Int32 { sqlite3_column_type(statement, index) }

    func isNull(_ index: Int32) -> Bool { type(index) == SQLITE_NULL }

    /// The column's integer when it holds one (as `DatabaseValue.storage` gives `.int64`).
    func integer(_ index: Int32) -> Int64? {
        type(index) == SQLITE_INTEGER ? sqlite3_column_int64(statement, index) : nil
    }

    /// The column as a number, whatever it holds (as GRDB decodes a non-optional `Int64` or `Bool`).
    func number(_ index: Int32) -> Int64 { sqlite3_column_int64(statement, index) }

    /// The column as GRDB's `DatabaseValue`, for the rare value the fast reads do not cover.
    func value(_ index: Int32) -> DatabaseValue { DatabaseValue(sqliteStatement: statement, index: index) }

    /// The column as `String.fromDatabaseValue` gives it: a text, a blob read as UTF-8, else nil.
    func string(_ index: Int32) -> String? {
        switch type(index) {
        case SQLITE_TEXT: withText(index) { String(decoding: $0, as: UTF8.self) }
        case SQLITE_BLOB: String.fromDatabaseValue(value(index))
        default: nil
        }
    }

    /// Whether the column, read by `string`, is `text` (an ASCII word such as "posted").
    func textEquals(_ index: Int32, _ text: StaticString) -> Bool {
        switch type(index) {
        case SQLITE_TEXT:
            withText(index) { bytes in
                bytes.count == text.utf8CodeUnitCount && zip(bytes, UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)).allSatisfy { $0 == $1 }
            }
        case SQLITE_BLOB: String.fromDatabaseValue(value(index)) == text.description
        default: false
        }
    }

    /// The column's text as `String(cString:)` of `sqlite3_column_text` reads it (any value
    /// converted to text, up to its first NUL, ill-formed UTF-8 repaired), lent to `body`; empty for NULL.
    func withText<Result>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        guard let start = sqlite3_column_text(statement, index) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let raw = UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(statement, index)))
        let (length, wellFormed) = Self.textPrefix(raw)
        let bytes = UnsafeBufferPointer(rebasing: raw[0..<length])
        if wellFormed { return try body(bytes) }
        var repaired = String(decoding: bytes, as: UTF8.self)
        return try repaired.withUTF8(body)
    }

    /// How many bytes come before the first NUL, and whether they are well-formed UTF-8
    /// (Unicode's table 3-7: no overlong form, no surrogate, nothing past U+10FFFF).
    static func textPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> (length: Int, wellFormed: Bool) {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead == 0 { return (index, true) }
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int, second: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return (Self.nulOffset(bytes, from: index), false)
            }
            guard index + length <= count, second.contains(bytes[index + 1]) else { return (Self.nulOffset(bytes, from: index), false) }
            for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) {
                return (Self.nulOffset(bytes, from: index), false)
            }
            index += length
        }
        return (count, true)
    }

    private static func nulOffset(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        bytes[start...].firstIndex(of: 0) ?? bytes.count
    }
}

/// A seal payload of version 2 (`SealEncoding`) written straight from stored columns into one
/// buffer that is reused from voucher to voucher. A value of another type than its column is
/// declared to hold makes the payload invalid, as `SealField.typed` refuses it, and an invalid
/// payload is the empty one, which matches no seal (`SQLiteStorage.sealPayload`).
struct SealPayloadWriter {
    private(set) var bytes: [UInt8] = []
    private(set) var valid = true
    private var groups: UInt32 = 0

    init() { bytes.reserveCapacity(4096) }

    /// Starts the payload of a voucher.
    mutating func beginVoucher() {
        bytes.removeAll(keepingCapacity: true)
        valid = true
        groups = 0
        bytes.append(SealEncoding.version)
        bytes.append(SealEncoding.Kind.voucher.rawValue)
        append(UInt32(0))
    }

    /// Starts a group of `fields` fields (the voucher's, or a line's).
    mutating func beginGroup(fields: Int) {
        groups += 1
        append(UInt32(truncatingIfNeeded: fields))
    }

    /// Adds the column as a field of `declared` type.
    mutating func appendColumn(_ columns: StoredColumns, _ index: Int32, as declared: SealField.Declared) {
        switch (columns.type(index), declared) {
        case (SQLITE_NULL, _): bytes.append(0x00)
        case (SQLITE_INTEGER, .integer): appendInteger(columns.number(index))
        case (SQLITE_TEXT, .text): columns.withText(index) { appendText($0) }
        default: valid = false
        }
    }

    /// Adds a field already encoded (`encoded(_:)`), or makes the payload invalid when it is nil.
    mutating func appendEncoded(_ field: [UInt8]?) {
        guard let field else {
            valid = false
            return
        }
        bytes.append(contentsOf: field)
    }

    /// The bytes to hash: the payload with its group count, or the empty one when it is invalid.
    mutating func finish() -> ArraySlice<UInt8> {
        guard valid else { return [] }
        bytes[2] = UInt8(truncatingIfNeeded: groups >> 24)
        bytes[3] = UInt8(truncatingIfNeeded: groups >> 16)
        bytes[4] = UInt8(truncatingIfNeeded: groups >> 8)
        bytes[5] = UInt8(truncatingIfNeeded: groups)
        return bytes[...]
    }

    /// The encoding of a stored value as a text field (NULL absent), nil when it holds another type.
    static func encoded(_ value: DatabaseValue) -> [UInt8]? {
        guard let field = SealField(value, as: .text) else { return nil }
        var writer = SealPayloadWriter()
        writer.bytes.removeAll()
        switch field {
        case .absent: writer.bytes.append(0x00)
        case let .text(text):
            var text = text
            text.withUTF8 { writer.appendText($0) }
        case .integer, .bytes: return nil
        }
        return writer.bytes
    }

    private mutating func appendInteger(_ number: Int64) {
        bytes.append(0x01)
        let bits = UInt64(bitPattern: number)
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    private mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x02)
        append(UInt32(truncatingIfNeeded: text.count))
        bytes.append(contentsOf: text)
    }

    private mutating func append(_ value: UInt32) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 24))
        bytes.append(UInt8(truncatingIfNeeded: value >> 16))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }
}
