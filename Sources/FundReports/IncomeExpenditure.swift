import FundCore

/// 收入支出表 (工会02表) in the layout of the 2021 《工会会计制度》 (domain notes §2.10). Monthly:
/// 本月数 and 本年累计数; annual: 本年数 and 上年数. No 行次. The six blocks stand in both: 一、年初
/// 资金结转结余 and 六、年末资金结转结余 are filled in the annual form only; 二 is the activity on
/// the 年初余额调整 and 归集上缴 details; 三 and 四 list every income and expenditure line of the
/// standard in its order (lines a chart lacks stay empty). The closing vouchers (期末结转, year
/// end, the year-end acts) are left out of the activity, so the form shows the income and
/// spending whether or not the months have been closed.
/// Earmarked (专项) and appropriation (财政拨款) income and spending are not rows of the form: they
/// are noted under it (专款专用，单独反映).
public enum IncomeExpenditure {
    public static let number = "工会02表"
    public static let title = "收入支出表"

    /// The details whose activity is 二、资金结转结余调整及变动: 年初余额调整 of 321/322/331/332 and
    /// 33202 归集上缴.
    public static let adjustmentAccounts = ["32101", "32201", "33101", "33201", "33202"]
    /// 三's lines: label and income account, in the standard's order.
    public static let incomeLines = [("（一）会费收入", "401"), ("（二）拨缴经费收入", "402"), ("（三）上级补助收入", "403"),
                                     ("（四）政府补助收入", "404"), ("（五）行政补助收入", "405"), ("（六）附属单位上缴收入", "406"),
                                     ("（七）投资收益", "407"), ("（八）其他收入", "408"), ("（九）动用预算稳定调节基金", "411")]
    /// 四's lines: label and expenditure account, in the standard's order.
    public static let expenseLines = [("（一）职工活动支出", "501"), ("（二）职工活动组织支出", "502"), ("（三）职工服务支出", "503"),
                                      ("（四）维权支出", "504"), ("（五）业务支出", "505"), ("（六）行政支出", "506"),
                                      ("（七）资本性支出", "507"), ("（八）补助下级支出", "508"), ("（九）对附属单位的支出", "509"),
                                      ("（十）其他支出", "510"), ("（十一）安排预算稳定调节基金", "521")]

    /// One column's figures: activity of the column's months (closing vouchers excluded), the
    /// net balances of the fund accounts at the start of that column's year, and at its end with
    /// any income and expenditure not yet carried folded into the funds it closes to.
    public struct Column: Sendable {
        public let activity: [AccountActivity]
        public let openingFunds: [String: Int64]
        public let closingFunds: [String: Int64]
        /// Projects earmarked in this column's year (see `CarryForward.earmarkedProjects`).
        public let earmarkedProjects: Set<String>
        public init(activity: [AccountActivity], openingFunds: [String: Int64], closingFunds: [String: Int64] = [:],
                    earmarkedProjects: Set<String>) {
            self.activity = activity
            self.openingFunds = openingFunds
            self.closingFunds = closingFunds
            self.earmarkedProjects = earmarkedProjects
        }
    }

    /// Throws `SumOverflow` when a line or total of the form is too large for Int64 fen.
    public static func form(organization: Organization, chart: Chart, period: Period, annual: Bool, columns: [Column]) throws(SumOverflow) -> Form {
        let width = columns.count
        let months = Period(year: annual ? max(period.year - 1, 1900) : period.year, month: 1)!...period
        func overflow(_ account: String?) -> SumOverflow { SumOverflow(organization: organization.code, account: account, period: months) }
        func each(_ value: (Column) throws(SumOverflow) -> Int64) throws(SumOverflow) -> [Int64] {
            var values: [Int64] = []
            for column in columns { values.append(try value(column)) }
            return values
        }
        func target(_ a: AccountActivity, _ column: Column) -> String {
            CarryForward.target(of: FundBalance(accountCode: a.code, project: a.project, source: a.source, netFen: 0), chart: chart,
                                earmarked: column.earmarkedProjects)
        }
        /// Income counts credit minus debit, spending debit minus credit.
        func amount(_ column: Column, _ prefix: String, _ filter: (AccountActivity, Column) -> Bool = { _, _ in true }) throws(SumOverflow) -> Int64 {
            var sum: Int64 = 0
            for a in column.activity where a.code.hasPrefix(prefix) && filter(a, column) {
                let (debit, credit) = AccountCategory(code: a.code) == .income ? (a.creditFen, a.debitFen) : (a.debitFen, a.creditFen)
                sum = try sum.adding(debit, or: overflow(prefix)).subtracting(credit, or: overflow(prefix))
            }
            return sum
        }
        /// Credit balance (credit minus debit) of the fund accounts under `prefixes`.
        func funds(_ balances: [String: Int64], _ prefixes: [String]) throws(SumOverflow) -> Int64 {
            var sum: Int64 = 0
            for entry in balances where prefixes.contains(where: { entry.key.hasPrefix($0) }) {
                sum = try sum.subtracting(entry.value, or: overflow(prefixes.joined(separator: "/")))
            }
            return sum
        }
        func adjustments(_ column: Column) throws(SumOverflow) -> Int64 {
            var sum: Int64 = 0
            for a in column.activity where adjustmentAccounts.contains(a.code) {
                sum = try sum.subtracting(a.debitFen, or: overflow(a.code)).adding(a.creditFen, or: overflow(a.code))
            }
            return sum
        }
        func total(_ accounts: [String], _ column: Column, _ filter: @escaping (AccountActivity, Column) -> Bool) throws(SumOverflow) -> Int64 {
            var sum: Int64 = 0
            for code in accounts { sum = try sum.adding(try amount(column, code, filter), or: overflow(nil)) }
            return sum
        }
        let carried = ["321", "331"], surplus = ["322", "332"]
        let columnNames = annual ? ["本年数", "上年数"] : ["本月数", "本年累计数"]
        var failed: [String] = []
        let blank = [Int64?](repeating: nil, count: width)
        var b = PanelBuilder(columns: width, overflow: overflow(nil))
        func lines(_ heading: String, _ parts: [(String, String)]) throws(SumOverflow) -> Int {
            var values: [(label: String, values: [Int64])] = []
            for (label, code) in parts { values.append((label, try each { c throws(SumOverflow) in try amount(c, code) })) }
            let row = try b.totalAbove(heading, parts: values)
            for (offset, part) in parts.enumerated() where chart.account(part.1) == nil { b.rows[row + 1 + offset].values = blank }
            return row
        }

        // 一、年初资金结转结余 (annual only).
        let openingRow: Int
        if annual {
            openingRow = try b.totalAbove("一、年初资金结转结余", parts: [
                ("（一）年初资金结转", try each { c throws(SumOverflow) in try funds(c.openingFunds, carried) }),
                ("（二）年初资金结余", try each { c throws(SumOverflow) in try funds(c.openingFunds, surplus) })])
        } else {
            openingRow = b.rows.count
            b.rows.append(FormRow(label: "一、年初资金结转结余", kind: .total, values: blank))
            b.rows.append(FormRow(label: "（一）年初资金结转", indent: 1, values: blank))
            b.rows.append(FormRow(label: "（二）年初资金结余", indent: 1, values: blank))
        }
        let adjustRow = b.item("二、资金结转结余调整及变动", indent: 0, try each { c throws(SumOverflow) in try adjustments(c) })
        let incomeRow = try lines("三、收入合计", incomeLines)
        let expenseRow = try lines("四、支出合计", expenseLines)
        let difference = try b.total("五、本期收支差额", [(incomeRow, 1), (expenseRow, -1)])
        if annual {
            let closingRow = try b.totalAbove("六、年末资金结转结余", parts: [
                ("（一）年末资金结转", try each { c throws(SumOverflow) in try funds(c.closingFunds, carried) }),
                ("（二）年末资金结余", try each { c throws(SumOverflow) in try funds(c.closingFunds, surplus) })])
            // 六 = 一 + 二 + 五: the funds moved by nothing but the year's adjustments and difference.
            var expected: [Int64] = []
            for i in 0..<width {
                expected.append(try (b.rows[openingRow].values[i] ?? 0).adding(b.rows[adjustRow].values[i] ?? 0, or: overflow(nil))
                    .adding(b.rows[difference].values[i] ?? 0, or: overflow(nil)))
            }
            for (i, name) in columnNames.enumerated() where i < width && b.rows[closingRow].values[i] != expected[i] {
                failed.append("\(name)：年末资金结转结余 \(Money(fen: b.rows[closingRow].values[i] ?? 0).grouped) ≠ 年初 + 调整 + 本期收支差额 \(Money(fen: expected[i]).grouped)")
            }
        } else {
            b.rows.append(FormRow(label: "六、年末资金结转结余", kind: .total, values: blank))
            b.rows.append(FormRow(label: "（一）年末资金结转", indent: 1, values: blank))
            b.rows.append(FormRow(label: "（二）年末资金结余", indent: 1, values: blank))
        }

        var form = Form(number: number, title: title, organization: organization,
                        periodText: annual ? "\(period.year)年度" : "\(period.year)年\(period.month)月",
                        panelTitles: ["项目"], valueColumns: columnNames, panels: [b.rows])
        form.failedChecks = failed
        // The memo breakdowns (专项资金, 财政拨款) as notes under the form.
        // Only where there is such money in the form's columns.
        func note(_ name: String, _ filter: @escaping (AccountActivity, Column) -> Bool) throws(SumOverflow) {
            let income = try each { c throws(SumOverflow) in try total(incomeLines.map(\.1), c, filter) }
            let spending = try each { c throws(SumOverflow) in try total(expenseLines.map(\.1), c, filter) }
            guard (income + spending).contains(where: { $0 != 0 }) else { return }
            func figures(_ values: [Int64]) -> String {
                zip(columnNames, values).map { "\($0.0) \(Money(fen: $0.1).grouped)" }.joined(separator: "，")
            }
            form.notes.append("注：\(name)收入 \(figures(income))；\(name)支出 \(figures(spending))。")
        }
        try note("专项资金", { target($0, $1) == "32103" })
        if chart.account("331") != nil { try note("财政拨款", { target($0, $1) == "33103" }) }
        return form
    }
}
