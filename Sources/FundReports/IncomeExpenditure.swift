import FundCore

/// 收入支出表 (工会02表). Monthly: 本月数 and 本年累计数. Annual: 本年数 and 上年数, with the
/// opening and closing 资金结转结余 rows. The year-end carry-forward vouchers are left out, so
/// the form shows the year's income and spending whether or not the year has been closed.
/// Earmarked (专项) income and spending, decided by the same rule as the carry-forward, are
/// shown again in 其中 rows (专款专用，单独反映), as are appropriations at county level.
public enum IncomeExpenditure {
    public static let number = "工会02表"
    public static let title = "收入支出表"

    /// One column's figures: activity of the column's months (closing vouchers excluded), and the
    /// net balances of the fund accounts at the start of that column's year.
    public struct Column: Sendable {
        public let activity: [AccountActivity]
        public let openingFunds: [String: Int64]
        /// Projects earmarked in this column's year (see `CarryForward.earmarkedProjects`).
        public let earmarkedProjects: Set<String>
        public init(activity: [AccountActivity], openingFunds: [String: Int64], earmarkedProjects: Set<String>) {
            self.activity = activity
            self.openingFunds = openingFunds
            self.earmarkedProjects = earmarkedProjects
        }
    }

    public static func form(organization: Organization, chart: Chart, period: Period, annual: Bool, columns: [Column]) -> Form {
        let county = chart.kind == .county
        let width = columns.count
        func each(_ value: (Column) -> Int64) -> [Int64] { columns.map(value) }
        func target(_ a: AccountActivity, _ column: Column) -> String {
            CarryForward.target(of: FundBalance(accountCode: a.code, project: a.project, source: a.source, netFen: 0), chart: chart,
                                earmarked: column.earmarkedProjects)
        }
        func isEarmarked(_ a: AccountActivity, _ column: Column) -> Bool { target(a, column) == "32103" }
        func isAppropriation(_ a: AccountActivity, _ column: Column) -> Bool { target(a, column) == "33103" }
        /// Income counts credit minus debit, spending debit minus credit.
        func amount(_ column: Column, _ prefix: String, _ filter: (AccountActivity, Column) -> Bool = { _, _ in true }) -> Int64 {
            column.activity.filter { $0.code.hasPrefix(prefix) && filter($0, column) }.reduce(0) { sum, a in
                sum + (AccountCategory(code: a.code) == .income ? -a.netFen : a.netFen)
            }
        }
        func funds(_ column: Column, _ prefixes: [String]) -> Int64 {
            -column.openingFunds.filter { entry in prefixes.contains { entry.key.hasPrefix($0) } }.values.reduce(0, +)
        }
        func adjustments(_ column: Column, _ prefixes: [String]) -> Int64 {
            -column.activity.filter { a in prefixes.contains { a.code.hasPrefix($0) } }.reduce(0) { $0 + $1.netFen }
        }
        let carried = county ? ["321", "331"] : ["321"]
        let surplus = county ? ["322", "332"] : ["322"]

        var b = PanelBuilder(columns: width)
        var openingRow: Int?
        if annual {
            openingRow = b.totalAbove("一、年初资金结转结余", parts: [("资金结转", each { funds($0, carried) }),
                                                                 ("资金结余", each { funds($0, surplus) })])
        }
        let adjustCarried = each { adjustments($0, carried) }
        let adjustSurplus = each { adjustments($0, surplus) }
        let adjustRow = b.item("二、资金结转结余调整及变动", indent: 0, zip(adjustCarried, adjustSurplus).map(+))

        let incomeAccounts = chart.levelOneAccounts.filter { $0.category == .income }
        let expenseAccounts = chart.levelOneAccounts.filter { $0.category == .expenditure }
        let incomeRow = b.totalAbove("三、收入合计", parts: incomeAccounts.map { account in (account.name, each { amount($0, account.code) }) })
        let earmarkedIncome = each { c in incomeAccounts.reduce(0) { $0 + amount(c, $1.code, isEarmarked) } }
        let appropriationIncome = each { c in incomeAccounts.reduce(0) { $0 + amount(c, $1.code, isAppropriation) } }
        b.item("其中：专项资金收入", indent: 1, earmarkedIncome, kind: .memo)
        if county { b.item("其中：财政拨款收入", indent: 1, appropriationIncome, kind: .memo) }

        let expenseRow = b.totalAbove("四、支出合计", parts: expenseAccounts.map { account in (account.name, each { amount($0, account.code) }) })
        let earmarkedSpending = each { c in expenseAccounts.reduce(0) { $0 + amount(c, $1.code, isEarmarked) } }
        let appropriationSpending = each { c in expenseAccounts.reduce(0) { $0 + amount(c, $1.code, isAppropriation) } }
        b.item("其中：专项资金支出", indent: 1, earmarkedSpending, kind: .memo)
        if county { b.item("其中：财政拨款支出", indent: 1, appropriationSpending, kind: .memo) }

        let difference = b.total("五、本期收支差额", [(incomeRow, 1), (expenseRow, -1)])
        let earmarkedDifference = zip(earmarkedIncome, earmarkedSpending).map(-)
        b.item("其中：专项资金收支差额", indent: 1, earmarkedDifference, kind: .memo)

        if let openingRow {
            // Closing funds split as the carry-forward does: earmarked and appropriation
            // differences to 结转, the rest to 结余.
            let appropriationDifference = zip(appropriationIncome, appropriationSpending).map(-)
            let differenceValues = b.rows[difference].values.map { $0 ?? 0 }
            var closingCarried: [Int64] = [], closingSurplus: [Int64] = []
            for i in 0..<width {
                let carriedPart = earmarkedDifference[i] + appropriationDifference[i]
                closingCarried.append((b.rows[openingRow + 1].values[i] ?? 0) + adjustCarried[i] + carriedPart)
                closingSurplus.append((b.rows[openingRow + 2].values[i] ?? 0) + adjustSurplus[i] + differenceValues[i] - carriedPart)
            }
            b.total("六、年末资金结转结余", [(openingRow, 1), (adjustRow, 1), (difference, 1)])
            b.item("资金结转", indent: 1, closingCarried, kind: .memo)
            b.item("资金结余", indent: 1, closingSurplus, kind: .memo)
        }
        let columnsText = annual ? ["本年数", "上年数"] : ["本月数", "本年累计数"]
        return Form(number: number, title: title, organization: organization,
                    periodText: annual ? "\(period.year)年度" : "\(period.year)年\(period.month)月",
                    panelTitles: ["项目"], valueColumns: columnsText, panels: [b.rows])
    }
}
