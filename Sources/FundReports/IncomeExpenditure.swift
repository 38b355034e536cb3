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

    /// Throws `SumOverflow` when a line or total of the form is too large for Int64 fen.
    public static func form(organization: Organization, chart: Chart, period: Period, annual: Bool, columns: [Column]) throws(SumOverflow) -> Form {
        let county = chart.kind == .county
        let width = columns.count
        let months = Period(year: annual ? max(period.year - 1, 1900) : period.year, month: 1)!...period
        func overflow(_ account: String?) -> SumOverflow { SumOverflow(organization: organization.code, account: account, period: months) }
        func each(_ value: (Column) throws(SumOverflow) -> Int64) throws(SumOverflow) -> [Int64] {
            var values: [Int64] = []
            for column in columns { values.append(try value(column)) }
            return values
        }
        func pairwise(_ a: [Int64], _ b: [Int64], _ sign: Int64) throws(SumOverflow) -> [Int64] {
            var values: [Int64] = []
            for (x, y) in zip(a, b) { values.append(try sign < 0 ? x.subtracting(y, or: overflow(nil)) : x.adding(y, or: overflow(nil))) }
            return values
        }
        func target(_ a: AccountActivity, _ column: Column) -> String {
            CarryForward.target(of: FundBalance(accountCode: a.code, project: a.project, source: a.source, netFen: 0), chart: chart,
                                earmarked: column.earmarkedProjects)
        }
        func isEarmarked(_ a: AccountActivity, _ column: Column) -> Bool { target(a, column) == "32103" }
        func isAppropriation(_ a: AccountActivity, _ column: Column) -> Bool { target(a, column) == "33103" }
        /// Income counts credit minus debit, spending debit minus credit.
        func amount(_ column: Column, _ prefix: String, _ filter: (AccountActivity, Column) -> Bool = { _, _ in true }) throws(SumOverflow) -> Int64 {
            var sum: Int64 = 0
            for a in column.activity where a.code.hasPrefix(prefix) && filter(a, column) {
                let (debit, credit) = AccountCategory(code: a.code) == .income ? (a.creditFen, a.debitFen) : (a.debitFen, a.creditFen)
                sum = try sum.adding(debit, or: overflow(prefix)).subtracting(credit, or: overflow(prefix))
            }
            return sum
        }
        func funds(_ column: Column, _ prefixes: [String]) throws(SumOverflow) -> Int64 {
            var sum: Int64 = 0
            for entry in column.openingFunds where prefixes.contains(where: { entry.key.hasPrefix($0) }) {
                sum = try sum.subtracting(entry.value, or: overflow(prefixes.joined(separator: "/")))
            }
            return sum
        }
        func adjustments(_ column: Column, _ prefixes: [String]) throws(SumOverflow) -> Int64 {
            var sum: Int64 = 0
            for a in column.activity where prefixes.contains(where: { a.code.hasPrefix($0) }) {
                sum = try sum.subtracting(a.debitFen, or: overflow(a.code)).adding(a.creditFen, or: overflow(a.code))
            }
            return sum
        }
        func sum(_ accounts: [Account], _ column: Column, _ filter: (AccountActivity, Column) -> Bool) throws(SumOverflow) -> Int64 {
            var total: Int64 = 0
            for account in accounts { total = try total.adding(try amount(column, account.code, filter), or: overflow(nil)) }
            return total
        }
        let carried = county ? ["321", "331"] : ["321"]
        let surplus = county ? ["322", "332"] : ["322"]

        var b = PanelBuilder(columns: width, overflow: overflow(nil))
        var openingRow: Int?
        if annual {
            openingRow = try b.totalAbove("一、年初资金结转结余", parts: [("资金结转", try each { c throws(SumOverflow) in try funds(c, carried) }),
                                                                     ("资金结余", try each { c throws(SumOverflow) in try funds(c, surplus) })])
        }
        let adjustCarried = try each { c throws(SumOverflow) in try adjustments(c, carried) }
        let adjustSurplus = try each { c throws(SumOverflow) in try adjustments(c, surplus) }
        let adjustRow = b.item("二、资金结转结余调整及变动", indent: 0, try pairwise(adjustCarried, adjustSurplus, 1))

        let incomeAccounts = chart.levelOneAccounts.filter { $0.category == .income }
        let expenseAccounts = chart.levelOneAccounts.filter { $0.category == .expenditure }
        var incomeParts: [(label: String, values: [Int64])] = []
        for account in incomeAccounts { incomeParts.append((account.name, try each { c throws(SumOverflow) in try amount(c, account.code) })) }
        let incomeRow = try b.totalAbove("三、收入合计", parts: incomeParts)
        let earmarkedIncome = try each { c throws(SumOverflow) in try sum(incomeAccounts, c, isEarmarked) }
        let appropriationIncome = try each { c throws(SumOverflow) in try sum(incomeAccounts, c, isAppropriation) }
        b.item("其中：专项资金收入", indent: 1, earmarkedIncome, kind: .memo)
        if county { b.item("其中：财政拨款收入", indent: 1, appropriationIncome, kind: .memo) }

        var expenseParts: [(label: String, values: [Int64])] = []
        for account in expenseAccounts { expenseParts.append((account.name, try each { c throws(SumOverflow) in try amount(c, account.code) })) }
        let expenseRow = try b.totalAbove("四、支出合计", parts: expenseParts)
        let earmarkedSpending = try each { c throws(SumOverflow) in try sum(expenseAccounts, c, isEarmarked) }
        let appropriationSpending = try each { c throws(SumOverflow) in try sum(expenseAccounts, c, isAppropriation) }
        b.item("其中：专项资金支出", indent: 1, earmarkedSpending, kind: .memo)
        if county { b.item("其中：财政拨款支出", indent: 1, appropriationSpending, kind: .memo) }

        let difference = try b.total("五、本期收支差额", [(incomeRow, 1), (expenseRow, -1)])
        let earmarkedDifference = try pairwise(earmarkedIncome, earmarkedSpending, -1)
        b.item("其中：专项资金收支差额", indent: 1, earmarkedDifference, kind: .memo)

        if let openingRow {
            // Closing funds split as the carry-forward does: earmarked and appropriation
            // differences to 结转, the rest to 结余.
            let appropriationDifference = try pairwise(appropriationIncome, appropriationSpending, -1)
            let differenceValues = b.rows[difference].values.map { $0 ?? 0 }
            var closingCarried: [Int64] = [], closingSurplus: [Int64] = []
            for i in 0..<width {
                let carriedPart = try earmarkedDifference[i].adding(appropriationDifference[i], or: overflow(nil))
                closingCarried.append(try (b.rows[openingRow + 1].values[i] ?? 0).adding(adjustCarried[i], or: overflow(nil)).adding(carriedPart, or: overflow(nil)))
                closingSurplus.append(try (b.rows[openingRow + 2].values[i] ?? 0).adding(adjustSurplus[i], or: overflow(nil))
                    .adding(differenceValues[i], or: overflow(nil)).subtracting(carriedPart, or: overflow(nil)))
            }
            try b.total("六、年末资金结转结余", [(openingRow, 1), (adjustRow, 1), (difference, 1)])
            b.item("资金结转", indent: 1, closingCarried, kind: .memo)
            b.item("资金结余", indent: 1, closingSurplus, kind: .memo)
        }
        let columnsText = annual ? ["本年数", "上年数"] : ["本月数", "本年累计数"]
        return Form(number: number, title: title, organization: organization,
                    periodText: annual ? "\(period.year)年度" : "\(period.year)年\(period.month)月",
                    panelTitles: ["项目"], valueColumns: columnsText, panels: [b.rows])
    }
}
