import Foundation
import FundStore
import PostgresNIO

extension PostgresBook {
    /// How long logging one refusal may take in all: connecting, and the insert once connected.
    static let refusalLogTimeout: TimeAmount = .seconds(10)

    /// Logs `refusal` in the access log of the PostgreSQL book at `address`, as a refusal on a
    /// book file is logged in the file: one row of `access_log` in a statement of its own, by a
    /// connection of its own (the snapshot's transaction is over by then). Returns nil when the
    /// row is written, else why not (unreachable, the login refused, no right to insert, a lock
    /// held past the timeout): the refusal stands either way, as on a file that cannot be written.
    ///
    /// It waits for the server on the calling thread with NIO's futures, never on Swift's
    /// concurrency pool, and never longer than `refusalLogTimeout` once connected (a statement
    /// and lock timeout on the server, and the connection closed from this side past it).
    public static func logRefusal(_ refusal: RefusedAccess, to address: PostgresAddress,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) -> PostgresBookError? {
        guard MultiThreadedEventLoopGroup.currentEventLoop == nil else { return .server(sqlState: "", message: "called on an event loop") }
        let attempts: [PostgresConnection.Configuration.TLS]
        do { attempts = try address.connectionAttempts(home: PrivateFile.home(environment)) } catch { return error }
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
        let milliseconds = refusalLogTimeout.nanoseconds / 1_000_000
        let limits = ["statement_timeout", "lock_timeout"].map { PostgresQuery(unsafeSQL: "SET \($0) = \(milliseconds)") }
        let insert = PostgresQuery(unsafeSQL: #"INSERT INTO access_log (at, "user", outcome, action, organization, detail) VALUES ($1, $2, 'refused', $3, $4, $5)"#,
                                   binds: binds)
        // As `PostgresSession.connect`: the next attempt only after a login refused for want of TLS.
        for (number, attempt) in attempts.enumerated() {
            let configuration = PostgresSession.configuration(address, password: password, tls: attempt)
            let connection: PostgresConnection
            do {
                connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 2, logger: logger).wait()
            } catch {
                let failure = PostgresSession.connectFailure(error, address: address)
                if number + 1 < attempts.count, failure.refusedWithoutTLS { continue }
                return failure
            }
            // A server that stops answering once connected is given up on from this side too.
            let deadline = connection.eventLoop.scheduleTask(in: refusalLogTimeout) { let closing: EventLoopFuture<Void> = connection.close(); _ = closing }
            defer {
                deadline.cancel()
                try? connection.close().wait()
            }
            do {
                for limit in limits { _ = try connection.query(limit, logger: logger).wait() }
                _ = try connection.query(insert, logger: logger).wait()
                return nil
            } catch let error as PSQLError {
                if let state = error.serverInfo?[.sqlState] { return .server(sqlState: state, message: error.serverInfo?[.message] ?? "") }
                return .connectionLost(location: address.redacted)
            } catch {
                return .connectionLost(location: address.redacted)
            }
        }
        preconditionFailure("the last attempt returns")
    }

    /// The line a command prints on its error output when a refusal could not be logged on the
    /// server: the refusal stands, and the DBA learns why the access log lacks it.
    static func refusalNotLogged(_ failure: PostgresBookError, address: PostgresAddress) -> String {
        "警告：被拒绝的操作未能记入 \(address.redacted) 的访问日志（\(failure.chinese)）；拒绝仍然有效，请检查该用户在服务器上写入 access_log 的权限 [postgres-access-log-not-written]\n"
    }
}
