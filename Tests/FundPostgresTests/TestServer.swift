import Foundation
@testable import FundPostgres
import Testing

/// The PostgreSQL server the tests run against: `FUNDLEDGER_TEST_POSTGRES`, the URL of a database
/// on it whose role may create databases (`scripts/pg/throwaway.sh start` prints one). Without it
/// a test is skipped with a printed line, except under CI, where a missing server is a failure.
enum TestServer {
    static let variable = "FUNDLEDGER_TEST_POSTGRES"

    /// The server's address, or nil (the test then returns) after saying why.
    static func address(_ test: String = #function) -> PostgresAddress? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment[variable], !url.isEmpty else {
            if environment["CI"] != nil {
                Issue.record("\(variable) is not set under CI: .ci/run starts a PostgreSQL server for these tests (scripts/pg/throwaway.sh)")
            } else {
                print("skipped \(test): no PostgreSQL server (\(variable) is not set; scripts/pg/throwaway.sh start DIR PORT starts one)")
            }
            return nil
        }
        do { return try PostgresAddress.parse(url, environment: [:]) } catch {
            Issue.record("\(variable) is not a book URL: \(error)")
            return nil
        }
    }

    /// A new, empty database on the server for one test, dropped by `drop`.
    static func freshDatabase(_ server: PostgresAddress) async throws -> PostgresAddress {
        let name = "fl_test_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        try await using(server) { admin in try await admin.execute("CREATE DATABASE \(name)") }
        var address = server
        address.database = name
        return address
    }

    static func drop(_ database: PostgresAddress, server: PostgresAddress) async {
        guard let admin = try? await PostgresSession.connect(server) else { return }
        try? await admin.execute("DROP DATABASE IF EXISTS \(database.database) WITH (FORCE)")
        await admin.close()
    }

    /// The names of the tables in the database's current schema.
    static func tables(_ database: PostgresAddress) async throws -> [String] {
        try await using(database) { session in
            try await session.rows("SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1")
                .compactMap { if case let .text(name)? = $0.first { name } else { nil } }
        }
    }

    /// `body` with a connection to `database`, closed afterwards whether or not `body` throws.
    static func using<T: Sendable>(_ database: PostgresAddress, _ body: (PostgresSession) async throws -> T) async throws -> T {
        let session = try await PostgresSession.connect(database)
        do {
            let value = try await body(session)
            await session.close()
            return value
        } catch {
            await session.close()
            throw error
        }
    }
}
