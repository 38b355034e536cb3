import FundCore
import GRDB

/// What a column holds, as SQLite's type affinity has it and the PostgreSQL schema types it:
/// INTEGER as BIGINT, REAL as DOUBLE PRECISION, TEXT as TEXT, BLOB as BYTEA.
public enum ColumnKind: String, Sendable, Equatable {
    case integer, real, text, blob

    /// The kind of a column declared `declared` in SQLite (its affinity rules, for the types the
    /// book uses); nil for a declaration the book never uses (NUMERIC and the like).
    init?(sqliteDeclared declared: String) {
        let type = declared.uppercased()
        if type.contains("INT") { self = .integer }
        else if type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT") { self = .text }
        else if type.contains("BLOB") || type.isEmpty { self = .blob }
        else if type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB") { self = .real }
        else { return nil }
    }

    /// The kind of a PostgreSQL column of `dataType` (information_schema's name).
    init?(postgresType dataType: String) {
        switch dataType {
        case "bigint", "integer", "smallint": self = .integer
        case "double precision", "real": self = .real
        case "text", "character varying": self = .text
        case "bytea": self = .blob
        default: return nil
        }
    }

    /// Whether a value read from SQLite has this column's storage class (or is NULL): a value of
    /// another class (a text in an INTEGER column) could not come back the same from PostgreSQL.
    func holds(_ value: BookValue) -> Bool {
        switch (self, value) {
        case (_, .null), (.integer, .integer), (.real, .real), (.text, .text), (.blob, .blob): true
        default: false
        }
    }
}

/// A column of a book's table.
public struct BookColumn: Sendable, Equatable {
    public var name: String
    public var kind: ColumnKind
}

/// A table of the book as a copy moves it: its columns in order, its primary key, and the tables
/// it refers to (so that a copy writes them first).
public struct BookTable: Sendable, Equatable {
    public var name: String
    public var columns: [BookColumn]
    /// The primary key's columns; empty for a table with none (it is ordered by all columns).
    public var primaryKey: [String]
    /// The column SQLite numbers itself (`INTEGER PRIMARY KEY`), an identity in PostgreSQL.
    public var identity: String?
    /// The other tables its foreign keys refer to.
    public var references: Set<String>
    /// Whether SQLite keeps it WITHOUT ROWID (its rows then have no rowid to read them by).
    public var withoutRowID = false
}

/// The tables of a SQLite book read from its own schema, in dependency order.
public enum BookTables {
    /// Tables that are the engine's or the migrator's own, never copied: each engine records its
    /// own migrations.
    static let bookkeeping: Set<String> = ["grdb_migrations", "sqlite_sequence", "sqlite_stat1", "sqlite_stat4"]

    /// Every table of the book in `db`, a table after those it refers to (then by name).
    public static func read(_ db: Database) throws -> [BookTable] {
        let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .filter { !bookkeeping.contains($0) }
        var tables: [BookTable] = []
        for name in names {
            let info = try Row.fetchAll(db, sql: "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid", arguments: [name])
            var columns: [BookColumn] = []
            var keyed: [(Int, String)] = []
            for row in info {
                let column: String = row["name"]
                let declared: String = row["type"]
                guard let kind = ColumnKind(sqliteDeclared: declared) else {
                    throw PostgresBookError.valueNotCopyable(table: name, column: column, row: "schema", reason: "the declared type \(declared) is not one the book uses")
                }
                columns.append(BookColumn(name: column, kind: kind))
                let position: Int = row["pk"]
                if position > 0 { keyed.append((position, column)) }
            }
            let primaryKey = keyed.sorted { $0.0 < $1.0 }.map(\.1)
            let withoutRowID = try Bool.fetchOne(db, sql: "SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [name]) ?? false
            let identity = primaryKey.count == 1 && !withoutRowID && columns.first { $0.name == primaryKey[0] }?.kind == .integer ? primaryKey[0] : nil
            let references = Set(try String.fetchAll(db, sql: "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)", arguments: [name])).subtracting([name])
            tables.append(BookTable(name: name, columns: columns, primaryKey: primaryKey, identity: identity, references: references, withoutRowID: withoutRowID))
        }
        return ordered(tables)
    }

    /// `tables` with every table after the tables it refers to; among tables free to go, by name.
    static func ordered(_ tables: [BookTable]) -> [BookTable] {
        var placed: Set<String> = []
        var left = tables.sorted { $0.name < $1.name }
        var result: [BookTable] = []
        let known = Set(tables.map(\.name))
        while !left.isEmpty {
            guard let next = left.firstIndex(where: { $0.references.intersection(known).isSubset(of: placed) }) else {
                // A cycle of references: the rest in name order (the copy defers its foreign keys).
                result += left
                break
            }
            let table = left.remove(at: next)
            placed.insert(table.name)
            result.append(table)
        }
        return result
    }
}
