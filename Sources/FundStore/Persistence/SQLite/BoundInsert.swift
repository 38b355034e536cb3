import GRDB
import GRDBSQLite

/// One execution of a prepared statement with its values bound through SQLite's C API, in
/// parameter order: no `StatementArguments` array of `DatabaseValue` is built for each row. For
/// the rows the posting path writes for every voucher and line. Values are bound as GRDB binds
/// them (an integer as an integer, a text copied up to its first NUL, nil as NULL), so the rows
/// stored are the same; a failure is the `DatabaseError` GRDB would throw for it.
struct BoundInsert {
    private let statement: Statement
    private let handle: SQLiteStatement
    private var index: Int32 = 0
    /// The first binding SQLite refused (too big, out of memory), thrown by `execute`.
    private var bindingFailure: Int32 = SQLITE_OK

    /// Starts an execution of `statement` (a cached statement of this connection).
    init(_ statement: Statement) {
        self.statement = statement
        handle = statement.sqliteStatement
        // The result of the last step was seen by whoever stepped it; reset only rewinds.
        sqlite3_reset(handle)
    }

    /// Binds the next parameter to an integer, or NULL.
    mutating func bind(_ value: Int64?) {
        index += 1
        record(value.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
    }

    /// Binds the next parameter to an integer, or NULL.
    mutating func bind(_ value: Int?) {
        bind(value.map(Int64.init))
    }

    /// Binds the next parameter to 1 or 0.
    mutating func bind(_ value: Bool) {
        bind(Int64(value ? 1 : 0))
    }

    /// Binds the next parameter to a text (copied by SQLite), or NULL.
    mutating func bind(_ value: String?) {
        index += 1
        guard let value else { return record(sqlite3_bind_null(handle, index)) }
        record(sqlite3_bind_text(handle, index, value, -1, Self.transient))
    }

    /// Steps the statement once, to its end: an insert or an update.
    func execute() throws {
        precondition(index == sqlite3_bind_parameter_count(handle), "every parameter of the statement is bound")
        let code = bindingFailure == SQLITE_OK ? sqlite3_step(handle) : bindingFailure
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    private mutating func record(_ code: Int32) {
        if code != SQLITE_OK && bindingFailure == SQLITE_OK { bindingFailure = code }
    }

    /// SQLite's `SQLITE_TRANSIENT`: the text is copied before the bind returns.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self) }
}
