import Foundation
import FundCore
import FundStore

/// What works on a book in PostgreSQL besides `copy`: making a new one (`init`), and reading the
/// whole of it for `backup`, `verify` and every command that only reads.
///
/// Both go through the copy's own path and a SQLite file in a folder only this user can read
/// (0700), removed on every path out: a new book is made in such a file by the SQLite `init` and
/// moved into the empty database in one transaction, read back and compared (so its seals are
/// the ones a SQLite book gets); a book is read for backup and verify in one read-only,
/// repeatable-read transaction (one snapshot) into such a file, and the SQLite book's own backup
/// and verify, with their rights checks, run on that file.
public enum PostgresBook {
    /// Refuses a database that cannot take a new book: unreachable, or holding any table
    /// (`targetNotEmpty`); checked before a seal key is made for the book.
    public static func requireEmpty(_ address: PostgresAddress) async throws(PostgresBookError) {
        let session = try await PostgresSession.connect(address)
        do {
            try await PostgresSchema.requireEmpty(session)
        } catch {
            await session.close()
            throw error
        }
        await session.close()
    }

    /// Makes a new book in the empty database at `address`, as `Store.create` makes one in a
    /// file: both standard charts, `administrator` as its administrator, the genesis event and
    /// its seal, and the key's id when `key` is given. Returns the copy's report (its tables,
    /// rows and chain heads).
    public static func create(at address: PostgresAddress, administrator: String, key: SealKey?) async throws -> CopyReport {
        try await withPrivateFolder { folder in
            let path = folder + "/new.sqlite"
            try Store.create(at: path, administrator: administrator, key: key).close()
            return try await BookCopy.toPostgres(from: path, to: address, as: administrator, key: key)
        }
    }

    /// `body` given a session as `user` on a SQLite copy of the whole PostgreSQL book at
    /// `address`, read in one snapshot and opened for reading (with `key` for a keyed book); the
    /// copy is removed when `body` returns or throws. The session's services check the user's
    /// rights on the copy as on a book file.
    public static func withCopy<T: Sendable>(of address: PostgresAddress, as user: String, key: SealKey?,
                                             _ body: @Sendable (Session) throws -> T) async throws -> T {
        let store = try await snapshot(of: address, key: key, reader: user)
        return try body(store.session(as: user))
    }

    /// The PostgreSQL book at `address` as it is now, for a command that only reads (the reports,
    /// the lists, the exports): read in one snapshot (a read-only, repeatable-read transaction)
    /// into a SQLite file in a new folder only this user can read, and opened for reading with
    /// `key` for a keyed book. The folder is removed when the store is released, and at once when
    /// the copy fails. The services of a session on it check the user's rights on the copy as on
    /// a book file; `progress` hears of the rows read (done, total).
    ///
    /// With `reader`, the snapshot holds what that user may read (`ReadingPart`): the rows of
    /// the organisations the user's grants reach, every organisation's row and the user's own
    /// roles; the whole book for a user whose grants reach all of it, or when the part would
    /// name a row it does not hold. A refusal on the snapshot is logged in the server's access
    /// log (`logRefusal`), as on a book file; when it cannot be, a warning says why on the error
    /// output.
    public static func snapshot(of address: PostgresAddress, key: SealKey?, reader: String? = nil,
                                progress: BookCopy.Progress? = nil) async throws -> Store {
        let folder = try BookCopy.privateFolder()
        let path = folder + "/book.sqlite"
        do {
            do {
                _ = try await BookCopy.copyOut(from: address, into: path, progress: progress, failAfterTables: nil, reader: reader, writeAheadLog: false)
            } catch is PartNeedsWholeBook {
                for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                _ = try await BookCopy.copyOut(from: address, into: path, progress: progress, failAfterTables: nil, writeAheadLog: false)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
        return try Store.openSnapshot(at: path, removingWhenReleased: folder, key: key) { refusal in
            guard let failure = logRefusal(refusal, to: address) else { return }
            FileHandle.standardError.write(Data(refusalNotLogged(failure, address: address).utf8))
        }
    }

    /// `body` given a new folder only this user can read, removed with all it holds afterwards.
    static func withPrivateFolder<T: Sendable>(_ body: (String) async throws -> T) async throws -> T {
        let folder = try BookCopy.privateFolder()
        do {
            let value = try await body(folder)
            try? FileManager.default.removeItem(atPath: folder)
            return value
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }
}
