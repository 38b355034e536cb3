import Foundation
import FundStore
import PostgresNIO

extension PostgresBook {
    /// Logs `refusal` in the access log of the PostgreSQL book at `address`, as a refusal on a
    /// book file is logged in the file: one row of `access_log` in a statement of its own, by a
    /// connection of its own (the snapshot's transaction is over by then). Best effort, as on a
    /// file that cannot be written: a server that cannot be reached or refuses keeps no row.
    ///
    /// It waits for the server on the calling thread with NIO's futures, never on Swift's
    /// concurrency pool, so it may be called from the synchronous code of a session anywhere
    /// (a command's main thread, or the body of `withCopy`), though not from an event loop.
    public static func logRefusal(_ refusal: RefusedAccess, to address: PostgresAddress,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard MultiThreadedEventLoopGroup.currentEventLoop == nil else { return }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        guard let tls = try? address.connectionTLS(home: home) else { return }
        let password = PostgresPassword.lookUp(for: address, environment: environment)
        var logger = Logger(label: "fundledger.postgres")
        logger.logLevel = .critical
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        var binds = PostgresBindings(capacity: 5)
        for value in [BookValue.text(refusal.at), .text(refusal.user), .text(refusal.action),
                      refusal.organization.map(BookValue.text) ?? .null, .text(refusal.detail)] {
            value.bind(into: &binds)
        }
        let insert = PostgresQuery(unsafeSQL: #"INSERT INTO access_log (at, "user", outcome, action, organization, detail) VALUES ($1, $2, 'refused', $3, $4, $5)"#,
                                   binds: binds)
        // `allow` tries without TLS first, as `PostgresSession.connect` does.
        for attempt in address.tls == .allow ? [PostgresConnection.Configuration.TLS.disable, tls] : [tls] {
            let configuration = PostgresSession.configuration(address, password: password, tls: attempt)
            guard let connection = try? PostgresConnection.connect(on: group.next(), configuration: configuration, id: 2, logger: logger).wait()
            else { continue }
            _ = try? connection.query(insert, logger: logger).wait()
            try? connection.close().wait()
            return
        }
    }
}
