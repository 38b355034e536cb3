import FundCore
import GRDB

/// The context's look-ups on SQLite, each made once per transaction and then kept.
extension PostingContext {
    mutating func isClosed(_ db: Database, organizationID: Int64, period: Period) throws -> Bool {
        if let months = closed[organizationID] { return months.contains(period.key) }
        let months = Set(try Int.fetchAll(db.cachedStatement(sql: "SELECT period FROM period_close WHERE organization_id = ?"), arguments: [organizationID]))
        closed[organizationID] = months
        return months.contains(period.key)
    }

    /// Adds the pending turnovers to the balance table, and to the year aggregate
    /// (`addYearTurnovers`). Called before anything reads them. A row
    /// whose sum would pass Int64 (SQLite makes it REAL, which the table's CHECK refuses) is
    /// `BookError.sumOverflow` naming the organisation, the account and the month.
    mutating func flush(_ db: Database) throws {
        guard !pending.isEmpty else { return }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO balance (organization_id, account_id, period, project, source, closing, expense, counterpart_id, class, debit, credit)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (organization_id, period, account_id, project, source, closing, expense, counterpart_id, class)
            DO UPDATE SET debit = debit + excluded.debit, credit = credit + excluded.credit
            """)
        for (key, sums) in pending {
            do {
                var insert = BoundInsert(upsert)
                insert.bind(key.organizationID)
                insert.bind(key.accountID)
                insert.bind(key.period)
                insert.bind(key.project)
                insert.bind(key.source)
                insert.bind(key.closing)
                insert.bind(key.expense)
                insert.bind(key.counterpartID)
                insert.bind(key.basicClass)
                insert.bind(sums.debit)
                insert.bind(sums.credit)
                try insert.execute()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT && (error.message ?? "").contains("typeof") {
                let organization = try String.fetchOne(db, sql: "SELECT code FROM organization WHERE id = ?", arguments: [key.organizationID]) ?? ""
                let account = try String.fetchOne(db, sql: "SELECT code FROM account WHERE id = ?", arguments: [key.accountID])
                throw BookError.sumOverflow(SumOverflow(organization: organization, account: account,
                                                        month: Period(key: key.period) ?? Period(year: 1900, month: 1)!))
            }
        }
        try Self.addYearTurnovers(db, pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// The subsidy item whose code a line's project names, if any.
    mutating func subsidy(_ db: Database, _ code: String) throws -> SubsidyItem? {
        if let cached = subsidies[code] { return cached }
        let exists = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM subsidy_item WHERE code = ?)"), arguments: [code]) ?? false
        let item = exists ? try SQLiteStorage(db).subsidyItem(code: code)?.item : nil
        subsidies[code] = item
        return item
    }

    mutating func organization(_ db: Database, _ code: String) throws -> Entry {
        if let entry = detailed[code] { return entry }
        if organizations[code] == nil, let authorize { try authorize(SQLiteStorage(db), code) }
        if let known = organizations[code], !known.ownDetails, let shared = standard[known.kind] {
            return (known.id, shared.chart, shared.accountIDs)
        }
        guard let row = try PostingOrganizationRow.fetchOne(db, sql: """
            SELECT o.id, o.chart, EXISTS (SELECT 1 FROM account a WHERE a.organization_id = o.id) AS own
            FROM organization o WHERE o.code = ?
            """, arguments: [code]) else { throw BookError.unknownOrganization(code) }
        organizations[code] = (row.id, row.kind, row.own)
        let (_, chart, ids) = try SQLiteStorage(db).chart(organization: code)
        if row.own {
            detailed[code] = (row.id, chart, ids)
        } else if standard[row.kind] == nil {
            standard[row.kind] = (chart, ids)
        }
        return (row.id, chart, ids)
    }

    mutating func counterpartID(_ db: Database, _ code: String) throws -> Int64 {
        if let id = counterpartIDs[code] { return id }
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM organization WHERE code = ?"), arguments: [code]) else {
            throw BookError.unknownCounterpart(code)
        }
        counterpartIDs[code] = id
        return id
    }
}

/// An organisation as posting needs it: its id, its standard chart, and whether it has detail
/// accounts of its own.
private struct PostingOrganizationRow: FetchableRecord {
    let id: Int64
    let kind: ChartKind
    let own: Bool

    init(row: Row) throws {
        id = row["id"]
        kind = try row.stored(Column("chart"), in: "organization")
        own = row["own"]
    }
}
