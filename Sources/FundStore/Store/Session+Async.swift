import Foundation

extension Session {
    /// Runs `body` with this session on a worker thread and awaits its result, so that a caller
    /// on Swift concurrency (an HTTP handler on an event loop) never blocks while SQLite reads or
    /// waits for the writer's lock. Readers run side by side; writers take their turn at the
    /// book's write lock as they do from the CLI.
    ///
    ///     let vouchers = try await session.perform { try $0.vouchers.vouchers(organization: "FED-01") }
    public func perform<T: Sendable>(_ body: @escaping @Sendable (Session) throws -> T) async throws -> T {
        try await Session.workers.run { try body(self) }
    }

    /// The threads that run sessions for asynchronous callers: enough that requests waiting for
    /// the write lock never hold the readers up (`Workers`); the book's reader connections
    /// (`Store.readerCount`) bound how many read at once.
    static let workers = Workers(name: "FundLedger.sessions", limit: 64)
}
