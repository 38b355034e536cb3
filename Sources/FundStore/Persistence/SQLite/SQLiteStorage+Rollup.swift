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

    func rollupFlows(root: String, yearStart: Int, through: Int) throws -> [RollupFlow] {
        try summing(organizationID: nil, from: yearStart, to: through) { try RollupFlowRow.fetchAll(db, sql: Self.tree + """
            SELECT o.code AS organization, a.code AS account, b.project, c.code AS counterpart, b.period,
                   sum(b.debit) AS debit, sum(b.credit) AS credit
            FROM balance b JOIN rollup_member m ON m.id = b.organization_id JOIN organization o ON o.id = b.organization_id
            JOIN account a ON a.id = b.account_id LEFT JOIN organization c ON c.id = b.counterpart_id
            WHERE b.period BETWEEN ? AND ? AND b.closing = 0
              AND (a.code LIKE '211%' OR a.code LIKE '212%' OR a.code LIKE '131%' OR a.code LIKE '132%'
                   OR a.code LIKE '402%' OR a.code LIKE '403%' OR a.code LIKE '508%')
            GROUP BY b.organization_id, b.account_id, b.project, b.counterpart_id, b.period
            """, arguments: [root, yearStart, through]).map(\.flow) }
    }

    func flowVouchers(organization: String, accountPrefixes: [String], counterpart: String?, project: String?, period: Int,
                      debitsOnly: Bool) throws -> [VoucherRef] {
        let accounts = accountPrefixes.map { _ in "a.code LIKE ? || '%'" }.joined(separator: " OR ")
        var values: [(any DatabaseValueConvertible)?] = [organization, period]
        values += accountPrefixes.map { $0 as (any DatabaseValueConvertible)? }
        values += [counterpart, counterpart, project, project ?? "", debitsOnly]
        let arguments = StatementArguments(values)
        return try VoucherRefRow.fetchAll(db, sql: """
            SELECT DISTINCT v.period, v.word, v.number FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
            JOIN organization o ON o.id = v.organization_id JOIN account a ON a.id = l.account_id
            LEFT JOIN organization c ON c.id = l.counterpart_id LEFT JOIN organization p ON p.id = o.parent_id
            WHERE o.code = ? AND v.status = 'posted' AND v.kind <> 'closing' AND v.period = ? AND (\(accounts))
              AND (CASE WHEN ? IS NULL THEN l.counterpart_id IS NULL
                        ELSE coalesce(c.code, CASE WHEN a.code LIKE '211%' THEN p.code END) = ? END)
              AND (? IS NULL OR coalesce(l.project, '') = ?) AND (? = 0 OR l.side = 'D')
            ORDER BY v.period, v.word, v.number LIMIT 20
            """, arguments: arguments).map(\.ref)
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

/// One member's month on one account, project and counterpart.
private struct RollupFlowRow: FetchableRecord {
    let flow: RollupFlow

    init(row: Row) throws {
        let project: String = row["project"]
        flow = RollupFlow(organization: row["organization"], account: row["account"], project: project.isEmpty ? nil : project,
                          counterpart: row["counterpart"], period: try row.storedPeriod(Column("period"), in: "balance"),
                          debit: try row.sumFen("debit"), credit: try row.sumFen("credit"))
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
