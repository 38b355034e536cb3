import FundCore
import GRDB

extension SQLiteStorage: PeriodStorage {
    func isClosed(organizationID: Int64, period: Int) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM period_close WHERE organization_id = ? AND period = ?)"),
                          arguments: [organizationID, period]) ?? false
    }

    func earliestOpenPostedPeriod(organizationID: Int64, before period: Int) throws -> Period? {
        try PeriodRow.fetchOne(db, sql: """
            SELECT min(v.period) AS period FROM voucher v WHERE v.organization_id = ? AND v.period < ? AND v.status = 'posted'
              AND NOT EXISTS (SELECT 1 FROM period_close c WHERE c.organization_id = v.organization_id AND c.period = v.period)
            """, arguments: [organizationID, period])?.period(in: "voucher")
    }

    func latestClosedPeriod(organizationID: Int64, after period: Int) throws -> Period? {
        try PeriodRow.fetchOne(db, sql: "SELECT max(period) AS period FROM period_close WHERE organization_id = ? AND period > ?",
                               arguments: [organizationID, period])?.period(in: PeriodCloseRecord.databaseTableName)
    }

    func unpostedVouchers(organizationID: Int64, period: Int) throws -> [UnpostedVoucher] {
        try UnpostedVoucherRow.fetchAll(db, sql: "SELECT id, date FROM voucher WHERE organization_id = ? AND period = ? AND status <> 'posted' ORDER BY id",
                                        arguments: [organizationID, period]).map { UnpostedVoucher(id: $0.id, date: $0.date) }
    }

    func periodTotals(organizationID: Int64, period: Int) throws -> (debitFen: Int64, creditFen: Int64) {
        let totals = try summing(organizationID: organizationID, from: period, to: period) {
            try TotalsRow.fetchOne(db, sql: "SELECT coalesce(sum(debit), 0) AS debit, coalesce(sum(credit), 0) AS credit FROM balance WHERE organization_id = ? AND period = ?",
                                   arguments: [organizationID, period])
        }
        return (totals?.debit ?? 0, totals?.credit ?? 0)
    }

    func insertPeriodClose(_ close: PeriodCloseRecord) throws {
        try close.insert(db)
    }

    func deletePeriodClose(organizationID: Int64, period: Int) throws {
        try PeriodCloseRecord.filter(PeriodCloseRecord.Columns.organizationID == organizationID && PeriodCloseRecord.Columns.period == period).deleteAll(db)
    }

    func closedPeriods(organizationID: Int64) throws -> [PeriodCloseRecord] {
        // A cached statement: 首页 and the county's 汇总 ask it of every organisation shown.
        try PeriodCloseRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM \(PeriodCloseRecord.databaseTableName) WHERE organization_id = ? ORDER BY period"),
                                       arguments: [organizationID])
    }

    func appendPeriodLog(_ entry: PeriodLogRecord) throws {
        try entry.insert(db)
    }

    func periodLog(organizationID: Int64) throws -> [PeriodLogRecord] {
        try PeriodLogRecord.filter(PeriodLogRecord.Columns.organizationID == organizationID).order(PeriodLogRecord.Columns.id).fetchAll(db)
    }
}

/// A voucher not yet posted, as the month close names it.
private struct UnpostedVoucherRow: FetchableRecord {
    let id: Int64
    let date: String

    init(row: Row) {
        id = row["id"]
        date = row["date"]
    }
}

/// A sum of debits and of credits.
struct TotalsRow: FetchableRecord {
    let debit: Int64
    let credit: Int64

    init(row: Row) throws {
        debit = try row.sumFen("debit")
        credit = try row.sumFen("credit")
    }
}

/// A month chosen by an aggregate (min or max); NULL when no row matched.
private struct PeriodRow: FetchableRecord {
    let row: Row

    init(row: Row) { self.row = row.copy() }

    func period(in table: String) throws -> Period? {
        guard !row.hasNull(atIndex: 0) else { return nil }
        return try row.storedPeriod(Column("period"), in: table)
    }
}
