import FundCore
@testable import FundStore
import GRDB
import GRDBSQLite
import Testing

/// `StoredColumns` and `SealPayloadWriter` read a row straight from SQLite; they must give what
/// GRDB's decoding gives, for every value a file edited behind the book's back can hold.
@Suite struct StoredColumnsTests {
    /// Values of every storage class: plain and Chinese text, a text with a NUL inside, texts that
    /// are not well-formed UTF-8 (a stray byte, a cut sequence, a surrogate, past U+10FFFF, an
    /// overlong form), a blob, integers, a real, NULL, the empty text.
    static let values = ["'posted'", "'记账凭证'", "'D'", "CAST(X'706f7374656400787878' AS TEXT)", "CAST(X'61FF62' AS TEXT)",
                         "CAST(X'E4B8' AS TEXT)", "CAST(X'E4B800' AS TEXT)", "CAST(X'EDA080' AS TEXT)", "CAST(X'F4908080' AS TEXT)",
                         "CAST(X'C0AF' AS TEXT)", "CAST(X'F09F9880' AS TEXT)", "X'706f73746564'", "42", "-7", "2.5", "NULL", "''"]

    /// Each value selected four times: read by `StoredColumns` in columns 0 and 2, by GRDB in 1 and 3.
    static func withRow(_ value: String, _ body: (StoredColumns, SQLiteStatement, Row) throws -> Void) throws {
        let queue = try DatabaseQueue()
        try queue.read { db in
            let statement = try db.makeStatement(sql: "SELECT \(value), \(value), \(value), \(value)")
            let cursor = try Row.fetchCursor(statement)
            let row = try #require(try cursor.next())
            try body(StoredColumns(statement), statement.sqliteStatement, row)
        }
    }

    @Test(arguments: values) func readsWhatGRDBDecodes(_ value: String) throws {
        try Self.withRow(value) { columns, statement, row in
            let decoded: DatabaseValue = row[1]
            #expect(columns.string(0) == String.fromDatabaseValue(decoded))
            #expect(columns.textEquals(0, "posted") == (String.fromDatabaseValue(decoded) == "posted"))
            #expect(columns.integer(0) == { if case let .int64(number) = decoded.storage { number } else { nil } }())
            #expect(columns.isNull(0) == decoded.isNull)
            // Any value read as text, as a non-optional `String` is decoded from a row.
            let text = columns.withText(2) { Array($0) }
            #expect(text == sqlite3_column_text(statement, 3).map { Array(String(cString: $0).utf8) } ?? [])
        }
    }

    @Test(arguments: values) func encodesTheTypedField(_ value: String) throws {
        for declared in [SealField.Declared.text, .integer] {
            try Self.withRow(value) { columns, _, row in
                var writer = SealPayloadWriter()
                writer.beginVoucher()
                writer.beginGroup(fields: 1)
                writer.appendColumn(columns, 0, as: declared)
                let expected = SealField(row[1] as DatabaseValue, as: declared).map { SealEncoding.encode(kind: .voucher, [[$0]]) } ?? []
                #expect(Array(writer.finish()) == expected, "\(value) as \(declared)")
                #expect(SealPayloadWriter.encoded(row[3] as DatabaseValue) == SealField(row[3] as DatabaseValue, as: .text).map {
                    Array(SealEncoding.encode(kind: .voucher, [[$0]]).dropFirst(10))
                })
            }
        }
    }

    @Test func wellFormedUTF8() {
        let cases: [([UInt8], Int, Bool)] = [
            ([], 0, true), (Array("abc".utf8), 3, true), (Array("记账".utf8), 6, true), ([0x61, 0x00, 0xFF], 1, true),
            ([0x61, 0xFF, 0x00, 0x62], 2, false), ([0xE4, 0xB8], 2, false), ([0xED, 0xA0, 0x80], 3, false),
            ([0xF0, 0x9F, 0x98, 0x80], 4, true), ([0xC0, 0xAF], 2, false), ([0xE4, 0x00, 0x80], 1, false),
        ]
        for (bytes, length, wellFormed) in cases {
            let prefix = bytes.withUnsafeBufferPointer { StoredColumns.textPrefix($0) }
            #expect(prefix.length == length && prefix.wellFormed == wellFormed, "\(bytes)")
        }
    }
}
