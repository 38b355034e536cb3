import Foundation
import FundCore
import GRDB

extension SQLiteBook {
    static func insertSubsidy(_ db: Database, _ item: SubsidyItem, by user: String) throws {
        do throws(SubsidyError) { try item.validate() } catch { throw BookError.subsidy(error.description) }
        let grantor = try SQLiteBook.organizationID(db, item.grantor), recipient = try SQLiteBook.organizationID(db, item.recipient)
        if try Int.fetchOne(db, sql: "SELECT count(*) FROM subsidy_item WHERE code = ?", arguments: [item.code])! > 0 {
            throw BookError.subsidy("subsidy item \(item.code) already exists; choose another code")
        }
        let status: SubsidyStatus = item.document != nil ? .approved : .applied
        try db.execute(sql: """
            INSERT INTO subsidy_item (code, grantor_id, recipient_id, title, purpose, accounts, approved, document, document_date,
                                      window_start, deadline, status, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [item.code, grantor, recipient, item.title, item.purpose, item.accounts.joined(separator: " "), item.approved.fen,
                             item.document, item.documentDate?.description, item.windowStart.description, item.deadline.description,
                             status.rawValue, Store.now(), user])
        try logSubsidy(db, db.lastInsertedRowID, user, status == .approved ? "approve" : "apply", "\(item.approved) \(item.document ?? "")")
    }

    /// Posts the two vouchers of one act on an item (one in each book) and links them to it.
    static func postPair(_ db: Database, item id: Int64, role: String, _ vouchers: [(VoucherDraft, String)], bookkeeper: String) throws -> [VoucherRef] {
        var context = PostingContext()
        return try vouchers.map { draft, side in
            let voucherID = try insertDraft(db, draft, context: &context, importID: nil)
            try post(db, voucher: try fetchVoucher(db, id: voucherID), bookkeeper: bookkeeper, requestedNumber: nil)
            try db.execute(sql: "INSERT INTO subsidy_voucher (item_id, voucher_id, role, side) VALUES (?, ?, ?, ?)", arguments: [id, voucherID, role, side])
            return try fetchVoucher(db, id: voucherID).ref!
        }
    }

    /// What the grantor owes the recipient on 21201 for the item.
    static func accruedOutstanding(_ db: Database, item: SubsidyItem) throws -> Int64 {
        try Int64.fetchOne(db, sql: """
            SELECT coalesce(sum(b.credit - b.debit), 0) FROM balance b JOIN account a ON a.id = b.account_id
            JOIN organization o ON o.id = b.organization_id WHERE o.code = ? AND a.code = '21201' AND b.project = ?
            """, arguments: [item.grantor, item.code])!
    }

    static func logSubsidy(_ db: Database, _ id: Int64, _ user: String, _ action: String, _ detail: String) throws {
        try db.execute(sql: "INSERT INTO subsidy_log (item_id, at, by, action, detail) VALUES (?, ?, ?, ?, ?)",
                       arguments: [id, Store.now(), user, action, detail])
    }

    static func subsidyItem(_ db: Database, code: String) throws -> (Int64, SubsidyItem) {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT s.*, g.code AS grantor, r.code AS recipient FROM subsidy_item s
            JOIN organization g ON g.id = s.grantor_id JOIN organization r ON r.id = s.recipient_id WHERE s.code = ?
            """, arguments: [code]) else {
            throw BookError.subsidy("there is no subsidy item \(code); list them with `fundledger subsidy list --org GRANTOR`")
        }
        let accounts: String = row["accounts"]
        return (row["id"], SubsidyItem(code: code, grantor: row["grantor"], recipient: row["recipient"], title: row["title"], purpose: row["purpose"],
                                       accounts: accounts.split(separator: " ").map(String.init), approved: Money(fen: row["approved"]),
                                       document: row["document"], documentDate: (row["document_date"] as String?).flatMap { LocalDate(parsing: $0) },
                                       windowStart: LocalDate(parsing: row["window_start"] as String)!, deadline: LocalDate(parsing: row["deadline"] as String)!,
                                       status: SubsidyStatus(rawValue: row["status"])!))
    }

    /// The item's figures from the aggregates of both books, plus the returns linked to it.
    static func subsidyFigures(_ db: Database, item: SubsidyItem) throws -> SubsidyFigures {
        var figures = SubsidyFigures()
        let rows = try Row.fetchAll(db, sql: """
            SELECT o.code AS organization, a.code AS account, c.code AS counterpart, sum(b.debit) AS debit, sum(b.credit) AS credit
            FROM balance b JOIN organization o ON o.id = b.organization_id JOIN account a ON a.id = b.account_id
            LEFT JOIN organization c ON c.id = b.counterpart_id
            WHERE b.project = ? AND b.closing = 0 AND o.code IN (?, ?)
            GROUP BY o.code, a.code, c.code
            """, arguments: [item.code, item.grantor, item.recipient])
        for row in rows {
            let organization: String = row["organization"], account: String = row["account"]
            let debit: Int64 = row["debit"], credit: Int64 = row["credit"]
            if organization == item.grantor, account.hasPrefix("50802"), (row["counterpart"] as String?) == item.recipient {
                figures.disbursed += debit
            } else if organization == item.recipient, account.hasPrefix("40302") {
                figures.received += credit
            } else if organization == item.recipient, AccountCategory(code: account) == .expenditure {
                figures.spent += debit - credit
                if !item.allows(account: account) { figures.outsidePurpose += debit - credit }
            }
        }
        figures.returned = try Int64.fetchOne(db, sql: """
            SELECT coalesce(sum(l.amount), 0) FROM subsidy_voucher s JOIN voucher_line l ON l.voucher_id = s.voucher_id
            JOIN subsidy_item i ON i.id = s.item_id JOIN account a ON a.id = l.account_id
            WHERE i.code = ? AND s.role = 'return' AND s.side = 'recipient' AND a.code = '102'
            """, arguments: [item.code])!
        // A same-year return debits 40302; `received` counts credits only, so the return is counted
        // once, here.
        figures.lastActivity = try String.fetchOne(db, sql: """
            SELECT max(v.date) FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id JOIN organization o ON o.id = v.organization_id
            WHERE l.project = ? AND v.status = 'posted' AND v.kind <> 'closing' AND o.code IN (?, ?)
            """, arguments: [item.code, item.grantor, item.recipient]).flatMap { LocalDate(parsing: $0) }
        return figures
    }
}
