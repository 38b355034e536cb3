import FundCore

/// 国有资产情况表 (工会附02表) of the 2021 《工会会计制度》 (编制说明 四; domain notes §2.10): the
/// county-level union's state assets (国有资产) at the start and at the end of the year.
///
/// The standard has county-level unions keep 国有资产 and 工会资产 details under the asset
/// accounts (总说明 三). FundLedger keeps that split as the fund source of each line on an asset
/// account: a line tagged `source:appropriation` (财政拨款) is 国有资产, any other line 工会资产,
/// so an asset bought with appropriations is recorded on the same voucher line as its source
/// (the 财政拨款 detail the expense line already needs), and its depreciation and disposal lines
/// carry the same tag. 财政应返还额度 (121) is state money by nature and counts whole. An asset
/// bought from both funds is split across two lines and noted in the register (备查簿).
public enum StateAssets {
    public static let form = AttachedForm.stateAssets

    /// Whether a balance on an asset account is 国有资产.
    public static func isState(_ balance: FundBalance) -> Bool {
        balance.accountCode.hasPrefix("121") || balance.source == .appropriation
    }

    /// The form of `year`: `opening` and `closing` are the organisation's balances by account
    /// and fund source at the end of the year before and at the end of `year`. Throws
    /// `SumOverflow` when a line is too large for Int64 fen.
    public static func form(organization: Organization, year: Int, opening: [FundBalance], closing: [FundBalance]) throws(SumOverflow) -> Form {
        let months = Period(year: year, month: 1)!...Period(year: year, month: 12)!
        func overflow(_ account: String?) -> SumOverflow { SumOverflow(organization: organization.code, account: account, period: months) }
        func amounts(_ prefixes: [String], credit: Bool) throws(SumOverflow) -> [Int64?] {
            var values: [Int64?] = []
            for balances in [opening, closing] {
                var sum: Int64 = 0
                for balance in balances where isState(balance) && prefixes.contains(where: { balance.accountCode.hasPrefix($0) }) {
                    sum = try sum.adding(balance.netFen, or: overflow(balance.accountCode))
                }
                values.append(credit ? try sum.negated(or: overflow(prefixes.joined(separator: "/"))) : sum)
            }
            return values
        }
        var panel = PanelBuilder(columns: 2, overflow: overflow(nil))
        func row(_ label: String, _ prefixes: [String], credit: Bool = false, indent: Int = 1) throws(SumOverflow) -> Int {
            panel.rows.append(FormRow(label: label, indent: indent, values: try amounts(prefixes, credit: credit)))
            return panel.rows.count - 1
        }
        let cash = try row("货币资金", ["101", "102"])
        let due = try row("财政应返还额度", ["121"])
        let inventory = try row("库存物品", ["141"])
        let current = try panel.total("流动资产合计", [(cash, 1), (due, 1), (inventory, 1)])
        let construction = try row("在建工程", ["161"])
        let fixedCost = try row("固定资产原值", ["162"])
        let depreciation = try row("减：累计折旧", ["163"], credit: true, indent: 2)
        let fixedNet = try panel.total("固定资产净值", indent: 1, [(fixedCost, 1), (depreciation, -1)])
        let intangibleCost = try row("无形资产原值", ["171"])
        let amortisation = try row("减：累计摊销", ["172"], credit: true, indent: 2)
        let intangibleNet = try panel.total("无形资产净值", indent: 1, [(intangibleCost, 1), (amortisation, -1)])
        let deferred = try row("长期待摊费用", ["181"])
        let nonCurrent = try panel.total("非流动资产合计", [(construction, 1), (fixedNet, 1), (intangibleNet, 1), (deferred, 1)])
        try panel.total("资产总计", [(current, 1), (nonCurrent, 1)])

        var form = Form(number: form.number, title: form.title, organization: organization, periodText: "\(year)年度",
                        panelTitles: ["项目"], valueColumns: ["年初余额", "年末余额"], panels: [panel.rows])
        form.notes.append("注：国有资产按资产科目各行的资金来源划分，资金来源为“财政拨款”的为国有资产；财政应返还额度全部列入。同时使用财政拨款和工会资金购建的资产，另设备查簿登记资金来源、金额和比例。")
        return form
    }
}
