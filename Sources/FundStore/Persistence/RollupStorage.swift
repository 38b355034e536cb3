import FundCore

/// The organisations a roll-up reads, from one read of the organisation table: the members of
/// the tree under the root in tree order (parents before children, siblings by code), with each
/// member's parent as its position in that list, and every organisation's code by row id (a
/// counterpart may stand outside the tree).
struct RollupTree: Sendable {
    /// The root first, then the organisations below it, depth first, siblings by code.
    let members: [Organization]
    /// The position in `members` of each member's parent; nil for the root.
    let parents: [Int?]
    /// The row id of each member.
    let memberIDs: [Int64]
    /// The code of every organisation of the book by row id.
    let codes: [Int64: String]

    /// The members' row ids as a JSON array, bound to `json_each` by the queries of the tree
    /// (instead of walking the tree again in SQL for each query).
    let memberIDsJSON: String
}

/// What the roll-up of a union and every union under it reads.
protocol RollupStorage {
    /// The organisation `root` and every organisation below it (`BookError.unknownOrganization`
    /// when the book has no `root`, or none that descends from an organisation without parent).
    func rollupTree(root: String) throws -> RollupTree
    /// The closing net and the year's activity net per member of `tree`, account, project and
    /// counterpart, through month `through` (a period key), the year starting at `yearStart`.
    func rollupBalances(_ tree: RollupTree, yearStart: Int, through: Int) throws -> [RollupBalance]
    /// Each member's movements per month from `yearStart` through `through` (period keys) on the
    /// accounts of the flows between levels (211, 212, 131, 132, 402, 403, 508), by account,
    /// project and counterpart, closing vouchers left out.
    func rollupFlows(_ tree: RollupTree, yearStart: Int, through: Int) throws -> [RollupFlow]
    /// `rollupBalances` and `rollupFlows` of the same tree and months, read together: the members
    /// and accounts with flows in the year may be found while the balances are stepped.
    func rollupAggregates(_ tree: RollupTree, yearStart: Int, through: Int) throws -> (balances: [RollupBalance], flows: [RollupFlow])
    /// For each query (a side of a flow difference, or an untagged transfer), the posted vouchers
    /// of its organisation in its month with lines on one of its account prefixes toward its
    /// counterpart (nil: lines naming none) and its project (nil: any), at most 20 by number; a
    /// 211 line without a counterpart is owed to the parent, and `debitsOnly` keeps lines on the
    /// debit side only. The answers are in the queries' order, all read by one statement; an
    /// organisation not in the book has none.
    func flowVouchers(_ queries: [FlowVoucherQuery]) throws -> [[VoucherRef]]
    /// The budgets for `year` of the members of `tree`, by organisation code.
    func rollupBudgets(_ tree: RollupTree, year: Int) throws -> [String: Budget]
    /// Posted vouchers of `organization` with lines on `accountPrefix` toward `counterpart` (and
    /// `project`), by number, at most 20. A 211 line without a counterpart is owed to the parent.
    func pairVouchers(organization: String, accountPrefix: String, counterpart: String, project: String?) throws -> [VoucherRef]
}

extension RollupStorage {
    /// `rollupBalances(_:yearStart:through:)` of the tree under `root`.
    func rollupBalances(root: String, yearStart: Int, through: Int) throws -> [RollupBalance] {
        try rollupBalances(rollupTree(root: root), yearStart: yearStart, through: through)
    }

    /// `rollupFlows(_:yearStart:through:)` of the tree under `root`.
    func rollupFlows(root: String, yearStart: Int, through: Int) throws -> [RollupFlow] {
        try rollupFlows(rollupTree(root: root), yearStart: yearStart, through: through)
    }
}
