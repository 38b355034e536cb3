import Foundation
import FundCore
import FundStore

/// The book's schema in PostgreSQL as frozen, named migrations, the twins of the SQLite book's
/// (`Migrations` in FundStore). A migration that has landed is never edited; a change comes as a
/// new one appended at the end, with its SQLite twin, or the schema-parity test fails.
///
/// Each engine records its own migrations: PostgreSQL in `fundledger_migrations`, as GRDB does
/// in `grdb_migrations`.
public enum PostgresMigrations {
    /// The table that records the migrations applied to a database.
    public static let table = "fundledger_migrations"

    /// Every migration in order: an identifier and its statements, run one at a time.
    static let all: [(identifier: String, statements: [String])] = [
        ("pg-v1-book", PostgresSchemaV1.statements),
    ]

    /// Applies every migration `session`'s database lacks, in order, recording each. Runs inside
    /// the caller's transaction.
    static func migrate(_ session: PostgresSession) async throws(PostgresBookError) {
        try await session.execute("CREATE TABLE IF NOT EXISTS \(table) (identifier TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        let applied = try await identifiers(session)
        if let unknown = applied.first(where: { id in !all.contains { $0.identifier == id } }) {
            throw .schemaTooNew(location: session.address.redacted, migration: unknown)
        }
        for migration in all where !applied.contains(migration.identifier) {
            for statement in migration.statements { try await session.execute(statement) }
            try await session.execute("INSERT INTO \(table) (identifier, applied_at) VALUES ($1, $2)",
                                      values: [.text(migration.identifier), .text(Store.now())])
        }
    }

    /// Refuses a database that holds no book, or one whose migrations are not exactly this
    /// version's (a later version's book, or one this version would first have to upgrade).
    static func requireCurrent(_ session: PostgresSession) async throws(PostgresBookError) {
        let exists = try await session.rows("SELECT to_regclass('\(table)') IS NOT NULL")
        guard case .integer(1)? = exists.first?.first else { throw .noBook(location: session.address.redacted) }
        let applied = try await identifiers(session)
        if let unknown = applied.first(where: { id in !all.contains { $0.identifier == id } }) {
            throw .schemaTooNew(location: session.address.redacted, migration: unknown)
        }
        if let missing = all.first(where: { !applied.contains($0.identifier) }) {
            throw .schemaMismatch(table: table, detail: "the migration \(missing.identifier) has not been applied")
        }
    }

    static func identifiers(_ session: PostgresSession) async throws(PostgresBookError) -> [String] {
        try await session.rows("SELECT identifier FROM \(table) ORDER BY identifier").compactMap { row in
            if case let .text(id)? = row.first { id } else { nil }
        }
    }
}
