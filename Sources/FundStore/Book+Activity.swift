import FundCore
import GRDB

extension Book {
    /// Net balance per leaf account at the start of `year` and the monthly turnovers of the year.
    public func monthlyTurnovers(organization: String, year: Int) throws -> (opening: [String: Int64], months: [MonthlyTurnover]) {
        try read { db in
            try authorize(db, .read, organization: organization)
            let organizationID = try Book.organizationID(db, organization)
            var opening: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT a.code, sum(b.debit - b.credit) AS net FROM balance b JOIN account a ON a.id = b.account_id
                WHERE b.organization_id = ? AND b.period < ? GROUP BY a.code
                """, arguments: [organizationID, year * 100 + 1]) {
                opening[row["code"]] = row["net"]
            }
            let months = try Row.fetchAll(db, sql: """
                SELECT a.code, b.period, sum(b.debit) AS debit, sum(b.credit) AS credit FROM balance b JOIN account a ON a.id = b.account_id
                WHERE b.organization_id = ? AND b.period BETWEEN ? AND ? GROUP BY a.code, b.period ORDER BY a.code, b.period
                """, arguments: [organizationID, year * 100 + 1, year * 100 + 12]).map {
                MonthlyTurnover(code: $0["code"], month: ($0["period"] as Int) % 100, debitFen: $0["debit"], creditFen: $0["credit"])
            }
            return (opening, months)
        }
    }

    /// Activity per account, project and fund source in `from...to`, leaving out closing vouchers
    /// when `excludingClosing` (the 收入支出表 reports a year's income, not its carry-forward).
    public func activity(organization: String, from: Period, to: Period, excludingClosing: Bool) throws -> [AccountActivity] {
        try read { db in
            try authorize(db, .read, organization: organization)
            let organizationID = try Book.organizationID(db, organization)
            return try Row.fetchAll(db, sql: """
                SELECT a.code, b.project, b.source, sum(b.debit) AS debit, sum(b.credit) AS credit
                FROM balance b JOIN account a ON a.id = b.account_id
                WHERE b.organization_id = ? AND b.period BETWEEN ? AND ? AND (? = 0 OR b.closing = 0)
                GROUP BY a.code, b.project, b.source
                """, arguments: [organizationID, from.key, to.key, excludingClosing ? 1 : 0]).map { row in
                let project: String = row["project"], source: String = row["source"]
                return AccountActivity(code: row["code"], project: project.isEmpty ? nil : project, source: FundSource(rawValue: source),
                                       debitFen: row["debit"], creditFen: row["credit"])
            }
        }
    }

    /// Every posted line on `account` or its details in `year`, in date and number order.
    public func ledgerLines(organization: String, account: String, year: Int) throws -> [LedgerLine] {
        try read { db in
            try authorize(db, .read, organization: organization)
            let organizationID = try Book.organizationID(db, organization)
            return try Row.fetchAll(db, sql: """
                SELECT v.date, v.period, v.word, v.number, v.summary, l.summary AS line_summary, a.code, l.side, l.amount, l.project
                FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id JOIN account a ON a.id = l.account_id
                WHERE v.organization_id = ? AND v.status = 'posted' AND v.period BETWEEN ? AND ? AND (a.code = ? OR a.code LIKE ? || '__%')
                ORDER BY v.period, v.date, v.number, l.position
                """, arguments: [organizationID, year * 100 + 1, year * 100 + 12, account, account]).map(LedgerLine.init(row:))
        }
    }
}

extension LedgerLine {
    /// A line from a query selecting v.date, v.period, v.word, v.number, v.summary,
    /// l.summary AS line_summary, a.code, l.side, l.amount and l.project; the line's own summary
    /// wins over the voucher's.
    init(row: Row) {
        let lineSummary: String = row["line_summary"]
        self.init(date: LocalDate(parsing: row["date"] as String)!,
                  ref: VoucherRef(period: Period(key: row["period"])!, word: row["word"], number: row["number"]),
                  summary: lineSummary.isEmpty ? row["summary"] : lineSummary, accountCode: row["code"],
                  side: Side(rawValue: row["side"])!, amountFen: row["amount"], project: row["project"])
    }
}
