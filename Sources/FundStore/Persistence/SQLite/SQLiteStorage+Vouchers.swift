import FundCore
import GRDB

extension SQLiteStorage: VoucherStorage {
    func voucher(id: Int64) throws -> Voucher {
        guard let header = try StoredVoucherRow.fetchOne(db.cachedStatement(sql: """
            SELECT v.*, o.code AS organization, r.id AS reversed_by
            FROM voucher v JOIN organization o ON o.id = v.organization_id
            LEFT JOIN voucher r ON r.reverses_id = v.id
            WHERE v.id = ?
            """), arguments: [id]) else { throw BookError.voucherNotFound(.id(id)) }
        let lines = try StoredLineRow.fetchAll(db.cachedStatement(sql: """
            SELECT l.*, a.code AS account_code, c.code AS counterpart_code
            FROM voucher_line l JOIN account a ON a.id = l.account_id LEFT JOIN organization c ON c.id = l.counterpart_id
            WHERE l.voucher_id = ? ORDER BY l.position
            """), arguments: [id]).map { line in
            let record = line.record
            return VoucherLine(accountCode: line.accountCode, side: record.side, amount: Money(fen: record.amountFen), summary: record.summary,
                               dimensions: Dimensions(project: record.project, expenseType: record.expenseType, economicClass: record.economicClass,
                                                      counterpart: line.counterpartCode, fundSource: record.fundSource,
                                                      basicClass: record.basicClass))
        }
        let record = header.record
        var reverses: VoucherRef?
        if let reversesID = record.reversesID,
           let original = try VoucherRecord.fetchOne(db, key: reversesID), let number = original.number {
            reverses = VoucherRef(period: original.period, word: original.word, number: number)
        }
        let draft = VoucherDraft(organization: header.organization, date: record.date, word: record.word, number: record.number,
                                 summary: record.summary, attachments: record.attachments, preparer: record.preparer, reviewer: record.reviewer,
                                 reverses: reverses, kind: record.kind, lines: lines)
        var voucher = Voucher(id: id, draft: draft, status: record.status, number: record.number, reviewer: record.reviewer,
                              bookkeeper: record.bookkeeper, reversesID: record.reversesID, reversedByID: header.reversedByID)
        guard let historical = VoucherPeople.duties(mark: header.historical) else {
            throw BookError.storedValueInvalid(table: "voucher", column: "historical", value: header.historical ?? "NULL", row: "id " + String(id))
        }
        voucher.historicalDuties = historical
        return voucher
    }

    func postedVoucherID(organizationID: Int64, ref: VoucherRef) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM voucher WHERE organization_id = ? AND period = ? AND word = ? AND number = ? AND status = 'posted'
            """), arguments: [organizationID, ref.period.key, ref.word, ref.number])
    }

    func voucherIDs(organizationID: Int64, period: Period?) throws -> [Int64] {
        var sql = "SELECT id FROM voucher WHERE organization_id = ?"
        var arguments: StatementArguments = [organizationID]
        if let period {
            sql += " AND period = ?"
            _ = arguments.append(contentsOf: [period.key])
        }
        sql += " ORDER BY period, word, number IS NULL, number, id"
        return try Int64.fetchAll(db, sql: sql, arguments: arguments)
    }

    func markReviewed(voucherID: Int64, reviewer: String) throws {
        try db.execute(sql: "UPDATE voucher SET status = 'reviewed', reviewer = ? WHERE id = ?", arguments: [reviewer, voucherID])
    }

    func deleteVoucher(id: Int64) throws {
        try db.execute(sql: "DELETE FROM voucher WHERE id = ?", arguments: [id])
    }

    func voucherLabel(id: Int64) throws -> String? {
        guard let row = try VoucherLabelRow.fetchOne(db.cachedStatement(sql: """
            SELECT o.code, v.period, v.word, v.number FROM voucher v JOIN organization o ON o.id = v.organization_id WHERE v.id = ?
            """), arguments: [id]) else { return nil }
        guard let number = row.number, let period = Period(key: row.period) else { return row.organization + " #" + String(id) }
        return row.organization + " " + VoucherRef(period: period, word: row.word, number: number).description
    }
}

/// A voucher's row with its organisation's code and the voucher reversing it, if any.
private struct StoredVoucherRow: FetchableRecord {
    let record: VoucherRecord
    let organization: String
    let reversedByID: Int64?
    /// The duties of historical people (`VoucherPeople.mark`).
    let historical: String?

    init(row: Row) throws {
        record = try VoucherRecord(row: row)
        organization = row["organization"]
        reversedByID = row["reversed_by"]
        historical = row["historical"]
    }
}

/// A line's row with the codes of its account and counterpart.
private struct StoredLineRow: FetchableRecord {
    let record: VoucherLineRecord
    let accountCode: String
    let counterpartCode: String?

    init(row: Row) throws {
        record = try VoucherLineRecord(row: row)
        accountCode = row["account_code"]
        counterpartCode = row["counterpart_code"]
    }
}

/// What a voucher's label is made of. A month that is not one labels the voucher by id.
private struct VoucherLabelRow: FetchableRecord {
    let organization: String
    let period: Int
    let word: String
    let number: Int?

    init(row: Row) {
        organization = row[0]
        period = row[1]
        word = row[2]
        number = row[3]
    }
}
