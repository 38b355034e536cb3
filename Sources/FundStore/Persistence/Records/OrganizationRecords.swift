import FundCore

/// A row of `organization`: one union of the book, with its place in the tree.
struct OrganizationRecord: Hashable, Sendable {
    /// Whether a posting that overruns the budget is refused or only warned of.
    enum BudgetControl: String, Sendable {
        case warn, refuse
    }

    var id: Int64?
    var code: String
    var name: String
    var level: OrganizationLevel
    var parentID: Int64?
    var chart: ChartKind
    var independent: Bool
    var termYears: Int?
    var termStart: LocalDate?
    var budgetControl: BudgetControl = .warn
    var createdAt: String
    var createdBy: String

    /// The organisation as FundCore knows it, given its parent's code.
    func organization(parentCode: String?) -> Organization {
        Organization(code: code, name: name, level: level, parentCode: parentCode, chart: chart, independent: independent,
                     termYears: termYears, termStart: termStart)
    }
}

/// A row of `account`: an account of a standard chart (no organisation) or a detail account an
/// organisation added under it.
struct AccountRecord: Hashable, Sendable {
    var id: Int64?
    var chart: ChartKind
    var organizationID: Int64?
    var code: String
    var name: String
    var parentID: Int64?
}
