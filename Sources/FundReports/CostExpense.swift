import FundCore

/// 成本费用表 (工会附03表) of the 2021 《工会会计制度》 (编制说明 五; domain notes §2.10): the
/// county-level union's expenditure restated as costs. Monthly: 本月数 and 本年累计数; annual:
/// 本年数 and 上年数. 资本性支出 (507) and 安排预算稳定调节基金 (521) are not costs; depreciation
/// and amortisation are (the credit activity of 163, 172 and 181), and 调整事项 turns cash-basis
/// spending into cost: 库存物品 bought but not used is taken out (its opening less its closing
/// balance).
public enum CostExpense {
    public static let form = AttachedForm.costs
    /// The cost lines fed by one expenditure account each, in the form's order up to 折旧及摊销费用.
    public static let expenseLines = [("职工活动组织费用", "502"), ("职工服务费用", "503"), ("维权费用", "504"), ("业务费用", "505"),
                                      ("行政费用", "506"), ("补助下级费用", "508"), ("对附属单位的费用", "509")]
    /// The accounts whose credit activity is 折旧及摊销费用.
    public static let depreciationAccounts = ["163", "172", "181"]

    /// One column: the months' activity (closing vouchers left out) and the net 141 库存物品
    /// balance at the start and at the end of those months.
    public struct Column: Sendable {
        public let activity: [AccountActivity]
        public let inventoryOpening: Int64
        public let inventoryClosing: Int64

        public init(activity: [AccountActivity], inventoryOpening: Int64, inventoryClosing: Int64) {
            self.activity = activity
            self.inventoryOpening = inventoryOpening
            self.inventoryClosing = inventoryClosing
        }
    }

    /// The form of `period` (annual when `annual`), one value column per `columns` entry.
    /// Throws `SumOverflow` when a line or total is too large for Int64 fen.
    public static func form(organization: Organization, period: Period, annual: Bool, columns: [Column]) throws(SumOverflow) -> Form {
        let months = Period(year: annual ? max(period.year - 1, 1900) : period.year, month: 1)!...period
        func overflow(_ account: String?) -> SumOverflow { SumOverflow(organization: organization.code, account: account, period: months) }
        func each(_ value: (Column) throws(SumOverflow) -> Int64) throws(SumOverflow) -> [Int64?] {
            var values: [Int64?] = []
            for column in columns { values.append(try value(column)) }
            return values
        }
        func debitNet(_ column: Column, _ prefix: String) throws(SumOverflow) -> Int64 {
            var sum: Int64 = 0
            for a in column.activity where a.code.hasPrefix(prefix) {
                sum = try sum.adding(try a.debitFen.subtracting(a.creditFen, or: overflow(prefix)), or: overflow(prefix))
            }
            return sum
        }
        var panel = PanelBuilder(columns: columns.count, overflow: overflow(nil))
        var terms: [(Int, Int64)] = []
        for (label, code) in expenseLines {
            panel.rows.append(FormRow(label: label, values: try each { column throws(SumOverflow) in try debitNet(column, code) }))
            terms.append((panel.rows.count - 1, 1))
        }
        panel.rows.append(FormRow(label: "折旧及摊销费用", values: try each { column throws(SumOverflow) in
            var sum: Int64 = 0
            for a in column.activity where depreciationAccounts.contains(where: { a.code.hasPrefix($0) }) {
                sum = try sum.adding(a.creditFen, or: overflow(a.code))
            }
            return sum
        }))
        terms.append((panel.rows.count - 1, 1))
        panel.rows.append(FormRow(label: "其他费用", values: try each { column throws(SumOverflow) in try debitNet(column, "510") }))
        terms.append((panel.rows.count - 1, 1))
        panel.rows.append(FormRow(label: "调整事项", values: try each { column throws(SumOverflow) in
            try column.inventoryOpening.subtracting(column.inventoryClosing, or: overflow("141"))
        }))
        terms.append((panel.rows.count - 1, 1))
        try panel.total("费用总计", terms)

        var form = Form(number: form.number, title: form.title, organization: organization,
                        periodText: annual ? "\(period.year)年度" : "\(period.year)年\(period.month)月",
                        panelTitles: ["项目"], valueColumns: annual ? ["本年数", "上年数"] : ["本月数", "本年累计数"],
                        panels: [panel.rows])
        form.notes.append("注：调整事项为库存物品期初余额减期末余额（当期购入未领用的库存物品不作为当期费用）；在建工程“待核销基建支出”及其他调整事项未设明细的，未列入。")
        return form
    }
}
