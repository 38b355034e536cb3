import FundCore
import GRDB

extension Book {
    /// Opening net balance and turnovers per leaf account for months `from...to`, read from
    /// the aggregates (O(accounts x months) rows, never the lines).
    public func turnovers(organization: String, from: Period, to: Period) throws -> [AccountTurnover] {
        try read { db in
            try authorize(db, .read, organization: organization)
            let organizationID = try Book.organizationID(db, organization)
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
            let organizationID = try Book.organizationID(db, organization)
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
                let voucher = try Book.fetchVoucher(db, id: id)
                let code = voucher.draft.organization
                if charts[code] == nil { charts[code] = try Book.chart(db, organization: code).chart }
                try body(voucher, charts[code]!)
            }
        }
    }
}
