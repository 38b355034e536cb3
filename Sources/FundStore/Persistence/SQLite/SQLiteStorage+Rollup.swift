import FundCore
import GRDB

extension SQLiteStorage: RollupStorage {
    /// The members of the tree, bound as the JSON array of their row ids (`RollupTree.memberIDsJSON`).
    private static let tree = "WITH rollup_member(id) AS (SELECT value FROM json_each(?))"

    /// Read from the year aggregate (`year_balance`): the years up to the roll-up's, about one
    /// row per member, account, project and counterpart for each year of the book. A roll-up
    /// through a month before December adds the year's monthly rows through that month to the
    /// earlier years' rows.
    func rollupBalances(_ tree: RollupTree, yearStart: Int, through: Int) throws -> [RollupBalance] {
        let year = yearStart / 100
        let select = """
            SELECT o.code AS organization, a.code AS account, g.project, c.code AS counterpart, g.closing_net, g.activity_net
            FROM grouped g JOIN organization o ON o.id = g.organization_id JOIN account a ON a.id = g.account_id
            LEFT JOIN organization c ON c.id = g.counterpart_id
            """
        if through == year * 100 + 12 {
            return try summing(organizationID: nil, from: 190001, to: through) { try yearBalances(tree, year: year) }
        }
        return try summing(organizationID: nil, from: 190001, to: through) { try RollupBalanceRow.fetchAll(db, sql: Self.tree + """
            , turnover AS (
                SELECT y.organization_id, y.account_id, y.project, y.counterpart_id, y.debit - y.credit AS net, 0 AS activity
                FROM year_balance y WHERE y.organization_id IN (SELECT id FROM rollup_member) AND y.year < ?
                UNION ALL
                SELECT b.organization_id, b.account_id, b.project, b.counterpart_id, b.debit - b.credit,
                       CASE WHEN b.closing = 0 THEN b.debit - b.credit ELSE 0 END
                FROM balance b WHERE b.organization_id IN (SELECT id FROM rollup_member) AND b.period BETWEEN ? AND ?
            ), grouped AS (
                SELECT organization_id, account_id, project, counterpart_id, sum(net) AS closing_net, sum(activity) AS activity_net
                FROM turnover GROUP BY organization_id, account_id, project, counterpart_id)
            """ + select, arguments: [tree.memberIDsJSON, year, yearStart, through]).map(\.balance) }
    }

    /// A roll-up through December: the year rows of the members up to `year`, in key order,
    /// added up per member, account, project and counterpart in Swift as they are stepped, read
    /// by column index with SQLite's C API (no sorting, no join per row: the organisations'
    /// codes come from the tree, the accounts' from one look-up). The same rows as the grouping
    /// of the monthly rows; a sum past Int64 is `SumNotInteger`.
    private func yearBalances(_ tree: RollupTree, year: Int) throws -> [RollupBalance] {
        var accounts: [Int64: String] = [:]
        let codes = try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, code FROM account"))
        while let row = try codes.next() { accounts[row[0]] = row[1] }
        var balances: [RollupBalance] = []
        balances.reserveCapacity(tree.memberIDs.count * 4)
        // The key of the rows being added up; `organization` is nil before the first row and
        // after a row whose organisation or account is not in the book (left out, as the inner
        // joins did).
        var organizationID: Int64 = 0, accountID: Int64 = 0, project = "", counterpartID: Int64 = 0, started = false
        var organization: String?, account: String?
        var closingNet: Int64 = 0, activityNet: Int64 = 0
        func add(_ total: Int64, _ amount: Int64) throws -> Int64 {
            let (sum, overflow) = total.addingReportingOverflow(amount)
            if overflow { throw SumNotInteger() }
            return sum
        }
        func close() {
            guard started, let organization, let account else { return }
            balances.append(RollupBalance(organization: organization, account: account, project: project.isEmpty ? nil : project,
                                          counterpart: tree.codes[counterpartID],
                                          closingNet: closingNet, activityNet: activityNet))
        }
        func invalid(_ column: String, at index: Int32, _ row: SQLiteColumns) -> BookError {
            .storedValueInvalid(table: "year_balance", column: column, value: row.text(index), row: "organization_id \(row.text(0)), account_id \(row.text(1))")
        }
        try forEachRow(db.cachedStatement(sql: Self.tree + """
            SELECT y.organization_id, y.account_id, y.project, y.counterpart_id, y.year, y.closing, y.debit, y.credit
            FROM year_balance y WHERE y.organization_id IN (SELECT id FROM rollup_member) AND y.year <= ?
            ORDER BY y.organization_id, y.account_id, y.project, y.counterpart_id
            """), arguments: [tree.memberIDsJSON, year]) { row in
            guard let rowOrganization = row.integer(0) else { throw invalid("organization_id", at: 0, row) }
            guard let rowAccount = row.integer(1) else { throw invalid("account_id", at: 1, row) }
            guard let rowCounterpart = row.integer(3) else { throw invalid("counterpart_id", at: 3, row) }
            let sameProject = row.isEmptyText(2) ? project.isEmpty : (!project.isEmpty && project == row.text(2))
            if !started || rowOrganization != organizationID || rowAccount != accountID || !sameProject || rowCounterpart != counterpartID {
                close()
                if !started || rowOrganization != organizationID { organization = tree.codes[rowOrganization] }
                if !started || rowAccount != accountID { account = accounts[rowAccount] }
                started = true
                organizationID = rowOrganization
                accountID = rowAccount
                if !sameProject { project = row.isEmptyText(2) ? "" : row.text(2) }
                counterpartID = rowCounterpart
                closingNet = 0
                activityNet = 0
            }
            guard let debit = row.integer(6), let credit = row.integer(7) else { throw SumNotInteger() }
            let (net, overflow) = debit.subtractingReportingOverflow(credit)
            if overflow { throw SumNotInteger() }
            closingNet = try add(closingNet, net)
            if row.integer(4) == Int64(year), row.integer(5) == 0 { activityNet = try add(activityNet, net) }
        }
        close()
        return balances
    }

    /// The members and flow accounts with movements in the year are read from the year aggregate;
    /// only their months are read from `balance`, each month by its key.
    func rollupFlows(_ tree: RollupTree, yearStart: Int, through: Int) throws -> [RollupFlow] {
        try summing(organizationID: nil, from: yearStart, to: through) { try RollupFlowRow.fetchAll(db, sql: Self.tree + """
            , flow_account(id) AS (
                SELECT id FROM account
                WHERE code LIKE '211%' OR code LIKE '212%' OR code LIKE '131%' OR code LIKE '132%'
                   OR code LIKE '402%' OR code LIKE '403%' OR code LIKE '508%'
            ), flowing(organization_id, account_id) AS (
                SELECT DISTINCT y.organization_id, y.account_id FROM year_balance y
                WHERE y.organization_id IN (SELECT id FROM rollup_member) AND +y.account_id IN (SELECT id FROM flow_account)
                  AND y.year = ? AND y.closing = 0
            ), rollup_month(period) AS (
                SELECT ? UNION ALL SELECT period + 1 FROM rollup_month WHERE period < ?
            )
            SELECT o.code AS organization, a.code AS account, b.project, c.code AS counterpart, b.period,
                   sum(b.debit) AS debit, sum(b.credit) AS credit
            FROM flowing f CROSS JOIN rollup_month p CROSS JOIN balance b
            JOIN organization o ON o.id = b.organization_id JOIN account a ON a.id = b.account_id LEFT JOIN organization c ON c.id = b.counterpart_id
            WHERE b.organization_id = f.organization_id AND b.period = p.period AND b.account_id = f.account_id AND b.closing = 0
            GROUP BY b.organization_id, b.account_id, b.project, b.counterpart_id, b.period
            """, arguments: [tree.memberIDsJSON, yearStart / 100, yearStart, through]).map(\.flow) }
    }

    func flowVouchers(organization: String, accountPrefixes: [String], counterpart: String?, project: String?, period: Int,
                      debitsOnly: Bool) throws -> [VoucherRef] {
        let accounts = accountPrefixes.map { _ in "a.code LIKE ? || '%'" }.joined(separator: " OR ")
        var values: [(any DatabaseValueConvertible)?] = [organization, period]
        values += accountPrefixes.map { $0 as (any DatabaseValueConvertible)? }
        values += [counterpart, counterpart, project, project ?? "", debitsOnly]
        let arguments = StatementArguments(values)
        // A roll-up asks once per flow difference, with one to three prefixes: the statements
        // are prepared once each.
        return try VoucherRefRow.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT v.period, v.word, v.number FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
            JOIN organization o ON o.id = v.organization_id JOIN account a ON a.id = l.account_id
            LEFT JOIN organization c ON c.id = l.counterpart_id LEFT JOIN organization p ON p.id = o.parent_id
            WHERE o.code = ? AND v.status = 'posted' AND v.kind <> 'closing' AND v.period = ? AND (\(accounts))
              AND (CASE WHEN ? IS NULL THEN l.counterpart_id IS NULL
                        ELSE coalesce(c.code, CASE WHEN a.code LIKE '211%' THEN p.code END) = ? END)
              AND (? IS NULL OR coalesce(l.project, '') = ?) AND (? = 0 OR l.side = 'D')
            ORDER BY v.period, v.word, v.number LIMIT 20
            """), arguments: arguments).map(\.ref)
    }

    func rollupBudgets(_ tree: RollupTree, year: Int) throws -> [String: Budget] {
        var budgets: [String: Budget] = [:]
        for member in try MemberRow.fetchAll(db, sql: Self.tree + """
            SELECT o.id, o.code FROM budget b JOIN rollup_member m ON m.id = b.organization_id JOIN organization o ON o.id = b.organization_id
            WHERE b.year = ?
            """, arguments: [tree.memberIDsJSON, year]) {
            budgets[member.code] = try budget(organizationID: member.id, organization: member.code, year: year, through: nil)
        }
        return budgets
    }

    func pairVouchers(organization: String, accountPrefix: String, counterpart: String, project: String?) throws -> [VoucherRef] {
        try VoucherRefRow.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT v.period, v.word, v.number FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
            JOIN organization o ON o.id = v.organization_id JOIN account a ON a.id = l.account_id
            LEFT JOIN organization c ON c.id = l.counterpart_id LEFT JOIN organization p ON p.id = o.parent_id
            WHERE o.code = ? AND v.status = 'posted' AND a.code LIKE ? || '%'
              AND coalesce(c.code, CASE WHEN ? = '211' THEN p.code END) = ? AND coalesce(l.project, '') = ?
            ORDER BY v.period, v.word, v.number LIMIT 20
            """), arguments: [organization, accountPrefix, accountPrefix, counterpart, project ?? ""]).map(\.ref)
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
