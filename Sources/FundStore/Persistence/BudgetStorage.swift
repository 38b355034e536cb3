import FundCore

/// Budgets with their lines and numbered adjustments, the turnovers they are measured against,
/// and each organisation's budget control.
protocol BudgetStorage {
    /// The organisation's budget for `year`, if any.
    func budgetRecord(organizationID: Int64, year: Int) throws -> BudgetRecord?
    /// A budget's lines in order, with their counterparts' codes.
    func budgetLines(budgetID: Int64) throws -> [StoredBudgetLine]
    /// A budget's adjustments by number.
    func budgetAdjustments(budgetID: Int64) throws -> [BudgetAdjustmentRecord]
    /// The line changes of every adjustment of a budget.
    func budgetAdjustmentLines(budgetID: Int64) throws -> [BudgetAdjustmentLineRecord]
    /// Records a budget; its row id.
    func insertBudget(_ record: BudgetRecord) throws -> Int64
    /// Removes a draft budget with its lines (an import replaces it).
    func deleteDraftBudget(id: Int64) throws
    /// Records a budget line; its row id.
    func insertBudgetLine(_ record: BudgetLineRecord) throws -> Int64
    /// Marks a budget approved (批复).
    func approveBudget(id: Int64, document: String, at: String, by: String) throws
    /// Records an adjustment; its row id.
    func insertBudgetAdjustment(_ record: BudgetAdjustmentRecord) throws -> Int64
    /// Records one line's change in an adjustment.
    func insertBudgetAdjustmentLine(_ record: BudgetAdjustmentLineRecord) throws
    /// Income and expenditure turnovers from `from` to `through` (month keys), by the dimensions
    /// budgets plan with, on accounts starting with `accountPrefix` when given.
    func budgetActivity(organizationID: Int64, from: Int, through: Int, accountPrefix: String?) throws -> [BudgetActivity]
    /// Whether the organisation's overruns warn or are refused.
    func budgetControlMode(organizationID: Int64) throws -> BudgetControlMode
    /// Sets the organisation's budget control.
    func setBudgetControlMode(organizationID: Int64, _ mode: BudgetControlMode) throws
    /// The chart budget lines of the organisation are checked against.
    func budgetChart(organization: String) throws -> Chart
    /// The voucher whose spending budget control measures.
    func budgetCheckedVoucher(id: Int64) throws -> Voucher
}

extension BudgetStorage {
    /// The organisation's budget for a year, with amounts after every adjustment up to `version`
    /// (nil: all of them; 0: as approved).
    func budget(organizationID: Int64, organization: String, year: Int, through version: Int?) throws -> Budget? {
        guard let record = try budgetRecord(organizationID: organizationID, year: year), let budgetID = record.id else { return nil }
        let stored = try budgetLines(budgetID: budgetID)
        let adjustments = try budgetAdjustments(budgetID: budgetID).filter { $0.number <= version ?? Int.max }
        let numbers = Dictionary(adjustments.compactMap { a in a.id.map { ($0, a.number) } }, uniquingKeysWith: { first, _ in first })
        let changes = try budgetAdjustmentLines(budgetID: budgetID).filter { numbers[$0.adjustmentID] != nil }
        var deltas: [Int64: Int64] = [:]
        let overflow = SumOverflow(organization: organization, account: nil, year: year)
        var lines: [BudgetLine] = []
        try BookError.summing { () throws(SumOverflow) in
            for change in changes { deltas[change.lineID] = try (deltas[change.lineID] ?? 0).adding(change.delta.fen, or: overflow) }
            for line in stored {
                let delta = line.record.id.flatMap { deltas[$0] } ?? 0
                let adjusted = try line.record.amount.fen.adding(delta, or: SumOverflow(organization: organization, account: line.key.account, year: year))
                lines.append(BudgetLine(key: line.key, original: line.record.amount, adjusted: Money(fen: adjusted), note: line.record.note))
            }
        }
        var keys: [Int64: BudgetKey] = [:]
        for line in stored { if let id = line.record.id { keys[id] = line.key } }
        let history = try adjustments.map { adjustment -> BudgetAdjustment in
            var lineChanges: [BudgetKey: Money] = [:]
            for change in changes where change.adjustmentID == adjustment.id {
                guard let key = keys[change.lineID] else {
                    throw BookError.storedValueInvalid(table: "budget_adjustment_line", column: "line_id", value: String(change.lineID),
                                                       row: "adjustment_id \(change.adjustmentID)")
                }
                lineChanges[key] = change.delta
            }
            return BudgetAdjustment(number: adjustment.number, document: adjustment.document, date: adjustment.date, reason: adjustment.reason,
                                    changes: lineChanges)
        }
        return Budget(organization: organization, year: year, status: record.status, document: record.document, lines: lines, adjustments: history)
    }

    /// Actuals of every line of `budget` in `month` and from January to `month` of `year`.
    func budgetActuals(organizationID: Int64, budget: Budget, year: Int, month: Int) throws -> [BudgetKey: BudgetActual] {
        let activity = try budgetActivity(organizationID: organizationID, from: year * 100 + 1, through: year * 100 + month, accountPrefix: nil)
        return try BookError.summing { () throws(SumOverflow) in try BudgetControl.actuals(of: budget, activity: activity, year: year, month: month) }
    }

}

extension BookStorage {
    /// The lines of the approved budget of the voucher's year that its spending took over their
    /// adjusted amount.
    func budgetOverruns(voucher: Voucher) throws -> [BudgetOverrun] {
        let organizationID = try organizationID(voucher.draft.organization)
        let year = voucher.draft.date.year
        guard let budget = try budget(organizationID: organizationID, organization: voucher.draft.organization, year: year, through: nil) else {
            return []
        }
        return try BudgetControl.linesTouched(by: voucher.draft, in: budget).compactMap { line in
            let activity = try budgetActivity(organizationID: organizationID, from: year * 100 + 1, through: year * 100 + 12,
                                              accountPrefix: line.key.account)
            let overflow = SumOverflow(organization: voucher.draft.organization, account: line.key.account, year: year)
            return try BookError.summing { () throws(SumOverflow) in try BudgetControl.overrun(of: line, activity: activity, overflow: overflow) }
        }
    }

    /// What budget control makes of a posted voucher: within budget, a warning, or a refusal.
    func budgetDecision(voucher: Voucher) throws -> BudgetControlDecision {
        let overruns = try budgetOverruns(voucher: voucher)
        guard !overruns.isEmpty else { return .withinBudget }
        let mode = try budgetControlMode(organizationID: try organizationID(voucher.draft.organization))
        return BudgetControl.decide(overruns, mode: mode, kind: voucher.draft.kind)
    }
}
