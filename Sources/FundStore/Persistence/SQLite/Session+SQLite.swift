import Foundation
import FundCore
import GRDB

/// A session's transactions on SQLite, and the refusals it logs.
extension Session {
    /// Runs `body` in one write transaction, turning database errors into `BookError`. The
    /// transaction is IMMEDIATE: it takes the write lock at its start, so a second writer waits
    /// (up to `busyTimeout`) instead of failing when it would upgrade a read lock.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        if store.readOnly { throw BookError.readOnly(path: path) }
        do {
            return try store.database.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try EventChain.recording(db, by: user, key: store.sealKey, path: path) { try body(db) }
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw Store.map(error, path: path)
        } catch let error as BookError {
            logRefusal(error)
            throw error
        }
    }

    /// Runs `body` in one read transaction, turning database errors into `BookError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try store.database.read(body)
        } catch let error as DatabaseError {
            throw Store.map(error, path: path)
        } catch let error as BookError {
            logRefusal(error)
            throw error
        }
    }

    /// Records a refusal in the access log, in a transaction of its own (the refused one was
    /// rolled back); a snapshot's refusal goes to the book it was read from (`Store.refusalLog`).
    /// Best effort: a book that cannot be written (read-only disk) keeps no log.
    func logRefusal(_ error: BookError) {
        guard case let .notPermitted(user, action, organization, _) = error else { return }
        let entry = AccessLogRecord(at: Store.now(), user: user, outcome: .refused, action: action.rawValue, organization: organization,
                                    detail: error.description)
        if let refusalLog = store.refusalLog {
            refusalLog(RefusedAccess(at: entry.at, user: entry.user, action: entry.action, organization: entry.organization, detail: entry.detail))
        } else if store.readOnly {
            // A reading command's store cannot write: the refusal goes in through a connection of its own.
            guard let writer = try? DatabaseQueue(path: path, configuration: Store.configuration()) else { return }
            try? writer.write { db in try SQLiteStorage(db).appendAccessLog(entry) }
            try? writer.close()
        } else {
            try? store.database.write { db in try SQLiteStorage(db).appendAccessLog(entry) }
        }
    }
}
