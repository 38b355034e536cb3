import FundCore
import GRDB

extension Book {
    /// The organisation `root` and every organisation below it, in tree order, with their
    /// aggregates for `year` through `month` and their budgets.
    public func rollupData(root: String, year: Int, month: Int) throws -> RollupData {
        try read { db in
            let all = try Book.fetchOrganizations(db)
            guard all.contains(where: { $0.code == root }) else { throw BookError.unknownOrganization(root) }
            var inTree: Set<String> = [root]
            let members = all.filter { organization in
                if organization.code == root { return true }
                if let parent = organization.parentCode, inTree.contains(parent) { inTree.insert(organization.code); return true }
                return false
            }
            try authorizeTree(db, members)
            let tree = """
                WITH RECURSIVE rollup_member(id) AS (SELECT id FROM organization WHERE code = ?
                    UNION ALL SELECT o.id FROM organization o JOIN rollup_member ON o.parent_id = rollup_member.id)
                """
            let through = year * 100 + month
            let balances = try Row.fetchAll(db, sql: tree + """
                SELECT o.code AS organization, a.code AS account, b.project, c.code AS counterpart,
                       sum(b.debit - b.credit) AS closing_net,
                       sum(CASE WHEN b.period >= ? AND b.closing = 0 THEN b.debit - b.credit ELSE 0 END) AS activity_net
                FROM balance b JOIN rollup_member m ON m.id = b.organization_id JOIN organization o ON o.id = b.organization_id
                JOIN account a ON a.id = b.account_id LEFT JOIN organization c ON c.id = b.counterpart_id
                WHERE b.period <= ?
                GROUP BY b.organization_id, b.account_id, b.project, b.counterpart_id
                """, arguments: [root, year * 100 + 1, through]).map { row in
                let project: String = row["project"]
                return RollupBalance(organization: row["organization"], account: row["account"], project: project.isEmpty ? nil : project,
                                     counterpart: row["counterpart"], closingNet: row["closing_net"], activityNet: row["activity_net"])
            }
            var budgets: [String: Budget] = [:]
            for row in try Row.fetchAll(db, sql: tree + """
                SELECT o.id, o.code FROM budget b JOIN rollup_member m ON m.id = b.organization_id JOIN organization o ON o.id = b.organization_id
                WHERE b.year = ?
                """, arguments: [root, year]) {
                budgets[row["code"]] = try Book.loadBudget(db, organizationID: row["id"], organization: row["code"], year: year, through: nil)
            }
            return RollupData(members: members, balances: balances, budgets: budgets)
        }
    }
}

extension Book {
    /// Posted vouchers of `organization` with lines on `accountPrefix` toward `counterpart` (and
    /// `project`), by number; for reconciling a mirror pair. A 211 line without a counterpart
    /// counts as owed to the parent.
    public func pairVouchers(organization: String, accountPrefix: String, counterpart: String, project: String?) throws -> [String] {
        try read { db in
            try authorize(db, .read, organization: organization)
            return try Row.fetchAll(db, sql: """
                SELECT DISTINCT v.period, v.word, v.number FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
                JOIN organization o ON o.id = v.organization_id JOIN account a ON a.id = l.account_id
                LEFT JOIN organization c ON c.id = l.counterpart_id LEFT JOIN organization p ON p.id = o.parent_id
                WHERE o.code = ? AND v.status = 'posted' AND a.code LIKE ? || '%'
                  AND coalesce(c.code, CASE WHEN ? = '211' THEN p.code END) = ? AND coalesce(l.project, '') = ?
                ORDER BY v.period, v.word, v.number LIMIT 20
                """, arguments: [organization, accountPrefix, accountPrefix, counterpart, project ?? ""]).map {
                VoucherRef(period: Period(key: $0["period"])!, word: $0["word"], number: $0["number"]).description
            }
        }
    }
}
