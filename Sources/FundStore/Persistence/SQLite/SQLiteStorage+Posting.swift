import FundCore
import GRDB

extension SQLiteStorage: PostingStorage {
    func insertDraft(_ input: VoucherDraft, context: inout PostingContext, importID: Int64?) throws -> Int64 {
        let checked = try checkedDraft(input, context: &context)
        let draft = checked.draft
        try db.cachedStatement(sql: """
            INSERT INTO voucher (id, organization_id, date, period, word, summary, attachments, preparer, reviewer, status, kind, reverses_id, import_id, created_at)
            VALUES ((SELECT high + 1 FROM voucher_id_high), ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)
            """).execute(arguments: [checked.organizationID, draft.date.description, draft.period.key, draft.word, draft.summary, draft.attachments,
                                     draft.preparer, draft.reviewer, draft.kind.rawValue, checked.reversesID, importID, Store.now()])
        let voucherID = db.lastInsertedRowID
        try insertLines(of: checked, voucherID: voucherID)
        var target = checked
        target.id = voucherID
        context.inserted = target
        return voucherID
    }

    /// The lines of a checked voucher, with one prepared statement bound through SQLite's C
    /// API (`BoundInsert`), in line order.
    private func insertLines(of target: PostingTarget, voucherID: Int64) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO voucher_line (voucher_id, position, account_id, side, amount, summary, project, expense_type, econ, counterpart_id, fund_source,
                                      basic_class)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (index, line) in target.draft.lines.enumerated() {
            let d = line.dimensions
            var insert = BoundInsert(statement)
            insert.bind(voucherID)
            insert.bind(index + 1)
            insert.bind(target.accountIDs[index])
            insert.bind(line.side.rawValue)
            insert.bind(line.amount.fen)
            insert.bind(line.summary)
            insert.bind(d.project)
            insert.bind(d.expenseType?.rawValue)
            insert.bind(d.economicClass)
            insert.bind(target.counterpartIDs[index])
            insert.bind(d.fundSource?.rawValue)
            insert.bind(d.basicClass?.rawValue)
            try insert.execute()
        }
    }

    /// Checks a draft against the rules and the book (red ink against its original, the
    /// voucher rules of the chart, counterparts, subsidy items, a closed month) and resolves its
    /// row ids, writing nothing. The target's `id` is 0 until the voucher is inserted.
    private func checkedDraft(_ input: VoucherDraft, context: inout PostingContext) throws -> PostingTarget {
        var draft = input
        let organization = try context.organization(db, draft.organization)
        var problems: [VoucherProblem] = []
        var reversesID: Int64?
        let label = draft.organization + " " + (draft.number.map { VoucherRef(period: draft.period, word: draft.word, number: $0).description }
                                                 ?? draft.date.description + " " + draft.summary.prefix(20))
        if let ref = draft.reverses {
            guard let originalID = try postedVoucherID(organizationID: organization.id, ref: ref) else {
                throw BookError.voucherProblems(voucher: label, problems: [VoucherProblem(.reversesNothing,
                    "it reverses \(ref), but \(draft.organization) has no posted voucher \(ref); check the number in reverses:",
                    chinese: "冲销的是 \(ref)，但 \(draft.organization) 没有已记账凭证 \(ref)；请核对 reverses: 中的凭证号")])
            }
            let original = try voucher(id: originalID)
            if original.reversesID != nil { throw BookError.cannotReverseRedInk(voucher: original.label) }
            if let by = original.reversedByID { throw BookError.alreadyReversed(voucher: original.label, by: try voucher(id: by).label) }
            if draft.date < original.draft.date { throw BookError.reversalBeforeOriginal(voucher: original.label, date: draft.date) }
            let lines = original.draft.lines
            if lines.count != draft.lines.count {
                problems.append(VoucherProblem(.reversalMismatch, "it has \(draft.lines.count) lines but \(ref) has \(lines.count); a red-ink voucher repeats every line of the original with the amount negated",
                                               chinese: "本凭证有 \(draft.lines.count) 行，而 \(ref) 有 \(lines.count) 行；红字冲销凭证应逐行照抄原凭证并改为负数"))
            } else {
                for (index, (line, originalLine)) in zip(draft.lines, lines).enumerated()
                where line.accountCode != originalLine.accountCode || line.signedFen != -originalLine.signedFen {
                    problems.append(VoucherProblem(.reversalMismatch, line: index, "line \(index + 1) should cancel line \(index + 1) of \(ref), which is \(originalLine.accountCode) \(Money(fen: originalLine.signedFen)); write it as \(originalLine.accountCode) \(Money(fen: -originalLine.signedFen))",
                                                   chinese: "第 \(index + 1) 行应冲销 \(ref) 的第 \(index + 1) 行，即 \(originalLine.accountCode) \(Money(fen: originalLine.signedFen))；请写作 \(originalLine.accountCode) \(Money(fen: -originalLine.signedFen))"))
                }
            }
            if problems.isEmpty { draft.lines = lines.map { $0.reversed() } }
            // A reversal belongs where its original does: a cancelled carry-forward is still one.
            draft.kind = original.draft.kind
            reversesID = originalID
        }
        if problems.isEmpty { problems = VoucherRules.check(draft, chart: organization.chart) }
        var counterparts: [Int64?] = []
        counterparts.reserveCapacity(draft.lines.count)
        for (index, line) in draft.lines.enumerated() {
            guard let code = line.dimensions.counterpart else { counterparts.append(nil); continue }
            do { counterparts.append(try context.counterpartID(db, code)) } catch {
                counterparts.append(nil)
                problems.append(VoucherProblem(.unknownCounterpart, line: index, "line \(index + 1) names the counterpart organisation \(code), which is not in the book; add it or correct counterpart:",
                                               chinese: "第 \(index + 1) 行的往来单位 \(code) 不在账套中；请先增设该单位，或更正 counterpart: 标签"))
            }
        }
        problems += try subsidyProblems(draft, context: &context)
        if try context.isClosed(db, organizationID: organization.id, period: draft.period) {
            problems.append(VoucherProblem(.periodClosed, "\(draft.organization) has closed \(draft.period) (已结账); date the voucher in an open month or reopen \(draft.period)",
                                           chinese: "\(draft.organization) 的 \(draft.period) 已结账，不能再记账；请把凭证日期改到未结账的月份，或先反结账 \(draft.period)"))
        }
        var accountIDs: [Int64] = []
        accountIDs.reserveCapacity(draft.lines.count)
        if problems.isEmpty {
            // The rules checked every code against this chart; a code without an id is a chart
            // read incompletely, refused rather than trapped on.
            for (index, line) in draft.lines.enumerated() {
                guard let id = organization.accountIDs[line.accountCode] else {
                    problems.append(VoucherProblem(.unknownAccount, line: index, "line \(index + 1) posts to \(line.accountCode), which has no account in the book",
                                                   chinese: "第 \(index + 1) 行记入的科目 \(line.accountCode) 在账套中没有对应科目"))
                    continue
                }
                accountIDs.append(id)
            }
        }
        if !problems.isEmpty { throw BookError.voucherProblems(voucher: label, problems: problems) }
        return PostingTarget(id: 0, organizationID: organization.id, draft: draft, reversesID: reversesID,
                             accountIDs: accountIDs, counterpartIDs: counterparts)
    }

    func importVoucher(_ draft: VoucherDraft, context: inout PostingContext, importID: Int64, bookkeeper: String, requestedNumber: Int?) throws {
        var target = try checkedDraft(draft, context: &context)
        let id: Int64
        if let next = context.nextVoucherID {
            id = next
        } else {
            id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT high + 1 FROM voucher_id_high")) ?? 1
        }
        target.id = id
        // A checked voucher takes its id even when posting refuses it, as a draft inserted
        // before posting did: the refusals that name later vouchers by id stay the same.
        context.nextVoucherID = id + 1
        try apply(target, bookkeeper: bookkeeper, requestedNumber: requestedNumber, context: &context, defersBalances: true, overrunLabel: nil,
                  inserting: importID)
    }

    func post(_ voucher: Voucher, bookkeeper: String, requestedNumber: Int?) throws {
        guard let stored = try PostingVoucherRow.fetchOne(db.cachedStatement(sql: "SELECT organization_id FROM voucher WHERE id = ?"),
                                                          arguments: [voucher.id]) else {
            throw BookError.voucherNotFound(.id(voucher.id))
        }
        let lines = try PostingLineRow.fetchAll(db.cachedStatement(sql: "SELECT account_id, counterpart_id FROM voucher_line WHERE voucher_id = ? ORDER BY position"),
                                                arguments: [voucher.id])
        let target = PostingTarget(id: voucher.id, organizationID: stored.organizationID, draft: voucher.draft, reversesID: voucher.reversesID,
                                   accountIDs: lines.map(\.accountID), counterpartIDs: lines.map(\.counterpartID))
        // A fresh context: what it caches holds only for this one voucher.
        var context = PostingContext()
        try apply(target, bookkeeper: bookkeeper, requestedNumber: requestedNumber, context: &context, defersBalances: false,
                  overrunLabel: voucher.label)
    }

    func postDraft(_ draft: VoucherDraft, context: inout PostingContext, bookkeeper: String) throws -> Int64 {
        let id = try insertDraft(draft, context: &context, importID: nil)
        guard let target = context.inserted else { preconditionFailure("insertDraft leaves what it inserted") }
        var fresh = PostingContext()
        // Named as before it was posted, as a voucher posted by hand is in a budget refusal.
        try apply(target, bookkeeper: bookkeeper, requestedNumber: nil, context: &fresh, defersBalances: false,
                  overrunLabel: target.draft.organization + " #" + String(id))
        return id
    }

    func flushBalances(_ context: inout PostingContext) throws {
        try context.flush(db)
    }

    func postingChart(_ organization: String, context: inout PostingContext) throws -> Chart {
        try context.organization(db, organization).chart
    }

    /// The one posting path: loads the plan's inputs (through the context's caches), asks
    /// `PostingPlan` for the plan, and applies it: the number, the balance changes, the seal,
    /// subsidy items paid, and the budget check of an organisation that refuses overruns.
    /// `overrunLabel` names the voucher in a budget refusal (nil: its posted number).
    ///
    /// With `inserting` (an import's batch id), the voucher is not yet in the book: it is
    /// inserted as posted, with its lines, in this pass (no draft written and updated), for the
    /// batch that `openBulkImport` opened; the set-based checks of `closeBulkImport` stand in
    /// for the posting triggers.
    func apply(_ target: PostingTarget, bookkeeper: String, requestedNumber: Int?, context: inout PostingContext,
               defersBalances: Bool, overrunLabel: String?, inserting importID: Int64? = nil) throws {
        let draft = target.draft, organizationID = target.organizationID, period = draft.period
        let monthClosed = try context.isClosed(db, organizationID: organizationID, period: period)
        let series = PostingContext.SeriesKey(organizationID: organizationID, period: period.key, word: draft.word)
        let next = try context.nextNumbers[series] ?? nextNumber(organizationID: organizationID, period: period, word: draft.word)
        let head = try context.sealHeads[organizationID] ?? sealHead(organizationID: organizationID)
        let postedAt = Store.now()
        let historical = try peopleOnVoucher(target, context: &context, label: overrunLabel ?? draft.organization + " #" + String(target.id))
        let plan: PostingPlan
        do {
            var input = PostingPlan.Input(voucherID: target.id, draft: draft, reversesID: target.reversesID,
                                          requestedNumber: requestedNumber, nextNumber: next, monthClosed: monthClosed,
                                          sealHead: head, bookkeeper: bookkeeper, postedAt: postedAt)
            input.historicalDuties = historical
            plan = try PostingPlan.make(input)
        } catch {
            throw BookError(error)
        }
        try checkCash(target, label: overrunLabel ?? draft.organization + " " + VoucherRef(period: period, word: draft.word, number: plan.number).description,
                      context: &context)
        if let importID {
            var insert = BoundInsert(try db.cachedStatement(sql: """
                INSERT INTO voucher (id, organization_id, date, period, word, number, summary, attachments, preparer, reviewer, bookkeeper,
                                     status, kind, reverses_id, import_id, created_at, posted_at, historical)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'posted', ?, ?, ?, ?, ?, ?)
                """))
            insert.bind(target.id)
            insert.bind(organizationID)
            insert.bind(draft.date.description)
            insert.bind(period.key)
            insert.bind(draft.word)
            insert.bind(plan.number)
            insert.bind(draft.summary)
            insert.bind(draft.attachments)
            insert.bind(draft.preparer)
            insert.bind(draft.reviewer)
            insert.bind(bookkeeper)
            insert.bind(draft.kind.rawValue)
            insert.bind(target.reversesID)
            insert.bind(importID)
            insert.bind(postedAt)
            insert.bind(postedAt)
            insert.bind(VoucherPeople.mark(historical))
            try insert.execute()
            try insertLines(of: target, voucherID: target.id)
        } else {
            try db.cachedStatement(sql: "UPDATE voucher SET status = 'posted', number = ?, bookkeeper = ?, posted_at = ?, historical = ? WHERE id = ?")
                .execute(arguments: [plan.number, bookkeeper, postedAt, VoucherPeople.mark(historical), target.id])
        }
        context.nextNumbers[series] = plan.number + 1
        try context.add(plan.balanceChanges, of: target)
        // Bounded memory: a province's import has a million distinct keys.
        if !defersBalances || context.pending.count >= PostingContext.maximumPending { try context.flush(db) }
        let hash = SealHash.sha256(plan.seal.previous, plan.seal.payload)
        try insertSeal(VoucherSealRecord(voucherID: target.id, organizationID: organizationID, seq: plan.seal.seq, previous: plan.seal.previous, hash: hash,
                                         payloadVersion: plan.seal.version, tag: sealKey?.tag(hash)))
        context.sealHeads[organizationID] = SealHead(seq: plan.seal.seq, hash: hash)
        if plan.paysSubsidy {
            try markSubsidiesPaid(organizationID: organizationID, voucherID: target.id)
        }
        let refuses: Bool
        if let cached = context.refusesOverBudget[organizationID] {
            refuses = cached
        } else {
            refuses = try budgetControlMode(organizationID: organizationID) == .refuse
            context.refusesOverBudget[organizationID] = refuses
        }
        // Only an organisation that refuses overruns pays for the budget's figures here; one that
        // warns hears of them from the command that posted.
        if draft.kind == .entry, refuses {
            try context.flush(db)
            let voucher = Voucher(id: target.id, draft: draft, status: .posted, number: plan.number, reviewer: draft.reviewer, bookkeeper: bookkeeper,
                                  reversesID: target.reversesID, reversedByID: nil)
            if case let .refuse(overruns) = BudgetControl.decide(try budgetOverruns(voucher: voucher), mode: .refuse, kind: draft.kind) {
                throw BookError.budgetOverrun(voucher: overrunLabel ?? voucher.label, overruns: overruns)
            }
        }
    }

    /// The next number of a series. "number IS NOT NULL" is "posted" (a v1 CHECK) in the form
    /// the numbering index answers in one probe.
    func nextNumber(organizationID: Int64, period: Period, word: String) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(max(number), 0) + 1 FROM voucher WHERE organization_id = ? AND period = ? AND word = ? AND number IS NOT NULL
            """), arguments: [organizationID, period.key, word]) ?? 1
    }

    /// A grantor's 508 payment of an approved subsidy item, however it was entered, marks it paid.
    func markSubsidiesPaid(organizationID: Int64, voucherID: Int64) throws {
        try db.cachedStatement(sql: """
            UPDATE subsidy_item SET status = 'disbursed' WHERE status = 'approved' AND grantor_id = ? AND code IN (
                SELECT l.project FROM voucher_line l JOIN account a ON a.id = l.account_id
                WHERE l.voucher_id = ? AND a.code LIKE '508%' AND l.side = 'D' AND l.amount > 0 AND l.project IS NOT NULL)
            """).execute(arguments: [organizationID, voucherID])
    }
}

/// The organisation of a voucher about to be posted.
private struct PostingVoucherRow: FetchableRecord {
    let organizationID: Int64

    init(row: Row) { organizationID = row[0] }
}

/// The row ids of a voucher line about to be posted.
private struct PostingLineRow: FetchableRecord {
    let accountID: Int64
    let counterpartID: Int64?

    init(row: Row) {
        accountID = row[0]
        counterpartID = row[1]
    }
}

extension BookError {
    /// The refusal for a posting problem the plan named.
    init(_ problem: PostingProblem) {
        switch problem {
        case let .periodClosed(organization, period): self = .periodClosed(organization: organization, period: period)
        case let .numberNotNext(organization, expected, found): self = .numberNotNext(organization: organization, expected: expected, found: found)
        }
    }
}
