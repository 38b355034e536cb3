import FundCore
import GRDB

/// Caches what posting many vouchers needs: organisation ids and charts. Organisations without
/// detail accounts of their own share their standard chart, so the cache grows with the number
/// of charts, not of organisations.
struct PostingContext {
    typealias Entry = (id: Int64, chart: Chart, accountIDs: [String: Int64])
    private var organizations: [String: (id: Int64, kind: ChartKind, ownDetails: Bool)] = [:]
    private var standard: [ChartKind: (chart: Chart, accountIDs: [String: Int64])] = [:]
    private var detailed: [String: Entry] = [:]
    private var counterpartIDs: [String: Int64] = [:]
    private var subsidies: [String: SubsidyItem?] = [:]
    /// Asked once for each organisation whose books the context writes (an import checks the
    /// user's roles this way); nil when the caller checked already.
    var authorize: ((Database, String) throws -> Void)?
    /// The draft as `insertDraft` last inserted it (after red ink and counterparts were resolved),
    /// so that an import can seal and post it without reading it back.
    var inserted: (id: Int64, organizationID: Int64, draft: VoucherDraft, reversesID: Int64?, accountIDs: [String: Int64], counterparts: [Int64?])?

    // An import's caches, valid for the length of its transaction, in which nothing else writes.
    /// Closed months per organisation.
    private var closed: [Int64: Set<Int>] = [:]
    /// The next number of each series (organisation, month, word).
    var nextNumbers: [SeriesKey: Int] = [:]
    /// The head of each organisation's seal chain.
    var sealHeads: [Int64: (seq: Int64, hash: String)] = [:]
    /// Whether an organisation refuses postings over budget.
    var refusesOverBudget: [Int64: Bool] = [:]
    /// Turnovers not yet added to the balance table, by the table's key; flushed when they reach
    /// `maximumPending` keys, so that memory stays flat whatever the size of the import.
    var pending: [BalanceKey: (debit: Int64, credit: Int64)] = [:]
    static let maximumPending = 50_000

    struct SeriesKey: Hashable {
        let organizationID: Int64
        let period: Int
        let word: String
    }

    struct BalanceKey: Hashable {
        let organizationID: Int64
        let accountID: Int64
        let period: Int
        let project: String
        let source: String
        let closing: Bool
        let expense: String
        let counterpartID: Int64
    }

    mutating func isClosed(_ db: Database, organizationID: Int64, period: Period) throws -> Bool {
        if let months = closed[organizationID] { return months.contains(period.key) }
        let months = Set(try Int.fetchAll(db.cachedStatement(sql: "SELECT period FROM period_close WHERE organization_id = ?"), arguments: [organizationID]))
        closed[organizationID] = months
        return months.contains(period.key)
    }

    /// Adds the pending turnovers to the balance table. Called before anything reads it.
    mutating func flush(_ db: Database) throws {
        guard !pending.isEmpty else { return }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO balance (organization_id, account_id, period, project, source, closing, expense, counterpart_id, debit, credit)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (organization_id, period, account_id, project, source, closing, expense, counterpart_id)
            DO UPDATE SET debit = debit + excluded.debit, credit = credit + excluded.credit
            """)
        for (key, sums) in pending {
            try upsert.execute(arguments: [key.organizationID, key.accountID, key.period, key.project, key.source, key.closing,
                                           key.expense, key.counterpartID, sums.debit, sums.credit])
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// The subsidy item whose code a line's project names, if any.
    mutating func subsidy(_ db: Database, _ code: String) throws -> SubsidyItem? {
        if let cached = subsidies[code] { return cached }
        let exists = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM subsidy_item WHERE code = ?"), arguments: [code])! > 0
        let item = exists ? try Book.subsidyItem(db, code: code).1 : nil
        subsidies[code] = item
        return item
    }

    mutating func organization(_ db: Database, _ code: String) throws -> Entry {
        if let entry = detailed[code] { return entry }
        if organizations[code] == nil, let authorize { try authorize(db, code) }
        if let known = organizations[code], !known.ownDetails, let shared = standard[known.kind] {
            return (known.id, shared.chart, shared.accountIDs)
        }
        guard let row = try Row.fetchOne(db, sql: """
            SELECT o.id, o.chart, EXISTS (SELECT 1 FROM account a WHERE a.organization_id = o.id) AS own
            FROM organization o WHERE o.code = ?
            """, arguments: [code]) else { throw BookError.unknownOrganization(code) }
        let id: Int64 = row["id"], kind = ChartKind(rawValue: row["chart"])!, own: Bool = row["own"]
        organizations[code] = (id, kind, own)
        let (chart, ids) = try Book.chart(db, organization: code)
        if own {
            detailed[code] = (id, chart, ids)
        } else if standard[kind] == nil {
            standard[kind] = (chart, ids)
        }
        return (id, chart, ids)
    }

    mutating func counterpartID(_ db: Database, _ code: String) throws -> Int64 {
        if let id = counterpartIDs[code] { return id }
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM organization WHERE code = ?", arguments: [code]) else {
            throw BookError.unknownCounterpart(code)
        }
        counterpartIDs[code] = id
        return id
    }
}

extension Book {
    /// Records a draft voucher (未审核). The book numbers it when it is posted.
    @discardableResult
    public func addVoucher(_ draft: VoucherDraft) throws -> Voucher {
        try write { db in
            try authorize(db, .writeBooks, organization: draft.organization)
            var context = PostingContext()
            let id = try Book.insertDraft(db, draft, context: &context, importID: nil)
            return try Book.fetchVoucher(db, id: id)
        }
    }

    /// Marks a draft as reviewed (审核) by someone other than its preparer.
    @discardableResult
    public func reviewVoucher(id: Int64, reviewer: String) throws -> Voucher {
        try write { db in
            let voucher = try Book.fetchVoucher(db, id: id)
            try authorize(db, .writeBooks, organization: voucher.draft.organization)
            guard voucher.status == .draft else { throw BookError.wrongStatus(voucher: voucher.label, status: voucher.status, act: "reviewed") }
            if reviewer == voucher.draft.preparer {
                throw BookError.voucherProblems(voucher: voucher.label, problems: [
                    VoucherProblem(.reviewerIsPreparer, "\(reviewer) prepared this voucher and cannot also review it; another person must review it (审核)")])
            }
            try db.execute(sql: "UPDATE voucher SET status = 'reviewed', reviewer = ? WHERE id = ?", arguments: [reviewer, id])
            return try Book.fetchVoucher(db, id: id)
        }
    }

    /// Posts a reviewed voucher (记账): gives it the next number of its month and adds its lines to
    /// the balances, all in one transaction.
    @discardableResult
    public func postVoucher(id: Int64, bookkeeper: String) throws -> Voucher {
        try write { db in
            let voucher = try Book.fetchVoucher(db, id: id)
            try authorize(db, .writeBooks, organization: voucher.draft.organization)
            guard voucher.status == .reviewed else {
                throw BookError.wrongStatus(voucher: voucher.label, status: voucher.status,
                                            act: voucher.status == .draft ? "posted before it is reviewed (run `voucher review` first)" : "posted again")
            }
            try Book.post(db, voucher: voucher, bookkeeper: bookkeeper, requestedNumber: voucher.draft.number)
            return try Book.fetchVoucher(db, id: id)
        }
    }

    /// Deletes a voucher that is not yet posted. Posted vouchers are never deleted.
    public func deleteDraft(id: Int64) throws {
        try write { db in
            let voucher = try Book.fetchVoucher(db, id: id)
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
            let original = try Book.fetchVoucher(db, id: id)
            try authorize(db, .writeBooks, organization: original.draft.organization)
            guard original.status == .posted, let ref = original.ref else {
                throw BookError.wrongStatus(voucher: original.label, status: original.status, act: "reversed; only posted vouchers are reversed, a draft is corrected or deleted")
            }
            let text = summary ?? "注销\(original.draft.date.month)月\(original.draft.date.day)日\(ref.chinese)凭证"
            let draft = VoucherDraft(organization: original.draft.organization, date: date, word: original.draft.word,
                                     summary: text, attachments: 0, preparer: preparer, reverses: ref,
                                     kind: original.draft.kind, lines: original.draft.lines.map { $0.reversed() })
            var context = PostingContext()
            let newID = try Book.insertDraft(db, draft, context: &context, importID: nil)
            return try Book.fetchVoucher(db, id: newID)
        }
    }

    public func voucher(id: Int64) throws -> Voucher {
        try read { db in
            let voucher = try Book.fetchVoucher(db, id: id)
            try authorize(db, .read, organization: voucher.draft.organization)
            return voucher
        }
    }

    /// Finds a voucher by organisation and number (2026-03/记-0007) or by "#id".
    public func voucher(organization: String, reference: String) throws -> Voucher {
        try read { db in
            try authorize(db, .read, organization: organization)
            if reference.hasPrefix("#"), let id = Int64(reference.dropFirst()) {
                let voucher = try Book.fetchVoucher(db, id: id)
            try authorize(db, .writeBooks, organization: voucher.draft.organization)
                guard voucher.draft.organization == organization else { throw BookError.voucherNotFound("\(organization) \(reference)") }
                return voucher
            }
            if let id = Int64(reference) { return try Book.fetchVoucher(db, id: id) }
            guard let ref = VoucherRef(parsing: reference) else { throw BookError.voucherNotFound("\(organization) \(reference)") }
            let organizationID = try Book.organizationID(db, organization)
            guard let id = try Book.postedID(db, organizationID: organizationID, ref: ref) else {
                throw BookError.voucherNotFound("\(organization) \(ref)")
            }
            return try Book.fetchVoucher(db, id: id)
        }
    }

    /// The organisation's vouchers, optionally of one month, in number order (drafts last).
    public func vouchers(organization: String, period: Period? = nil) throws -> [Voucher] {
        try read { db in
            try authorize(db, .read, organization: organization)
            let organizationID = try Book.organizationID(db, organization)
            var sql = "SELECT id FROM voucher WHERE organization_id = ?"
            var arguments: StatementArguments = [organizationID]
            if let period {
                sql += " AND period = ?"
                _ = arguments.append(contentsOf: [period.key])
            }
            sql += " ORDER BY period, word, number IS NULL, number, id"
            return try Int64.fetchAll(db, sql: sql, arguments: arguments).map { try Book.fetchVoucher(db, id: $0) }
        }
    }

    static func postedID(_ db: Database, organizationID: Int64, ref: VoucherRef) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT id FROM voucher WHERE organization_id = ? AND period = ? AND word = ? AND number = ? AND status = 'posted'
            """, arguments: [organizationID, ref.period.key, ref.word, ref.number])
    }
}
