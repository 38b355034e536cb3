import FundCore
import GRDB

extension SQLiteStorage {
    func bankStatements(organizationID: Int64, accountID: Int64) throws -> [BankStatementRecord] {
        let table = "bank_statement"
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM bank_statement WHERE organization_id = ? AND account_id = ? ORDER BY first_date, id
            """), arguments: [organizationID, accountID]).map { row in
            BankStatementRecord(id: row["id"], organizationID: row["organization_id"], accountID: row["account_id"], file: row["file"],
                                digest: row["digest"], firstDate: try row.storedDate(Column("first_date"), in: table),
                                lastDate: try row.storedDate(Column("last_date"), in: table), openingFen: row["opening"], closingFen: row["closing"],
                                rows: row["rows"], importedAt: row["imported_at"], importedBy: row["imported_by"])
        }
    }

    func insertBankStatement(_ statement: BankStatementRecord, rows: [BankStatementLine]) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO bank_statement (organization_id, account_id, file, digest, first_date, last_date, opening, closing, rows, imported_at, imported_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [statement.organizationID, statement.accountID, statement.file, statement.digest, statement.firstDate.description,
                             statement.lastDate.description, statement.openingFen, statement.closingFen, statement.rows, statement.importedAt,
                             statement.importedBy])
        let id = db.lastInsertedRowID
        let insert = try db.cachedStatement(sql: """
            INSERT INTO bank_statement_line (statement_id, position, source_line, date, summary, side, amount, balance, reference)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (index, row) in rows.enumerated() {
            try insert.execute(arguments: [id, index + 1, row.line, row.date.description, row.summary, row.side.rawValue, row.amountFen, row.balanceFen,
                                           row.reference])
        }
        return id
    }

    private static let statementLineSelect = """
        SELECT l.id, l.statement_id, l.source_line, l.date, l.summary, l.side, l.amount, l.balance, l.reference, s.account_id,
               m.voucher_line_id, m.method, m.matched_at, m.matched_by, v.date AS voucher_date, v.period, v.word, v.number
        FROM bank_statement_line l JOIN bank_statement s ON s.id = l.statement_id
        LEFT JOIN bank_match m ON m.statement_line_id = l.id AND m.unmatched_at IS NULL
        LEFT JOIN voucher_line vl ON vl.id = m.voucher_line_id LEFT JOIN voucher v ON v.id = vl.voucher_id
        """

    private func storedStatementLine(_ row: Row) throws -> StoredStatementLine {
        let table = "bank_statement_line"
        var match: BankMatchRecord?
        if let voucherLineID: Int64 = row["voucher_line_id"] {
            match = BankMatchRecord(voucherLineID: voucherLineID,
                                    voucher: VoucherRef(period: try row.storedPeriod(Column("period"), in: "voucher"), word: row["word"], number: row["number"]),
                                    voucherDate: try row.storedDate(Column("voucher_date"), in: "voucher"), method: row["method"],
                                    matchedAt: row["matched_at"], matchedBy: row["matched_by"])
        }
        let line = BankStatementLine(line: row["source_line"], date: try row.storedDate(Column("date"), in: table), summary: row["summary"],
                                     side: try row.stored(Column("side"), in: table), amountFen: row["amount"], balanceFen: row["balance"],
                                     reference: row["reference"])
        return StoredStatementLine(id: row["id"], statementID: row["statement_id"], row: line, match: match)
    }

    func bankStatementLines(organizationID: Int64, accountID: Int64, through date: LocalDate?) throws -> [StoredStatementLine] {
        try Row.fetchAll(db, sql: Self.statementLineSelect + """
             WHERE s.organization_id = ? AND s.account_id = ? AND l.date <= ? ORDER BY l.date, s.first_date, s.id, l.position
            """, arguments: [organizationID, accountID, date?.description ?? "9999-12-31"]).map(storedStatementLine)
    }

    func bankStatementLine(organizationID: Int64, id: Int64) throws -> (line: StoredStatementLine, accountID: Int64)? {
        guard let row = try Row.fetchOne(db, sql: Self.statementLineSelect + " WHERE s.organization_id = ? AND l.id = ?",
                                         arguments: [organizationID, id]) else { return nil }
        return (try storedStatementLine(row), row["account_id"])
    }

    func bankBookLines(organizationID: Int64, accountID: Int64, from: LocalDate?, through: LocalDate?) throws -> [BankBookLine] {
        try Row.fetchAll(db, sql: """
            SELECT l.id, v.date, v.period, v.word, v.number, v.summary, l.summary AS line_summary, l.side, l.amount,
                   m.statement_line_id, sl.date AS statement_date
            FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
            LEFT JOIN bank_match m ON m.voucher_line_id = l.id AND m.unmatched_at IS NULL
            LEFT JOIN bank_statement_line sl ON sl.id = m.statement_line_id
            WHERE v.organization_id = ? AND l.account_id = ? AND v.status = 'posted' AND v.date >= ? AND v.date <= ?
            ORDER BY v.date, v.period, v.word, v.number, l.position
            """, arguments: [organizationID, accountID, from?.description ?? "0000-01-01", through?.description ?? "9999-12-31"]).map { row in
            let side: Side = try row.stored(Column("side"), in: "voucher_line")
            let amount: Int64 = row["amount"]
            let lineSummary: String = row["line_summary"]
            let statementDate: String? = row["statement_date"]
            return BankBookLine(voucherLineID: row["id"],
                                voucher: VoucherRef(period: try row.storedPeriod(Column("period"), in: "voucher"), word: row["word"], number: row["number"]),
                                date: try row.storedDate(Column("date"), in: "voucher"), summary: lineSummary.isEmpty ? row["summary"] : lineSummary,
                                // A stored amount is never Int64.min (the line limit), so its negation cannot trap.
                                signedFen: side == .debit ? amount : 0 &- amount, matchedStatementLineID: row["statement_line_id"],
                                matchedStatementDate: try statementDate.map { _ in try row.storedDate(Column("statement_date"), in: "bank_statement_line") })
        }
    }

    func insertBankMatch(statementLineID: Int64, voucherLineID: Int64, method: String, at: String, by: String) throws {
        try db.execute(sql: "INSERT INTO bank_match (statement_line_id, voucher_line_id, method, matched_at, matched_by) VALUES (?, ?, ?, ?, ?)",
                       arguments: [statementLineID, voucherLineID, method, at, by])
    }

    func endBankMatch(statementLineID: Int64, at: String, by: String) throws {
        try db.execute(sql: "UPDATE bank_match SET unmatched_at = ?, unmatched_by = ? WHERE statement_line_id = ? AND unmatched_at IS NULL",
                       arguments: [at, by, statementLineID])
    }

    func bankBookBalance(organizationID: Int64, accountID: Int64, through date: LocalDate) throws -> Int64 {
        var balance: Int64 = 0
        for row in try Row.fetchAll(db, sql: """
            SELECT v.period, l.side, l.amount FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
            WHERE v.organization_id = ? AND l.account_id = ? AND v.status = 'posted' AND v.date <= ?
            """, arguments: [organizationID, accountID, date.description]) {
            let side: Side = try row.stored(Column("side"), in: "voucher_line")
            let amount: Int64 = row["amount"]
            let (next, overflow) = side == .debit ? balance.addingReportingOverflow(amount) : balance.subtractingReportingOverflow(amount)
            if overflow {
                let code = try String.fetchOne(db, sql: "SELECT code FROM organization WHERE id = ?", arguments: [organizationID]) ?? String(organizationID)
                let account = try String.fetchOne(db, sql: "SELECT code FROM account WHERE id = ?", arguments: [accountID])
                throw BookError.sumOverflow(SumOverflow(organization: code, account: account, month: try row.storedPeriod(Column("period"), in: "voucher")))
            }
            balance = next
        }
        return balance
    }
}
