/// One aggregate of a member of a subtree: net balance through the period, and the income or
/// expenditure activity of the year to that period (closing vouchers left out).
public struct RollupBalance: Hashable, Sendable {
    public let organization: String
    public let account: String
    public let project: String?
    public let counterpart: String?
    /// Debit minus credit through the end of the period.
    public let closingNet: Int64
    /// Debit minus credit from January to the period, leaving out closing vouchers.
    public let activityNet: Int64

    public init(organization: String, account: String, project: String?, counterpart: String?, closingNet: Int64, activityNet: Int64) {
        self.organization = organization
        self.account = account
        self.project = project
        self.counterpart = counterpart
        self.closingNet = closingNet
        self.activityNet = activityNet
    }
}

/// A subtree and its figures, read in a few bulk queries.
public struct RollupData: Sendable {
    public let members: [Organization]
    public let balances: [RollupBalance]
    public let budgets: [String: Budget]
    /// The year's movements month by month on the accounts of the flows between levels, to
    /// reconcile each flow with its counterpart (`FlowReconciliation`).
    public let flows: [RollupFlow]

    public init(members: [Organization], balances: [RollupBalance], budgets: [String: Budget], flows: [RollupFlow] = []) {
        self.members = members
        self.balances = balances
        self.budgets = budgets
        self.flows = flows
    }
}
