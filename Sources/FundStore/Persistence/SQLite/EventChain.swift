import Foundation
import FundCore
import GRDB

/// The event chains on SQLite: every change a write transaction makes to a sealed table
/// (`SealedTables`) becomes an event appended, in the same transaction, to the chain of the
/// organisation the row belongs to, hash-chained like the voucher seals (`SealHash`). The
/// `event` table takes no update and no delete (its triggers); `verify` replays the chains.
///
/// Which rows a transaction touched is noted by temporary triggers of the connection (they live
/// in its `temp` schema, never in the file); at its end each touched row is compared with what
/// its chain holds and an event appended where they differ, so the cost of a write follows the
/// rows it touched, not the size of the sealed tables.
enum EventChain {
    /// Runs `body` and appends an event for each sealed row it inserted, changed or deleted.
    /// Only rows touched during `body` are sealed: a row changed behind the program's back
    /// before the transaction keeps differing from its chain, and `verify` keeps naming it.
    /// A keyed book (`seal_key`) is written only with its key, which tags every event.
    static func recording<T>(_ db: Database, by user: String, key: SealKey?, path: String, _ body: () throws -> T) throws -> T {
        try checkKey(db, key, path: path)
        try noteTouchedRows(db)
        let result = try body()
        var changes: [Change] = []
        let touched = try Row.fetchAll(db, sql: "SELECT DISTINCT table_name, k1, k2, k3 FROM temp.sealed_touched")
        try db.execute(sql: "DELETE FROM temp.sealed_touched")
        for row in touched {
            guard let table = SealedTables.named(row["table_name"]) else { continue }
            let keyValues = Array(row.databaseValues.dropFirst().prefix(table.key.count))
            let key = SealedRowKey(table: table.name, key: SealedSnapshot.typedKey(keyValues, table))
            let now = try SealedSnapshot.row(db, table, keyValues)
            let held = try chainState(db, key)
            if now != held { changes += Change.between(key, old: held, new: now, adopting: false) }
        }
        try append(db, changes.sorted { $0.key < $1.key }, by: user, at: Store.now(), key: key)
        return result
    }

    /// Refuses a write to a keyed book without its key, with another key, or with a key for a
    /// book that has none.
    static func checkKey(_ db: Database, _ key: SealKey?, path: String) throws {
        let recorded = try String.fetchOne(db.cachedStatement(sql: "SELECT key_id FROM seal_key"))
        switch (recorded, key) {
        case (nil, nil): return
        case (nil, _?): throw BookError.sealKey(.bookNotKeyed(path: path))
        case (_?, nil): throw BookError.sealKey(.keyRequired(path: path))
        case let (id?, key?): if id != key.id { throw BookError.sealKey(.wrongKey(keyFile: key.path)) }
        }
    }

    /// Creates, once per connection, the temporary table and triggers that note the key of
    /// every sealed row inserted, updated or deleted.
    private static func noteTouchedRows(_ db: Database) throws {
        guard try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM temp.sqlite_master WHERE name = 'sealed_touched'")) == 0 else { return }
        var sql = "CREATE TEMP TABLE sealed_touched (table_name TEXT NOT NULL, k1, k2, k3);\n"
        for table in SealedTables.all {
            func keys(_ row: String) -> String {
                (0..<3).map { $0 < table.key.count ? "\(row).\"\(table.key[$0].name)\"" : "NULL" }.joined(separator: ", ")
            }
            func note(_ row: String) -> String { "INSERT INTO sealed_touched VALUES ('\(table.name)', \(keys(row)));" }
            sql += """
                CREATE TEMP TRIGGER sealed_touched_\(table.name)_insert AFTER INSERT ON main.\(table.name) BEGIN \(note("NEW")) END;
                CREATE TEMP TRIGGER sealed_touched_\(table.name)_update AFTER UPDATE ON main.\(table.name) BEGIN \(note("OLD")) \(note("NEW")) END;
                CREATE TEMP TRIGGER sealed_touched_\(table.name)_delete AFTER DELETE ON main.\(table.name) BEGIN \(note("OLD")) END;

                """
        }
        try db.execute(sql: sql)
    }

    /// The row as its chain holds it: the content of its last event, nil when it has none or the
    /// last one deleted it.
    private static func chainState(_ db: Database, _ key: SealedRowKey) throws -> SealedRow? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT organization_id, payload FROM event WHERE table_name = ? AND row_key = ? ORDER BY id DESC LIMIT 1"),
                                         arguments: [key.table, Data(key.encodedKey)]),
              let payload: Data = row["payload"], let event = SealedEvent(payload: Array(payload)), event.action != .delete else { return nil }
        return SealedRow(owner: row["organization_id"], content: event.content.map(Optional.some))
    }

    /// One event to append: which row, which chain, what was done, the new content.
    struct Change {
        let key: SealedRowKey
        let owner: Int64?
        let action: SealedEventAction
        let content: [SealField]

        /// The events that take a row from `old` to `new` (a row that moved to another
        /// organisation leaves one chain and enters the other).
        static func between(_ key: SealedRowKey, old: SealedRow?, new: SealedRow?, adopting: Bool) -> [Change] {
            // A value of the wrong type that the program carried along is sealed as absent: it
            // keeps differing from its chain.
            let content = new?.content.map { $0 ?? .absent } ?? []
            switch (old, new) {
            case let (nil, new?): return [Change(key: key, owner: new.owner, action: adopting ? .adopt : .insert, content: content)]
            case let (old?, nil): return [Change(key: key, owner: old.owner, action: .delete, content: [])]
            case let (old?, new?) where old.owner != new.owner:
                return [Change(key: key, owner: old.owner, action: .delete, content: []), Change(key: key, owner: new.owner, action: .insert, content: content)]
            case let (_, new?): return [Change(key: key, owner: new.owner, action: .update, content: content)]
            case (nil, nil): return []
            }
        }
    }

    /// Adopts every row the sealed tables hold, as it stands (the migration that starts the chains).
    static func adoptAll(_ db: Database, by user: String, at: String, key: SealKey?) throws {
        let rows = try SealedSnapshot.read(db).rows
        try append(db, rows.keys.sorted().flatMap { Change.between($0, old: nil, new: rows[$0], adopting: true) }, by: user, at: at, key: key)
    }

    /// Appends `changes` in order, each to its organisation's chain (the book's own chain when
    /// the row belongs to none), tagged under `key` when the book is keyed.
    static func append(_ db: Database, _ changes: [Change], by user: String, at: String, key: SealKey?) throws {
        var codes: [Int64: String] = [:]
        var heads: [Int64: SealHead] = [:]
        for change in changes {
            let chain = change.owner ?? 0
            if codes[chain] == nil, let owner = change.owner {
                codes[chain] = try String.fetchOne(db.cachedStatement(sql: "SELECT code FROM organization WHERE id = ?"), arguments: [owner]) ?? "#\(owner)"
            }
            let head = try heads[chain] ?? self.head(db, chain: chain)
            let event = SealedEvent(organization: change.owner == nil ? nil : codes[chain], seq: head.seq + 1, at: at, by: user,
                                    table: change.key.table, action: change.action, key: change.key.key, content: change.content)
            let payload = event.payload
            let hash = SealHash.sha256(head.hash, payload)
            try db.cachedStatement(sql: """
                INSERT INTO event (organization_id, seq, table_name, row_key, payload_version, payload, previous, hash, tag)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [change.owner, event.seq, change.key.table, Data(change.key.encodedKey), SealPayload.currentVersion,
                                         Data(payload), head.hash, hash, key?.tag(hash)])
            heads[chain] = SealHead(seq: event.seq, hash: hash)
        }
    }

    /// The head of a chain (`chain` is the organisation's id, 0 for the book's own chain).
    static func head(_ db: Database, chain: Int64) throws -> SealHead {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM event WHERE ifnull(organization_id, 0) = ? ORDER BY seq DESC LIMIT 1"),
                                         arguments: [chain]) else { return .genesis }
        return SealHead(seq: row["seq"], hash: row["hash"])
    }
}
