import Foundation
import FundStore

/// Work that blocks a thread, run off the event loop and awaited: a login's transactions on
/// `run`, bcrypt on `hashing`.
enum Blocking {
    /// A login's transactions (reading the login of a request, counting a failure): threads
    /// that mostly wait for SQLite, so there may be many (`Workers`).
    static let database = Workers(name: "FundDesk.logins", limit: 32)

    /// bcrypt checks: about a quarter of a second of processor each, so no more run at once than
    /// there are cores (more would only share them), and they queue here, not in front of the
    /// transactions of pages, which run on threads of their own.
    static let hashing = Workers(name: "FundDesk.bcrypt", limit: ProcessInfo.processInfo.activeProcessorCount)

    /// Runs `body`, which reads or writes the book, on a thread of `database`.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await database.run(body)
    }

    /// Runs `body`, a bcrypt hash or check, on a thread of `hashing`.
    static func hash<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await hashing.run(body)
    }
}
