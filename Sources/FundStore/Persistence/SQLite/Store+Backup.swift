import Foundation
import GRDB
import GRDBSQLite

/// Backing up and restoring on SQLite: every copy goes through SQLite's online backup, so that
/// what a `-wal` file holds always comes along and the copy is one self-contained file; the
/// restored book is written into the live file under its write lock.
extension Store {
    /// Writes the book into the new file `working` with SQLite's online backup, a consistent
    /// snapshot even while another process writes, made self-contained (no `-wal`) and flushed
    /// to the disk. A failed copy removes `working`.
    func writeSnapshot(to working: String) throws {
        do {
            let copy = try DatabaseQueue(path: working)
            try database.backup(to: copy)
            try Store.makeSelfContained(copy)
            try copy.close()
        } catch let error as DatabaseError {
            BookFiles.removeWorkingFile(working)
            throw Store.map(error, path: working)
        }
        BookFiles.sync(working)
    }

    /// Closes the store's connections (a server that stopped closes its book).
    public func close() throws { try database.close() }

    /// Copies the backup file `backup` into the new file `working` with SQLite's online backup
    /// from a read-only connection: a `-wal` beside the backup comes along, and the backup itself
    /// is never written. With `matching` the copy gets that book's page size, which a book in WAL
    /// mode needs of what is written into it.
    static func snapshot(ofBackup backup: String, to working: String, matching live: String?) throws {
        do {
            let source = try backupReader(backup)
            defer { try? source.close() }
            let copy = try DatabaseQueue(path: working)
            try source.backup(to: copy)
            try makeSelfContained(copy, pageSize: live.flatMap(pageSize(of:)))
            try copy.close()
        } catch let error as DatabaseError {
            BookFiles.removeWorkingFile(working)
            throw map(error, path: backup)
        }
    }

    /// A read-only connection to a backup file. A file in WAL mode with no `-wal` beside it (no
    /// connection has it open: one that had would have made the `-wal`) is read as immutable,
    /// so that no `-wal` and `-shm` are made beside the backup.
    private static func backupReader(_ path: String) throws -> DatabaseQueue {
        if FileManager.default.fileExists(atPath: path + "-wal") { return try readOnlyQueue(path) }
        let header = FileHandle(forReadingAtPath: path).flatMap { handle in
            defer { try? handle.close() }
            return try? handle.read(upToCount: 20)
        } ?? Data()
        guard header.count == 20, header[18] == 2 else {
            return try readOnlyQueue(path)
        }
        let uri = URL(fileURLWithPath: path).absoluteString + "?immutable=1"
        return try DatabaseQueue(path: uri, configuration: configuration(readOnly: true))
    }

    /// A copy's journal is a rollback journal, so that the copy is one file that needs no `-wal`,
    /// with the given page size.
    private static func makeSelfContained(_ copy: DatabaseQueue, pageSize: Int? = nil) throws {
        try copy.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            if let pageSize, try Int.fetchOne(db, sql: "PRAGMA page_size") != pageSize {
                try db.execute(sql: "PRAGMA page_size = \(pageSize)")
                try db.execute(sql: "VACUUM")
            }
        }
    }

    /// The page size of the book at `path`, if it is a database that can be read.
    private static func pageSize(of path: String) -> Int? {
        guard FileManager.default.fileExists(atPath: path), let reader = try? readOnlyQueue(path) else { return nil }
        defer { try? reader.close() }
        return try? reader.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") }
    }

    /// Puts the verified snapshot `snapshot` in place of the book at `path` and returns the name
    /// of the kept copy of the book it replaced (nil when there was none).
    ///
    /// Over a book: waits up to `timeout` for the book's write lock and holds it throughout;
    /// copies the book as it is (with what its `-wal` holds) to the first free name of `keptBase`;
    /// then writes the snapshot into the book's own file in the same locked transaction. A writer
    /// waiting meanwhile writes into the restored book; a kill at any moment leaves the book as
    /// it was or restored. A file that is no database at all (its header is damaged) is moved to
    /// the kept name instead, with its `-wal`. `whileLocked` runs once the kept copy is made,
    /// with the lock still held (tests use it to write meanwhile).
    static func install(snapshot: String, at path: String, keptBase: String, timeout: TimeInterval = busyTimeout,
                        whileLocked: () -> Void = {}) throws -> String? {
        while true {
            if !FileManager.default.fileExists(atPath: path) {
                if try installFresh(snapshot: snapshot, at: path) { return nil }
                continue  // a book appeared there meanwhile: it is replaced as any book is
            }
            do {
                return try installOver(snapshot: snapshot, at: path, keptBase: keptBase, timeout: timeout, whileLocked: whileLocked)
            } catch is DamagedHeader {
                return try moveAsideDamaged(path, keptBase: keptBase, snapshot: snapshot)
            } catch let error as DatabaseError {
                throw map(error, path: path)
            }
        }
    }

    /// A book where there is none: a WAL-mode copy of the snapshot, linked into place only if the
    /// path is still free. Returns false when a file appeared at `path` meanwhile.
    private static func installFresh(snapshot: String, at path: String) throws -> Bool {
        let working = BookFiles.workingName(beside: path, "restoring")
        defer { BookFiles.removeWorkingFile(working) }
        do {
            let source = try DatabaseQueue(path: snapshot, configuration: configuration(readOnly: true))
            defer { try? source.close() }
            let copy = try DatabaseQueue(path: working)
            try source.backup(to: copy)
            try copy.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            try copy.close()
        } catch let error as DatabaseError {
            throw map(error, path: path)
        }
        BookFiles.sync(working)
        return try BookFiles.place(working, at: path)
    }

    /// Over a live book, under its write lock: the kept copy first, then the snapshot written
    /// into the book's file.
    private static func installOver(snapshot: String, at path: String, keptBase: String, timeout: TimeInterval,
                                    whileLocked: () -> Void) throws -> String {
        var settings = configuration()
        settings.busyMode = .timeout(timeout)
        let source = try DatabaseQueue(path: snapshot, configuration: configuration(readOnly: true))
        defer { try? source.close() }
        let live = try DamagedHeader.detect { try DatabaseQueue(path: path, configuration: settings) }
        defer { try? live.close() }
        return try live.writeWithoutTransaction { db in
            // A book in rollback mode (not one FundLedger made) goes to WAL first, so that a
            // second connection reads it while the lock is held.
            try DamagedHeader.detect {
                if try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() != "wal" {
                    guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")?.lowercased() == "wal" else {
                        throw DatabaseError(resultCode: .SQLITE_BUSY, message: "the book could not be switched to WAL mode")
                    }
                }
            }
            return try source.writeWithoutTransaction { from in
                guard let backup = sqlite3_backup_init(db.sqliteConnection, "main", from.sqliteConnection, "main") else {
                    throw DatabaseError(resultCode: db.lastErrorCode, message: db.lastErrorMessage)
                }
                var finished = false
                defer { if !finished { sqlite3_backup_finish(backup) } }
                // A first step that copies no page takes the book's write lock, waiting up to the
                // timeout; the lock is held until the last step.
                try DamagedHeader.detect { try check(sqlite3_backup_step(backup, 0), db) }
                let kept = try keepCopy(of: path, base: keptBase)
                whileLocked()
                do {
                    try check(sqlite3_backup_step(backup, -1), db)
                    finished = true
                    try check(sqlite3_backup_finish(backup), db)
                } catch {
                    BookFiles.removeWorkingFile(kept)
                    throw error
                }
                db.clearSchemaCache()
                return kept
            }
        }
    }

    /// Throws the engine's error unless a backup step (or its finish) succeeded.
    private static func check(_ code: CInt, _ db: Database) throws {
        guard code == SQLITE_OK || code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage)
        }
    }

    /// A self-contained copy of the book at `path` as it is now, with what its `-wal` holds,
    /// under the first free name of `base`. Runs while the book's write lock is held, through a
    /// connection of its own (a reader beside the lock).
    private static func keepCopy(of path: String, base: String) throws -> String {
        let working = BookFiles.workingName(beside: path, "replacing")
        defer { BookFiles.removeWorkingFile(working) }
        let reader = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
        defer { try? reader.close() }
        let copy = try DatabaseQueue(path: working)
        try reader.backup(to: copy)
        try makeSelfContained(copy)
        try copy.close()
        BookFiles.sync(working)
        return try BookFiles.placeUnique(working, base: base)
    }

    /// A file at the book's path that is no database (its header is damaged): no writer can be
    /// using it, so it moves to the kept name, with its `-wal`, and the snapshot takes its place.
    private static func moveAsideDamaged(_ path: String, keptBase: String, snapshot: String) throws -> String {
        let kept = try BookFiles.placeUnique(path, base: keptBase)
        if FileManager.default.fileExists(atPath: path + "-wal") { rename(path + "-wal", kept + "-wal") }
        unlink(path + "-shm")
        guard try installFresh(snapshot: snapshot, at: path) else { throw BookError.bookExists(path: path) }
        return kept
    }
}

/// The file at a book's path turned out to be no database while the restore opened and locked it
/// (nothing was written to it yet).
private struct DamagedHeader: Error {
    /// Runs `body`, turning the engine's "not a database" and "damaged" into `DamagedHeader`.
    static func detect<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw DamagedHeader()
        }
    }
}
