import FundCore

/// 预算执行情况表: per budget line the original and adjusted budget, actual this month and year to
/// date, what remains, and the execution rate; overruns flagged. Income and expenditure have
/// their own totals.
public struct BudgetExecution: Sendable {
    public struct Row: Hashable, Sendable {
        public let key: BudgetKey
        public let name: String
        public let original: Int64
        public let adjusted: Int64
        public let month: Int64
        public let yearToDate: Int64
        /// Income lines are not overrun by receiving more than planned.
        public let isIncome: Bool
        public var remaining: Int64 { adjusted - yearToDate }
        public var overrun: Bool { !isIncome && yearToDate > adjusted }

        /// Execution rate in hundredths of a percent, computed in integers; nil without a budget.
        public var rateBasisPoints: Int64? {
            guard adjusted > 0 else { return nil }
            let (product, overflow) = yearToDate.multipliedReportingOverflow(by: 10_000)
            return overflow ? yearToDate / (adjusted / 10_000 == 0 ? 1 : adjusted / 10_000) : product / adjusted
        }
    }

    public let organization: Organization
    public let year: Int
    public let month: Int
    public let status: BudgetStatus
    public let adjustments: Int
    public let rows: [Row]
    /// 收入合计 of the income lines.
    public let incomeTotal: Row
    /// 支出合计 of the spending lines.
    public let expenditureTotal: Row

    public static let title = "预算执行情况表"
    public static let headers = ["科目编码", "预算项目", "年初预算", "调整后预算", "本月执行", "累计执行", "预算余额", "执行率", "提示"]
    public static let keys = ["account", "item", "original", "adjusted", "month", "year_to_date", "remaining", "rate", "flag"]

    /// The report of `budget` with its `actuals` through `month`. A total or a remaining amount
    /// past Int64 fen throws `SumOverflow` naming the line's account.
    public init(organization: Organization, chart: Chart, budget: Budget, actuals: [BudgetKey: BudgetActual], month: Int) throws(SumOverflow) {
        self.organization = organization
        year = budget.year
        self.month = month
        status = budget.status
        adjustments = budget.adjustments.count
        rows = budget.lines.sorted { $0.key < $1.key }.map { line in
            let actual = actuals[line.key] ?? BudgetActual()
            let detail = [line.key.expenseType?.chinese, line.key.project, line.key.counterpart.map { "对" + $0 }].compactMap { $0 }
            return Row(key: line.key, name: (chart.fullName(line.key.account) ?? line.key.account) + (detail.isEmpty ? "" : "（" + detail.joined(separator: "，") + "）"),
                       original: line.original.fen, adjusted: line.adjusted.fen, month: actual.month, yearToDate: actual.yearToDate,
                       isIncome: line.key.isIncome)
        }
        let months = (Period(year: budget.year, month: 1) ?? Period(year: 1900, month: 1)!)...(Period(year: budget.year, month: month) ?? Period(year: 1900, month: 12)!)
        let incomeRows = rows.filter { $0.key.isIncome }, expenditureRows = rows.filter { !$0.key.isIncome }
        incomeTotal = try BudgetExecution.total("收入合计", incomeRows, income: true, organization: organization.code, months: months)
        expenditureTotal = try BudgetExecution.total("支出合计", expenditureRows, income: false, organization: organization.code, months: months)
        for row in rows + [incomeTotal, expenditureTotal] {
            _ = try row.adjusted.subtracting(row.yearToDate, or: SumOverflow(organization: organization.code, account: row.key.account.isEmpty ? nil : row.key.account,
                                                                              period: months))
        }
    }

    public var incomeRows: [Row] { rows.filter { $0.key.isIncome } }
    public var expenditureRows: [Row] { rows.filter { !$0.key.isIncome } }

    static func total(_ label: String, _ rows: [Row], income: Bool, organization: String, months: ClosedRange<Period>) throws(SumOverflow) -> Row {
        let overflow = SumOverflow(organization: organization, account: nil, period: months)
        var original: Int64 = 0, adjusted: Int64 = 0, month: Int64 = 0, yearToDate: Int64 = 0
        for row in rows {
            original = try original.adding(row.original, or: overflow)
            adjusted = try adjusted.adding(row.adjusted, or: overflow)
            month = try month.adding(row.month, or: overflow)
            yearToDate = try yearToDate.adding(row.yearToDate, or: overflow)
        }
        return Row(key: BudgetKey(account: ""), name: label, original: original, adjusted: adjusted, month: month, yearToDate: yearToDate, isIncome: income)
    }


    public static func rateText(_ row: Row) -> String {
        guard let bp = row.rateBasisPoints else { return "—" }
        let sign = bp < 0 ? "-" : ""
        let magnitude = bp.magnitude
        return sign + String(magnitude / 100) + "." + (magnitude % 100 < 10 ? "0" : "") + String(magnitude % 100) + "%"
    }

    func cells(_ row: Row, money: (Int64) -> String) -> [String] {
        [row.key.account, row.name, money(row.original), money(row.adjusted), money(row.month), money(row.yearToDate),
         money(row.remaining), BudgetExecution.rateText(row), row.overrun ? "超支" : ""]
    }

    public func rendered(_ format: OutputFormat) -> String {
        let ordered = incomeRows + [incomeTotal] + expenditureRows + [expenditureTotal]
        switch format {
        case .table:
            let head = "\(BudgetExecution.title)  \(organization.name)（\(organization.code)）  \(year)年1月至\(month)月  单位：元  预算\(status.chinese)，调整\(adjustments)次\n"
            return head + Render.table(headers: BudgetExecution.headers, rows: ordered.map { cells($0) { Money(fen: $0).grouped } }, rightAligned: Set(2...7))
        case .csv:
            return Render.csv(headers: BudgetExecution.keys, rows: ordered.map { cells($0) { Money(fen: $0).description } })
        case .json:
            return Render.jsonObject([("report", Render.jsonString("budget-execution")), ("organization", Render.jsonString(organization.code)),
                                      ("year", String(year)), ("month", String(month)), ("status", Render.jsonString(status.rawValue)),
                                      ("rows", Render.jsonArray(ordered.map { row in
                                          Render.jsonObject(zip(BudgetExecution.keys, cells(row) { Money(fen: $0).description }).map { ($0, Render.jsonString($1)) }, indent: "    ")
                                      }, indent: "  "))]) + "\n"
        }
    }
}
