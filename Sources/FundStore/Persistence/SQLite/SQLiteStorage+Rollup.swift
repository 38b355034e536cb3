import FundCore
import GRDB

extension SQLiteStorage: RollupStorage {
    /// The members of the tree under the organisation named by the first argument.
    private static let tree = """
        WITH RECURSIVE rollup_member(id) AS (SELECT id FROM organization WHERE code = ?
            UNION ALL SELECT o.id FROM organization o JOIN rollup_member ON o.parent_id = rollup_member.id)
        """

    func rollupBalances(root: String, yearStart: Int, through: Int) throws -> [RollupBalance] {
        try summing(organizationID: nil, from: 190001, to: through) { try RollupBalanceRow.fetchAll(db, sql: Self.tree + """
            SELECT o.code AS organization, a.code AS account, b.project, c.code AS counterpart,
                   sum(b.debit - b.credit) AS closing_net,
                   sum(CASE WHEN b.period >= ? AND b.closing = 0 THEN b.debit - b.credit ELSE 0 END) AS activity_net
            FROM balance b JOIN rollup_member m ON m.id = b.organization_id JOIN organization o ON o.id = b.organization_id
            JOIN account a ON a.id = b.account_id LEFT JOIN organization c ON c.id = b.counterpart_id
            WHERE b.period <= ?
            GROUP BY b.organization_id, b.account_id, b.project, b.counterpart_id
            """, arguments: [root, yearStart, through]).map(\.balance) }
    }

    func rollupBudgets(root: String, year: Int) throws -> [String: Budget] {
        var budgets: [String: Budget] = [:]
        for member in try MemberRow.fetchAll(db, sql: Self.tree + """
            SELECT o.id, o.code FROM budget b JOIN rollup_member m ON m.id = b.organization_id JOIN organization o ON o.id = b.organization_id
            WHERE b.year = ?
            """, arguments: [root, year]) {
            budgets[member.code] = try budget(organizationID: member.id, organization: member.code, year: year, through: nil)
        }
        return budgets
    }

    func pairVouchers(organization: String, accountPrefix: String, counterpart: String, project: String?) throws -> [VoucherRef] {
        try VoucherRefRow.fetchAll(db, sql: """
            SELECT DISTINCT v.period, v.word, v.number FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
            JOIN organization o ON o.id = v.organization_id JOIN account a ON a.id = l.account_id
            LEFT JOIN organization c ON c.id = l.counterpart_id LEFT JOIN organization p ON p.id = o.parent_id
            WHERE o.code = ? AND v.status = 'posted' AND a.code LIKE ? || '%'
              AND coalesce(c.code, CASE WHEN ? = '211' THEN p.code END) = ? AND coalesce(l.project, '') = ?
            ORDER BY v.period, v.word, v.number LIMIT 20
            """, arguments: [organization, accountPrefix, accountPrefix, counterpart, project ?? ""]).map(\.ref)
    }
}

/// One member's aggregate for one account, project and counterpart.
private struct RollupBalanceRow: FetchableRecord {
    let balance: RollupBalance

    init(row: Row) throws {
        let project: String = row["project"]
        balance = RollupBalance(organization: row["organization"], account: row["account"], project: project.isEmpty ? nil : project,
                                counterpart: row["counterpart"], closingNet: try row.sumFen("closing_net"), activityNet: try row.sumFen("activity_net"))
    }
}

/// A member of the tree that has a budget.
private struct MemberRow: FetchableRecord {
    let id: Int64
    let code: String

    init(row: Row) {
        id = row["id"]
        code = row["code"]
    }
}

/// A posted voucher's number: its month, word and number.
struct VoucherRefRow: FetchableRecord {
    let ref: VoucherRef

    init(row: Row) throws {
        ref = VoucherRef(period: try row.storedPeriod(Column("period"), in: "voucher"), word: row["word"], number: row["number"])
    }
}
