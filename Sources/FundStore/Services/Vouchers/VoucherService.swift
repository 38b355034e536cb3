import FundCore
import GRDB

/// Vouchers (记账凭证) through their life: prepared as drafts, reviewed by someone other than
/// their preparer, posted with the month's next number, deleted while drafts, reversed by red ink;
/// and read back by id, by reference and by organisation.
public struct VoucherService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Records a draft voucher (未审核). The book numbers it when it is posted.
    @discardableResult
    public func addVoucher(_ draft: VoucherDraft) throws -> Voucher {
        try write { db in
            try authorize(db, .writeBooks, organization: draft.organization)
            var context = PostingContext()
            let id = try SQLiteBook.insertDraft(db, draft, context: &context, importID: nil)
            return try SQLiteBook.fetchVoucher(db, id: id)
        }
    }

    /// Marks a draft as reviewed (审核) by someone other than its preparer.
    @discardableResult
    public func reviewVoucher(id: Int64, reviewer: String) throws -> Voucher {
        try write { db in
            let voucher = try SQLiteBook.fetchVoucher(db, id: id)
            try authorize(db, .writeBooks, organization: voucher.draft.organization)
            guard voucher.status == .draft else { throw BookError.wrongStatus(voucher: voucher.label, status: voucher.status, act: "reviewed") }
            if reviewer == voucher.draft.preparer {
                throw BookError.voucherProblems(voucher: voucher.label, problems: [
                    VoucherProblem(.reviewerIsPreparer, "\(reviewer) prepared this voucher and cannot also review it; another person must review it (审核)")])
            }
            try db.execute(sql: "UPDATE voucher SET status = 'reviewed', reviewer = ? WHERE id = ?", arguments: [reviewer, id])
            return try SQLiteBook.fetchVoucher(db, id: id)
        }
    }

    /// Posts a reviewed voucher (记账): gives it the next number of its month and adds its lines to
    /// the balances, all in one transaction.
    @discardableResult
    public func postVoucher(id: Int64, bookkeeper: String) throws -> Voucher {
        try write { db in
            let voucher = try SQLiteBook.fetchVoucher(db, id: id)
            try authorize(db, .writeBooks, organization: voucher.draft.organization)
            guard voucher.status == .reviewed else {
                throw BookError.wrongStatus(voucher: voucher.label, status: voucher.status,
                                            act: voucher.status == .draft ? "posted before it is reviewed (run `voucher review` first)" : "posted again")
            }
            try SQLiteBook.post(db, voucher: voucher, bookkeeper: bookkeeper, requestedNumber: voucher.draft.number)
            return try SQLiteBook.fetchVoucher(db, id: id)
        }
    }

    /// Deletes a voucher that is not yet posted. Posted vouchers are never deleted.
    public func deleteDraft(id: Int64) throws {
        try write { db in
            let voucher = try SQLiteBook.fetchVoucher(db, id: id)
            try authorize(db, .writeBooks, organization: voucher.draft.organization)
            guard voucher.status != .posted else { throw BookError.wrongStatus(voucher: voucher.label, status: .posted, act: "deleted; reverse it with red ink instead") }
            try db.execute(sql: "DELETE FROM voucher WHERE id = ?", arguments: [id])
        }
    }

    /// Writes the red-ink voucher (红字冲销) that cancels a posted voucher: the original's lines
    /// with negated amounts on the same sides, linked to the original, as a draft to review and post.
    @discardableResult
    public func reverseVoucher(id: Int64, date: LocalDate, preparer: String, summary: String? = nil) throws -> Voucher {
        try write { db in
            let original = try SQLiteBook.fetchVoucher(db, id: id)
            try authorize(db, .writeBooks, organization: original.draft.organization)
            guard original.status == .posted, let ref = original.ref else {
                throw BookError.wrongStatus(voucher: original.label, status: original.status, act: "reversed; only posted vouchers are reversed, a draft is corrected or deleted")
            }
            let text = summary ?? "注销\(original.draft.date.month)月\(original.draft.date.day)日\(ref.chinese)凭证"
            let draft = VoucherDraft(organization: original.draft.organization, date: date, word: original.draft.word,
                                     summary: text, attachments: 0, preparer: preparer, reverses: ref,
                                     kind: original.draft.kind, lines: original.draft.lines.map { $0.reversed() })
            var context = PostingContext()
            let newID = try SQLiteBook.insertDraft(db, draft, context: &context, importID: nil)
            return try SQLiteBook.fetchVoucher(db, id: newID)
        }
    }

    public func voucher(id: Int64) throws -> Voucher {
        try read { db in
            let voucher = try SQLiteBook.fetchVoucher(db, id: id)
            try authorize(db, .read, organization: voucher.draft.organization)
            return voucher
        }
    }

    /// Finds a voucher by organisation and number (2026-03/记-0007) or by "#id".
    public func voucher(organization: String, reference: String) throws -> Voucher {
        try read { db in
            try authorize(db, .read, organization: organization)
            if reference.hasPrefix("#"), let id = Int64(reference.dropFirst()) {
                let voucher = try SQLiteBook.fetchVoucher(db, id: id)
            try authorize(db, .writeBooks, organization: voucher.draft.organization)
                guard voucher.draft.organization == organization else { throw BookError.voucherNotFound("\(organization) \(reference)") }
                return voucher
            }
            if let id = Int64(reference) { return try SQLiteBook.fetchVoucher(db, id: id) }
            guard let ref = VoucherRef(parsing: reference) else { throw BookError.voucherNotFound("\(organization) \(reference)") }
            let organizationID = try SQLiteBook.organizationID(db, organization)
            guard let id = try SQLiteBook.postedID(db, organizationID: organizationID, ref: ref) else {
                throw BookError.voucherNotFound("\(organization) \(ref)")
            }
            return try SQLiteBook.fetchVoucher(db, id: id)
        }
    }

    /// The organisation's vouchers, optionally of one month, in number order (drafts last).
    public func vouchers(organization: String, period: Period? = nil) throws -> [Voucher] {
        try read { db in
            try authorize(db, .read, organization: organization)
            let organizationID = try SQLiteBook.organizationID(db, organization)
            var sql = "SELECT id FROM voucher WHERE organization_id = ?"
            var arguments: StatementArguments = [organizationID]
            if let period {
                sql += " AND period = ?"
                _ = arguments.append(contentsOf: [period.key])
            }
            sql += " ORDER BY period, word, number IS NULL, number, id"
            return try Int64.fetchAll(db, sql: sql, arguments: arguments).map { try SQLiteBook.fetchVoucher(db, id: $0) }
        }
    }
}

extension Session {
    /// This session's VoucherService.
    public var vouchers: VoucherService { VoucherService(session: self) }
}
