import FundCore

/// What a PostgreSQL database holds, as a copy checks it: nothing at all before a copy into it,
/// and the same tables and columns as the SQLite book's schema.
public enum PostgresSchema {
    /// Refuses a database that holds any table in its current schema: a copy never writes over
    /// or beside a book.
    static func requireEmpty(_ session: PostgresSession) async throws(PostgresBookError) {
        let rows = try await session.rows("SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1")
        let tables = rows.compactMap { row -> String? in if case let .text(name)? = row.first { name } else { nil } }
        if !tables.isEmpty { throw .targetNotEmpty(location: session.address.redacted, tables: tables) }
    }

    /// The book's tables in the database's current schema, each with its columns in order (the
    /// migrations table left out); a column of a type the book never uses is refused.
    public static func tables(_ session: PostgresSession) async throws(PostgresBookError) -> [String: [BookColumn]] {
        let rows = try await session.rows("""
            SELECT c.table_name::text, c.column_name::text, c.data_type::text
            FROM information_schema.columns c JOIN information_schema.tables t
              ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = current_schema() AND c.table_name <> '\(PostgresMigrations.table)'
            ORDER BY c.table_name, c.ordinal_position
            """)
        var tables: [String: [BookColumn]] = [:]
        for row in rows {
            guard row.count == 3, case let .text(table) = row[0], case let .text(column) = row[1], case let .text(type) = row[2] else { continue }
            guard let kind = ColumnKind(postgresType: type) else {
                throw .schemaMismatch(table: table, detail: "the column \(column) is of type \(type)")
            }
            tables[table, default: []].append(BookColumn(name: column, kind: kind))
        }
        return tables
    }

    /// Refuses when the database's tables and columns differ from `book`'s (the SQLite schema):
    /// a table or a column on one side only, or a column of another kind.
    public static func requireParity(_ session: PostgresSession, with book: [BookTable]) async throws(PostgresBookError) {
        try parity(postgres: try await tables(session), sqlite: book)
    }

    /// The first difference between the two schemas, as a refusal.
    public static func parity(postgres: [String: [BookColumn]], sqlite: [BookTable]) throws(PostgresBookError) {
        let sqliteNames = Set(sqlite.map(\.name))
        for name in postgres.keys.sorted() where !sqliteNames.contains(name) {
            throw .schemaMismatch(table: name, detail: "only in PostgreSQL")
        }
        for table in sqlite {
            guard let columns = postgres[table.name] else { throw .schemaMismatch(table: table.name, detail: "only in SQLite") }
            let kinds = Dictionary(columns.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
            for column in table.columns {
                guard let kind = kinds[column.name] else { throw .schemaMismatch(table: table.name, detail: "the column \(column.name) only in SQLite") }
                guard kind == column.kind else {
                    throw .schemaMismatch(table: table.name, detail: "the column \(column.name) is \(column.kind.rawValue) in SQLite, \(kind.rawValue) in PostgreSQL")
                }
            }
            let names = Set(table.columns.map(\.name))
            if let extra = columns.first(where: { !names.contains($0.name) }) {
                throw .schemaMismatch(table: table.name, detail: "the column \(extra.name) only in PostgreSQL")
            }
        }
    }
}
