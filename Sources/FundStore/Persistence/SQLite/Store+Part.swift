import Foundation
import FundCore
import GRDB

/// Writing a part of the book on SQLite: a new book file holding some organisations with all
/// that is theirs, copied row for row (same ids, same seals, same events), read from the book in
/// one read transaction.
extension Store {
    /// Writes into the new file `working` the organisations `members` (a subtree, `root` first)
    /// with the rows `PartTables` gives them, and grants `reader` the reading of the whole part
    /// (`superior` of every organisation), sealed in the part's own book-level chain, the one
    /// event of its own. Returns the ids of the organisations outside the part that its rows name
    /// (kept as bare rows). A failed part removes `working`.
    ///
    /// The subtree's root and the named organisations lose their parent link (their parents are
    /// not in the part); the named ones also lose who created them. The book's own chain and
    /// the rows it seals (book-wide roles) are left out. No row is sealed again: each included
    /// chain is copied whole, from its genesis to its head.
    func writePart(root: String, members: [Int64], reader: String, to working: String) throws -> [Int64] {
        try Store.createSchema(at: working)
        do {
            let named = try fillPart(root: root, members: members, reader: reader, working: working)
            BookFiles.sync(working)
            return named
        } catch {
            BookFiles.removeWorkingFile(working)
            if let error = error as? DatabaseError { throw Store.map(error, path: working) }
            throw error
        }
    }

    private func fillPart(root: String, members: [Int64], reader: String, working: String) throws -> [Int64] {
        let part = try DatabaseQueue(path: working, configuration: Store.configuration())
        defer { try? part.close() }
        try part.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [path])
            defer { try? db.execute(sql: "DETACH DATABASE source") }
            try db.inTransaction(.immediate) {
                try copyRows(db, members: members)
                return .commit
            }
        }
        // The grant of the reader, in a transaction of its own, sealed by the part's own chain.
        try part.write { db in
            try EventChain.recording(db, by: reader, key: sealKey, path: working) {
                try db.execute(sql: "INSERT INTO user_role (user, role, organization_id, granted_at, granted_by) VALUES (?, 'superior', NULL, ?, ?)",
                               arguments: [reader, Store.now(), reader])
            }
        }
        try part.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
        return try part.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM organization WHERE id NOT IN (SELECT value FROM json_each(?)) ORDER BY id",
                               arguments: ["[" + members.map(String.init).joined(separator: ",") + "]"])
        }
    }

    /// Copies the part's rows from `source` into the empty schema, with the schema's triggers
    /// held off meanwhile (they guard the book's own writes: a posted voucher takes no new line)
    /// and its foreign keys checked before the commit.
    private func copyRows(_ db: Database, members: [Int64]) throws {
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' ORDER BY name")
            .map { (name: $0["name"] as String, sql: $0["sql"] as String) }
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER main.\"\(trigger.name)\"") }
        let tables = try String.fetchAll(db, sql: "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' ORDER BY name")
        for table in tables { try db.execute(sql: "DELETE FROM main.\"\(table)\"") }
        try db.execute(sql: "CREATE TEMP TABLE part_org (id INTEGER PRIMARY KEY)")
        defer { try? db.execute(sql: "DROP TABLE temp.part_org") }
        let insertMember = try db.makeStatement(sql: "INSERT INTO temp.part_org (id) VALUES (?)")
        for member in members { try insertMember.execute(arguments: [member]) }
        for table in tables {
            guard let rule = PartTables.rules[table] else {
                preconditionFailure("PartTables has no rule for the table \(table)")
            }
            guard let condition = rule else { continue }
            let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?, 'main') ORDER BY cid", arguments: [table])
                .map { "\"\($0)\"" }.joined(separator: ", ")
            try db.execute(sql: "INSERT INTO main.\"\(table)\" (\(columns)) SELECT \(columns) FROM source.\"\(table)\" WHERE \(condition)")
        }
        // The organisations the part's rows name, without their parent or who created them.
        try db.execute(sql: """
            INSERT INTO main.organization (id, code, name, level, parent_id, chart, independent, term_years, term_start, budget_control, created_at, created_by)
            SELECT id, code, name, level, NULL, chart, independent, term_years, term_start, budget_control, created_at, ''
            FROM source.organization WHERE id NOT IN (SELECT id FROM temp.part_org) AND id IN (\(PartTables.namedOrganizations))
            """)
        if let root = members.first {
            try db.execute(sql: "UPDATE main.organization SET parent_id = NULL WHERE id = ?", arguments: [root])
        }
        for trigger in triggers { try db.execute(sql: trigger.sql) }
        if let violation = try Row.fetchOne(db, sql: "PRAGMA main.foreign_key_check") {
            throw PartNotSelfContained(table: violation[0], parent: violation[2])
        }
    }
}

/// A row of the part refers to a row the part does not hold (the book's rows link organisations
/// in a way the part cannot follow).
struct PartNotSelfContained: Error {
    let table: String
    let parent: String
}
