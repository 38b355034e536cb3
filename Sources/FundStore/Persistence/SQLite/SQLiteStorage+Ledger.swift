import FundCore
import GRDB

extension SQLiteStorage: LedgerStorage {
    func openingNets(organizationID: Int64, before: Int) throws -> [String: Int64] {
        var opening: [String: Int64] = [:]
        for net in try summing(organizationID: organizationID, from: 190001, to: Period(key: before)?.previous.key ?? before, { try AccountNetRow.fetchAll(db, sql: """
            SELECT a.code, sum(b.debit - b.credit) AS net FROM balance b JOIN account a ON a.id = b.account_id
            WHERE b.organization_id = ? AND b.period < ? GROUP BY a.code
            """, arguments: [organizationID, before]) }) {
            opening[net.code] = net.net
        }
        return opening
    }

    func monthlyTurnovers(organizationID: Int64, from: Int, to: Int) throws -> [MonthlyTurnover] {
        try summing(organizationID: organizationID, from: from, to: to) { try MonthlyTurnoverRow.fetchAll(db, sql: """
            SELECT a.code, b.period, sum(b.debit) AS debit, sum(b.credit) AS credit FROM balance b JOIN account a ON a.id = b.account_id
            WHERE b.organization_id = ? AND b.period BETWEEN ? AND ? GROUP BY a.code, b.period ORDER BY a.code, b.period
            """, arguments: [organizationID, from, to]).map(\.turnover) }
    }

    func activity(organizationID: Int64, from: Period, to: Period, excludingClosing: Bool) throws -> [AccountActivity] {
        try summing(organizationID: organizationID, from: from.key, to: to.key) { try AccountActivityRow.fetchAll(db, sql: """
            SELECT a.code, b.project, b.source, sum(b.debit) AS debit, sum(b.credit) AS credit
            FROM balance b JOIN account a ON a.id = b.account_id
            WHERE b.organization_id = ? AND b.period BETWEEN ? AND ? AND (? = 0 OR b.closing = 0)
            GROUP BY a.code, b.project, b.source
            """, arguments: [organizationID, from.key, to.key, excludingClosing ? 1 : 0]).map(\.activity) }
    }

    func ledgerLines(organizationID: Int64, account: String, year: Int) throws -> [LedgerLine] {
        try LedgerLineRow.fetchAll(db, sql: """
            SELECT v.date, v.period, v.word, v.number, v.summary, l.summary AS line_summary, a.code, l.side, l.amount, l.project, l.basic_class
            FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id JOIN account a ON a.id = l.account_id
            WHERE v.organization_id = ? AND v.status = 'posted' AND v.period BETWEEN ? AND ? AND (a.code = ? OR a.code LIKE ? || '__%')
            ORDER BY v.period, v.date, v.number, l.position
            """, arguments: [organizationID, year * 100 + 1, year * 100 + 12, account, account]).map(\.line)
    }

    func turnovers(organizationID: Int64, from: Period, to: Period) throws -> [AccountTurnover] {
        try summing(organizationID: organizationID, from: 190001, to: to.key) { try AccountTurnoverRow.fetchAll(db, sql: """
            SELECT a.code,
                   sum(CASE WHEN b.period < ? THEN b.debit - b.credit ELSE 0 END) AS opening,
                   sum(CASE WHEN b.period >= ? THEN b.debit ELSE 0 END) AS debit,
                   sum(CASE WHEN b.period >= ? THEN b.credit ELSE 0 END) AS credit
            FROM balance b JOIN account a ON a.id = b.account_id
            WHERE b.organization_id = ? AND b.period <= ?
            GROUP BY a.code ORDER BY a.code
            """, arguments: [from.key, from.key, from.key, organizationID, to.key]).map(\.turnover) }
    }

    func journalLineCount(organizationID: Int64, from: Period, to: Period) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT count(*) FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id
            WHERE v.organization_id = ? AND v.number IS NOT NULL AND v.period BETWEEN ? AND ?
            """, arguments: [organizationID, from.key, to.key]) ?? 0
    }

    func forEachJournalLine(organizationID: Int64, from: Period, to: Period, _ body: (JournalRow) throws -> Void) throws {
        // "number IS NOT NULL" is "posted" (a v1 CHECK) in a form the numbering index serves
        // in order, so SQLite sorts only each voucher's lines, not a month of them.
        let statement = try db.makeStatement(sql: """
            SELECT v.date, v.word, v.number, v.summary, a.code, l.side, l.amount, l.summary, l.project
            FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id JOIN account a ON a.id = l.account_id
            WHERE v.organization_id = ? AND v.number IS NOT NULL AND v.period BETWEEN ? AND ?
            ORDER BY v.period, v.word, v.number, l.position
            """)
        let cursor = try JournalLineRow.fetchCursor(statement, arguments: [organizationID, from.key, to.key])
        while let line = try cursor.next() { try body(line.row) }
    }

    func postedVoucherIDs(organization: String?) throws -> [Int64] {
        var sql = "SELECT v.id FROM voucher v JOIN organization o ON o.id = v.organization_id WHERE v.status = 'posted'"
        var arguments: StatementArguments = []
        if let organization {
            sql += " AND o.code = ?"
            arguments = [organization]
        }
        sql += " ORDER BY o.code, v.period, v.word, v.number"
        return try Int64.fetchAll(db, sql: sql, arguments: arguments)
    }

    func postedVoucher(id: Int64) throws -> Voucher {
        try voucher(id: id)
    }
}

/// One line of the journal (序时账), read by position and without parsing the date: this runs
/// once per line of a year.
private struct JournalLineRow: FetchableRecord {
    let row: JournalRow

    init(row: Row) {
        let lineSummary: String = row[7]
        self.row = JournalRow(date: row[0], word: row[1], number: row[2], summary: lineSummary.isEmpty ? row[3] : lineSummary,
                              accountCode: row[4], side: row[5] == "D" ? .debit : .credit, amountFen: row[6], project: row[8])
    }
}

/// An account's net balance.
private struct AccountNetRow: FetchableRecord {
    let code: String
    let net: Int64

    init(row: Row) throws {
        code = row["code"]
        net = try row.sumFen("net")
    }
}

/// An account's turnover in one month.
private struct MonthlyTurnoverRow: FetchableRecord {
    let turnover: MonthlyTurnover

    init(row: Row) throws {
        turnover = MonthlyTurnover(code: row["code"], month: (row["period"] as Int) % 100, debitFen: try row.sumFen("debit"), creditFen: try row.sumFen("credit"))
    }
}

/// An account's activity for one project and fund source.
private struct AccountActivityRow: FetchableRecord {
    let activity: AccountActivity

    init(row: Row) throws {
        let project: String = row["project"], source: String = row["source"]
        activity = AccountActivity(code: row["code"], project: project.isEmpty ? nil : project, source: FundSource(rawValue: source),
                                   debitFen: try row.sumFen("debit"), creditFen: try row.sumFen("credit"))
    }
}

/// An account's opening net and turnovers.
private struct AccountTurnoverRow: FetchableRecord {
    let turnover: AccountTurnover

    init(row: Row) throws {
        turnover = AccountTurnover(code: row["code"], openingNetFen: try row.sumFen("opening"), debitFen: try row.sumFen("debit"), creditFen: try row.sumFen("credit"))
    }
}

/// A posted line as an account's ledger reads it.
private struct LedgerLineRow: FetchableRecord {
    let line: LedgerLine

    init(row: Row) throws { line = try LedgerLine(row: row) }
}
