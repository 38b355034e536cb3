import FundCore
import GRDB

extension SQLiteStorage: GeneratedVoucherStorage {
    func chartOfAccounts(organization: String) throws -> Chart {
        try chart(organization: organization).chart
    }

}

extension SQLiteStorage: YearEndStorage {
    func fundBalances(organizationID: Int64, through year: Int) throws -> [FundBalance] {
        try fundBalances(organizationID: organizationID, from: 190001, through: year * 100 + 12)
    }

    func fundBalances(organizationID: Int64, from: Int, through period: Int) throws -> [FundBalance] {
        try summing(organizationID: organizationID, from: from, to: period) { try FundBalanceRow.fetchAll(db, sql: """
            SELECT a.code, b.project, b.source, b.expense, b.class, sum(b.debit - b.credit) AS net
            FROM balance b JOIN account a ON a.id = b.account_id
            WHERE b.organization_id = ? AND b.period BETWEEN ? AND ?
            GROUP BY a.code, b.project, b.source, b.expense, b.class HAVING net <> 0
            """, arguments: [organizationID, from, period]).map(\.balance) }
    }

    func netBalance(organizationID: Int64, account: String, before period: Int) throws -> Int64 {
        try summing(organizationID: organizationID, from: 190001, to: Period(key: period)?.previous.key ?? period) { try fetchSum("""
            SELECT coalesce(sum(b.debit - b.credit), 0) FROM balance b JOIN account a ON a.id = b.account_id
            WHERE b.organization_id = ? AND b.period < ? AND a.code = ?
            """, arguments: [organizationID, period, account]) }
    }

    func unpostedVouchers(organizationID: Int64, year: Int) throws -> [UnpostedVoucher] {
        try YearUnpostedVoucherRow.fetchAll(db, sql: """
            SELECT id, date FROM voucher WHERE organization_id = ? AND period BETWEEN ? AND ? AND status <> 'posted' ORDER BY id
            """, arguments: [organizationID, year * 100 + 1, year * 100 + 12]).map(\.voucher)
    }

    func standingClosingVouchers(organizationID: Int64, period: Int) throws -> [Voucher] {
        try Int64.fetchAll(db, sql: """
            SELECT v.id FROM voucher v WHERE v.organization_id = ? AND v.period = ? AND v.kind = 'closing' AND v.status = 'posted'
              AND v.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM voucher r WHERE r.reverses_id = v.id)
            ORDER BY v.number DESC
            """, arguments: [organizationID, period]).map { try voucher(id: $0) }
    }
}

/// A net balance by account, project, fund source and expense type, as the carry-forward sums it from the turnover
/// table (an empty project or source is stored as '').
private struct FundBalanceRow: FetchableRecord {
    let balance: FundBalance

    init(row: Row) throws {
        let project: String = row["project"], source: String = row["source"], expense: String = row["expense"], basicClass: String = row["class"]
        balance = FundBalance(accountCode: row["code"], project: project.isEmpty ? nil : project,
                              source: source.isEmpty ? nil : try row.stored(Column("source"), in: "balance"),
                              expense: expense.isEmpty ? nil : try row.stored(Column("expense"), in: "balance"),
                              basicClass: basicClass.isEmpty ? nil : try row.stored(Column("class"), in: "balance"), netFen: try row.sumFen("net"))
    }
}

/// A voucher of the year not yet posted.
private struct YearUnpostedVoucherRow: FetchableRecord {
    let voucher: UnpostedVoucher

    init(row: Row) {
        voucher = UnpostedVoucher(id: row["id"], date: row["date"])
    }
}
