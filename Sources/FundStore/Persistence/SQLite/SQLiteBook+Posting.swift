import Foundation
import FundCore
import GRDB

extension SQLiteBook {
    /// Validates a draft against the rules and the book, then inserts it with its lines.
    /// A red-ink draft is matched line by line against the voucher it reverses.
    static func insertDraft(_ db: Database, _ input: VoucherDraft, context: inout PostingContext, importID: Int64?) throws -> Int64 {
        var draft = input
        let organization = try context.organization(db, draft.organization)
        var problems: [VoucherProblem] = []
        var reversesID: Int64?
        let label = draft.organization + " " + (draft.number.map { VoucherRef(period: draft.period, word: draft.word, number: $0).description }
                                                 ?? draft.date.description + " " + draft.summary.prefix(20))
        if let ref = draft.reverses {
            guard let originalID = try postedID(db, organizationID: organization.id, ref: ref) else {
                throw BookError.voucherProblems(voucher: label, problems: [VoucherProblem(.reversesNothing,
                    "it reverses \(ref), but \(draft.organization) has no posted voucher \(ref); check the number in reverses:")])
            }
            let original = try fetchVoucher(db, id: originalID)
            if original.reversesID != nil { throw BookError.cannotReverseRedInk(voucher: original.label) }
            if let by = original.reversedByID { throw BookError.alreadyReversed(voucher: original.label, by: try fetchVoucher(db, id: by).label) }
            if draft.date < original.draft.date { throw BookError.reversalBeforeOriginal(voucher: original.label, date: draft.date) }
            let lines = original.draft.lines
            if lines.count != draft.lines.count {
                problems.append(VoucherProblem(.reversalMismatch, "it has \(draft.lines.count) lines but \(ref) has \(lines.count); a red-ink voucher repeats every line of the original with the amount negated"))
            } else {
                for (index, (line, originalLine)) in zip(draft.lines, lines).enumerated()
                where line.accountCode != originalLine.accountCode || line.signedFen != -originalLine.signedFen {
                    problems.append(VoucherProblem(.reversalMismatch, line: index, "line \(index + 1) should cancel line \(index + 1) of \(ref), which is \(originalLine.accountCode) \(Money(fen: originalLine.signedFen)); write it as \(originalLine.accountCode) \(Money(fen: -originalLine.signedFen))"))
                }
            }
            if problems.isEmpty { draft.lines = lines.map { $0.reversed() } }
            // A reversal belongs where its original does: a cancelled carry-forward is still one.
            draft.kind = original.draft.kind
            reversesID = originalID
        }
        if problems.isEmpty { problems = VoucherRules.check(draft, chart: organization.chart) }
        var counterparts: [Int64?] = []
        for (index, line) in draft.lines.enumerated() {
            guard let code = line.dimensions.counterpart else { counterparts.append(nil); continue }
            do { counterparts.append(try context.counterpartID(db, code)) } catch {
                counterparts.append(nil)
                problems.append(VoucherProblem(.unknownCounterpart, line: index, "line \(index + 1) names the counterpart organisation \(code), which is not in the book; add it or correct counterpart:"))
            }
        }
        problems += try subsidyProblems(db, draft, context: &context)
        if try context.isClosed(db, organizationID: organization.id, period: draft.period) {
            problems.append(VoucherProblem(.periodClosed, "\(draft.organization) has closed \(draft.period) (已结账); date the voucher in an open month or reopen \(draft.period)"))
        }
        if !problems.isEmpty { throw BookError.voucherProblems(voucher: label, problems: problems) }

        try db.cachedStatement(sql: """
            INSERT INTO voucher (organization_id, date, period, word, summary, attachments, preparer, reviewer, status, kind, reverses_id, import_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)
            """).execute(arguments: [organization.id, draft.date.description, draft.period.key, draft.word, draft.summary, draft.attachments,
                                     draft.preparer, draft.reviewer, draft.kind.rawValue, reversesID, importID, Store.now()])
        let voucherID = db.lastInsertedRowID
        let statement = try db.cachedStatement(sql: """
            INSERT INTO voucher_line (voucher_id, position, account_id, side, amount, summary, project, expense_type, econ, counterpart_id, fund_source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (index, line) in draft.lines.enumerated() {
            let d = line.dimensions
            try statement.execute(arguments: [voucherID, index + 1, organization.accountIDs[line.accountCode]!, line.side.rawValue,
                                              line.amount.fen, line.summary, d.project, d.expenseType?.rawValue, d.economicClass,
                                              counterparts[index], d.fundSource?.rawValue])
        }
        context.inserted = (voucherID, organization.id, draft, reversesID, organization.accountIDs, counterparts)
        return voucherID
    }

    /// 专款专用: a line tagged with a subsidy item is refused at the recipient when its account is
    /// outside the item's purpose, when it falls outside the spending window, or when it would
    /// take spending above what was received; and in either book once the item is settled.
    static func subsidyProblems(_ db: Database, _ draft: VoucherDraft, context: inout PostingContext) throws -> [VoucherProblem] {
        // Red ink cancels what was posted; closing vouchers carry posted balances forward by rule.
        guard !draft.isRedInk, draft.kind == .entry else { return [] }
        var problems: [VoucherProblem] = []
        var thisVoucher: [String: Int64] = [:]
        var paying: [String: Int64] = [:]
        for (index, line) in draft.lines.enumerated() {
            guard let code = line.dimensions.project, let item = try context.subsidy(db, code) else { continue }
            guard draft.organization == item.recipient || draft.organization == item.grantor else { continue }
            if item.status == .settled {
                problems.append(VoucherProblem(.subsidySettled, line: index, "line \(index + 1) is tagged with subsidy item \(code) (\(item.title)), which is settled (已结项) and takes no more postings"))
                continue
            }
            if draft.organization == item.grantor, line.accountCode.hasPrefix("508"), line.side == .debit {
                if item.status == .applied {
                    problems.append(VoucherProblem(.subsidyNotApproved, line: index, "line \(index + 1) pays subsidy item \(code) (\(item.title)), which is not approved yet; approve it first (`fundledger subsidy approve`)"))
                } else {
                    paying[code, default: 0] += line.amount.fen
                }
                continue
            }
            guard draft.organization == item.recipient, AccountCategory(code: line.accountCode) == .expenditure else { continue }
            if !item.allows(account: line.accountCode) {
                problems.append(VoucherProblem(.subsidyPurpose, line: index, "line \(index + 1) spends subsidy item \(code) (\(item.title)) on \(line.accountCode), outside its purpose (专款专用): it may be spent only on \(item.accounts.joined(separator: ", ")); post it to one of those accounts or without the project tag"))
            }
            if !item.inWindow(draft.date) {
                problems.append(VoucherProblem(.subsidyWindow, line: index, "line \(index + 1) spends subsidy item \(code) on \(draft.date), outside its spending window \(item.windowStart) to \(item.deadline)"))
            }
            thisVoucher[code, default: 0] += line.signedFen
        }
        // The figures below read the balance table: an import's pending turnovers go in first.
        if !paying.isEmpty || thisVoucher.contains(where: { $0.value > 0 }) { try context.flush(db) }
        for (code, amount) in paying.sorted(by: { $0.key < $1.key }) {
            let item = try context.subsidy(db, code)!
            let figures = try subsidyFigures(db, item: item)
            if figures.disbursed + amount > item.approved.fen {
                problems.append(VoucherProblem(.subsidyOverApproved, "the voucher pays \(Money(fen: amount).grouped) of subsidy item \(code) (\(item.title)), taking it to \(Money(fen: figures.disbursed + amount).grouped), over the approved \(item.approved.grouped)"))
            }
        }
        for (code, amount) in thisVoucher.sorted(by: { $0.key < $1.key }) where amount > 0 {
            let item = try context.subsidy(db, code)!
            let figures = try subsidyFigures(db, item: item)
            let available = figures.received - figures.returned
            if figures.spent + amount > available {
                problems.append(VoucherProblem(.subsidyOverspent, "the voucher spends \(Money(fen: amount).grouped) of subsidy item \(code) (\(item.title)), but only \(Money(fen: max(0, available - figures.spent)).grouped) of the \(Money(fen: available).grouped) received is left; spend no more than was received"))
            }
        }
        return problems
    }

    /// Posts a voucher that passed review: checks the month is open and the number continues
    /// it, then adds every line to the turnover balances in the same transaction.
    static func post(_ db: Database, voucher: Voucher, bookkeeper: String, requestedNumber: Int?) throws {
        let organizationID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT organization_id FROM voucher WHERE id = ?"), arguments: [voucher.id])!
        let period = voucher.draft.period
        if try isClosed(db, organizationID: organizationID, period: period) {
            throw BookError.periodClosed(organization: voucher.draft.organization, period: period)
        }
        let next = try nextNumber(db, organizationID: organizationID, period: period, word: voucher.draft.word)
        try checkRequested(requestedNumber, next: next, draft: voucher.draft)
        try db.cachedStatement(sql: "UPDATE voucher SET status = 'posted', number = ?, bookkeeper = ?, posted_at = ? WHERE id = ?")
            .execute(arguments: [next, bookkeeper, Store.now(), voucher.id])
        // Closing vouchers (and their reversals) are kept apart so that reports of a year's
        // activity can leave out the carry-forward while balances include it.
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO balance (organization_id, account_id, period, project, source, closing, expense, counterpart_id, debit, credit)
            SELECT ?, l.account_id, ?, coalesce(l.project, ''), coalesce(l.fund_source, ''), v.kind = 'closing',
                   coalesce(l.expense_type, ''), coalesce(l.counterpart_id, 0),
                   CASE l.side WHEN 'D' THEN l.amount ELSE 0 END, CASE l.side WHEN 'C' THEN l.amount ELSE 0 END
            FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id WHERE l.voucher_id = ? AND true
            ON CONFLICT (organization_id, period, account_id, project, source, closing, expense, counterpart_id)
            DO UPDATE SET debit = debit + excluded.debit, credit = credit + excluded.credit
            """)
        try upsert.execute(arguments: [organizationID, period.key, voucher.id])
        try seal(db, voucherID: voucher.id)
        try markSubsidiesPaid(db, organizationID: organizationID, voucherID: voucher.id)
        if voucher.draft.kind == .entry,
           try String.fetchOne(db.cachedStatement(sql: "SELECT budget_control FROM organization WHERE id = ?"), arguments: [organizationID]) == "refuse" {
            let overruns = try budgetOverruns(db, voucher: voucher)
            if !overruns.isEmpty { throw BookError.budgetOverrun(voucher: voucher.label, overruns: overruns) }
        }
    }

    /// Posts the voucher `insertDraft` just inserted, for an import: the same checks and the same
    /// rows as `post`, with what `post` queries for each voucher (closed months, the next
    /// number, the seal chain's head, the budget mode) kept in the context, the seal computed from
    /// the draft in memory, and the turnovers added to the balance table in one pass at the end
    /// (or before anything reads it).
    static func postInserted(_ db: Database, bookkeeper: String, requestedNumber: Int?, context: inout PostingContext) throws {
        let inserted = context.inserted!
        let draft = inserted.draft, organizationID = inserted.organizationID, period = draft.period
        if try context.isClosed(db, organizationID: organizationID, period: period) {
            throw BookError.periodClosed(organization: draft.organization, period: period)
        }
        let series = PostingContext.SeriesKey(organizationID: organizationID, period: period.key, word: draft.word)
        let next = try context.nextNumbers[series] ?? nextNumber(db, organizationID: organizationID, period: period, word: draft.word)
        try checkRequested(requestedNumber, next: next, draft: draft)
        let postedAt = Store.now()
        try db.cachedStatement(sql: "UPDATE voucher SET status = 'posted', number = ?, bookkeeper = ?, posted_at = ? WHERE id = ?")
            .execute(arguments: [next, bookkeeper, postedAt, inserted.id])
        context.nextNumbers[series] = next + 1
        let closing = draft.kind == .closing
        let fields: [DatabaseValue] = [draft.organization.databaseValue, inserted.id.databaseValue, draft.date.description.databaseValue,
                                       period.key.databaseValue, draft.word.databaseValue, next.databaseValue, draft.summary.databaseValue,
                                       draft.attachments.databaseValue, draft.preparer.databaseValue, draft.reviewer.databaseValue,
                                       bookkeeper.databaseValue, "posted".databaseValue, draft.kind.rawValue.databaseValue,
                                       inserted.reversesID.databaseValue, postedAt.databaseValue]
        var lines: [[DatabaseValue]] = []
        lines.reserveCapacity(draft.lines.count)
        var pays = false
        for (index, line) in draft.lines.enumerated() {
            let d = line.dimensions
            let accountID = inserted.accountIDs[line.accountCode]!
            let key = PostingContext.BalanceKey(organizationID: organizationID, accountID: accountID, period: period.key, project: d.project ?? "",
                                                source: d.fundSource?.rawValue ?? "", closing: closing, expense: d.expenseType?.rawValue ?? "",
                                                counterpartID: inserted.counterparts[index] ?? 0)
            var sums = context.pending[key] ?? (0, 0)
            if line.side == .debit { sums.debit += line.amount.fen } else { sums.credit += line.amount.fen }
            context.pending[key] = sums
            if line.side == .debit, line.amount.fen > 0, d.project != nil, line.accountCode.hasPrefix("508") { pays = true }
            lines.append([(index + 1).databaseValue, line.accountCode.databaseValue, line.side.rawValue.databaseValue, line.amount.fen.databaseValue,
                          line.summary.databaseValue, d.project.databaseValue, d.expenseType?.rawValue.databaseValue ?? .null,
                          d.economicClass.databaseValue, d.counterpart.databaseValue, d.fundSource?.rawValue.databaseValue ?? .null])
        }
        // Bounded memory: a province's import has a million distinct keys.
        if context.pending.count >= PostingContext.maximumPending { try context.flush(db) }
        let head: (seq: Int64, hash: String)
        if let cached = context.sealHeads[organizationID] { head = cached } else { head = try sealHead(db, organizationID: organizationID) }
        let hash = sha256(head.hash, sealText(fields, lines))
        try db.cachedStatement(sql: "INSERT INTO voucher_seal (voucher_id, organization_id, seq, previous, hash) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [inserted.id, organizationID, head.seq + 1, head.hash, hash])
        context.sealHeads[organizationID] = (head.seq + 1, hash)
        if pays {
            try markSubsidiesPaid(db, organizationID: organizationID, voucherID: inserted.id)
        }
        let refuses: Bool
        if let cached = context.refusesOverBudget[organizationID] {
            refuses = cached
        } else {
            refuses = try String.fetchOne(db.cachedStatement(sql: "SELECT budget_control FROM organization WHERE id = ?"), arguments: [organizationID]) == "refuse"
            context.refusesOverBudget[organizationID] = refuses
        }
        if draft.kind == .entry, refuses {
            try context.flush(db)
            let voucher = Voucher(id: inserted.id, draft: draft, status: .posted, number: next, reviewer: draft.reviewer, bookkeeper: bookkeeper,
                                  reversesID: inserted.reversesID, reversedByID: nil)
            let overruns = try budgetOverruns(db, voucher: voucher)
            if !overruns.isEmpty { throw BookError.budgetOverrun(voucher: voucher.label, overruns: overruns) }
        }
    }

    /// The next number of a series. "number IS NOT NULL" is "posted" (a v1 CHECK) in the form
    /// the numbering index answers in one probe.
    static func nextNumber(_ db: Database, organizationID: Int64, period: Period, word: String) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(max(number), 0) + 1 FROM voucher WHERE organization_id = ? AND period = ? AND word = ? AND number IS NOT NULL
            """), arguments: [organizationID, period.key, word])!
    }

    /// A voucher that names its number (an import) must take the next one.
    static func checkRequested(_ requested: Int?, next: Int, draft: VoucherDraft) throws {
        guard let requested, requested != next else { return }
        throw BookError.numberNotNext(organization: draft.organization,
                                      expected: VoucherRef(period: draft.period, word: draft.word, number: next),
                                      found: VoucherRef(period: draft.period, word: draft.word, number: requested))
    }

    /// A grantor's 508 payment of an approved subsidy item, however it was entered, marks it paid.
    static func markSubsidiesPaid(_ db: Database, organizationID: Int64, voucherID: Int64) throws {
        try db.cachedStatement(sql: """
            UPDATE subsidy_item SET status = 'disbursed' WHERE status = 'approved' AND grantor_id = ? AND code IN (
                SELECT l.project FROM voucher_line l JOIN account a ON a.id = l.account_id
                WHERE l.voucher_id = ? AND a.code LIKE '508%' AND l.side = 'D' AND l.amount > 0 AND l.project IS NOT NULL)
            """).execute(arguments: [organizationID, voucherID])
    }

    static func isClosed(_ db: Database, organizationID: Int64, period: Period) throws -> Bool {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM period_close WHERE organization_id = ? AND period = ?"),
                         arguments: [organizationID, period.key])! > 0
    }

    static func fetchVoucher(_ db: Database, id: Int64) throws -> Voucher {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT v.*, o.code AS organization, r.id AS reversed_by
            FROM voucher v JOIN organization o ON o.id = v.organization_id
            LEFT JOIN voucher r ON r.reverses_id = v.id
            WHERE v.id = ?
            """, arguments: [id]) else { throw BookError.voucherNotFound("#\(id)") }
        let lineRows = try Row.fetchAll(db, sql: """
            SELECT a.code, l.side, l.amount, l.summary, l.project, l.expense_type, l.econ, c.code AS counterpart, l.fund_source
            FROM voucher_line l JOIN account a ON a.id = l.account_id LEFT JOIN organization c ON c.id = l.counterpart_id
            WHERE l.voucher_id = ? ORDER BY l.position
            """, arguments: [id])
        let lines = lineRows.map { line in
            VoucherLine(accountCode: line["code"], side: Side(rawValue: line["side"])!, amount: Money(fen: line["amount"]),
                        summary: line["summary"],
                        dimensions: Dimensions(project: line["project"], expenseType: (line["expense_type"] as String?).flatMap(ExpenseType.init(rawValue:)),
                                               economicClass: line["econ"], counterpart: line["counterpart"],
                                               fundSource: (line["fund_source"] as String?).flatMap(FundSource.init(rawValue:))))
        }
        var reverses: VoucherRef?
        let reversesID: Int64? = row["reverses_id"]
        if let reversesID, let original = try Row.fetchOne(db, sql: "SELECT period, word, number FROM voucher WHERE id = ?", arguments: [reversesID]),
           let number: Int = original["number"] {
            reverses = VoucherRef(period: Period(key: original["period"])!, word: original["word"], number: number)
        }
        let draft = VoucherDraft(organization: row["organization"], date: LocalDate(parsing: row["date"] as String)!, word: row["word"],
                                 number: row["number"], summary: row["summary"], attachments: row["attachments"],
                                 preparer: row["preparer"], reviewer: row["reviewer"], reverses: reverses,
                                 kind: VoucherKind(rawValue: row["kind"])!, lines: lines)
        return Voucher(id: id, draft: draft, status: VoucherStatus(rawValue: row["status"])!, number: row["number"],
                       reviewer: row["reviewer"], bookkeeper: row["bookkeeper"], reversesID: reversesID, reversedByID: row["reversed_by"])
    }
}
