import FundCore
import GRDB

extension SQLiteStorage: FormStorage {
    func detailedActivity(organizationID: Int64, from: Period, to: Period) throws -> [DetailedActivity] {
        try summing(organizationID: organizationID, from: from.key, to: to.key) { try DetailedActivityRow.fetchAll(db, sql: """
            SELECT a.code, b.project, b.source, b.expense, b.class, sum(b.debit) AS debit, sum(b.credit) AS credit
            FROM balance b JOIN account a ON a.id = b.account_id
            WHERE b.organization_id = ? AND b.period BETWEEN ? AND ? AND b.closing = 0
            GROUP BY a.code, b.project, b.source, b.expense, b.class
            """, arguments: [organizationID, from.key, to.key]).map(\.activity) }
    }
}

/// Activity by account, project, fund source, expense type and 基本支出 class (an empty one stored as '').
private struct DetailedActivityRow: FetchableRecord {
    let activity: DetailedActivity

    init(row: Row) throws {
        let project: String = row["project"], source: String = row["source"], expense: String = row["expense"], basicClass: String = row["class"]
        activity = DetailedActivity(code: row["code"], project: project.isEmpty ? nil : project,
                                    source: source.isEmpty ? nil : try row.stored(Column("source"), in: "balance"),
                                    expense: expense.isEmpty ? nil : try row.stored(Column("expense"), in: "balance"),
                                    basicClass: basicClass.isEmpty ? nil : try row.stored(Column("class"), in: "balance"),
                                    debitFen: try row.sumFen("debit"), creditFen: try row.sumFen("credit"))
    }
}
