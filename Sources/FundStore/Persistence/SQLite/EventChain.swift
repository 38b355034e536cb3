import Foundation
import FundCore
import GRDB

/// The event chains on SQLite: every change a write transaction makes to a sealed table
/// (`SealedTables`) becomes an event appended, in the same transaction, to the chain of the
/// organisation the row belongs to, hash-chained like the voucher seals (`SealHash`). The
/// `event` table takes no update and no delete (its triggers); `verify` replays the chains.
enum EventChain {
    /// Runs `body` and appends an event for each sealed row it inserted, changed or deleted.
    /// Only what changed during `body` is sealed: a row changed behind the program's back
    /// before the transaction keeps differing from its chain, and `verify` keeps naming it.
    static func recording<T>(_ db: Database, by user: String, _ body: () throws -> T) throws -> T {
        let before = try SealedSnapshot.read(db)
        let result = try body()
        try append(db, from: before, to: SealedSnapshot.read(db), by: user, at: Store.now(), adopting: false)
        return result
    }

    /// Appends the events that turn `before` into `after`, in table and key order. With
    /// `adopting`, every row of `after` is taken into the chain as it stands (the migration that
    /// starts the chains).
    static func append(_ db: Database, from before: SealedSnapshot, to after: SealedSnapshot, by user: String, at: String,
                       adopting: Bool) throws {
        var changes: [(key: SealedRowKey, owner: Int64?, action: SealedEventAction, content: [SealField])] = []
        for key in Set(before.rows.keys).union(after.rows.keys).sorted() {
            let old = before.rows[key], new = after.rows[key]
            guard old != new else { continue }
            // A value of the wrong type that the program carried along is sealed as absent: it
            // keeps differing from its chain.
            let content = new?.content.map { $0 ?? .absent } ?? []
            switch (old, new) {
            case let (nil, new?):
                changes.append((key, new.owner, adopting ? .adopt : .insert, content))
            case let (old?, nil):
                changes.append((key, old.owner, .delete, []))
            case let (old?, new?) where old.owner != new.owner:
                changes.append((key, old.owner, .delete, []))
                changes.append((key, new.owner, .insert, content))
            case let (_, new?):
                changes.append((key, new.owner, .update, content))
            case (nil, nil):
                break
            }
        }
        guard !changes.isEmpty else { return }
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
            try db.cachedStatement(sql: "INSERT INTO event (organization_id, seq, payload_version, payload, previous, hash) VALUES (?, ?, ?, ?, ?, ?)")
                .execute(arguments: [change.owner, event.seq, SealPayload.currentVersion, Data(payload), head.hash, hash])
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
