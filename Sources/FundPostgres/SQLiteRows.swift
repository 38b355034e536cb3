import Foundation
import GRDB
import GRDBSQLite

/// A copy's rows into and out of SQLite through SQLite's C API: each value bound and read by
/// column index as GRDB binds and decodes it (an integer, a double, a text up to its first NUL
/// with ill-formed UTF-8 repaired, a blob), without a `StatementArguments`, a `Row` or a
/// `DatabaseValue` per value. A copy moves millions of values; this is most of its own work.
enum SQLiteRows {
    /// Inserts each of `rows` with `statement` (an INSERT with one parameter per column).
    static func insert(_ rows: [[BookValue]], with statement: Statement) throws {
        let handle = statement.sqliteStatement
        for row in rows {
            sqlite3_reset(handle)
            var failure = SQLITE_OK
            for (offset, value) in row.enumerated() {
                let index = Int32(offset + 1)
                let code: Int32 = switch value {
                case .null: sqlite3_bind_null(handle, index)
                case let .integer(number): sqlite3_bind_int64(handle, index, number)
                case let .real(number): sqlite3_bind_double(handle, index, number)
                case let .text(text): sqlite3_bind_text(handle, index, text, -1, transient)
                case let .blob(data):
                    data.isEmpty ? sqlite3_bind_zeroblob(handle, index, 0)
                        : data.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), transient) }
                }
                if code != SQLITE_OK, failure == SQLITE_OK { failure = code }
            }
            precondition(row.count == Int(sqlite3_bind_parameter_count(handle)), "one value for each parameter")
            let code = failure == SQLITE_OK ? sqlite3_step(handle) : failure
            guard code == SQLITE_DONE else {
                let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
                sqlite3_reset(handle)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
        }
        sqlite3_reset(handle)
    }

    /// Every row `statement` gives with `arguments`, as its first `width` columns' values and the
    /// values of the columns after them (a keyset's key).
    static func rows(_ statement: Statement, arguments: StatementArguments, width: Int) throws -> (rows: [[BookValue]], lastKey: [DatabaseValue]?) {
        try statement.setArguments(arguments)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        let columns = Int(sqlite3_column_count(handle))
        var rows: [[BookValue]] = []
        // The key columns of the row last stepped, kept in one array reused from row to row.
        var key: [DatabaseValue] = []
        key.reserveCapacity(max(0, columns - width))
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
            var row: [BookValue] = []
            row.reserveCapacity(width)
            for index in 0..<width { row.append(value(handle, Int32(index))) }
            rows.append(row)
            key.removeAll(keepingCapacity: true)
            for index in width..<columns { key.append(DatabaseValue(sqliteStatement: handle, index: Int32(index))) }
        }
        let lastKey = rows.isEmpty || columns <= width ? nil : key
        return (rows, lastKey)
    }

    /// Column `index` of the current row, as GRDB decodes it.
    static func value(_ handle: SQLiteStatement, _ index: Int32) -> BookValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(handle, index)))
        default:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let bytes = sqlite3_column_blob(handle, index) else { return .blob(Data()) }
            return .blob(Data(bytes: bytes, count: count))
        }
    }

    /// SQLite copies a bound text or blob before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
