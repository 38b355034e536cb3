/// What is wrong with a budget line, named after the rule it breaks.
public enum BudgetLineProblem: Hashable, Sendable, CustomStringConvertible {
    /// The account is not in the organisation's chart.
    case unknownAccount(account: String, chart: ChartKind)
    /// Budgets plan income and spending, not balances.
    case notIncomeOrExpenditure(account: String, name: String)
    /// A line's amount is zero or more.
    case negativeAmount(key: BudgetKey, amount: Money)
    /// A posting would count against both lines.
    case overlap(BudgetKey, BudgetKey)
    /// A line's amount is larger than one voucher line may be (`Limits.lineAmountFen`).
    case amountTooLarge(key: BudgetKey, amount: Money)

    /// The sentence the import and the adjustment print.
    public var description: String {
        switch self {
        case let .unknownAccount(account, chart):
            "account \(account) is not in the \(chart.chinese) chart"
        case let .notIncomeOrExpenditure(account, name):
            "account \(account) \(name) is not an income or expenditure account; budgets plan income and spending"
        case let .negativeAmount(key, amount):
            "line \(key) has the negative amount \(amount)"
        case let .overlap(a, b):
            "lines \(a) and \(b) overlap: a posting would count against both; budget either the account or its details"
        case let .amountTooLarge(key, amount):
            "line \(key) has the amount \(amount.grouped), over the limit of \(Money(fen: Limits.lineAmountFen).grouped) yuan per line [amount-too-large]; split it over several lines"
        }
    }
}

/// Why a change to a budget was refused: one case per rule, with typed facts.
public enum BudgetProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// An approved budget is approved once.
    case alreadyApproved(organization: String, year: Int)
    /// Only an approved budget takes numbered adjustments; a draft is imported again.
    case notApproved(organization: String, year: Int)
    /// The lines after the change break a rule of budget lines.
    case invalidLine(BudgetLineProblem)
    /// A line's amount after the adjustment would be negative.
    case lineBelowZero(key: BudgetKey, amount: Money)
    /// An adjustment, or a line's amount after it, is larger than one voucher line may be
    /// (`Limits.lineAmountFen`).
    case adjustmentTooLarge(key: BudgetKey, amount: Money)

    /// The message, without the book's prefix (`BookError` renders it).
    public var description: String {
        switch self {
        case let .alreadyApproved(organization, year):
            "\(organization)'s budget for \(year) is already approved"
        case let .notApproved(organization, year):
            "\(organization)'s budget for \(year) is a draft; change the draft and import it again, or approve it first"
        case let .invalidLine(problem):
            problem.description
        case let .lineBelowZero(key, amount):
            "line \(key) would fall to \(amount); a budget line cannot go below zero"
        case let .adjustmentTooLarge(key, amount):
            "line \(key): \(amount.grouped) is over the limit of \(Money(fen: Limits.lineAmountFen).grouped) yuan for a budget line or an adjustment [amount-too-large]; adjust by smaller amounts or split the line"
        }
    }

    /// What kind of refusal this is, for a caller that answers with a status.
    public var category: ErrorCategory {
        switch self {
        case .alreadyApproved, .notApproved: .conflict
        case .invalidLine, .lineBelowZero, .adjustmentTooLarge: .invalidInput
        }
    }
}

/// Turnover of income and expenditure in one month by the dimensions budgets plan with, from the
/// balance aggregates (closing vouchers left out).
public struct BudgetActivity: Hashable, Sendable {
    public var accountCode: String
    public var expenseType: ExpenseType?
    public var project: String?
    public var counterpart: String?
    /// The month's key, 202605.
    public var period: Int
    public var debitFen: Int64
    public var creditFen: Int64

    /// A turnover as the aggregates hold it; nil dimensions are the ones the line did not carry.
    public init(accountCode: String, expenseType: ExpenseType?, project: String?, counterpart: String?, period: Int, debitFen: Int64, creditFen: Int64) {
        self.accountCode = accountCode
        self.expenseType = expenseType
        self.project = project
        self.counterpart = counterpart
        self.period = period
        self.debitFen = debitFen
        self.creditFen = creditFen
    }

    /// Whether this turnover counts against `key`.
    public func counts(against key: BudgetKey) -> Bool {
        key.matches(account: accountCode, expenseType: expenseType, project: project, counterpart: counterpart)
    }
}

/// Whether an organisation's postings over budget only warn (the default) or are refused.
public enum BudgetControlMode: String, Sendable, Hashable, CaseIterable {
    case warn, refuse
}

/// A budget line that spending took over its adjusted amount.
public struct BudgetOverrun: Hashable, Sendable, CustomStringConvertible {
    /// The line that is over.
    public var key: BudgetKey
    /// What was spent on it in the year.
    public var spent: Money
    /// Its amount after adjustments.
    public var budgeted: Money

    /// An overrun of `key`: `spent` against `budgeted`.
    public init(key: BudgetKey, spent: Money, budgeted: Money) {
        self.key = key
        self.spent = spent
        self.budgeted = budgeted
    }

    /// The sentence the CLI warns with and a refusal lists.
    public var description: String {
        let over = spent.fen.subtractingReportingOverflow(budgeted.fen)
        return "budget line \(key): spent \(spent.grouped) of \(budgeted.grouped) (over by \(over.overflow ? "more than 92,233,720,368,547,758.07" : Money(fen: over.partialValue).grouped))"
    }
}

/// What budget control makes of a posted voucher's overruns.
public enum BudgetControlDecision: Hashable, Sendable {
    /// No line is over its budget.
    case withinBudget
    /// Lines are over, and the organisation only warns: the voucher stays posted.
    case warn([BudgetOverrun])
    /// Lines are over, and the organisation refuses overruns: the posting is undone.
    case refuse([BudgetOverrun])
}

/// Budget control (预算控制) and actuals as pure functions of the budget and the turnovers, so
/// that the store only loads the figures and applies the answer.
public enum BudgetControl {
    /// Actuals of every line for `month` and from January to `month` of `year`: income lines count
    /// credits less debits, spending lines debits less credits. A sum past Int64 fen throws
    /// `SumOverflow` naming the line's account.
    public static func actuals(of budget: Budget, activity: [BudgetActivity], year: Int, month: Int) throws(SumOverflow) -> [BudgetKey: BudgetActual] {
        var result: [BudgetKey: BudgetActual] = [:]
        let from = year * 100 + 1, through = year * 100 + month
        for line in budget.lines {
            let overflow = SumOverflow(organization: budget.organization, account: line.key.account,
                                       period: (Period(key: from) ?? Period(year: 1900, month: 1)!)...(Period(key: through) ?? Period(year: 1900, month: 12)!))
            var actual = BudgetActual()
            for row in activity where (from...through).contains(row.period) && row.counts(against: line.key) {
                let amount = try line.key.isIncome ? row.creditFen.subtracting(row.debitFen, or: overflow) : row.debitFen.subtracting(row.creditFen, or: overflow)
                actual.yearToDate = try actual.yearToDate.adding(amount, or: overflow)
                if row.period == through { actual.month = try actual.month.adding(amount, or: overflow) }
            }
            result[line.key] = actual
        }
        return result
    }

    /// The spending lines of an approved budget that a voucher's expenditure lines count against;
    /// a draft budget controls nothing.
    public static func linesTouched(by voucher: VoucherDraft, in budget: Budget) -> [BudgetLine] {
        guard budget.status == .approved, budget.year == voucher.date.year else { return [] }
        let spending = voucher.lines.filter { AccountCategory(code: $0.accountCode) == .expenditure }
        return budget.lines.filter { line in
            !line.key.isIncome && spending.contains { line.key.matches(account: $0.accountCode, expenseType: $0.dimensions.expenseType,
                                                                       project: $0.dimensions.project, counterpart: $0.dimensions.counterpart) }
        }
    }

    /// The line's overrun given the year's turnovers on its account, if spending is above its
    /// adjusted amount. A sum past Int64 fen throws `overflow`.
    public static func overrun(of line: BudgetLine, activity: [BudgetActivity], overflow: SumOverflow) throws(SumOverflow) -> BudgetOverrun? {
        var spent: Int64 = 0
        for row in activity where row.counts(against: line.key) {
            spent = try spent.adding(row.debitFen, or: overflow).subtracting(row.creditFen, or: overflow)
        }
        guard spent > line.adjusted.fen else { return nil }
        return BudgetOverrun(key: line.key, spent: Money(fen: spent), budgeted: line.adjusted)
    }

    /// Warn or refuse: an organisation set to refuse has its overrunning postings undone; closing
    /// vouchers and other vouchers made by rule are never controlled.
    public static func decide(_ overruns: [BudgetOverrun], mode: BudgetControlMode, kind: VoucherKind = .entry) -> BudgetControlDecision {
        guard !overruns.isEmpty else { return .withinBudget }
        return mode == .refuse && kind == .entry ? .refuse(overruns) : .warn(overruns)
    }
}

/// A numbered adjustment (预算调整) decided against the budget as it stands.
public enum BudgetAdjustments {
    /// The lines the change adds (keys the budget has no line for, at zero, in key order), refused
    /// when the budget is not approved or the lines with them break a rule.
    public static func newLines(_ budget: Budget, changes: [BudgetKey: Money], chart: Chart) throws(BudgetProblem) -> [BudgetLine] {
        guard budget.status == .approved else { throw .notApproved(organization: budget.organization, year: budget.year) }
        let added = changes.keys.filter { key in !budget.lines.contains { $0.key == key } }.sorted().map { BudgetLine(key: $0, original: .zero) }
        if let problem = Budget.problems(budget.lines + added, chart: chart).first { throw .invalidLine(problem) }
        return added
    }

    /// The non-zero changes in key order, refused when one would take its line below zero.
    /// `lines` are the budget's lines with the added ones.
    public static func deltas(_ lines: [BudgetLine], changes: [BudgetKey: Money]) throws(BudgetProblem) -> [(key: BudgetKey, delta: Money)] {
        var result: [(key: BudgetKey, delta: Money)] = []
        for (key, delta) in changes.sorted(by: { $0.key < $1.key }) where !delta.isZero {
            let adjusted = lines.first { $0.key == key }?.adjusted.fen ?? 0
            // Both within the limit, so their sum cannot overflow.
            if delta.fen.magnitude > UInt64(Limits.lineAmountFen) || adjusted.magnitude > UInt64(Limits.lineAmountFen) {
                throw .adjustmentTooLarge(key: key, amount: delta)
            }
            if adjusted + delta.fen > Limits.lineAmountFen { throw .adjustmentTooLarge(key: key, amount: Money(fen: adjusted + delta.fen)) }
            if adjusted + delta.fen < 0 { throw .lineBelowZero(key: key, amount: Money(fen: adjusted + delta.fen)) }
            result.append((key, delta))
        }
        return result
    }
}
