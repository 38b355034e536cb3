import FundCore
import GRDB

extension SQLiteStorage: OrganizationStorage {
    func organizationID(_ code: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM organization WHERE code = ?"), arguments: [code]) else {
            throw BookError.unknownOrganization(code)
        }
        return id
    }

    func rootOrganizationCodes() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT code FROM organization WHERE parent_id IS NULL")
    }

    func organization(code: String) throws -> OrganizationRecord? {
        try OrganizationRecord.filter(OrganizationRecord.Columns.code == code).fetchOne(db)
    }

    func organization(id: Int64) throws -> OrganizationRecord? {
        try OrganizationRecord.fetchOne(db, key: id)
    }

    func allOrganizations() throws -> [OrganizationRecord] {
        // A province has tens of thousands: read by column index (`OrganizationRecord.init(indexed:)`).
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, code, name, level, parent_id, chart, independent, term_years, term_start, budget_control, created_at, created_by
            FROM organization ORDER BY code
            """))
        var records: [OrganizationRecord] = []
        while let row = try rows.next() { records.append(try OrganizationRecord(indexed: row)) }
        return records
    }

    func organizationNames(upFrom id: Int64) throws -> [String] {
        try String.fetchAll(db, sql: """
            WITH RECURSIVE up(id, name, parent_id, depth) AS (
                SELECT id, name, parent_id, 0 FROM organization WHERE id = ?
                UNION ALL SELECT o.id, o.name, o.parent_id, up.depth + 1 FROM organization o JOIN up ON o.id = up.parent_id)
            SELECT name FROM up ORDER BY depth
            """, arguments: [id])
    }

    func insertOrganization(_ organization: OrganizationRecord) throws {
        try organization.insert(db)
    }

    func chart(organization code: String) throws -> (organizationID: Int64, chart: Chart, accountIDs: [String: Int64]) {
        guard let organization = try OrganizationChartRow.fetchOne(db.cachedStatement(sql: "SELECT id, chart FROM organization WHERE code = ?"),
                                                                   arguments: [code]) else {
            throw BookError.unknownOrganization(code)
        }
        let accounts = try AccountRecord.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM account WHERE chart = ? AND (organization_id IS NULL OR organization_id = ?)
            """), arguments: [organization.chart.rawValue, organization.id])
        var ids: [String: Int64] = [:]
        for account in accounts { ids[account.code] = account.id }
        return (organization.id, Chart(kind: organization.chart, accounts: accounts.map { Account(code: $0.code, name: $0.name) }), ids)
    }

    func lineCount(accountID: Int64, organizationID: Int64) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT count(*) FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
            WHERE l.account_id = ? AND v.organization_id = ?
            """, arguments: [accountID, organizationID]) ?? 0
    }

    func insertAccount(_ account: AccountRecord) throws {
        try account.insert(db)
    }
}

/// An organisation's row id and chart, as the chart query reads them.
private struct OrganizationChartRow: FetchableRecord {
    let id: Int64
    let chart: ChartKind

    init(row: Row) throws {
        id = row[OrganizationRecord.Columns.id]
        chart = try row.stored(OrganizationRecord.Columns.chart, in: OrganizationRecord.databaseTableName)
    }
}
