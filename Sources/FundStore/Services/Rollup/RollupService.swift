import FundCore

/// What the roll-up of a union and every union under it reads: balances per member and the
/// vouchers on both sides of an internal transfer.
public struct RollupService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// The organisation `root` and every organisation below it, in tree order, with their
    /// aggregates for `year` through `month` and their budgets.
    public func rollupData(root: String, year: Int, month: Int) throws -> RollupData {
        try reading { storage in
            let tree = try storage.rollupTree(root: root)
            try session.authorizeTree(storage, tree)
            let (balances, flows) = try storage.rollupAggregates(tree, yearStart: year * 100 + 1, through: year * 100 + month)
            return RollupData(members: tree.members, balances: balances, budgets: try storage.rollupBudgets(tree, year: year), flows: flows)
        }
    }

    /// Posted vouchers of `organization` with lines on `accountPrefix` toward `counterpart` (and
    /// `project`), by number; for reconciling a mirror pair. A 211 line without a counterpart
    /// counts as owed to the parent.
    public func pairVouchers(organization: String, accountPrefix: String, counterpart: String, project: String?) throws -> [String] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try storage.pairVouchers(organization: organization, accountPrefix: accountPrefix, counterpart: counterpart, project: project)
                .map(\.description)
        }
    }
}

extension RollupService {
    /// The posted vouchers behind each query (a side of a flow difference or an untagged
    /// transfer), by number, in the queries' order; all in one read, each organisation's
    /// permission checked once.
    public func flowVouchers(_ queries: [FlowVoucherQuery]) throws -> [[String]] {
        guard !queries.isEmpty else { return [] }
        return try reading { storage in
            var permitted: Set<String> = []
            for query in queries where permitted.insert(query.organization).inserted {
                try authorize(storage, .read, organization: query.organization)
            }
            return try storage.flowVouchers(queries).map { $0.map(\.description) }
        }
    }
}

extension Session {
    /// This session's RollupService.
    public var rollup: RollupService { RollupService(session: self) }
}
