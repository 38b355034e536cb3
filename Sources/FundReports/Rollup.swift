import FundCore

/// A mirror pair whose two sides do not agree to the fen: listed for reconciliation, with the
/// vouchers on each side.
public struct ReconciliationDifference: Hashable, Sendable {
    public let pair: String
    public let upper: String
    public let lower: String
    public let project: String?
    public let upperAmount: Int64
    public let lowerAmount: Int64
    public var upperVouchers: [String] = []
    public var lowerVouchers: [String] = []
}

/// 汇总表: the income and expenditure, balance sheet and budget execution of an organisation and
/// every organisation below it, one column per member, the eliminations of transfers between
/// members by their mirror pairs (domain notes §2.7), and the consolidated total.
///
/// Mirror pairs: 508 补助下级支出 at the giver against 403 上级补助收入 at the receiver (by counterpart,
/// general or earmarked, and project); 21201 against 13101, 21202 against 13102, and 211 against 132
/// (by counterpart; a 211 line without one is taken as owed to the parent). The matched amount, the
/// smaller side, is eliminated from both; any difference where either side holds a balance
/// toward the other is listed. The flows themselves (remittances, pass-downs, subsidies) are
/// compared per counterpart and month by `FlowReconciliation`, since matched balances do not
/// prove matched flows. Consolidated = sum of members
/// + eliminations (which are negative), so no yuan is counted twice.
public struct Rollup: Sendable {
    public struct Line: Hashable, Sendable {
        public let label: String
        public let isTotal: Bool
        public var values: Figures
        public var elimination: Int64

        public var sum: Int64 { values.sum }
        public var consolidated: Int64 { sum + elimination }
    }

    public let root: Organization
    public let year: Int
    public let month: Int
    public let members: [Organization]
    public let depth: [String: Int]
    public var income: [Line] = []
    public var expenditure: [Line] = []
    public var balance: [Line] = []
    public var budget: [Line] = []
    public var differences: [ReconciliationDifference] = []
    /// The flows between members that differ, per counterpart and month (§8.6).
    public var flowDifferences: [FlowDifference] = []
    /// Movements on 132, 508 and debits on 212 that name no lower union, per member and month.
    public var untaggedTransfers: [UntaggedTransfer] = []

    /// True only when every balance pair and every flow matches and no transfer lacks its
    /// counterpart: the one case a report may say 相符.
    public var isReconciled: Bool { differences.isEmpty && flowDifferences.isEmpty && untaggedTransfers.isEmpty }

    static let assetItems: [(String, [String])] = [
        ("货币资金", ["101", "102", "111"]), ("财政应返还额度", ["121"]), ("应收上级经费", ["131"]), ("应收下级经费", ["132"]),
        ("其他应收款", ["135"]), ("库存物品", ["141"]), ("投资", ["151"]), ("在建工程", ["161"]), ("固定资产净值", ["162", "163"]),
        ("无形资产净值", ["171", "172"]), ("长期待摊费用", ["181"]), ("待处理财产损溢", ["182"]),
    ]
    static let liabilityItems: [(String, [String])] = [
        ("应付职工薪酬", ["201"]), ("应付上级经费", ["211"]), ("应付下级经费", ["212"]), ("其他应付款", ["215"]), ("代管经费", ["221"]),
    ]
    static let netAssetItems: [(String, [String])] = [
        ("资产基金", ["301"]), ("专用基金", ["311"]), ("工会资金结转", ["321"]), ("工会资金结余", ["322"]), ("财政拨款结转", ["331"]),
        ("财政拨款结余", ["332"]), ("预算稳定调节基金", ["341"]), ("本年收支差额（尚未结转）", ["4", "5"]),
    ]

    /// `vouchers` gives the vouchers of a balance pair (organisation, account, counterpart,
    /// project); `flowVouchers` those of each of a list of months' flows, in the list's order
    /// (asked once, for every side and for its lines naming no counterpart).
    public init(data: RollupData, year: Int, month: Int, vouchers: ((String, String, String, String?) throws -> [String])? = nil,
                flowVouchers: (([FlowVoucherQuery]) throws -> [[String]])? = nil) throws {
        root = data.members[0]
        self.year = year
        self.month = month
        members = data.members
        var depth: [String: Int] = [:]
        for member in members { depth[member.code] = member.parentCode.flatMap { depth[$0].map { $0 + 1 } } ?? 0 }
        self.depth = depth
        let months = (Period(year: year, month: 1) ?? Period(year: 1900, month: 1)!)...(Period(year: year, month: month) ?? Period(year: 1900, month: 12)!)
        let rootCode = data.members[0].code
        /// `total += amount`, or `SumOverflow` naming the organisation and the account.
        func add(_ total: inout Int64, _ amount: Int64, _ organization: String, _ account: String?) throws(SumOverflow) {
            total = try total.adding(amount, or: SumOverflow(organization: organization, account: account, period: months))
        }
        func negated(_ amount: Int64, _ organization: String, _ account: String?) throws(SumOverflow) -> Int64 {
            try amount.negated(or: SumOverflow(organization: organization, account: account, period: months))
        }
        let parent = Dictionary(uniqueKeysWithValues: members.map { ($0.code, $0.parentCode) })
        // Figures are added up by member position, each balance's found once (consecutive
        // balances mostly share a member); the balances are handled by index, not copied.
        let index = MemberIndex(members)
        let positions = index.positions
        func isMember(_ code: String) -> Bool { positions[code] != nil }
        var lastCode: String?, lastPosition: Int?
        let balancePositions = data.balances.map { b -> Int? in
            if b.organization != lastCode {
                lastCode = b.organization
                lastPosition = positions[b.organization]
            }
            return lastPosition
        }
        func overflow(_ organization: String, _ account: String?) -> SumOverflow {
            SumOverflow(organization: organization, account: account, period: months)
        }

        // Income and expenditure by level-1 account, both charts' accounts in code order.
        let names = Dictionary(Chart.standard(.grassroots).levelOneAccounts.map { ($0.code, $0.name) } + Chart.standard(.county).levelOneAccounts.map { ($0.code, $0.name) },
                               uniquingKeysWith: { first, _ in first })
        // The balances' indices by level-1 account (the first three characters of the code),
        // and each balance's group.
        var levelOneKeys: [Substring] = [], groupOfKey: [Substring: Int] = [:], groups: [[Int]] = []
        var groupOf: [Int] = []
        groupOf.reserveCapacity(data.balances.count)
        for (i, b) in data.balances.enumerated() {
            let key = b.account.prefix(3)
            let group: Int
            if let known = groupOfKey[key] {
                group = known
            } else {
                group = groups.count
                groupOfKey[key] = group
                levelOneKeys.append(key)
                groups.append([])
            }
            groupOf.append(group)
            groups[group].append(i)
        }
        /// The indices of the balances on accounts starting with one of `prefixes`, in order.
        func balances(_ prefixes: [String]) -> [Int] {
            prefixes.flatMap { prefix -> [Int] in
                if prefix.count >= 3 { return groupOfKey[prefix.prefix(3)].map { groups[$0].filter { data.balances[$0].account.hasPrefix(prefix) } } ?? [] }
                return levelOneKeys.filter { $0.hasPrefix(prefix) }.sorted().flatMap { groups[groupOfKey[$0]!] }
            }
        }
        var activityFigures = [Figures?](repeating: nil, count: groups.count)
        for (i, b) in data.balances.enumerated() {
            let group = groupOf[i], income = levelOneKeys[group].first == "4"
            guard income || levelOneKeys[group].first == "5" else { continue }
            if activityFigures[group] == nil { activityFigures[group] = Figures(index) }
            try activityFigures[group]!.add(income ? negated(b.activityNet, b.organization, b.account) : b.activityNet, to: b.organization,
                                            at: balancePositions[i], or: overflow(b.organization, b.account))
        }
        let used = activityFigures.indices.filter { activityFigures[$0] != nil }.sorted { levelOneKeys[$0] < levelOneKeys[$1] }
        func activityLines(_ kind: Character) -> [Line] {
            used.filter { levelOneKeys[$0].first == kind }.map { group in
                let code = String(levelOneKeys[group])
                return Line(label: names[code] ?? code, isTotal: false, values: activityFigures[group]!, elimination: 0)
            }
        }
        income = activityLines("4")
        expenditure = activityLines("5")

        // Transfers: 5080x at the giver against 4030x at the receiver.
        struct Key: Hashable { let upper: String, lower: String, kind: String, project: String? }
        var given: [Key: Int64] = [:], received: [Key: Int64] = [:]
        for i in balances(["508", "403"]).sorted() {
            let b = data.balances[i]
            if b.account.hasPrefix("508"), let to = b.counterpart, isMember(to) {
                try add(&given[Key(upper: b.organization, lower: to, kind: String(b.account.suffix(2)), project: b.project), default: 0], b.activityNet,
                        b.organization, b.account)
            } else if b.account.hasPrefix("403"), let from = b.counterpart, isMember(from) {
                try add(&received[Key(upper: from, lower: b.organization, kind: String(b.account.suffix(2)), project: b.project), default: 0],
                        negated(b.activityNet, b.organization, b.account), b.organization, b.account)
            }
        }
        var transferElimination: Int64 = 0
        var differences: [ReconciliationDifference] = []
        var (flowDifferences, untaggedTransfers) = try FlowReconciliation.reconcile(flows: data.flows, members: members)
        for key in Set(given.keys).union(received.keys).sorted(by: { ($0.upper, $0.lower, $0.kind, $0.project ?? "") < ($1.upper, $1.lower, $1.kind, $1.project ?? "") }) {
            let g = given[key] ?? 0, r = received[key] ?? 0
            try add(&transferElimination, max(0, min(g, r)), rootCode, "508")
        }
        // What was given and received is compared month by month with the other flows below.
        if let index = income.firstIndex(where: { $0.label == names["403"] }) { income[index].elimination = -transferElimination }
        if let index = expenditure.firstIndex(where: { $0.label == names["508"] }) { expenditure[index].elimination = -transferElimination }

        // Balance sheet items, and the payable/receivable pairs between members: each item reads
        // only its own accounts' balances.
        func item(_ label: String, _ prefixes: [String], credit: Bool) throws(SumOverflow) -> Line {
            var values = Figures(index)
            for i in balances(prefixes) {
                let b = data.balances[i]
                try values.add(credit ? negated(b.closingNet, b.organization, b.account) : b.closingNet, to: b.organization,
                               at: balancePositions[i], or: overflow(b.organization, b.account))
            }
            return Line(label: label, isTotal: false, values: values, elimination: 0)
        }
        var assets = try Rollup.assetItems.map { try item($0.0, $0.1, credit: false) }
        var liabilities = try Rollup.liabilityItems.map { try item($0.0, $0.1, credit: true) }
        let netAssets = try Rollup.netAssetItems.map { try item($0.0, $0.1, credit: true) }
        let pairs: [(name: String, upperAccount: String, lowerAccount: String, upperItem: String, lowerItem: String, upperIsLiability: Bool)] = [
            ("21201 ↔ 13101", "21201", "13101", "应付下级经费", "应收上级经费", true),
            ("21202 ↔ 13102", "21202", "13102", "应付下级经费", "应收上级经费", true),
            ("132 ↔ 211", "132", "211", "应收下级经费", "应付上级经费", false),
        ]
        for pair in pairs {
            var upperSide: [Key: Int64] = [:], lowerSide: [Key: Int64] = [:]
            for i in balances([pair.upperAccount, pair.lowerAccount]) {
                let b = data.balances[i]
                if b.account.hasPrefix(pair.upperAccount), let other = b.counterpart, isMember(other) {
                    // A 212 balance toward the union above is held for the unions below, owed to neither.
                    if pair.upperIsLiability, FlowReconciliation.isAncestor(other, of: b.organization, parents: parent) { continue }
                    try add(&upperSide[Key(upper: b.organization, lower: other, kind: "", project: b.project), default: 0],
                            pair.upperIsLiability ? negated(b.closingNet, b.organization, b.account) : b.closingNet, b.organization, b.account)
                } else if b.account.hasPrefix(pair.lowerAccount), let other = b.counterpart ?? (pair.lowerAccount == "211" ? parent[b.organization] ?? nil : nil), isMember(other) {
                    try add(&lowerSide[Key(upper: other, lower: b.organization, kind: "", project: b.project), default: 0],
                            pair.upperIsLiability ? b.closingNet : negated(b.closingNet, b.organization, b.account), b.organization, b.account)
                }
            }
            var matched: Int64 = 0
            for key in Set(upperSide.keys).union(lowerSide.keys).sorted(by: { ($0.upper, $0.lower, $0.project ?? "") < ($1.upper, $1.lower, $1.project ?? "") }) {
                let u = upperSide[key] ?? 0, l = lowerSide[key] ?? 0
                try add(&matched, max(0, min(u, l)), rootCode, pair.upperAccount)
                // A tagged payment against an untagged lump liability leaves a debit on the upper
                // side with nothing on the lower: not a disagreement between two books.
                if u != l && (u > 0 || l > 0) {
                    differences.append(ReconciliationDifference(pair: pair.name, upper: key.upper, lower: key.lower, project: key.project,
                                                                upperAmount: u, lowerAmount: l))
                }
            }
            for label in [pair.upperItem, pair.lowerItem] {
                if let index = assets.firstIndex(where: { $0.label == label }) { try add(&assets[index].elimination, negated(matched, rootCode, nil), rootCode, nil) }
                if let index = liabilities.firstIndex(where: { $0.label == label }) { try add(&liabilities[index].elimination, negated(matched, rootCode, nil), rootCode, nil) }
            }
        }
        /// The total line of `lines`.
        func total(_ label: String, _ lines: [Line]) throws(SumOverflow) -> Line {
            var values = Figures(index), elimination: Int64 = 0
            for line in lines {
                try values.add(line.values, negated: false, or: { overflow($0, nil) })
                try add(&elimination, line.elimination, rootCode, nil)
            }
            return Line(label: label, isTotal: true, values: values, elimination: elimination)
        }
        let incomeTotal = try total("收入合计", income), expenditureTotal = try total("支出合计", expenditure)
        var difference = Line(label: "收支差额", isTotal: true, values: incomeTotal.values, elimination: 0)
        try difference.values.add(expenditureTotal.values, negated: true, or: { overflow($0, nil) })
        try add(&difference.elimination, incomeTotal.elimination, rootCode, nil)
        try add(&difference.elimination, negated(expenditureTotal.elimination, rootCode, nil), rootCode, nil)
        income.append(incomeTotal)
        expenditure.append(expenditureTotal)
        expenditure.append(difference)
        balance = assets + [try total("资产总计", assets)] + liabilities + [try total("负债合计", liabilities)]
            + netAssets + [try total("净资产合计", netAssets)]

        // Budget execution: expenditure budgets and actuals; budget lines funding members are
        // eliminated with the transfers they plan.
        var planned = Line(label: "预算支出（调整后）", isTotal: false, values: Figures(index), elimination: 0)
        var plannedInternal: Int64 = 0
        for (code, budget) in data.budgets {
            for line in budget.lines where !line.key.isIncome {
                try planned.values.add(line.adjusted.fen, to: code, at: positions[code], or: overflow(code, line.key.account))
                if line.key.account.hasPrefix("508"), let to = line.key.counterpart, isMember(to) { try add(&plannedInternal, line.adjusted.fen, code, line.key.account) }
            }
        }
        planned.elimination = try negated(plannedInternal, rootCode, "508")
        let actual = Line(label: "实际支出", isTotal: false, values: expenditureTotal.values, elimination: expenditureTotal.elimination)
        budget = [planned, actual]

        if let vouchers {
            for index in differences.indices {
                let d = differences[index]
                let (upperAccount, lowerAccount) = d.pair.hasPrefix("5080") ? ("508", "403")
                    : d.pair.hasPrefix("21201") ? ("21201", "13101") : d.pair.hasPrefix("21202") ? ("21202", "13102") : ("132", "211")
                differences[index].upperVouchers = try vouchers(d.upper, upperAccount, d.lower, d.project)
                differences[index].lowerVouchers = try vouchers(d.lower, lowerAccount, d.upper, d.project)
            }
        }
        if let flowVouchers {
            func query(_ organization: String, _ accounts: [String], _ counterpart: String?, _ project: String?, _ period: Period,
                       _ debitsOnly: Bool) -> FlowVoucherQuery {
                FlowVoucherQuery(organization: organization, accountPrefixes: accounts, counterpart: counterpart, project: project,
                                 period: period, debitsOnly: debitsOnly)
            }
            // Each side toward the other, then each untagged transfer's own lines.
            var queries: [FlowVoucherQuery] = []
            for d in flowDifferences {
                let project = d.kind == .earmarkedSubsidy ? d.project : nil
                queries.append(query(d.upper, d.kind.upperAccounts, d.lower, project, d.period, d.kind.upperDebitsOnly))
                queries.append(query(d.lower, d.kind.lowerAccounts, d.upper, project, d.period, d.kind.lowerDebitsOnly))
            }
            for u in untaggedTransfers { queries.append(query(u.organization, [u.account], nil, nil, u.period, u.account.hasPrefix("212"))) }
            // A side with nothing toward the other may hold it on lines that name no
            // counterpart: those are shown as the likely match. They are asked for in the same
            // read (the same months), after the others.
            let sides = flowDifferences.count * 2, asked = queries.count
            for index in 0..<sides {
                let q = queries[index]
                queries.append(query(q.organization, q.accountPrefixes, nil, q.project, q.period, q.debitsOnly))
            }
            var found = try flowVouchers(queries)
            guard found.count == queries.count else { preconditionFailure("flowVouchers answered \(found.count) of \(queries.count) queries") }
            for index in 0..<sides where found[index].isEmpty { found[index] = found[asked + index].map { "（未标往来单位）" + $0 } }
            for index in flowDifferences.indices {
                flowDifferences[index].upperVouchers = found[2 * index]
                flowDifferences[index].lowerVouchers = found[2 * index + 1]
            }
            for index in untaggedTransfers.indices { untaggedTransfers[index].vouchers = found[2 * flowDifferences.count + index] }
        }
        self.differences = differences
        self.flowDifferences = flowDifferences
        self.untaggedTransfers = untaggedTransfers
        // Every column group, sum and consolidated figure the renderings add must fit: the
        // magnitudes of each line's figures together do.
        for (_, line) in allLines {
            if let code = line.values.firstPastMagnitude(startingAt: line.elimination.magnitude) {
                throw SumOverflow(organization: code, account: nil, period: months)
            }
            if line.elimination.magnitude > UInt64(Int64.max) { throw SumOverflow(organization: rootCode, account: nil, period: months) }
        }
        for d in differences where d.upperAmount.magnitude + d.lowerAmount.magnitude > UInt64(Int64.max) {
            throw SumOverflow(organization: d.upper, account: String(d.pair.prefix(while: { $0 != " " })), period: months)
        }
        for d in flowDifferences where d.upperAmount.magnitude + d.lowerAmount.magnitude > UInt64(Int64.max) {
            throw SumOverflow(organization: d.upper, account: d.kind.upperAccounts[0], month: d.period)
        }
    }

    public var allLines: [(section: String, line: Line)] {
        income.map { ("收入支出", $0) } + expenditure.map { ("收入支出", $0) } + balance.map { ("资产负债", $0) } + budget.map { ("预算执行", $0) }
    }
}
