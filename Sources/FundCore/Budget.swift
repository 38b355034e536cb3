/// What a budget line is for: an account (level 1 or detail), and optionally an expense type,
/// a project and a counterpart (a federation funded by the upper union, 联合会建设和工作经费).
public struct BudgetKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var account: String
    public var expenseType: ExpenseType?
    public var project: String?
    public var counterpart: String?

    public init(account: String, expenseType: ExpenseType? = nil, project: String? = nil, counterpart: String? = nil) {
        self.account = account
        self.expenseType = expenseType
        self.project = project
        self.counterpart = counterpart
    }

    public var isIncome: Bool { AccountCategory(code: account) == .income }

    /// Whether a posted line (account, expense type, project, counterpart) counts against this line.
    public func matches(account code: String, expenseType type: ExpenseType?, project p: String?, counterpart c: String?) -> Bool {
        code.hasPrefix(account) && (expenseType == nil || expenseType == type) && (project == nil || project == p)
            && (counterpart == nil || counterpart == c)
    }

    /// Two lines overlap when one's postings could count against the other.
    public func overlaps(_ other: BudgetKey) -> Bool {
        guard account.hasPrefix(other.account) || other.account.hasPrefix(account) else { return false }
        func compatible<T: Equatable>(_ a: T?, _ b: T?) -> Bool { a == nil || b == nil || a == b }
        return compatible(expenseType, other.expenseType) && compatible(project, other.project) && compatible(counterpart, other.counterpart)
    }

    public static func < (lhs: BudgetKey, rhs: BudgetKey) -> Bool {
        (lhs.account, lhs.expenseType?.rawValue ?? "", lhs.project ?? "", lhs.counterpart ?? "")
            < (rhs.account, rhs.expenseType?.rawValue ?? "", rhs.project ?? "", rhs.counterpart ?? "")
    }

    public var description: String {
        [account, expenseType?.chinese, project, counterpart.map { "往来:" + $0 }].compactMap { $0 }.joined(separator: " ")
    }
}

/// One line of a budget with its approved amount and its amount after adjustments.
public struct BudgetLine: Hashable, Sendable {
    public var key: BudgetKey
    public var original: Money
    public var adjusted: Money
    public var note: String

    public init(key: BudgetKey, original: Money, adjusted: Money? = nil, note: String = "") {
        self.key = key
        self.original = original
        self.adjusted = adjusted ?? original
        self.note = note
    }
}

/// Where a budget is in its life: a draft until approved, then only adjusted by numbered documents.
public enum BudgetStatus: String, Sendable, Codable {
    case draft, approved
    public var chinese: String { self == .draft ? "草案" : "已批复" }
}

/// A numbered budget adjustment (预算调整): its document, date and reason, and the change of each line.
public struct BudgetAdjustment: Hashable, Sendable {
    public var number: Int
    public var document: String
    public var date: LocalDate
    public var reason: String
    public var changes: [BudgetKey: Money]

    public init(number: Int, document: String, date: LocalDate, reason: String, changes: [BudgetKey: Money]) {
        self.number = number
        self.document = document
        self.date = date
        self.reason = reason
        self.changes = changes
    }
}

/// An organisation's budget for a year: its lines, status and adjustments.
public struct Budget: Sendable {
    public var organization: String
    public var year: Int
    public var status: BudgetStatus
    public var document: String?
    public var lines: [BudgetLine]
    public var adjustments: [BudgetAdjustment]

    public init(organization: String, year: Int, status: BudgetStatus, document: String?, lines: [BudgetLine], adjustments: [BudgetAdjustment]) {
        self.organization = organization
        self.year = year
        self.status = status
        self.document = document
        self.lines = lines
        self.adjustments = adjustments
    }

    /// Lines must be income or expenditure accounts of the chart, positive or zero, and must not
    /// overlap (a posting would count twice). The problems as sentences; `problems` gives them
    /// as values.
    public static func check(_ lines: [BudgetLine], chart: Chart) -> [String] {
        problems(lines, chart: chart).map(\.description)
    }

    /// What is wrong with a set of budget lines, each problem a value naming its rule.
    public static func problems(_ lines: [BudgetLine], chart: Chart) -> [BudgetLineProblem] {
        var problems: [BudgetLineProblem] = []
        for line in lines {
            guard let account = chart.account(line.key.account) else {
                problems.append(.unknownAccount(account: line.key.account, chart: chart.kind)); continue
            }
            if account.category != .income && account.category != .expenditure {
                problems.append(.notIncomeOrExpenditure(account: line.key.account, name: account.name))
            }
            if line.original.isNegative { problems.append(.negativeAmount(key: line.key, amount: line.original)) }
            if line.original.fen.magnitude > UInt64(Limits.lineAmountFen) { problems.append(.amountTooLarge(key: line.key, amount: line.original)) }
        }
        for (i, a) in lines.enumerated() {
            for b in lines[(i + 1)...] where a.key.overlaps(b.key) {
                problems.append(.overlap(a.key, b.key))
            }
        }
        return problems
    }
}
