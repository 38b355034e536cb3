import FundCore
import GRDB

extension Book {
    /// Actuals of every line of the organisation's budget for `year`, in `month` and from January
    /// to `month`, from the aggregates (closing vouchers left out).
    public func budgetActuals(organization: String, year: Int, month: Int) throws -> [BudgetKey: BudgetActual] {
        try read { db in
            try authorize(db, .read, organization: organization)
            let organizationID = try Book.organizationID(db, organization)
            guard let budget = try Book.loadBudget(db, organizationID: organizationID, organization: organization, year: year, through: nil) else {
                throw BookError.noBudget(organization: organization, year: year)
            }
            return try Book.budgetActuals(db, organizationID: organizationID, budget: budget, year: year, month: month)
        }
    }

    static func budgetActuals(_ db: Database, organizationID: Int64, budget: Budget, year: Int, month: Int) throws -> [BudgetKey: BudgetActual] {
        let rows = try activityRows(db, organizationID: organizationID, from: year * 100 + 1, to: year * 100 + month)
        var result: [BudgetKey: BudgetActual] = [:]
        for line in budget.lines {
            var actual = BudgetActual()
            for row in rows where line.key.matches(account: row.code, expenseType: row.expense, project: row.project, counterpart: row.counterpart) {
                let amount = line.key.isIncome ? row.credit - row.debit : row.debit - row.credit
                actual.yearToDate += amount
                if row.period == year * 100 + month { actual.month += amount }
            }
            result[line.key] = actual
        }
        return result
    }

    struct ActivityRow {
        let code: String
        let expense: ExpenseType?
        let project: String?
        let counterpart: String?
        let period: Int
        let debit: Int64
        let credit: Int64
    }

    /// Income and expenditure aggregates by the budget's dimensions.
    static func activityRows(_ db: Database, organizationID: Int64, from: Int, to: Int, accountPrefix: String? = nil) throws -> [ActivityRow] {
        try Row.fetchAll(db, sql: """
            SELECT a.code, b.expense, b.project, c.code AS counterpart, b.period, sum(b.debit) AS debit, sum(b.credit) AS credit
            FROM balance b JOIN account a ON a.id = b.account_id LEFT JOIN organization c ON c.id = b.counterpart_id
            WHERE b.organization_id = ? AND b.period BETWEEN ? AND ? AND b.closing = 0
              AND (a.code LIKE '4%' OR a.code LIKE '5%') AND a.code LIKE ? || '%'
            GROUP BY a.code, b.expense, b.project, b.counterpart_id, b.period
            """, arguments: [organizationID, from, to, accountPrefix ?? ""]).map { row in
            let expense: String = row["expense"], project: String = row["project"]
            return ActivityRow(code: row["code"], expense: ExpenseType(rawValue: expense), project: project.isEmpty ? nil : project,
                               counterpart: row["counterpart"], period: row["period"], debit: row["debit"], credit: row["credit"])
        }
    }

    /// Budget lines of an approved budget that a posted voucher's spending took over their
    /// adjusted amount, as sentences.
    static func budgetOverruns(_ db: Database, voucher: Voucher) throws -> [String] {
        let organizationID = try organizationID(db, voucher.draft.organization)
        let year = voucher.draft.date.year
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM budget WHERE organization_id = ? AND year = ? AND status = 'approved'",
                               arguments: [organizationID, year])! > 0,
              let budget = try loadBudget(db, organizationID: organizationID, organization: voucher.draft.organization, year: year, through: nil)
        else { return [] }
        var overruns: [String] = []
        let spending = voucher.draft.lines.filter { AccountCategory(code: $0.accountCode) == .expenditure }
        for line in budget.lines where !line.key.isIncome {
            guard spending.contains(where: { line.key.matches(account: $0.accountCode, expenseType: $0.dimensions.expenseType,
                                                              project: $0.dimensions.project, counterpart: $0.dimensions.counterpart) }) else { continue }
            let rows = try activityRows(db, organizationID: organizationID, from: year * 100 + 1, to: year * 100 + 12, accountPrefix: line.key.account)
            let actual = rows.filter { line.key.matches(account: $0.code, expenseType: $0.expense, project: $0.project, counterpart: $0.counterpart) }
                .reduce(Int64(0)) { $0 + $1.debit - $1.credit }
            if actual > line.adjusted.fen {
                overruns.append("budget line \(line.key): spent \(Money(fen: actual).grouped) of \(line.adjusted.grouped) (over by \(Money(fen: actual - line.adjusted.fen).grouped))")
            }
        }
        return overruns
    }

    /// Overruns caused by a posted voucher, for the CLI to warn about.
    public func budgetOverruns(voucherID: Int64) throws -> [String] {
        try read { db in
            let voucher = try Book.fetchVoucher(db, id: voucherID)
            try authorize(db, .read, organization: voucher.draft.organization)
            return try Book.budgetOverruns(db, voucher: voucher)
        }
    }

    /// Whether postings that overrun the budget only warn (default) or are refused.
    public func setBudgetControl(organization: String, refuse: Bool) throws {
        try write { db in
            try authorize(db, .writeBooks, organization: organization)
            _ = try Book.organizationID(db, organization)
            try db.execute(sql: "UPDATE organization SET budget_control = ? WHERE code = ?", arguments: [refuse ? "refuse" : "warn", organization])
        }
    }
}
