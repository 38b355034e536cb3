/// One member's movement in one month on an account of the flows between levels, toward one
/// counterpart (nil: the line names none) and project; closing vouchers left out.
public struct RollupFlow: Hashable, Sendable {
    public let organization: String
    public let account: String
    public let project: String?
    public let counterpart: String?
    public let period: Period
    /// The month's debits, red ink netted.
    public let debit: Int64
    /// The month's credits, red ink netted.
    public let credit: Int64

    public init(organization: String, account: String, project: String?, counterpart: String?, period: Period, debit: Int64, credit: Int64) {
        self.organization = organization
        self.account = account
        self.project = project
        self.counterpart = counterpart
        self.period = period
        self.debit = debit
        self.credit = credit
    }
}

/// The kinds of flow between levels that the roll-up reconciles month by month (domain notes §8.6).
public enum FlowKind: String, Hashable, Sendable, CaseIterable {
    /// A lower union's remittance (Dr 211 / Cr 102) against the upper union's receipt (Cr 402,
    /// or Cr 132 settling what it accrued).
    case remittance
    /// An upper union's pass-down (Dr 21202 / Cr 102) against the lower union's receipt (Cr 402,
    /// or Cr 13102 settling what it accrued).
    case passDown
    /// A general subsidy (50801) against the receiver's 40301.
    case generalSubsidy
    /// An earmarked subsidy (50802) against the receiver's 40302, per project.
    case earmarkedSubsidy

    /// The accounts the upper union's side is read from, by code prefix.
    public var upperAccounts: [String] {
        switch self {
        case .remittance: ["402", "132"]
        case .passDown: ["21202"]
        case .generalSubsidy: ["50801"]
        case .earmarkedSubsidy: ["50802"]
        }
    }

    /// The accounts the lower union's side is read from, by code prefix.
    public var lowerAccounts: [String] {
        switch self {
        case .remittance: ["211"]
        case .passDown: ["402", "13102", "21202"]
        case .generalSubsidy: ["40301"]
        case .earmarkedSubsidy: ["40302"]
        }
    }

    /// Whether only the debits of the upper union's accounts are the flow (a pass-down pays a
    /// 21202 liability; its credit is the liability arising, not money moving).
    public var upperDebitsOnly: Bool { self == .passDown }

    /// Whether only the debits of the lower union's accounts are the flow (a remittance pays 211).
    public var lowerDebitsOnly: Bool { self == .remittance }

    /// How a report names the pair: the upper union's account first.
    public var pair: String {
        switch self {
        case .remittance: "上缴 211 ↔ 402/132"
        case .passDown: "转拨 21202 ↔ 402/13102"
        case .generalSubsidy: "补助 50801 ↔ 40301"
        case .earmarkedSubsidy: "补助 50802 ↔ 40302"
        }
    }
}

/// One month's flow between two members whose two sides differ: what the upper union booked
/// as given or received and what the lower union booked, with the vouchers on each side.
public struct FlowDifference: Hashable, Sendable {
    public let kind: FlowKind
    public let upper: String
    public let lower: String
    public let project: String?
    public let period: Period
    public let upperAmount: Int64
    public let lowerAmount: Int64
    public var upperVouchers: [String] = []
    public var lowerVouchers: [String] = []

    public init(kind: FlowKind, upper: String, lower: String, project: String?, period: Period, upperAmount: Int64, lowerAmount: Int64) {
        self.kind = kind
        self.upper = upper
        self.lower = lower
        self.project = project
        self.period = period
        self.upperAmount = upperAmount
        self.lowerAmount = lowerAmount
    }
}

/// A month's movement on an account that must name the lower union it concerns, booked
/// without one: no flow can be matched to it.
public struct UntaggedTransfer: Hashable, Sendable {
    public let organization: String
    public let account: String
    public let period: Period
    /// Debit minus credit of the month's untagged lines.
    public let net: Int64
    public var vouchers: [String] = []

    public init(organization: String, account: String, period: Period, net: Int64) {
        self.organization = organization
        self.account = account
        self.period = period
        self.net = net
    }
}

/// The reconciliation of the flows between the members of a subtree, per counterpart and month:
/// a matched year-end balance does not prove that the flows matched (domain notes §8.6).
///
/// - 211 at the lower union (a line without counterpart is owed to its parent) against the
///   upper union's Cr 402 and Cr 132 toward it, net of its accruals (Dr 132 / Cr 402);
/// - Dr 21202 at the upper union against the lower union's Cr 402 and Cr 13102 toward it, net of
///   its accruals (Dr 13102 / Cr 402), and its Cr 21202 toward it: a lower union on the grassroots
///   chart that opened 212 holds the share of the unions below it there until it passes it on;
/// - 50801/50802 against 40301/40302, per project.
///
/// A 402 line toward another member is a pass-down received when that member is above, a
/// remittance received when it is below. 402 lines without counterpart are the union's own
/// allocation income and take no part. Lines on 132, 508 and debits on 212 without
/// counterpart are listed as untagged (`counterpart-required` refuses them in new vouchers).
public enum FlowReconciliation {
    /// Accounts whose lines must name the lower union: 132 and 508 on either side, 212 on the
    /// debit side (a 212 credit may hold a lump owed to the lower unions until it is passed down).
    public static func requiresCounterpart(account: String, debit: Bool) -> Bool {
        account.hasPrefix("132") || account.hasPrefix("508") || (debit && account.hasPrefix("212"))
    }

    /// Whether `candidate` stands above `code` in the tree given by each member's parent (a
    /// cycle in a tampered book ends the walk instead of looping).
    public static func isAncestor(_ candidate: String, of code: String, parents: [String: String?]) -> Bool {
        var current = parents[code] ?? nil
        var steps = 0
        while let next = current, steps <= parents.count {
            if next == candidate { return true }
            current = parents[next] ?? nil
            steps += 1
        }
        return false
    }

    /// The differences and the untagged movements of `flows` between `members`, in month, kind
    /// and organisation order.
    public static func reconcile(flows: [RollupFlow], members: [Organization]) throws(SumOverflow) -> (differences: [FlowDifference], untagged: [UntaggedTransfer]) {
        let parent = Dictionary(members.map { ($0.code, $0.parentCode) }, uniquingKeysWith: { first, _ in first })
        func isAncestor(_ candidate: String, of code: String) -> Bool { Self.isAncestor(candidate, of: code, parents: parent) }
        struct Key: Hashable { let kind: FlowKind, upper: String, lower: String, project: String?, period: Period }
        var upperSide: [Key: Int64] = [:], lowerSide: [Key: Int64] = [:]
        var untagged: [UntaggedTransfer] = []
        func overflow(_ flow: RollupFlow) -> SumOverflow { SumOverflow(organization: flow.organization, account: flow.account, month: flow.period) }
        func add(_ side: inout [Key: Int64], _ key: Key, _ amount: Int64, _ flow: RollupFlow) throws(SumOverflow) {
            side[key] = try (side[key] ?? 0).adding(amount, or: overflow(flow))
        }
        func net(_ a: Int64, minus b: Int64, _ flow: RollupFlow) throws(SumOverflow) -> Int64 {
            try a.adding(try b.negated(or: overflow(flow)), or: overflow(flow))
        }
        for flow in flows {
            let org = flow.organization, account = flow.account
            guard let other = flow.counterpart ?? (account.hasPrefix("211") ? parent[org] ?? nil : nil), parent.keys.contains(other), other != org else {
                if flow.counterpart == nil, requiresCounterpart(account: account, debit: flow.debit != 0) {
                    let amount = try net(flow.debit, minus: account.hasPrefix("212") ? 0 : flow.credit, flow)
                    if amount != 0 { untagged.append(UntaggedTransfer(organization: org, account: account, period: flow.period, net: amount)) }
                }
                continue
            }
            if account.hasPrefix("211") {
                try add(&lowerSide, Key(kind: .remittance, upper: other, lower: org, project: nil, period: flow.period), flow.debit, flow)
            } else if account.hasPrefix("21202") {
                if isAncestor(other, of: org) {
                    // A pass-down received and held for the unions below (Cr 21202 toward the upper
                    // union): a township's share of its grassroots unions, received with its own 402.
                    try add(&lowerSide, Key(kind: .passDown, upper: other, lower: org, project: nil, period: flow.period), try net(flow.credit, minus: flow.debit, flow), flow)
                } else {
                    try add(&upperSide, Key(kind: .passDown, upper: org, lower: other, project: nil, period: flow.period), flow.debit, flow)
                }
            } else if account.hasPrefix("132") {
                try add(&upperSide, Key(kind: .remittance, upper: org, lower: other, project: nil, period: flow.period), try net(flow.credit, minus: flow.debit, flow), flow)
            } else if account.hasPrefix("13102") {
                try add(&lowerSide, Key(kind: .passDown, upper: other, lower: org, project: nil, period: flow.period), try net(flow.credit, minus: flow.debit, flow), flow)
            } else if account.hasPrefix("402") {
                if isAncestor(other, of: org) {
                    try add(&lowerSide, Key(kind: .passDown, upper: other, lower: org, project: nil, period: flow.period), try net(flow.credit, minus: flow.debit, flow), flow)
                } else if isAncestor(org, of: other) {
                    try add(&upperSide, Key(kind: .remittance, upper: org, lower: other, project: nil, period: flow.period), try net(flow.credit, minus: flow.debit, flow), flow)
                }
            } else if account.hasPrefix("5080") {
                let kind: FlowKind = account.hasPrefix("50802") ? .earmarkedSubsidy : .generalSubsidy
                try add(&upperSide, Key(kind: kind, upper: org, lower: other, project: flow.project, period: flow.period), try net(flow.debit, minus: flow.credit, flow), flow)
            } else if account.hasPrefix("4030") {
                let kind: FlowKind = account.hasPrefix("40302") ? .earmarkedSubsidy : .generalSubsidy
                try add(&lowerSide, Key(kind: kind, upper: other, lower: org, project: flow.project, period: flow.period), try net(flow.credit, minus: flow.debit, flow), flow)
            }
        }
        let order = Dictionary(uniqueKeysWithValues: FlowKind.allCases.enumerated().map { ($1, $0) })
        let keys = Set(upperSide.keys).union(lowerSide.keys).sorted {
            ($0.period, order[$0.kind] ?? 0, $0.upper, $0.lower, $0.project ?? "") < ($1.period, order[$1.kind] ?? 0, $1.upper, $1.lower, $1.project ?? "")
        }
        let differences = keys.compactMap { key -> FlowDifference? in
            let u = upperSide[key] ?? 0, l = lowerSide[key] ?? 0
            return u == l ? nil : FlowDifference(kind: key.kind, upper: key.upper, lower: key.lower, project: key.project, period: key.period,
                                                 upperAmount: u, lowerAmount: l)
        }
        // Projects of one account and month are named together.
        struct Place: Hashable { let organization: String, account: String, period: Period }
        var totals: [Place: Int64] = [:]
        for item in untagged {
            let place = Place(organization: item.organization, account: item.account, period: item.period)
            totals[place] = try (totals[place] ?? 0).adding(item.net, or: SumOverflow(organization: item.organization, account: item.account, month: item.period))
        }
        let merged = totals.filter { $0.value != 0 }
            .map { UntaggedTransfer(organization: $0.key.organization, account: $0.key.account, period: $0.key.period, net: $0.value) }
            .sorted { ($0.period, $0.organization, $0.account) < ($1.period, $1.organization, $1.account) }
        return (differences, merged)
    }
}

/// One look-up of the posted vouchers behind a side of a flow difference or an untagged
/// transfer: an organisation's lines in one month on one of `accountPrefixes`, toward
/// `counterpart` (nil: lines that name none) and `project` (nil: any); `debitsOnly` keeps the
/// lines on the debit side (a payment of 211 or 21202). A roll-up asks all of them at once.
public struct FlowVoucherQuery: Hashable, Sendable {
    public let organization: String
    public let accountPrefixes: [String]
    public let counterpart: String?
    public let project: String?
    public let period: Period
    public let debitsOnly: Bool

    public init(organization: String, accountPrefixes: [String], counterpart: String?, project: String?, period: Period, debitsOnly: Bool) {
        self.organization = organization
        self.accountPrefixes = accountPrefixes
        self.counterpart = counterpart
        self.project = project
        self.period = period
        self.debitsOnly = debitsOnly
    }
}
