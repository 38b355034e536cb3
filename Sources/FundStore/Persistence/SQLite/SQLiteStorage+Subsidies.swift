import FundCore
import GRDB

// Cached statements throughout: the 台账 and the desk's 项目补贴 page ask these of every item.
extension SQLiteStorage: SubsidyStorage {
    func subsidyItem(code: String) throws -> StoredSubsidyItem? {
        try SubsidyItemRow.fetchOne(db.cachedStatement(sql: """
            SELECT s.*, g.code AS grantor, r.code AS recipient FROM subsidy_item s
            JOIN organization g ON g.id = s.grantor_id JOIN organization r ON r.id = s.recipient_id WHERE s.code = ?
            """), arguments: [code])?.stored
    }

    func insertSubsidyItem(_ record: SubsidyItemRecord) throws -> Int64 {
        try record.insert(db)
        return db.lastInsertedRowID
    }

    func approveSubsidyItem(id: Int64, document: String, date: LocalDate) throws {
        try db.execute(sql: "UPDATE subsidy_item SET status = 'approved', document = ?, document_date = ? WHERE id = ?",
                       arguments: [document, date.description, id])
    }

    func setSubsidyStatus(id: Int64, _ status: SubsidyStatus) throws {
        try db.execute(sql: "UPDATE subsidy_item SET status = ? WHERE id = ?", arguments: [status.rawValue, id])
    }

    func subsidyCodes(organizationID: Int64, asRecipient: Bool) throws -> [String] {
        let sql = asRecipient ? "SELECT code FROM subsidy_item WHERE recipient_id = ? ORDER BY code" : "SELECT code FROM subsidy_item WHERE grantor_id = ? ORDER BY code"
        return try String.fetchAll(db.cachedStatement(sql: sql), arguments: [organizationID])
    }

    func subsidyCount(grantorID: Int64, status: SubsidyStatus) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM subsidy_item WHERE grantor_id = ? AND status = ?"),
                         arguments: [grantorID, status.rawValue]) ?? 0
    }

    func subsidyBalances(item: SubsidyItem) throws -> [SubsidyBalance] {
        try summing(organizationID: nil, from: 190001, to: 999912) { try SubsidyBalanceRow.fetchAll(db.cachedStatement(sql: """
            SELECT o.code AS organization, a.code AS account, c.code AS counterpart, sum(b.debit) AS debit, sum(b.credit) AS credit
            FROM balance b JOIN organization o ON o.id = b.organization_id JOIN account a ON a.id = b.account_id
            LEFT JOIN organization c ON c.id = b.counterpart_id
            WHERE b.project = ? AND b.closing = 0 AND o.code IN (?, ?)
            GROUP BY o.code, a.code, c.code
            """), arguments: [item.code, item.grantor, item.recipient]).map(\.balance) }
    }

    func subsidyReturnedFen(code: String) throws -> Int64 {
        try summing(organizationID: nil, from: 190001, to: 999912) { try fetchSum("""
            SELECT coalesce(sum(l.amount), 0) FROM subsidy_voucher s JOIN voucher_line l ON l.voucher_id = s.voucher_id
            JOIN subsidy_item i ON i.id = s.item_id JOIN account a ON a.id = l.account_id
            WHERE i.code = ? AND s.role = 'return' AND s.side = 'recipient' AND a.code = '102'
            """, arguments: [code]) }
    }

    func subsidyLastActivity(item: SubsidyItem) throws -> LocalDate? {
        try DateRow.fetchOne(db.cachedStatement(sql: """
            SELECT max(v.date) AS date FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id JOIN organization o ON o.id = v.organization_id
            WHERE l.project = ? AND v.status = 'posted' AND v.kind <> 'closing' AND o.code IN (?, ?)
            """), arguments: [item.code, item.grantor, item.recipient])?.date
    }

    func subsidyAccruedFen(item: SubsidyItem) throws -> Int64 {
        try summing(organizationID: nil, from: 190001, to: 999912) { try fetchSum("""
            SELECT coalesce(sum(b.credit - b.debit), 0) FROM balance b JOIN account a ON a.id = b.account_id
            JOIN organization o ON o.id = b.organization_id WHERE o.code = ? AND a.code = '21201' AND b.project = ?
            """, arguments: [item.grantor, item.code]) }
    }

    func subsidyFirstPayment(itemID: Int64) throws -> LocalDate? {
        try DateRow.fetchOne(db.cachedStatement(sql: """
            SELECT min(v.date) AS date FROM subsidy_voucher s JOIN voucher v ON v.id = s.voucher_id WHERE s.item_id = ? AND s.role = 'disburse'
            """), arguments: [itemID])?.date
    }

    func subsidyLines(organization: String, project: String) throws -> [LedgerLine] {
        try SubsidyLineRow.fetchAll(db.cachedStatement(sql: """
            SELECT v.id, v.date, v.period, v.word, v.number, v.summary, l.summary AS line_summary, a.code, l.side, l.amount, l.project
            FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id JOIN account a ON a.id = l.account_id
            JOIN organization o ON o.id = v.organization_id
            WHERE o.code = ? AND v.status = 'posted' AND l.project = ? AND v.kind <> 'closing'
            ORDER BY v.date, v.number, l.position
            """), arguments: [organization, project]).map(\.line)
    }

    func appendSubsidyLog(_ entry: SubsidyLogRecord) throws {
        try entry.insert(db)
    }

    func subsidyLog(itemID: Int64) throws -> [SubsidyLogRecord] {
        try SubsidyLogRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM \(SubsidyLogRecord.databaseTableName) WHERE item_id = ? ORDER BY id"),
                                      arguments: [itemID])
    }

    func linkSubsidyVoucher(_ link: SubsidyVoucherRecord) throws {
        try link.insert(db)
    }

}

/// A subsidy item's row with its grantor's and recipient's codes.
private struct SubsidyItemRow: FetchableRecord {
    let stored: StoredSubsidyItem

    init(row: Row) throws {
        let record = try SubsidyItemRecord(row: row)
        guard let id = record.id else { throw row.invalid(SubsidyItemRecord.Columns.id, in: SubsidyItemRecord.databaseTableName) }
        stored = StoredSubsidyItem(id: id, item: record.item(grantor: row["grantor"], recipient: row["recipient"]))
    }
}

/// One account's turnover tagged with an item, in one book, toward one counterpart.
private struct SubsidyBalanceRow: FetchableRecord {
    let balance: SubsidyBalance

    init(row: Row) throws {
        balance = SubsidyBalance(organization: row["organization"], accountCode: row["account"], counterpart: row["counterpart"],
                                 debitFen: try row.sumFen("debit"), creditFen: try row.sumFen("credit"))
    }
}

/// A date chosen by an aggregate (min or max); nil when no row matched.
private struct DateRow: FetchableRecord {
    let date: LocalDate?

    init(row: Row) throws {
        let text: String? = row["date"]
        date = text == nil ? nil : try row.storedDate(Column("date"), in: "voucher")
    }
}

/// A posted line tagged with an item, as the item's ledger shows it; the line's own summary wins
/// over the voucher's.
private struct SubsidyLineRow: FetchableRecord {
    let line: LedgerLine

    init(row: Row) throws {
        let table = "voucher"
        let lineSummary: String = row["line_summary"]
        let number: Int? = row["number"]
        guard let number else { throw row.invalid(Column("number"), in: table) }
        line = LedgerLine(date: try row.storedDate(Column("date"), in: table),
                          ref: VoucherRef(period: try row.storedPeriod(Column("period"), in: table), word: row["word"], number: number),
                          summary: lineSummary.isEmpty ? row["summary"] : lineSummary, accountCode: row["code"],
                          side: try row.stored(Column("side"), in: "voucher_line"), amountFen: row["amount"], project: row["project"])
    }
}
