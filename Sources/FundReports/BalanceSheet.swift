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
                            closingNet: [String: Int64], openingNet: [String: Int64]) -> Form {
        let county = chart.kind == .county
        func net(_ balances: [String: Int64], _ prefixes: [String]) -> Int64 {
            balances.reduce(0) { sum, entry in prefixes.contains { entry.key.hasPrefix($0) } ? sum + entry.value : sum }
        }
        /// Debit-side amounts (assets) and credit-side amounts (liabilities, net assets).
        func debit(_ prefixes: [String]) -> [Int64] { [net(closingNet, prefixes), net(openingNet, prefixes)] }
        func credit(_ prefixes: [String]) -> [Int64] { [-net(closingNet, prefixes), -net(openingNet, prefixes)] }
        let incomeAndExpense = chart.levelOneAccounts.filter { $0.category == .income || $0.category == .expenditure }.map(\.code)

        var assets = PanelBuilder(columns: 2)
        var assetRows: [(Int, Int64)] = []
        func asset(_ label: String, _ prefixes: [String]) {
            assetRows.append((assets.item(label, debit(prefixes)), 1))
        }
        func costAndNet(_ cost: String, _ costLabel: String, _ contra: String, _ contraLabel: String, _ netLabel: String) {
            let costRow = assets.item(costLabel, debit([cost]))
            let contraRow = assets.item(contraLabel, indent: 2, credit([contra]))
            assetRows.append((assets.total(netLabel, indent: 1, [(costRow, 1), (contraRow, -1)]), 1))
        }
        assets.heading("流动资产")
        asset("货币资金", county ? ["101", "102", "111"] : ["101", "102"])
        if county { asset("财政应返还额度", ["121"]) }
        asset("应收上级经费", ["131"])
        if county { asset("应收下级经费", ["132"]) }
        asset("其他应收款", ["135"])
        asset("库存物品", ["141"])
        assets.heading("非流动资产")
        if county {
            asset("投资", ["151"])
            asset("在建工程", ["161"])
        }
        costAndNet("162", "固定资产原值", "163", "减：累计折旧", "固定资产净值")
        if county {
            costAndNet("171", "无形资产原值", "172", "减：累计摊销", "无形资产净值")
            asset("长期待摊费用", ["181"])
        }
        asset("待处理财产损溢", ["182"])
        let totalAssets = assets.total("资产总计", assetRows)

        var right = PanelBuilder(columns: 2)
        var liabilityRows: [(Int, Int64)] = []
        func liability(_ label: String, _ prefixes: [String]) { liabilityRows.append((right.item(label, credit(prefixes)), 1)) }
        right.heading("负债")
        if county { liability("应付职工薪酬", ["201"]) }
        liability("应付上级经费", ["211"])
        if county { liability("应付下级经费", ["212"]) }
        liability("其他应付款", ["215"])
        if county { liability("代管经费", ["221"]) }
        let liabilities = right.total("负债合计", liabilityRows)
        var netRows: [(Int, Int64)] = []
        func netAsset(_ label: String, _ prefixes: [String]) { netRows.append((right.item(label, credit(prefixes)), 1)) }
        right.heading("净资产")
        netAsset("资产基金", ["301"])
        if county { netAsset("专用基金", ["311"]) }
        netAsset("工会资金结转", ["321"])
        netAsset("工会资金结余", ["322"])
        if county {
            netAsset("财政拨款结转", ["331"])
            netAsset("财政拨款结余", ["332"])
            netAsset("预算稳定调节基金", ["341"])
        }
        netAsset("本年收支差额（尚未结转）", incomeAndExpense)
        let netAssets = right.total("净资产合计", netRows)
        let totalRight = right.total("负债和净资产总计", [(liabilities, 1), (netAssets, 1)])

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
