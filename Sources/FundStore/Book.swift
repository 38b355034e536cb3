import Foundation
import FundCore
import GRDB

/// The book: one SQLite file holding the accounts of many organisations.
///
/// Every write runs in one transaction and is all-or-nothing. The file is in WAL mode with
/// foreign keys on, and a busy writer is waited for a bounded time. One serial connection per
/// process: opening an existing book and reading it never writes to the file, so a refused
/// command leaves it byte-identical; SQLite's file locks order the writers of several processes.
///
/// A book is opened as a user, and every read and write checks that user's roles (`Access`):
/// a refusal throws `BookError.notPermitted` and is logged in the book.
public final class Book: Sendable {
    public let path: String
    /// Who is acting: every read and write is checked against this user's roles.
    public let user: String
    let pool: DatabaseQueue

    /// How long a writer waits for another writer before giving up with `BookError.busy`.
    public static let busyTimeout: TimeInterval = 10

    private init(path: String, user: String, pool: DatabaseQueue) {
        self.path = path
        self.user = user
        self.pool = pool
    }

    static func configuration(readOnly: Bool = false, wal: Bool = false) -> Configuration {
        var config = Configuration()
        if wal { config.journalMode = .wal }
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.readonly = readOnly
        config.label = "FundLedger"
        return config
    }

    /// Creates a new book with both standard charts; `user` becomes its administrator.
    /// Refuses to overwrite an existing file.
    public static func create(at path: String, as user: String) throws -> Book {
        if FileManager.default.fileExists(atPath: path) { throw BookError.bookExists(path: path) }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        do {
            let pool = try DatabaseQueue(path: path, configuration: configuration(wal: true))
            try Migrations.migrator.migrate(pool)
            try pool.write { db in
                try seedCharts(db)
                try db.execute(sql: "INSERT INTO user_role (user, role, organization_id, granted_at, granted_by) VALUES (?, 'admin', NULL, ?, ?)",
                               arguments: [user, now(), user])
            }
            return Book(path: path, user: user, pool: pool)
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: path)
            throw BookError.database(error.message ?? error.description)
        }
    }

    /// Opens an existing book as `user`, bringing its schema up to date.
    public static func open(at path: String, as user: String) throws -> Book {
        guard FileManager.default.fileExists(atPath: path) else { throw BookError.bookMissing(path: path) }
        do {
            let pool = try DatabaseQueue(path: path, configuration: configuration())
            let migrator = Migrations.migrator
            let applied = try pool.read { db in try migrator.hasCompletedMigrations(db) }
            if !applied { try migrator.migrate(pool) }
            let hasCharts = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM account WHERE organization_id IS NULL") ?? 0 }
            if hasCharts == 0 { throw BookError.notABook(path: path, reason: "it holds no chart of accounts") }
            return Book(path: path, user: user, pool: pool)
        } catch let error as DatabaseError {
            throw map(error, path: path)
        }
    }

    static func map(_ error: DatabaseError, path: String) -> BookError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_CANTOPEN where !FileManager.default.isWritableFile(atPath: path): return .readOnly(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notABook(path: path, reason: error.message ?? "corrupt file")
        case .SQLITE_FULL: return .database("the disk is full; free some space and run the command again (nothing was written)")
        default: return .database(error.message ?? error.description)
        }
    }

    /// Runs `body` in one write transaction, turning database errors into `BookError`. The
    /// transaction is IMMEDIATE: it takes the write lock at its start, so a second writer waits
    /// (up to `busyTimeout`) instead of failing when it would upgrade a read lock.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw Book.map(error, path: path)
        } catch let error as BookError {
            logRefusal(error)
            throw error
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw Book.map(error, path: path)
        } catch let error as BookError {
            logRefusal(error)
            throw error
        }
    }

    /// Copies the book to `destination` with SQLite's online backup: a consistent snapshot even
    /// while another process writes. Refuses to overwrite a file.
    public func backup(to destination: String) throws {
        try read { db in try authorizeWholeBook(db) }
        if FileManager.default.fileExists(atPath: destination) { throw BookError.bookExists(path: destination) }
        do {
            let copy = try DatabaseQueue(path: destination)
            try pool.backup(to: copy)
            try copy.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: destination)
            throw Book.map(error, path: destination)
        }
    }

    /// Puts a backup in place of the book at `path`, only if the backup passes `verify`. An
    /// existing book is kept beside it as PATH.replaced-TIMESTAMP, never deleted.
    /// Only an administrator of the backup may restore it.
    public static func restore(from backup: String, to path: String, as user: String) throws -> VerifyReport {
        let copy = try Book.open(at: backup, as: user)
        try copy.read { db in try copy.authorize(db, .administer, organization: nil) }
        let report = try copy.verify()
        guard report.problems.isEmpty else {
            throw BookError.notABook(path: backup, reason: "it fails verify with \(report.problems.count) problem(s), the first: \(report.problems[0])")
        }
        let temporary = path + ".restoring"
        try? FileManager.default.removeItem(atPath: temporary)
        try FileManager.default.copyItem(atPath: backup, toPath: temporary)
        if FileManager.default.fileExists(atPath: path) {
            let stamp = Book.now().replacingOccurrences(of: ":", with: "")
            try FileManager.default.moveItem(atPath: path, toPath: path + ".replaced-" + stamp)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
        return report
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

    /// Today in UTC, the day `now()` falls on.
    public static func today() -> LocalDate { LocalDate(parsing: now().prefix(10))! }

    /// The current time as stored in the book: UTC, ISO 8601 to the second (2026-03-05T08:30:00Z).
    /// Formatted by hand: this runs for every posted voucher.
    public static func now() -> String {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0" + String(value) : String(value) }
        return String(parts.tm_year + 1900) + "-" + two(parts.tm_mon + 1) + "-" + two(parts.tm_mday) + "T"
            + two(parts.tm_hour) + ":" + two(parts.tm_min) + ":" + two(parts.tm_sec) + "Z"
    }
}
