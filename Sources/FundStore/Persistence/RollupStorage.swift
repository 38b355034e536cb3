import FundCore

/// What the roll-up of a union and every union under it reads.
protocol RollupStorage {
    /// The closing net and the year's activity net per member of the tree under `root`, account,
    /// project and counterpart, through month `through` (a period key), the year starting at
    /// `yearStart`.
    func rollupBalances(root: String, yearStart: Int, through: Int) throws -> [RollupBalance]
    /// Each member's movements per month from `yearStart` through `through` (period keys) on the
    /// accounts of the flows between levels (211, 212, 131, 132, 402, 403, 508), by account,
    /// project and counterpart, closing vouchers left out.
    func rollupFlows(root: String, yearStart: Int, through: Int) throws -> [RollupFlow]
    /// Posted vouchers of `organization` in month `period` with lines on one of `accountPrefixes`
    /// toward `counterpart` (nil: lines naming none) and `project` (nil: any), at most 20. A 211
    /// line without a counterpart is owed to the parent. `debitsOnly`: lines on the debit side only.
    func flowVouchers(organization: String, accountPrefixes: [String], counterpart: String?, project: String?, period: Int,
                      debitsOnly: Bool) throws -> [VoucherRef]
    /// The budgets for `year` of the members of the tree under `root`, by organisation code.
    func rollupBudgets(root: String, year: Int) throws -> [String: Budget]
    /// Posted vouchers of `organization` with lines on `accountPrefix` toward `counterpart` (and
    /// `project`), by number, at most 20. A 211 line without a counterpart is owed to the parent.
    func pairVouchers(organization: String, accountPrefix: String, counterpart: String, project: String?) throws -> [VoucherRef]
}
