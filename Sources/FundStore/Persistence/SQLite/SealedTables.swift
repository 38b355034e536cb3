import FundCore
import GRDB

/// A table whose rows are facts a reviewer relies on, sealed by the event chain: which
/// organisation's chain a row belongs to, the columns that name it and the columns it holds,
/// each with its declared type (the event seals typed fields, not SQLite's storage classes).
struct SealedTable: Sendable {
    /// A column and the type it is declared to hold.
    struct Column: Sendable {
        let name: String
        let type: SealField.Declared
    }

    let name: String
    /// SQL giving the id of the organisation whose chain holds a row (NULL: the book's chain).
    let owner: String
    let key: [Column]
    let content: [Column]

    /// Every column of the row, the key first, each once.
    var columns: [Column] { key + content }

    /// Selects the owner, the key and the content of every row, in key order.
    var selectAll: String {
        "SELECT \(owner) AS owner, " + columns.map { "\"\($0.name)\"" }.joined(separator: ", ") + " FROM \(name)"
    }
}

/// The sealed tables, in the order their events are written within a transaction. A table added
/// here after migration v4-event-chain needs a migration of its own that adopts its rows.
enum SealedTables {
    private static func i(_ name: String) -> SealedTable.Column { .init(name: name, type: .integer) }
    private static func t(_ name: String) -> SealedTable.Column { .init(name: name, type: .text) }
    private static let budgetOwner = "(SELECT b.organization_id FROM budget b WHERE b.id = budget_id)"
    private static let assetOwner = "(SELECT a.organization_id FROM fixed_asset a WHERE a.id = asset_id)"

    static let all: [SealedTable] = [
        SealedTable(name: "period_close", owner: "organization_id", key: [i("organization_id"), i("period")], content: [t("closed_at"), t("closed_by")]),
        SealedTable(name: "period_log", owner: "organization_id", key: [i("id")],
                    content: [i("organization_id"), i("period"), t("action"), t("at"), t("by"), t("reason")]),
        SealedTable(name: "budget", owner: "organization_id", key: [i("id")],
                    content: [i("organization_id"), i("year"), t("status"), t("document"), t("approved_at"), t("approved_by"), t("created_at"), t("created_by")]),
        SealedTable(name: "budget_line", owner: budgetOwner, key: [i("id")],
                    content: [i("budget_id"), i("position"), t("account"), t("expense"), t("project"), i("counterpart_id"), i("amount"), t("note")]),
        SealedTable(name: "budget_adjustment", owner: budgetOwner, key: [i("id")],
                    content: [i("budget_id"), i("number"), t("document"), t("date"), t("reason"), t("created_at"), t("created_by")]),
        SealedTable(name: "budget_adjustment_line",
                    owner: "(SELECT b.organization_id FROM budget_adjustment j JOIN budget b ON b.id = j.budget_id WHERE j.id = adjustment_id)",
                    key: [i("adjustment_id"), i("line_id")], content: [i("delta")]),
        SealedTable(name: "subsidy_item", owner: "grantor_id", key: [i("id")],
                    content: [t("code"), i("grantor_id"), i("recipient_id"), t("title"), t("purpose"), t("accounts"), i("approved"), t("document"),
                              t("document_date"), t("window_start"), t("deadline"), t("status"), t("created_at"), t("created_by")]),
        SealedTable(name: "subsidy_log", owner: "(SELECT s.grantor_id FROM subsidy_item s WHERE s.id = item_id)", key: [i("id")],
                    content: [i("item_id"), t("at"), t("by"), t("action"), t("detail")]),
        SealedTable(name: "subsidy_voucher", owner: "(SELECT s.grantor_id FROM subsidy_item s WHERE s.id = item_id)",
                    key: [i("item_id"), i("voucher_id")], content: [t("role"), t("side")]),
        SealedTable(name: "user_role", owner: "organization_id", key: [t("user"), t("role"), i("organization_id")],
                    content: [t("granted_at"), t("granted_by")]),
        SealedTable(name: "committee", owner: "organization_id", key: [i("id")],
                    content: [i("organization_id"), t("elected"), i("term_years"), t("created_at"), t("created_by")]),
        SealedTable(name: "committee_member", owner: "(SELECT c.organization_id FROM committee c WHERE c.id = committee_id)",
                    key: [i("committee_id"), t("name")], content: [t("office"), t("start"), t("end")]),
        SealedTable(name: "audit", owner: "organization_id", key: [i("id")],
                    content: [i("organization_id"), i("year"), t("run_at"), t("run_by"), t("rules"), i("vouchers"), i("seal_seq"), t("seal_hash")]),
        SealedTable(name: "finding", owner: "organization_id", key: [i("id")],
                    content: [i("organization_id"), i("year"), t("rule"), t("key"), t("severity"), i("amount"), t("text"), t("status"),
                              i("first_audit_id"), i("last_audit_id")]),
        SealedTable(name: "finding_event", owner: "(SELECT f.organization_id FROM finding f WHERE f.id = finding_id)", key: [i("id")],
                    content: [i("finding_id"), i("audit_id"), t("at"), t("by"), t("action"), t("text")]),
        SealedTable(name: "finding_voucher", owner: "(SELECT f.organization_id FROM finding f WHERE f.id = finding_id)",
                    key: [i("finding_id"), i("voucher_id")], content: []),
        SealedTable(name: "opinion", owner: "organization_id", key: [i("id")],
                    content: [i("organization_id"), i("year"), i("committee_id"), i("audit_id"), t("text"), t("recorded_at"), t("recorded_by")]),
        SealedTable(name: "opinion_signer", owner: "(SELECT p.organization_id FROM opinion p WHERE p.id = opinion_id)",
                    key: [i("opinion_id"), t("name")], content: [t("office")]),
        SealedTable(name: "fixed_asset", owner: "organization_id", key: [i("id")],
                    content: [i("organization_id"), t("code"), t("name"), i("cost"), i("life_months"), t("acquired"), t("created_at"), t("created_by")]),
        SealedTable(name: "cash_control", owner: "organization_id", key: [i("organization_id")], content: [t("bank_credit"), t("set_at"), t("set_by")]),
        SealedTable(name: "cash_confirmation", owner: "(SELECT v.organization_id FROM voucher v WHERE v.id = voucher_id)", key: [i("voucher_id")],
                    content: [t("cashier"), t("confirmed_at")]),
        SealedTable(name: "bank_statement", owner: "organization_id", key: [i("id")],
                    content: [i("organization_id"), i("account_id"), t("file"), t("digest"), t("first_date"), t("last_date"), i("opening"), i("closing"),
                              i("rows"), t("imported_at"), t("imported_by")]),
        SealedTable(name: "bank_statement_line", owner: "(SELECT s.organization_id FROM bank_statement s WHERE s.id = statement_id)", key: [i("id")],
                    content: [i("statement_id"), i("position"), i("source_line"), t("date"), t("summary"), t("side"), i("amount"), i("balance"),
                              t("reference")]),
        SealedTable(name: "bank_match",
                    owner: "(SELECT s.organization_id FROM bank_statement_line l JOIN bank_statement s ON s.id = l.statement_id WHERE l.id = statement_line_id)",
                    key: [i("id")], content: [i("statement_line_id"), i("voucher_line_id"), t("method"), t("matched_at"), t("matched_by"),
                                              t("unmatched_at"), t("unmatched_by")]),
        SealedTable(name: "federation_township", owner: "organization_id", key: [i("organization_id"), t("township")], content: [t("recorded_at"), t("recorded_by")]),
        SealedTable(name: "federation_term", owner: "organization_id", key: [i("id")],
                    content: [i("organization_id"), t("action"), t("date"), i("term_years"), t("document"), t("recorded_at"), t("recorded_by")]),
        SealedTable(name: "federation_member", owner: "organization_id", key: [i("organization_id"), t("name")],
                    content: [t("from_union"), t("post"), t("office"), t("start"), t("end"), t("left_post"), t("recorded_at"), t("recorded_by")]),
        SealedTable(name: "federation_exception", owner: "organization_id", key: [i("organization_id"), i("grantor_id")],
                    content: [t("document"), t("date"), t("recorded_at"), t("recorded_by")]),
        SealedTable(name: "fixed_asset_class", owner: assetOwner, key: [i("asset_id")], content: [t("class")]),
        SealedTable(name: "fixed_asset_act", owner: assetOwner, key: [i("asset_id"), t("act")],
                    content: [t("date"), i("period"), i("voucher_id"), i("pending"), i("settled_voucher_id"), t("settled_on"), t("recorded_at"), t("recorded_by")]),
        SealedTable(name: "book_opening", owner: "organization_id", key: [i("organization_id")],
                    content: [i("first_period"), i("voucher_id"), t("opened_at"), t("opened_by")]),
        SealedTable(name: "pack_event", owner: "organization_id", key: [i("id")],
                    content: [i("organization_id"), i("period"), t("action"), t("at"), t("by"), t("reason")]),
        SealedTable(name: "account_opening", owner: "organization_id", key: [i("id")],
                    content: [i("organization_id"), t("code"), t("reason"), t("opened_at"), t("opened_by")]),
    ]

    /// The position of each table in `all`, to order a transaction's events.
    static let order: [String: Int] = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.name, $0) })

    /// The table of that name.
    static func named(_ name: String) -> SealedTable? { order[name].map { all[$0] } }
}

/// A sealed row's identity: its table and its typed key.
struct SealedRowKey: Hashable, Sendable, Comparable {
    let table: String
    let key: [SealField]

    /// The key's canonical bytes (`SealEncoding`, one group), as `event.row_key` holds them.
    var encodedKey: [UInt8] { SealEncoding.encode(kind: .event, [key]) }

    static func < (a: SealedRowKey, b: SealedRowKey) -> Bool {
        let (left, right) = (SealedTables.order[a.table] ?? .max, SealedTables.order[b.table] ?? .max)
        if left != right { return left < right }
        return a.encodedKey.lexicographicallyPrecedes(b.encodedKey)
    }
}

/// A sealed row as the tables hold it: the organisation whose chain it belongs to, and its
/// content typed (nil where a column holds a value of another type than declared: a value
/// written behind the program's back).
struct SealedRow: Hashable, Sendable {
    let owner: Int64?
    let content: [SealField?]
}

/// Every sealed row of the book, read as typed fields.
struct SealedSnapshot: Sendable {
    var rows: [SealedRowKey: SealedRow] = [:]

    /// Reads every sealed table.
    static func read(_ db: Database) throws -> SealedSnapshot {
        var snapshot = SealedSnapshot()
        // A migration before the one that creates a table (v4 adopting the rows of its day) reads
        // the tables there are.
        for table in SealedTables.all {
            guard try db.tableExists(table.name) else { continue }
            let keyCount = table.key.count
            let cursor = try Row.fetchCursor(db.cachedStatement(sql: table.selectAll))
            while let row = try cursor.next() {
                let (key, sealed) = parse(Array(row.databaseValues), table)
                snapshot.rows[SealedRowKey(table: table.name, key: key)] = sealed
            }
        }
        return snapshot
    }

    /// One row of a sealed table, found by its stored key values; nil when there is none.
    static func row(_ db: Database, _ table: SealedTable, _ key: [DatabaseValue]) throws -> SealedRow? {
        let condition = table.key.map { "\"\($0.name)\" IS ?" }.joined(separator: " AND ")
        guard let row = try Row.fetchOne(db.cachedStatement(sql: table.selectAll + " WHERE " + condition), arguments: StatementArguments(key)) else { return nil }
        return parse(Array(row.databaseValues), table).row
    }

    /// A key's stored values as typed fields. A key of the wrong type names a row the program
    /// never wrote: it is kept as its text's bytes.
    static func typedKey(_ values: [DatabaseValue], _ table: SealedTable) -> [SealField] {
        zip(values, table.key).map { value, column in SealField(value, as: column.type) ?? .bytes(Array(value.description.utf8)) }
    }

    /// The owner, key and content of a row read by `selectAll`.
    private static func parse(_ values: [DatabaseValue], _ table: SealedTable) -> (key: [SealField], row: SealedRow) {
        let owner: Int64? = if case let .int64(id) = values[0].storage { id } else { nil }
        let key = typedKey(Array(values.dropFirst().prefix(table.key.count)), table)
        let content = zip(values.dropFirst(1 + table.key.count), table.content).map { SealField($0, as: $1.type) }
        return (key, SealedRow(owner: owner, content: content))
    }
}
