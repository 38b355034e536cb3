import Foundation
import FundCore
import FundStore
import GRDB

/// What a finished copy did: the tables and rows it wrote, and the chain heads of the book,
/// verified on its SQLite side (the source before a copy into PostgreSQL, the copy itself after
/// one out of it).
public struct CopyReport: Sendable {
    public var tables = 0
    public var rows = 0
    public var heads: [ChainHead] = []
}

/// Moves a whole book between a SQLite file and a PostgreSQL database, either way, as the
/// whole-book backup does within SQLite: for those who may read the whole book, into a new, empty
/// target only, every table row for row with its ids, in one transaction on the target, and
/// checked before it is kept (the rows read back have the source's digest, and the SQLite side
/// verifies clean with its chain heads). Rows move `batchRows` at a time (`BookCopy+Batches`),
/// so that no table is ever held whole.
public enum BookCopy {
    /// Reports rows written so far against all rows to write.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Rows per batch: per read from either engine and per INSERT statement into PostgreSQL
    /// (whose limit is 65,535 parameters a statement).
    static let batchRows = 500

    // MARK: SQLite to PostgreSQL

    /// Copies the SQLite book at `path` into the empty PostgreSQL database at `address`.
    ///
    /// `user` must be allowed to back up the whole book. The copy reads a consistent snapshot of
    /// the book (its online backup, in a private temporary folder), refuses a book that fails
    /// verify, and writes in one transaction that creates the schema (`PostgresMigrations`),
    /// writes every table in dependency order with the book's triggers held off (they guard
    /// what the application writes; these rows are already the book's), resets the id
    /// sequences, turns the triggers back on and reads every table back before it commits.
    public static func toPostgres(from path: String, to address: PostgresAddress, as user: String, key: SealKey?,
                                  progress: Progress? = nil) async throws -> CopyReport {
        try await toPostgres(from: path, to: address, as: user, key: key, progress: progress, failAfterTables: nil)
    }

    /// `toPostgres` with a fault a test plants: with `failAfterTables`, the copy breaks off after
    /// writing that many tables, as a lost connection would, to show that nothing of it is kept.
    static func toPostgres(from path: String, to address: PostgresAddress, as user: String, key: SealKey?,
                           progress: Progress?, failAfterTables: Int?) async throws -> CopyReport {
        let folder = try privateFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let snapshot = folder + "/source.sqlite"
        do {
            try Store.open(at: path, connections: .readOnly, key: key).session(as: user).backups.backup(to: snapshot)
        } catch let BookError.backup(.wholeBookNeeded(user, roles)) {
            throw BookError.backup(.wholeBookNeeded(user: user, roles: roles))
        }
        var report = CopyReport()
        let verified = try Store.open(at: snapshot, connections: .readOnly, key: key).session(as: user).verification.verify()
        if let first = verified.problems.first { throw PostgresBookError.sourceFailsVerify(problems: verified.problems.count, first: first) }
        report.heads = verified.heads

        let source = try DatabaseQueue(path: snapshot, configuration: readOnlyConfiguration())
        defer { try? source.close() }
        let tables = try await source.read { db in try BookTables.read(db) }
        let counts = try await source.read { db in
            try tables.map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(quoted($0.name))") ?? 0 }
        }
        let total = counts.reduce(0, +)

        let session = try await PostgresSession.connect(address)
        do {
            try await session.transaction {
                try await PostgresSchema.requireEmpty(session)
                try await PostgresMigrations.migrate(session)
                try await PostgresSchema.requireParity(session, with: tables)
                try await session.execute("SET CONSTRAINTS ALL DEFERRED")
                for table in tables { try await session.execute("ALTER TABLE \(quoted(table.name)) DISABLE TRIGGER USER") }
                var done = 0
                for (index, table) in tables.enumerated() {
                    if let failAfterTables, index == failAfterTables {
                        throw PostgresBookError.connectionLost(location: address.redacted)
                    }
                    // A batch at a time: read by keyset from SQLite, written to PostgreSQL, added
                    // to the digest of what was read; then the table read back through a cursor.
                    var batches = SQLiteBatches(table)
                    var written = RowDigest()
                    while !batches.finished {
                        let current = batches
                        let (rows, advanced) = try await source.read { db in
                            var reading = current
                            return (try reading.next(db), reading)
                        }
                        batches = advanced
                        try checkKinds(table, rows)
                        try await insert(session, table, rows)
                        written.add(rows)
                        done += rows.count
                        progress?(done, total)
                    }
                    try await resetIdentity(session, table, source: source)
                    let back = try await postgresDigest(session, table)
                    guard back == written else { throw PostgresBookError.copyMismatch(table: table.name, source: written.count, target: back.count) }
                }
                // The foreign keys are checked here, before the triggers come back on.
                try await session.execute("SET CONSTRAINTS ALL IMMEDIATE")
                for table in tables { try await session.execute("ALTER TABLE \(quoted(table.name)) ENABLE TRIGGER USER") }
            }
        } catch {
            await session.close()
            throw error
        }
        await session.close()
        report.tables = tables.count
        report.rows = total
        return report
    }

    // MARK: PostgreSQL to SQLite

    /// Copies the PostgreSQL book at `address` into a new SQLite file at `destination`.
    ///
    /// The rows are read in one read-only, repeatable-read transaction (a consistent snapshot)
    /// and written in one transaction into a working file beside `destination` that has the
    /// book's schema from the SQLite migrations, with its triggers held off meanwhile and put
    /// back before the commit. The working file is then opened as a book: `user` must be allowed
    /// to back up the whole of it, and it must verify clean; only then is it put under
    /// `destination`, which is never overwritten.
    public static func toSQLite(from address: PostgresAddress, to destination: String, as user: String, key: SealKey?,
                                progress: Progress? = nil) async throws -> CopyReport {
        try await toSQLite(from: address, to: destination, as: user, key: key, progress: progress, failAfterTables: nil)
    }

    /// `toSQLite` with a fault a test plants (`failAfterTables`, as for `toPostgres`).
    static func toSQLite(from address: PostgresAddress, to destination: String, as user: String, key: SealKey?,
                         progress: Progress?, failAfterTables: Int?) async throws -> CopyReport {
        try BookLocation.requireFile(destination)
        if FileManager.default.fileExists(atPath: destination) {
            throw PostgresBookError.targetNotEmpty(location: destination, tables: ["(a file)"])
        }
        let working = Store.workingCopyName(beside: destination)
        defer { Store.removeWorkingCopy(working) }
        var report = try await copyOut(from: address, into: working, progress: progress, failAfterTables: failAfterTables)
        let verified: VerifyReport
        do {
            verified = try Store.open(at: working, connections: .readOnly, key: key).session(as: user).verification.verify()
        } catch let BookError.notPermitted(user, _, _, roles) {
            throw BookError.backup(.wholeBookNeeded(user: user, roles: roles))
        }
        if let first = verified.problems.first { throw PostgresBookError.sourceFailsVerify(problems: verified.problems.count, first: first) }
        report.heads = verified.heads
        guard try Store.placeCopy(working, at: destination) else {
            throw PostgresBookError.targetNotEmpty(location: destination, tables: ["(a file)"])
        }
        return report
    }

    /// Writes every row of the PostgreSQL book at `address` into a new SQLite file `working`
    /// that gets the book's schema from the SQLite migrations: the rows read in one read-only,
    /// repeatable-read transaction (one snapshot), written in one SQLite transaction with the
    /// book's triggers held off and put back before the commit, each table compared with what
    /// it read. Neither verifies the copy nor checks anyone's rights: its callers do, on the file
    /// (the report's `heads` are left empty).
    ///
    /// With `reader`, the copy is the snapshot a user who may read only some organisations needs
    /// (`ReadingPart`), its organisations chosen in the same snapshot from the user's grants;
    /// when those reach the whole book it is the whole book. A part that names a row it does not
    /// hold is refused (`PartNeedsWholeBook`) before anything is committed.
    /// A copy only read afterwards (`writeAheadLog` false) is left without a write-ahead log, so
    /// that its reader leaves no `-wal` or `-shm` beside it.
    static func copyOut(from address: PostgresAddress, into working: String, progress: Progress?, failAfterTables: Int?,
                        reader: String? = nil, writeAheadLog: Bool = true) async throws -> CopyReport {
        try Store.createSchema(at: working)
        var configuration = writeConfiguration()
        // The copy's one transaction spans many accesses, one per batch read from PostgreSQL.
        configuration.allowsUnsafeTransactions = true
        let target = try DatabaseQueue(path: working, configuration: configuration)
        var closed = false
        defer { if !closed { try? target.close() } }
        let tables = try await target.read { db in try BookTables.read(db) }

        let session = try await PostgresSession.connect(address)
        var report = CopyReport()
        do {
            try await session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try await PostgresMigrations.requireCurrent(session)
            try await PostgresSchema.requireParity(session, with: tables)
            let conditions: [String: String?]? = if let reader { try await readingConditions(session, user: reader) } else { nil }
            // The rows a table's copy takes: all (""), those of a condition, or none (nil).
            func filter(_ table: BookTable) -> String? {
                guard let conditions else { return "" }
                guard let rule = conditions[table.name] else { preconditionFailure("ReadingPart has no rule for the table \(table.name)") }
                return rule.map { " WHERE " + $0 }
            }
            var counts: [Int] = []
            for table in tables {
                guard let filter = filter(table) else { counts.append(0); continue }
                let count = try await session.rows("SELECT count(*) FROM \(quoted(table.name))" + filter)
                guard case let .integer(value)? = count.first?.first else { throw PostgresBookError.copyMismatch(table: table.name, source: 0, target: 0) }
                counts.append(Int(value))
            }
            let total = counts.reduce(0, +)
            // A batch at a time: fetched through a cursor of the snapshot, written into SQLite
            // in one transaction left open across accesses, added to the digest of what was
            // read; then the table read back by keyset.
            let triggers = try await target.read { db in
                try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
                    .map { (name: $0["name"] as String, sql: $0["sql"] as String) }
            }
            let sequences = try await target.read { db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence')") == true
            }
            try await target.writeWithoutTransaction { db in
                try db.beginTransaction(.immediate)
                try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(quoted(trigger.name))") }
                for table in tables { try db.execute(sql: "DELETE FROM \(quoted(table.name))") }
            }
            var done = 0
            for (index, table) in tables.enumerated() {
                if let failAfterTables, index == failAfterTables { throw PostgresBookError.connectionLost(location: address.redacted) }
                guard let filter = filter(table) else { continue }
                let insert = insertSQL(table, rows: 1)
                var read = RowDigest()
                try await eachPostgresBatch(session, table, filter: filter) { rows in
                    try checkKinds(table, rows)
                    try await target.writeWithoutTransaction { db in
                        let statement = try db.cachedStatement(sql: insert)
                        try SQLiteRows.insert(rows, with: statement)
                    }
                    read.add(rows)
                    done += rows.count
                    progress?(done, total)
                }
                let high = try await postgresIdentityHigh(session, table)
                let back = try await target.writeWithoutTransaction { db in
                    if sequences, let high {
                        try db.execute(sql: "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", arguments: [high, table.name])
                    }
                    return try sqliteDigest(db, table)
                }
                guard back == read else { throw PostgresBookError.copyMismatch(table: table.name, source: read.count, target: back.count) }
            }
            try await session.execute("COMMIT")
            let partial = conditions != nil
            try await target.writeWithoutTransaction { db in
                for trigger in triggers { try db.execute(sql: trigger.sql) }
                if partial, let violation = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                    throw PartNeedsWholeBook(table: violation[0], parent: violation[2])
                }
                try db.commit()
            }
            progress?(total, total)
            report.tables = tables.count
            report.rows = total
        } catch {
            await session.close()
            try? await target.writeWithoutTransaction { db in if db.isInsideTransaction { try db.rollback() } }
            throw error
        }
        await session.close()
        let mode = writeAheadLog ? "WAL" : "DELETE"
        try await target.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = \(mode)") }
        try target.close()
        closed = true
        return report
    }

    // MARK: Rows

    /// Every row of `table` in the SQLite book at once, in key order (for tests and small tables).
    static func sqliteRows(_ db: Database, _ table: BookTable) throws -> [[BookValue]] {
        try Row.fetchAll(db, sql: selectAll(table)).map { row in row.databaseValues.map(BookValue.init) }
    }

    /// Writes `rows` (at most `batchRows` of them) into `table` in one statement.
    static func insert(_ session: PostgresSession, _ table: BookTable, _ rows: [[BookValue]]) async throws(PostgresBookError) {
        guard !rows.isEmpty else { return }
        try await session.execute(insertSQL(table, rows: rows.count, numbered: true), values: rows.flatMap { $0 })
    }

    /// Moves the identity sequence of `table` past its highest id (and past the highest SQLite
    /// ever gave, where the table keeps that in `sqlite_sequence`), so that the next row the
    /// book inserts gets a new id.
    static func resetIdentity(_ session: PostgresSession, _ table: BookTable, source: DatabaseQueue) async throws(PostgresBookError) {
        guard let identity = table.identity else { return }
        let recorded: Int64 = (try? await source.read { db -> Int64 in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence')") == true else { return 0 }
            return try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table.name]) ?? 0
        }) ?? 0
        try await session.execute("""
            SELECT setval(pg_get_serial_sequence('\(quoted(table.name))', '\(identity)'),
                          GREATEST((SELECT coalesce(max(\(quoted(identity))), 0) FROM \(quoted(table.name))), \(recorded), 1),
                          GREATEST((SELECT coalesce(max(\(quoted(identity))), 0) FROM \(quoted(table.name))), \(recorded)) > 0)
            """)
    }

    /// The last value of the identity sequence of `table` in PostgreSQL, if it has one.
    static func postgresIdentityHigh(_ session: PostgresSession, _ table: BookTable) async throws(PostgresBookError) -> Int64? {
        guard let identity = table.identity else { return nil }
        let rows = try await session.rows("SELECT pg_sequence_last_value(pg_get_serial_sequence('\(quoted(table.name))', '\(identity)')::regclass)")
        if case let .integer(value)? = rows.first?.first { return value }
        return nil
    }

    /// A row as bytes that tell every value's kind and length, for comparing rows.
    static func encoded(_ row: [BookValue]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(row.count * 9 + 64)
        func length(_ count: Int) { withUnsafeBytes(of: UInt64(count).bigEndian) { bytes += $0 } }
        for value in row {
            switch value {
            case .null: bytes.append(0)
            case let .integer(number): bytes.append(1); withUnsafeBytes(of: number.bigEndian) { bytes += $0 }
            case let .real(number): bytes.append(2); withUnsafeBytes(of: number.bitPattern.bigEndian) { bytes += $0 }
            case let .text(text): bytes.append(3); length(text.utf8.count); bytes += text.utf8
            case let .blob(data): bytes.append(4); length(data.count); bytes += data
            }
        }
        return bytes
    }

    // MARK: SQL

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func selectAll(_ table: BookTable) -> String {
        let columns = table.columns.map { quoted($0.name) }.joined(separator: ", ")
        let order = (table.primaryKey.isEmpty ? table.columns.map(\.name) : table.primaryKey).map(quoted).joined(separator: ", ")
        return "SELECT \(columns) FROM \(quoted(table.name)) ORDER BY \(order)"
    }

    /// An INSERT of `rows` rows into `table`: `$1`, `$2`, … for PostgreSQL, `?` for SQLite.
    static func insertSQL(_ table: BookTable, rows: Int, numbered: Bool = false) -> String {
        let columns = table.columns.map { quoted($0.name) }.joined(separator: ", ")
        var parameter = 0
        let values = (0..<rows).map { _ in
            "(" + table.columns.map { _ in
                parameter += 1
                return numbered ? "$\(parameter)" : "?"
            }.joined(separator: ", ") + ")"
        }.joined(separator: ", ")
        let overriding = numbered && table.identity != nil ? " OVERRIDING SYSTEM VALUE" : ""
        return "INSERT INTO \(quoted(table.name)) (\(columns))\(overriding) VALUES \(values)"
    }

    /// A row named by its primary key, for a message.
    static func rowName(_ table: BookTable, _ row: [BookValue]) -> String {
        let key = table.primaryKey.isEmpty ? [table.columns[0].name] : table.primaryKey
        return key.compactMap { name in
            table.columns.firstIndex { $0.name == name }.map { "\(name) = \(row[$0].shown)" }
        }.joined(separator: ", ")
    }

    // MARK: Files

    /// A new folder only this user can read, for the snapshot of the source.
    static func privateFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fundledger-copy-" + UUID().uuidString.prefix(8).lowercased()).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return folder
    }

    static func readOnlyConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }

    static func writeConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return configuration
    }
}

extension BookValue {
    /// A SQLite value as the copy holds it.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case let .int64(number): self = .integer(number)
        case let .double(number): self = .real(number)
        case let .string(text): self = .text(text)
        case let .blob(data): self = .blob(data)
        }
    }

    /// The value as SQLite stores it.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case let .integer(number): number.databaseValue
        case let .real(number): number.databaseValue
        case let .text(text): text.databaseValue
        case let .blob(data): data.databaseValue
        }
    }
}

