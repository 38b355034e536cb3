import FundCore

/// 资产负债表 (工会01表): assets on the left, liabilities and net assets on the right, with
/// 期末余额 (年末余额 for the year) and 年初余额. Non-cash assets show cost, accumulated
/// depreciation or amortisation and net value; a credit balance on 182 shows negative.
/// During the year, before the carry-forward, the year's unclosed surplus is its own line of
/// net assets so the sheet balances every month.
public enum BalanceSheet {
    public static let number = "工会01表"
    public static let title = "资产负债表"

    /// `closingNet` and `openingNet`: net debit-minus-credit balance of each leaf account at the
    /// end of the period and at the start of the year.
    public static func form(organization: Organization, chart: Chart, period: Period, annual: Bool,
                            closingNet: [String: Int64], openingNet: [String: Int64]) throws(SumOverflow) -> Form {
        let county = chart.kind == .county
        let months = Period(year: period.year, month: 1)!...period
        let overflow = SumOverflow(organization: organization.code, account: nil, period: months)
        func net(_ balances: [String: Int64], _ prefixes: [String]) throws(SumOverflow) -> Int64 {
            var sum: Int64 = 0
            for entry in balances where prefixes.contains(where: { entry.key.hasPrefix($0) }) {
                sum = try sum.adding(entry.value, or: SumOverflow(organization: organization.code, account: prefixes.joined(separator: "/"), period: months))
            }
            return sum
        }
        /// Debit-side amounts (assets) and credit-side amounts (liabilities, net assets).
        func debit(_ prefixes: [String]) throws(SumOverflow) -> [Int64] { [try net(closingNet, prefixes), try net(openingNet, prefixes)] }
        func credit(_ prefixes: [String]) throws(SumOverflow) -> [Int64] {
            let account = SumOverflow(organization: organization.code, account: prefixes.joined(separator: "/"), period: months)
            return [try net(closingNet, prefixes).negated(or: account), try net(openingNet, prefixes).negated(or: account)]
        }
        let incomeAndExpense = chart.levelOneAccounts.filter { $0.category == .income || $0.category == .expenditure }.map(\.code)

        var assets = PanelBuilder(columns: 2, overflow: overflow)
        var assetRows: [(Int, Int64)] = []
        func asset(_ label: String, _ prefixes: [String]) throws(SumOverflow) {
            assetRows.append((assets.item(label, try debit(prefixes)), 1))
        }
        func costAndNet(_ cost: String, _ costLabel: String, _ contra: String, _ contraLabel: String, _ netLabel: String) throws(SumOverflow) {
            let costRow = assets.item(costLabel, try debit([cost]))
            let contraRow = assets.item(contraLabel, indent: 2, try credit([contra]))
            assetRows.append((try assets.total(netLabel, indent: 1, [(costRow, 1), (contraRow, -1)]), 1))
        }
        assets.heading("流动资产")
        try asset("货币资金", county ? ["101", "102", "111"] : ["101", "102"])
        if county { try asset("财政应返还额度", ["121"]) }
        try asset("应收上级经费", ["131"])
        if county { try asset("应收下级经费", ["132"]) }
        try asset("其他应收款", ["135"])
        try asset("库存物品", ["141"])
        assets.heading("非流动资产")
        if county {
            try asset("投资", ["151"])
            try asset("在建工程", ["161"])
        }
        try costAndNet("162", "固定资产原值", "163", "减：累计折旧", "固定资产净值")
        if county {
            try costAndNet("171", "无形资产原值", "172", "减：累计摊销", "无形资产净值")
            try asset("长期待摊费用", ["181"])
        }
        try asset("待处理财产损溢", ["182"])
        let totalAssets = try assets.total("资产总计", assetRows)

        var right = PanelBuilder(columns: 2, overflow: overflow)
        var liabilityRows: [(Int, Int64)] = []
        func liability(_ label: String, _ prefixes: [String]) throws(SumOverflow) { liabilityRows.append((right.item(label, try credit(prefixes)), 1)) }
        right.heading("负债")
        if county { try liability("应付职工薪酬", ["201"]) }
        try liability("应付上级经费", ["211"])
        if county { try liability("应付下级经费", ["212"]) }
        try liability("其他应付款", ["215"])
        if county { try liability("代管经费", ["221"]) }
        let liabilities = try right.total("负债合计", liabilityRows)
        var netRows: [(Int, Int64)] = []
        func netAsset(_ label: String, _ prefixes: [String]) throws(SumOverflow) { netRows.append((right.item(label, try credit(prefixes)), 1)) }
        right.heading("净资产")
        try netAsset("资产基金", ["301"])
        if county { try netAsset("专用基金", ["311"]) }
        try netAsset("工会资金结转", ["321"])
        try netAsset("工会资金结余", ["322"])
        if county {
            try netAsset("财政拨款结转", ["331"])
            try netAsset("财政拨款结余", ["332"])
            try netAsset("预算稳定调节基金", ["341"])
        }
        try netAsset("本年收支差额（尚未结转）", incomeAndExpense)
        let netAssets = try right.total("净资产合计", netRows)
        let totalRight = try right.total("负债和净资产总计", [(liabilities, 1), (netAssets, 1)])

        var form = Form(number: number, title: title, organization: organization,
                        periodText: annual ? "\(period.year)年度" : "\(period.year)年\(period.month)月",
                        panelTitles: ["资产", "负债和净资产"], valueColumns: [annual ? "年末余额" : "期末余额", "年初余额"],
                        panels: [assets.rows, right.rows])
        for (column, name) in form.valueColumns.enumerated() {
            let left = assets.rows[totalAssets].values[column]!, rightTotal = right.rows[totalRight].values[column]!
            if left != rightTotal {
                form.failedChecks.append("\(name)：资产总计 \(Money(fen: left).grouped) ≠ 负债和净资产总计 \(Money(fen: rightTotal).grouped)")
            }
        }
        return form
    }
}
