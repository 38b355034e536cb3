import Foundation
import FundCore
import PostgresNIO

/// One connection to a PostgreSQL book, on an event-loop group of its own that it shuts down when
/// closed. Every server error comes back as a `PostgresBookError`, never with the password.
public final class PostgresSession: @unchecked Sendable {
    public let address: PostgresAddress
    let connection: PostgresConnection
    private let group: MultiThreadedEventLoopGroup
    let logger: Logger

    private init(address: PostgresAddress, connection: PostgresConnection, group: MultiThreadedEventLoopGroup, logger: Logger) {
        self.address = address
        self.connection = connection
        self.group = group
        self.logger = logger
    }

    /// Connects to `address`, with TLS as its `sslmode` asks (`PostgresAddress.connectionTLS`)
    /// and the URL's password, else `PGPASSWORD`'s, else the password file's
    /// (`PostgresPassword`), all read from `environment`. `sslmode=allow` connects without TLS
    /// first and with it only when the server refuses that login, as libpq does.
    public static func connect(_ address: PostgresAddress,
                               environment: [String: String] = ProcessInfo.processInfo.environment) async throws(PostgresBookError) -> PostgresSession {
        var logger = Logger(label: "fundledger.postgres")
        logger.logLevel = .critical
        let home = PrivateFile.home(environment)
        // A missing or unreadable file of TLS is refused before an event loop is started.
        let attempts = try address.connectionAttempts(home: home)
        let password = PostgresPassword.lookUp(for: address, environment: environment)
        for (number, tls) in attempts.enumerated() {
            do throws(PostgresBookError) {
                return try await attempt(address, password: password, tls: tls, logger: logger)
            } catch let error where number + 1 < attempts.count && error.refusedWithoutTLS {
                continue
            }
        }
        preconditionFailure("the last attempt returns or throws")
    }

    /// One connection attempt with the given TLS, on a new event-loop group shut down if it fails.
    private static func attempt(_ address: PostgresAddress, password: Result<String, PostgresBookError.PasswordFileOutcome>,
                                tls: PostgresConnection.Configuration.TLS, logger: Logger) async throws(PostgresBookError) -> PostgresSession {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let configuration = Self.configuration(address, password: password, tls: tls)
        do {
            let connection = try await PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger)
            return PostgresSession(address: address, connection: connection, group: group, logger: logger)
        } catch {
            try? await group.shutdownGracefully()
            if case let .failure(outcome) = password, (error as? PSQLError)?.code == .authMechanismRequiresPassword {
                throw .passwordMissing(location: address.redacted, user: address.user, file: outcome)
            }
            throw Self.connectFailure(error, address: address)
        }
    }

    /// What postgres-nio connects with: the address, the password found for it and the TLS.
    static func configuration(_ address: PostgresAddress, password: Result<String, PostgresBookError.PasswordFileOutcome>,
                              tls: PostgresConnection.Configuration.TLS) -> PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(host: address.host, port: address.port, username: address.user,
                                                             password: try? password.get(), database: address.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// Closes the connection (an open transaction is rolled back by the server) and its event loop.
    public func close() async {
        try? await connection.close()
        try? await group.shutdownGracefully()
    }

    /// Runs one statement that returns no rows.
    func execute(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) async throws(PostgresBookError) {
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        } catch {
            throw map(error)
        }
    }

    /// Runs one statement with `values` as its parameters `$1`, `$2`, … in order.
    func execute(_ sql: String, values: [BookValue]) async throws(PostgresBookError) {
        var binds = PostgresBindings(capacity: values.count)
        for value in values { value.bind(into: &binds) }
        try await execute(sql, binds)
    }

    /// Runs one statement and returns its rows as values (`BookValue`): integers, texts, byte
    /// strings and nulls; a column of another type is refused naming it.
    func rows(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) async throws(PostgresBookError) -> [[BookValue]] {
        do {
            var result: [[BookValue]] = []
            let sequence = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
            for try await row in sequence {
                var values: [BookValue] = []
                values.reserveCapacity(row.count)
                for cell in row { values.append(try BookValue(cell)) }
                result.append(values)
            }
            return result
        } catch let error as PostgresBookError {
            throw error
        } catch {
            throw map(error)
        }
    }

    /// `body` inside one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await execute("BEGIN ISOLATION LEVEL SERIALIZABLE")
        do {
            let value = try await body()
            try await execute("COMMIT")
            return value
        } catch {
            try? await execute("ROLLBACK")
            throw error
        }
    }

    /// A failed connection attempt as the refusal a person can act on.
    static func connectFailure(_ error: any Error, address: PostgresAddress) -> PostgresBookError {
        if let error = error as? PSQLError {
            if let failure = tlsFailure(error, address: address) { return failure }
            if let state = error.serverInfo?[.sqlState] {
                let message = error.serverInfo?[.message] ?? ""
                switch state {
                case "3D000": return .databaseMissing(location: address.redacted)
                case "28P01", "28000": return .loginRefused(location: address.redacted, user: address.user, reason: message)
                default: return .server(sqlState: state, message: message)
                }
            }
            return .unreachable(location: address.redacted, reason: Self.reason(error.underlying ?? error))
        }
        return .unreachable(location: address.redacted, reason: Self.reason(error))
    }

    /// The SQLSTATE the book's PL/pgSQL triggers raise with (SQLite's `RAISE(ABORT, …)`).
    static let bookRuleState = "FL001"

    /// A server or connection error of a statement as a refusal. A trigger of the book's schema
    /// (`bookRuleState`) and a constraint (class 23) are the book's second line of defence and
    /// come back as SQLite's do, `StorageFailure.constraint` with the message.
    func map(_ error: any Error) -> PostgresBookError {
        guard let error = error as? PSQLError else { return .server(sqlState: "", message: Self.reason(error)) }
        if let state = error.serverInfo?[.sqlState] {
            let message = error.serverInfo?[.message] ?? ""
            if state.hasPrefix("23") || state == Self.bookRuleState { return .refused(.constraint(message: message)) }
            return .server(sqlState: state, message: message)
        }
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .connectionError:
            return .connectionLost(location: address.redacted)
        default:
            return .server(sqlState: "", message: error.code.description)
        }
    }

    /// The words of a low-level error (a refused connection, an unknown host), without any URL.
    static func reason(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}

/// Runs `work` to its end and waits for it on the calling thread, for the synchronous CLI. The
/// caller must not be on one of NIO's event-loop threads (the work needs them to progress).
public func waitForAsync<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    precondition(MultiThreadedEventLoopGroup.currentEventLoop == nil, "waitForAsync called from an event loop")
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { box.set(.success(try await work())) } catch { box.set(.failure(error)) }
        done.signal()
    }
    done.wait()
    return try box.take()
}

/// The result of `waitForAsync`'s task, handed from it to the waiting thread under a lock.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?

    func set(_ value: Result<T, any Error>) { lock.withLock { result = value } }

    /// Takes the result out, so that the task, which may end after the waiting thread goes on,
    /// holds no reference to it: a value released only by its owner (a snapshot's store, whose
    /// release removes its folder) is released on the owner's thread.
    func take() throws -> T {
        let taken = lock.withLock { () -> Result<T, any Error>? in
            defer { result = nil }
            return result
        }
        guard let taken else { preconditionFailure("waitForAsync returned before its task") }
        return try taken.get()
    }
}
