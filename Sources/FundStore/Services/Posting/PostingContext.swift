import FundCore
import GRDB

/// Caches what posting many vouchers needs: organisation ids and charts. Organisations without
/// detail accounts of their own share their standard chart, so the cache grows with the number
/// of charts, not of organisations.
struct PostingContext {
    typealias Entry = (id: Int64, chart: Chart, accountIDs: [String: Int64])
    private var organizations: [String: (id: Int64, kind: ChartKind, ownDetails: Bool)] = [:]
    private var standard: [ChartKind: (chart: Chart, accountIDs: [String: Int64])] = [:]
    private var detailed: [String: Entry] = [:]
    private var counterpartIDs: [String: Int64] = [:]
    private var subsidies: [String: SubsidyItem?] = [:]
    /// Asked once for each organisation whose books the context writes (an import checks the
    /// user's roles this way); nil when the caller checked already.
    var authorize: ((Database, String) throws -> Void)?
    /// The draft as `insertDraft` last inserted it (after red ink and counterparts were resolved),
    /// so that an import can seal and post it without reading it back.
    var inserted: (id: Int64, organizationID: Int64, draft: VoucherDraft, reversesID: Int64?, accountIDs: [String: Int64], counterparts: [Int64?])?

    // An import's caches, valid for the length of its transaction, in which nothing else writes.
    /// Closed months per organisation.
    private var closed: [Int64: Set<Int>] = [:]
    /// The next number of each series (organisation, month, word).
    var nextNumbers: [SeriesKey: Int] = [:]
    /// The head of each organisation's seal chain.
    var sealHeads: [Int64: (seq: Int64, hash: String)] = [:]
    /// Whether an organisation refuses postings over budget.
    var refusesOverBudget: [Int64: Bool] = [:]
    /// Turnovers not yet added to the balance table, by the table's key; flushed when they reach
    /// `maximumPending` keys, so that memory stays flat whatever the size of the import.
    var pending: [BalanceKey: (debit: Int64, credit: Int64)] = [:]
    static let maximumPending = 50_000

    struct SeriesKey: Hashable {
        let organizationID: Int64
        let period: Int
        let word: String
    }

    struct BalanceKey: Hashable {
        let organizationID: Int64
        let accountID: Int64
        let period: Int
        let project: String
        let source: String
        let closing: Bool
        let expense: String
        let counterpartID: Int64
    }

    mutating func isClosed(_ db: Database, organizationID: Int64, period: Period) throws -> Bool {
        if let months = closed[organizationID] { return months.contains(period.key) }
        let months = Set(try Int.fetchAll(db.cachedStatement(sql: "SELECT period FROM period_close WHERE organization_id = ?"), arguments: [organizationID]))
        closed[organizationID] = months
        return months.contains(period.key)
    }

    /// Adds the pending turnovers to the balance table. Called before anything reads it.
    mutating func flush(_ db: Database) throws {
        guard !pending.isEmpty else { return }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO balance (organization_id, account_id, period, project, source, closing, expense, counterpart_id, debit, credit)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (organization_id, period, account_id, project, source, closing, expense, counterpart_id)
            DO UPDATE SET debit = debit + excluded.debit, credit = credit + excluded.credit
            """)
        for (key, sums) in pending {
            try upsert.execute(arguments: [key.organizationID, key.accountID, key.period, key.project, key.source, key.closing,
                                           key.expense, key.counterpartID, sums.debit, sums.credit])
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// The subsidy item whose code a line's project names, if any.
    mutating func subsidy(_ db: Database, _ code: String) throws -> SubsidyItem? {
        if let cached = subsidies[code] { return cached }
        let exists = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM subsidy_item WHERE code = ?"), arguments: [code])! > 0
        let item = exists ? try SQLiteBook.subsidyItem(db, code: code).1 : nil
        subsidies[code] = item
        return item
    }

    mutating func organization(_ db: Database, _ code: String) throws -> Entry {
        if let entry = detailed[code] { return entry }
        if organizations[code] == nil, let authorize { try authorize(db, code) }
        if let known = organizations[code], !known.ownDetails, let shared = standard[known.kind] {
            return (known.id, shared.chart, shared.accountIDs)
        }
        guard let row = try Row.fetchOne(db, sql: """
            SELECT o.id, o.chart, EXISTS (SELECT 1 FROM account a WHERE a.organization_id = o.id) AS own
            FROM organization o WHERE o.code = ?
            """, arguments: [code]) else { throw BookError.unknownOrganization(code) }
        let id: Int64 = row["id"], kind = ChartKind(rawValue: row["chart"])!, own: Bool = row["own"]
        organizations[code] = (id, kind, own)
        let (chart, ids) = try SQLiteBook.chart(db, organization: code)
        if own {
            detailed[code] = (id, chart, ids)
        } else if standard[kind] == nil {
            standard[kind] = (chart, ids)
        }
        return (id, chart, ids)
    }

    mutating func counterpartID(_ db: Database, _ code: String) throws -> Int64 {
        if let id = counterpartIDs[code] { return id }
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM organization WHERE code = ?", arguments: [code]) else {
            throw BookError.unknownCounterpart(code)
        }
        counterpartIDs[code] = id
        return id
    }
}
