import Foundation
import FundCore
@testable import FundPostgres
import FundStore
import GRDB
import Testing

/// The PostgreSQL migrations build the same tables, with the same columns of the same kinds, as
/// the SQLite migrations: a SQLite migration without its PostgreSQL twin fails here.
@Suite struct SchemaParityTests {
    /// The tables of a fresh SQLite book's schema.
    static func sqliteTables() throws -> [BookTable] {
        let folder = NSTemporaryDirectory() + "fundledger-parity-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Store.createSchema(at: folder + "/schema.sqlite")
        let queue = try DatabaseQueue(path: folder + "/schema.sqlite")
        defer { try? queue.close() }
        return try queue.read { db in try BookTables.read(db) }
    }

    @Test func postgresMigrationsMatchTheSQLiteSchema() async throws {
        guard let server = TestServer.address() else { return }
        let database = try await TestServer.freshDatabase(server)
        let sqlite = try Self.sqliteTables()
        try await TestServer.using(database) { session in
            try await session.transaction { try await PostgresMigrations.migrate(session) }
            let postgres = try await PostgresSchema.tables(session)
            #expect(Set(postgres.keys) == Set(sqlite.map(\.name)))
            for table in sqlite {
                #expect(postgres[table.name]?.map(\.name).sorted() == table.columns.map(\.name).sorted(), "\(table.name)")
            }
            try PostgresSchema.parity(postgres: postgres, sqlite: sqlite)
            // Every SQLite trigger has its PostgreSQL twin, under the same name.
            let triggers = try await session.rows("SELECT tgname::text FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1")
                .compactMap { if case let .text(name)? = $0.first { name } else { nil } }
            #expect(triggers == (try Self.sqliteTriggerNames()))
            // Migrating again applies nothing new.
            try await session.transaction { try await PostgresMigrations.migrate(session) }
            #expect(try await PostgresMigrations.identifiers(session) == ["pg-v1-book"])
        }
        await TestServer.drop(database, server: server)
    }

    static func sqliteTriggerNames() throws -> [String] {
        let book = try TestBookFile()
        defer { book.remove() }
        let queue = try DatabaseQueue(path: book.path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name") }
    }

    /// The comparison itself finds a table, a column or a kind on one side only.
    @Test func parityNamesTheFirstDifference() throws {
        let sqlite = [BookTable(name: "voucher", columns: [BookColumn(name: "id", kind: .integer), BookColumn(name: "summary", kind: .text)],
                                primaryKey: ["id"], identity: "id", references: [])]
        let same: [String: [BookColumn]] = ["voucher": sqlite[0].columns]
        try PostgresSchema.parity(postgres: same, sqlite: sqlite)
        let cases: [([String: [BookColumn]], String, String)] = [
            ([:], "voucher", "only in SQLite"),
            (same.merging(["seal": []]) { a, _ in a }, "seal", "only in PostgreSQL"),
            (["voucher": [BookColumn(name: "id", kind: .integer)]], "voucher", "the column summary only in SQLite"),
            (["voucher": sqlite[0].columns + [BookColumn(name: "extra", kind: .text)]], "voucher", "the column extra only in PostgreSQL"),
            (["voucher": [BookColumn(name: "id", kind: .integer), BookColumn(name: "summary", kind: .blob)]], "voucher",
             "the column summary is text in SQLite, blob in PostgreSQL"),
        ]
        for (postgres, table, detail) in cases {
            #expect(throws: PostgresBookError.schemaMismatch(table: table, detail: detail)) { try PostgresSchema.parity(postgres: postgres, sqlite: sqlite) }
        }
    }
}

/// A fresh SQLite book file (schema, charts, an administrator) in a folder of its own.
struct TestBookFile {
    let folder: String
    let path: String

    init() throws {
        folder = NSTemporaryDirectory() + "fundledger-pgtests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/book.sqlite"
        _ = try Store.create(at: path, administrator: "t")
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
