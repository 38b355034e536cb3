import Crypto
import Foundation
import GRDB

/// What a table's rows add up to, whatever their order: how many there are and the sum, modulo
/// 2^256, of each row's SHA-256 over its encoding (`BookCopy.encoded`). Two engines that hold the
/// same rows give the same digest, though each returns them in its own order; a row missing,
/// added, doubled or changed changes it. The copy keeps one per side instead of the rows.
struct RowDigest: Equatable, Sendable {
    private(set) var count = 0
    private var sum: [UInt64] = [0, 0, 0, 0]

    mutating func add(_ row: [BookValue]) {
        let hash = SHA256.hash(data: BookCopy.encoded(row))
        var carry: UInt64 = 0
        for limb in 0..<4 {
            let word = hash.withUnsafeBytes { bytes in
                (0..<8).reduce(UInt64(0)) { word, offset in word << 8 | UInt64(bytes[limb * 8 + offset]) }
            }
            let (partial, overflow) = sum[limb].addingReportingOverflow(word)
            let (total, overflowAgain) = partial.addingReportingOverflow(carry)
            sum[limb] = total
            carry = (overflow ? 1 : 0) + (overflowAgain ? 1 : 0)
        }
        count += 1
    }

    mutating func add(_ rows: [[BookValue]]) { for row in rows { add(row) } }
}

extension BookCopy {
    /// Rows of a SQLite table read a batch at a time by keyset: after the last key read, in key
    /// order, `batchRows` at a time. The key is the rowid (which every table but a WITHOUT ROWID
    /// one has), else the primary key, whose columns SQLite holds NOT NULL there.
    struct SQLiteBatches: Sendable {
        let table: BookTable
        private let key: [String]
        private var last: [DatabaseValue]?
        private(set) var finished = false

        init(_ table: BookTable) {
            self.table = table
            key = table.withoutRowID ? table.primaryKey : ["rowid"]
        }

        /// The next batch of rows (the table's columns only), empty once the table is read.
        mutating func next(_ db: Database) throws -> [[BookValue]] {
            guard !finished else { return [] }
            let columns = (table.columns.map { quoted($0.name) } + key.map(quoted)).joined(separator: ", ")
            let order = key.map(quoted).joined(separator: ", ")
            var sql = "SELECT \(columns) FROM \(quoted(table.name))"
            if let last { sql += " WHERE (\(order)) > (\(last.map { _ in "?" }.joined(separator: ", ")))" }
            sql += " ORDER BY \(order) LIMIT \(batchRows)"
            let (rows, lastKey) = try SQLiteRows.rows(db.cachedStatement(sql: sql), arguments: StatementArguments(last ?? []),
                                                      width: table.columns.count)
            if let lastKey { last = lastKey }
            if rows.count < batchRows { finished = true }
            return rows
        }
    }

    /// Every row of a SQLite table, a batch at a time, given to `body`.
    static func eachSQLiteBatch(_ db: Database, _ table: BookTable, _ body: ([[BookValue]]) throws -> Void) throws {
        var batches = SQLiteBatches(table)
        while !batches.finished {
            let rows = try batches.next(db)
            if !rows.isEmpty { try body(rows) }
        }
    }

    /// The digest of a SQLite table's rows, read a batch at a time.
    static func sqliteDigest(_ db: Database, _ table: BookTable) throws -> RowDigest {
        var digest = RowDigest()
        try eachSQLiteBatch(db, table) { digest.add($0) }
        return digest
    }

    /// Every row of a PostgreSQL table, a batch at a time through a cursor of the transaction
    /// `session` is in (it sees that transaction's snapshot and writes), given to `body`.
    static func eachPostgresBatch(_ session: PostgresSession, _ table: BookTable, filter: String = "",
                                  _ body: ([[BookValue]]) async throws -> Void) async throws {
        let columns = table.columns.map { quoted($0.name) }.joined(separator: ", ")
        try await session.execute("DECLARE fundledger_copy NO SCROLL CURSOR FOR SELECT \(columns) FROM \(quoted(table.name))" + filter)
        while true {
            let rows = try await session.rows("FETCH FORWARD \(batchRows) FROM fundledger_copy")
            if !rows.isEmpty { try await body(rows) }
            if rows.count < batchRows { break }
        }
        try await session.execute("CLOSE fundledger_copy")
    }

    /// The digest of a PostgreSQL table's rows, read through a cursor.
    static func postgresDigest(_ session: PostgresSession, _ table: BookTable) async throws -> RowDigest {
        var digest = RowDigest()
        try await eachPostgresBatch(session, table) { digest.add($0) }
        return digest
    }

    /// Refuses a row with a value its column's kind cannot hold (it could not come back the same).
    static func checkKinds(_ table: BookTable, _ rows: [[BookValue]]) throws(PostgresBookError) {
        for row in rows {
            for (value, column) in zip(row, table.columns) where !column.kind.holds(value) {
                throw .valueNotCopyable(table: table.name, column: column.name, row: rowName(table, row),
                                        reason: "\(value.shown) is not \(column.kind.rawValue)")
            }
        }
    }
}
