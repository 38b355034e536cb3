import FundCore

/// 资产负债表 (工会01表) in the layout of the 2021 《工会会计制度》 (domain notes §2.10): assets on
/// the left, liabilities and net assets on the right, columns 年初余额 then 期末余额 (年末余额 in
/// the annual form), no 行次. The same form serves both charts: rows of accounts a chart lacks
/// stay empty. 零余额账户用款额度 is an interim row (marked *), left out of the annual form.
/// Non-cash assets show cost, accumulated depreciation or amortisation and net value; a credit
/// balance on 182 shows negative.
///
/// Income and expenditure are carried to the funds at every month's end (期末结转), so the form
/// has no row for an uncarried difference: the caller folds a month not yet closed into the
/// fund rows the closing voucher would credit (`CarryForward.target`) and says so in a note.
public enum BalanceSheet {
    public static let number = "工会01表"
    public static let title = "资产负债表"
    /// The standard's footnote to the interim row.
    public static let interimNote = "注：\"*\"标识项目为中期报表项目，年报中不需列示。"

    /// `closingNet` and `openingNet`: net debit-minus-credit balance of each leaf account at the
    /// end of the period and at the start of the year, with any uncarried income and expenditure
    /// already folded into the fund accounts (4xx/5xx keys left in make the form fail its check).
    public static func form(organization: Organization, chart: Chart, period: Period, annual: Bool,
                            closingNet: [String: Int64], openingNet: [String: Int64]) throws(SumOverflow) -> Form {
        let months = Period(year: period.year, month: 1)!...period
        let overflow = SumOverflow(organization: organization.code, account: nil, period: months)
        func net(_ balances: [String: Int64], _ prefix: String) throws(SumOverflow) -> Int64 {
            var sum: Int64 = 0
            for entry in balances where entry.key.hasPrefix(prefix) {
                sum = try sum.adding(entry.value, or: SumOverflow(organization: organization.code, account: prefix, period: months))
            }
            return sum
        }
        /// Opening then closing; nil (an empty row) when no account of the chart feeds the row.
        func amounts(_ prefixes: [String], credit: Bool) throws(SumOverflow) -> [Int64?] {
            guard prefixes.contains(where: { chart.account($0) != nil }) else { return [nil, nil] }
            var values: [Int64?] = []
            let named = SumOverflow(organization: organization.code, account: prefixes.joined(separator: "/"), period: months)
            for balances in [openingNet, closingNet] {
                var sum: Int64 = 0
                for prefix in prefixes { sum = try sum.adding(try net(balances, prefix), or: named) }
                values.append(credit ? try sum.negated(or: named) : sum)
            }
            return values
        }

        var left = PanelBuilder(columns: 2, overflow: overflow)
        func row(_ builder: inout PanelBuilder, _ label: String, _ prefixes: [String], credit: Bool, indent: Int = 1) throws(SumOverflow) -> Int {
            builder.rows.append(FormRow(label: label, indent: indent, values: try amounts(prefixes, credit: credit)))
            return builder.rows.count - 1
        }
        left.heading("一、资产")
        left.heading("流动资产：")
        var current = [try row(&left, "货币资金", ["101", "102"], credit: false)]
        if !annual { current.append(try row(&left, "零余额账户用款额度*", ["111"], credit: false)) }
        for (label, code) in [("财政应返还额度", "121"), ("应收上级经费", "131"), ("应收下级经费", "132"), ("其他应收款", "135"), ("库存物品", "141")] {
            current.append(try row(&left, label, [code], credit: false))
        }
        let currentTotal = try left.total("流动资产合计", indent: 1, current.map { ($0, 1) })
        var assetRows: [(Int, Int64)] = [(currentTotal, 1)]
        assetRows.append((try row(&left, "投资", ["151"], credit: false), 1))
        assetRows.append((try row(&left, "在建工程", ["161"], credit: false), 1))
        let fixedCost = try row(&left, "固定资产原值", ["162"], credit: false)
        let depreciation = try row(&left, "减：累计折旧", ["163"], credit: true, indent: 2)
        assetRows.append((try left.total("固定资产净值", indent: 1, [(fixedCost, 1), (depreciation, -1)]), 1))
        let intangibleCost = try row(&left, "无形资产原值", ["171"], credit: false)
        let amortisation = try row(&left, "减：累计摊销", ["172"], credit: true, indent: 2)
        assetRows.append((try left.total("无形资产净值", indent: 1, [(intangibleCost, 1), (amortisation, -1)]), 1))
        assetRows.append((try row(&left, "长期待摊费用", ["181"], credit: false), 1))
        assetRows.append((try row(&left, "待处理财产损溢", ["182"], credit: false), 1))
        let totalAssets = try left.total("资产总计", assetRows)

        var right = PanelBuilder(columns: 2, overflow: overflow)
        right.heading("二、负债")
        var liabilityRows: [(Int, Int64)] = []
        for (label, code) in [("应付职工薪酬", "201"), ("应付上级经费", "211"), ("应付下级经费", "212"), ("其他应付款", "215"), ("代管经费", "221")] {
            liabilityRows.append((try row(&right, label, [code], credit: true), 1))
        }
        let liabilities = try right.total("负债合计", liabilityRows)
        right.heading("三、净资产")
        var netRows: [(Int, Int64)] = []
        for (label, code) in [("资产基金", "301"), ("专用基金", "311"), ("工会资金结转", "321"), ("工会资金结余", "322"),
                              ("财政拨款结转", "331"), ("财政拨款结余", "332"), ("预算稳定调节基金", "341")] {
            netRows.append((try row(&right, label, [code], credit: true), 1))
        }
        let netAssets = try right.total("净资产合计", netRows)
        let totalRight = try right.total("负债与净资产总计", [(liabilities, 1), (netAssets, 1)])

        var form = Form(number: number, title: title, organization: organization, periodText: period.lastDay.chineseDate,
                        panelTitles: ["资产", "负债与净资产"], valueColumns: ["年初余额", annual ? "年末余额" : "期末余额"],
                        panels: [left.rows, right.rows])
        if !annual { form.notes.append(interimNote) }
        for (column, name) in form.valueColumns.enumerated() {
            let assets = left.rows[totalAssets].values[column] ?? 0, claims = right.rows[totalRight].values[column] ?? 0
            if assets != claims {
                form.failedChecks.append("\(name)：资产总计 \(Money(fen: assets).grouped) ≠ 负债与净资产总计 \(Money(fen: claims).grouped)")
            }
        }
        return form
    }
}

extension LocalDate {
    /// The date as the forms print it: 2026年5月31日.
    public var chineseDate: String { "\(year)年\(month)月\(day)日" }
}
