import FundCore

/// A row of `budget`: an organisation's budget for a year, draft or approved.
struct BudgetRecord: Hashable, Sendable {
    var id: Int64?
    var organizationID: Int64
    var year: Int
    var status: BudgetStatus
    var document: String?
    var approvedAt: String?
    var approvedBy: String?
    var createdAt: String
    var createdBy: String
}

/// A row of `budget_line`: one line of a budget with its amount as approved. The table keeps
/// "no expense type" and "no project" as empty text; the record as nil.
struct BudgetLineRecord: Hashable, Sendable {
    var id: Int64?
    var budgetID: Int64
    var position: Int
    var account: String
    var expenseType: ExpenseType?
    var project: String?
    var counterpartID: Int64?
    var amount: Money
    var note: String
}

/// A budget line as the book holds it, with its counterpart's code.
struct StoredBudgetLine: Hashable, Sendable {
    var record: BudgetLineRecord
    var counterpart: String?

    /// What the line is for.
    var key: BudgetKey {
        BudgetKey(account: record.account, expenseType: record.expenseType, project: record.project, counterpart: counterpart)
    }
}

/// A row of `budget_adjustment`: a numbered adjustment (预算调整) of an approved budget.
struct BudgetAdjustmentRecord: Hashable, Sendable {
    var id: Int64?
    var budgetID: Int64
    var number: Int
    var document: String
    var date: LocalDate
    var reason: String
    var createdAt: String
    var createdBy: String
}

/// A row of `budget_adjustment_line`: the change an adjustment made to one line.
struct BudgetAdjustmentLineRecord: Hashable, Sendable {
    var adjustmentID: Int64
    var lineID: Int64
    var delta: Money
}
