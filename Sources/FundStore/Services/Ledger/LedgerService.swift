import FundCore
import GRDB

/// The posted books as reports read them: turnovers by account and period, an account's lines,
/// and the journal streamed in numbering order.
public struct LedgerService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Net balance per leaf account at the start of `year` and the monthly turnovers of the year.
    public func monthlyTurnovers(organization: String, year: Int) throws -> (opening: [String: Int64], months: [MonthlyTurnover]) {
        try read { db in
            try authorize(db, .read, organization: organization)
            let organizationID = try SQLiteBook.organizationID(db, organization)
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
            let organizationID = try SQLiteBook.organizationID(db, organization)
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
            let organizationID = try SQLiteBook.organizationID(db, organization)
            return try Row.fetchAll(db, sql: """
                SELECT v.date, v.period, v.word, v.number, v.summary, l.summary AS line_summary, a.code, l.side, l.amount, l.project
                FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id JOIN account a ON a.id = l.account_id
                WHERE v.organization_id = ? AND v.status = 'posted' AND v.period BETWEEN ? AND ? AND (a.code = ? OR a.code LIKE ? || '__%')
                ORDER BY v.period, v.date, v.number, l.position
                """, arguments: [organizationID, year * 100 + 1, year * 100 + 12, account, account]).map(LedgerLine.init(row:))
        }
    }

    /// Opening net balance and turnovers per leaf account for months `from...to`, read from
    /// the aggregates (O(accounts x months) rows, never the lines).
    public func turnovers(organization: String, from: Period, to: Period) throws -> [AccountTurnover] {
        try read { db in
            try authorize(db, .read, organization: organization)
            let organizationID = try SQLiteBook.organizationID(db, organization)
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.code,
                       sum(CASE WHEN b.period < ? THEN b.debit - b.credit ELSE 0 END) AS opening,
                       sum(CASE WHEN b.period >= ? THEN b.debit ELSE 0 END) AS debit,
                       sum(CASE WHEN b.period >= ? THEN b.credit ELSE 0 END) AS credit
                FROM balance b JOIN account a ON a.id = b.account_id
                WHERE b.organization_id = ? AND b.period <= ?
                GROUP BY a.code ORDER BY a.code
                """, arguments: [from.key, from.key, from.key, organizationID, to.key])
            return rows.map { AccountTurnover(code: $0["code"], openingNetFen: $0["opening"], debitFen: $0["debit"], creditFen: $0["credit"]) }
        }
    }

    /// Line-level journal rows (序时账) of an organisation for a range of months, streamed to
    /// `body` in date and number order without holding them all in memory.
    /// `start` learns the number of lines first, in the same read transaction.
    public func forEachJournalLine(organization: String, from: Period, to: Period, start: (Int) throws -> Void = { _ in },
                                   _ body: (JournalRow) throws -> Void) throws {
        try read { db in
            try authorize(db, .read, organization: organization)
            let organizationID = try SQLiteBook.organizationID(db, organization)
            try start(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id
                WHERE v.organization_id = ? AND v.number IS NOT NULL AND v.period BETWEEN ? AND ?
                """, arguments: [organizationID, from.key, to.key])!)
            // "number IS NOT NULL" is "posted" (a v1 CHECK) in a form the numbering index serves
            // in order, so SQLite sorts only each voucher's lines, not a month of them.
            let statement = try db.makeStatement(sql: """
                SELECT v.date, v.word, v.number, v.summary, a.code, l.side, l.amount, l.summary, l.project
                FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id JOIN account a ON a.id = l.account_id
                WHERE v.organization_id = ? AND v.number IS NOT NULL AND v.period BETWEEN ? AND ?
                ORDER BY v.period, v.word, v.number, l.position
                """)
            let cursor = try Row.fetchCursor(statement, arguments: [organizationID, from.key, to.key])
            // By position, and without parsing the date: this loop runs once per line of a year.
            while let row = try cursor.next() {
                let lineSummary: String = row[7]
                try body(JournalRow(date: row[0], word: row[1], number: row[2], summary: lineSummary.isEmpty ? row[3] : lineSummary,
                                    accountCode: row[4], side: row[5] == "D" ? .debit : .credit, amountFen: row[6], project: row[8]))
            }
        }
    }

    /// Every posted voucher of an organisation (or of all), with its organisation's chart, in
    /// organisation, month, word and number order, so that a reversal follows its original.
    public func forEachPostedVoucher(organization: String?, _ body: (Voucher, Chart) throws -> Void) throws {
        try read { db in
            var sql = "SELECT v.id FROM voucher v JOIN organization o ON o.id = v.organization_id WHERE v.status = 'posted'"
            var arguments: StatementArguments = []
            if organization == nil { try authorizeWholeBook(db) }
            if let organization {
                try authorize(db, .read, organization: organization)
                sql += " AND o.code = ?"
                arguments = [organization]
            }
            sql += " ORDER BY o.code, v.period, v.word, v.number"
            var charts: [String: Chart] = [:]
            for id in try Int64.fetchAll(db, sql: sql, arguments: arguments) {
                let voucher = try SQLiteBook.fetchVoucher(db, id: id)
                let code = voucher.draft.organization
                if charts[code] == nil { charts[code] = try SQLiteBook.chart(db, organization: code).chart }
                try body(voucher, charts[code]!)
            }
        }
    }
}

extension Session {
    /// This session's LedgerService.
    public var ledger: LedgerService { LedgerService(session: self) }
}
