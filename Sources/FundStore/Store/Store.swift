import Foundation
import FundCore
import GRDB

/// A refusal as the access log keeps it (`outcome` refused), handed to where a snapshot's
/// refusals are logged (`Store.openSnapshot`).
public struct RefusedAccess: Sendable, Equatable {
    /// When, as the log writes it (`Store.now()`).
    public let at: String
    public let user: String
    /// The action refused (`Action.rawValue`).
    public let action: String
    /// The organisation's code, nil for an action on the whole book.
    public let organization: String?
    /// The refusal's message.
    public let detail: String

    public init(at: String, user: String, action: String, organization: String?, detail: String) {
        self.at = at
        self.user = user
        self.action = action
        self.organization = organization
        self.detail = detail
    }
}

/// The store: one SQLite file holding the accounts of many organisations, and the one owner of
/// its database connection.
///
/// Nothing is read or written through the store itself: `session(as:)` binds one identity (a
/// command of the CLI, later one request of the desk) and every service acts through that
/// session, which checks the user's roles (`Access`) before every read and write.
///
/// Every write runs in one transaction and is all-or-nothing. The file is in WAL mode with
/// foreign keys on, and a busy writer is waited for a bounded time. Opening an existing book and
/// reading it with `.single` connections never writes to the file, so a refused command leaves
/// it byte-identical; SQLite's file locks order the writers of several processes, and a server
/// opens a `.pool` whose readers run beside the writer.
public final class Store: Sendable {
    /// The book file.
    public let path: String
    /// The connections every session of this store shares (`Connections`).
    let database: any DatabaseWriter

    /// How long a writer waits for another writer before giving up with `BookError.busy`.
    public static let busyTimeout: TimeInterval = 10

    /// Whether the store only reads (`Connections.readOnly`).
    public let readOnly: Bool

    /// The key of a keyed book's seals (`SealKey`), given when the store is opened; nil for a
    /// book without a key. A keyed book takes no write without it.
    public let sealKey: SealKey?

    /// A folder that holds nothing but this store's book (a snapshot read from a server), removed
    /// with the book when the store is released; nil for a book the store does not own.
    let ownedFolder: String?

    /// Where a refusal is logged instead of this store's own file: the book a snapshot was read
    /// from (its server's access log); nil to log in the file, where it can be written.
    let refusalLog: (@Sendable (RefusedAccess) -> Void)?

    init(path: String, database: any DatabaseWriter, readOnly: Bool = false, sealKey: SealKey? = nil, ownedFolder: String? = nil,
         refusalLog: (@Sendable (RefusedAccess) -> Void)? = nil) {
        self.path = path
        self.database = database
        self.readOnly = readOnly
        self.sealKey = sealKey
        self.ownedFolder = ownedFolder
        self.refusalLog = refusalLog
    }

    deinit {
        guard let ownedFolder else { return }
        try? database.close()
        try? FileManager.default.removeItem(atPath: ownedFolder)
    }

    /// How a store connects to its book file.
    public enum Connections: Sendable {
        /// One connection for reading and writing in turn: a command of the CLI. Opening the
        /// book and reading it never writes to the file.
        case single
        /// One connection that only reads: a command that only reads. It works on read-only
        /// media too, and nothing it does can change the book (a refusal is still logged where
        /// the file can be written).
        case readOnly
        /// A pool of readers beside one writer, so that many readers (the requests of a server)
        /// run at once while one writes. Opening the pool writes to the file: it makes sure the
        /// WAL file exists, which a reader of the pool needs.
        case pool
    }

    /// A session acting as `user`: every read and write through it is checked against that
    /// user's roles and recorded under that name.
    public func session(as user: String) -> Session {
        Session(store: self, user: user)
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
