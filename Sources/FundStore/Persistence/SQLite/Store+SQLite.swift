import Foundation
import FundCore
import GRDB

/// The store on SQLite: creating, opening and checking a book file, its connections, and the
/// engine's errors as the book's refusals.
extension Store {
    static func configuration(readOnly: Bool = false, wal: Bool = false) -> Configuration {
        var config = Configuration()
        if wal { config.journalMode = .wal }
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.readonly = readOnly
        config.label = "FundLedger"
        return config
    }

    /// Creates a new book with both standard charts; `administrator` becomes its administrator.
    /// Refuses to overwrite an existing file. With `key`, the book is keyed: it records the
    /// key's id, tags every seal and event, and takes no write without the key.
    public static func create(at path: String, administrator: String, key: SealKey? = nil) throws -> Store {
        try BookLocation.requireFile(path)
        if FileManager.default.fileExists(atPath: path) { throw BookError.bookExists(path: path) }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        do {
            let database = try DatabaseQueue(path: path, configuration: configuration(wal: true))
            try prepare(database, administrator: administrator, key: key, path: path)
            return Store(path: path, database: database, sealKey: key)
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: path)
            throw BookError.storage(StorageFailure(error))
        }
    }

    /// A new book in memory with both standard charts, for tests: nothing is written to disk and
    /// the book is gone when the store is.
    public static func inMemory(administrator: String, key: SealKey? = nil) throws -> Store {
        do {
            let database = try DatabaseQueue(configuration: configuration())
            try prepare(database, administrator: administrator, key: key, path: ":memory:")
            return Store(path: ":memory:", database: database, sealKey: key)
        } catch let error as DatabaseError {
            throw BookError.storage(StorageFailure(error))
        }
    }

    /// Brings a new book's schema up to date, seeds both standard charts and makes
    /// `administrator` its administrator.
    private static func prepare(_ database: some DatabaseWriter, administrator: String, key: SealKey?, path: String) throws {
        try Migrations.migrator.migrate(database)
        try database.write { db in
            try seedCharts(db)
            if let key {
                try db.execute(sql: "INSERT INTO seal_key (id, key_id, created_at) VALUES (1, ?, ?)", arguments: [key.id, now()])
            }
            try EventChain.recording(db, by: administrator, key: key, path: path) {
                try db.execute(sql: "INSERT INTO user_role (user, role, organization_id, granted_at, granted_by) VALUES (?, 'admin', NULL, ?, ?)",
                               arguments: [administrator, now(), administrator])
            }
        }
    }

    /// Opens an existing book, bringing its schema up to date (a book written by an earlier
    /// version is upgraded once, whatever the connections). A file that is not a FundLedger book
    /// is refused before anything is written to it. `key` is the key of a keyed book (`SealKey`):
    /// without it, such a book opens for reading and refuses every write.
    public static func open(at path: String, connections: Connections = .single, key: SealKey? = nil) throws -> Store {
        try BookLocation.requireFile(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw BookError.bookMissing(path: path) }
        if isDirectory.boolValue { throw BookError.notABook(path: path, reason: .folder) }
        do {
            let probe = try readOnlyQueue(path)
            let migrator = Migrations.migrator
            let (isBook, upToDate) = try probe.read { db -> (Bool, Bool) in
                let migrated = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations')") ?? false
                guard migrated, try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations").contains("v1-book") else { return (false, false) }
                return (true, try migrator.hasCompletedMigrations(db))
            }
            guard isBook else {
                try probe.close()
                throw BookError.notABook(path: path, reason: .noSchema)
            }
            // A book on media that cannot be written opens for reading: a write then says so
            // before it checks anything else.
            let folder = (path as NSString).deletingLastPathComponent
            let writable = FileManager.default.isWritableFile(atPath: path) && FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder)
            let connections = writable ? connections : .readOnly
            let database: any DatabaseWriter
            switch connections {
            case .readOnly where upToDate:
                // The probe is the read-only connection the command needs.
                database = probe
            case .readOnly:
                // A book written by an earlier version is upgraded once, by whichever command opens it first.
                try probe.close()
                let upgrade = try DatabaseQueue(path: path, configuration: configuration())
                try migrator.migrate(upgrade)
                try upgrade.close()
                database = try readOnlyQueue(path)
            case .single:
                try probe.close()
                database = try DatabaseQueue(path: path, configuration: configuration())
            case .pool:
                try probe.close()
                database = try DatabasePool(path: path, configuration: configuration())
            }
            if !upToDate, connections != .readOnly { try migrator.migrate(database) }
            let hasCharts = try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM account WHERE organization_id IS NULL") ?? 0 }
            if hasCharts == 0 { throw BookError.notABook(path: path, reason: .noChart) }
            return Store(path: path, database: database, readOnly: connections == .readOnly, sealKey: key)
        } catch let error as DatabaseError {
            throw map(error, path: path)
        }
    }

    /// The book file `path`, a snapshot of a book kept elsewhere (a PostgreSQL server), opened
    /// for reading: its folder `folder`, which holds nothing else, is removed when the store is
    /// released, and removed at once when the file cannot be opened as a book. A refusal of a
    /// session on it goes to `refusalLog` (the book it was read from), not into the snapshot.
    public static func openSnapshot(at path: String, removingWhenReleased folder: String, key: SealKey? = nil,
                                    refusalLog: (@Sendable (RefusedAccess) -> Void)? = nil) throws -> Store {
        do {
            let opened = try open(at: path, connections: .readOnly, key: key)
            return Store(path: opened.path, database: opened.database, readOnly: true, sealKey: key, ownedFolder: folder, refusalLog: refusalLog)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    /// A read-only connection to the book. On media that cannot be written (no `-shm` file can
    /// be made beside the book) and with no unfinished log (`-wal`) to read, the file is opened
    /// as immutable, which needs no `-shm`.
    static func readOnlyQueue(_ path: String) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
        do {
            try queue.read { db in try db.execute(sql: "SELECT 1 FROM sqlite_master LIMIT 1") }
            return queue
        } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode) {
            try? queue.close()
            let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            guard wal == 0 else { throw error }
            let uri = URL(fileURLWithPath: path).absoluteString + "?immutable=1"
            let immutable = try DatabaseQueue(path: uri, configuration: configuration(readOnly: true))
            try immutable.read { db in try db.execute(sql: "SELECT 1 FROM sqlite_master LIMIT 1") }
            return immutable
        }
    }

    static func map(_ error: DatabaseError, path: String) -> BookError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_CANTOPEN where !FileManager.default.isWritableFile(atPath: path): return .readOnly(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notABook(path: path, reason: .damaged(message: error.message ?? "corrupt file"))
        case .SQLITE_FULL: return .storage(.diskFull)
        default: return .storage(StorageFailure(error))
        }
    }

    static func seedCharts(_ db: Database) throws {
        for kind in ChartKind.allCases {
            var ids: [String: Int64] = [:]
            for account in Chart.standard(kind).accounts {
                let parentID = account.parentCode.flatMap { ids[$0] }
                try db.execute(sql: "INSERT INTO account (chart, organization_id, code, name, parent_id) VALUES (?, NULL, ?, ?, ?)",
                               arguments: [kind.rawValue, account.code, account.name, parentID])
                ids[account.code] = db.lastInsertedRowID
            }
        }
    }
}
