import FundCore

/// One row of the 科目余额表: balances shown in the column of their direction.
public struct TrialBalanceRow: Hashable, Sendable {
    public let code: String
    public let name: String
    public let level: Int
    public var openingDebit: Int64 = 0
    public var openingCredit: Int64 = 0
    public var periodDebit: Int64 = 0
    public var periodCredit: Int64 = 0
    public var closingDebit: Int64 = 0
    public var closingCredit: Int64 = 0

    public init(code: String, name: String, level: Int) {
        self.code = code
        self.name = name
        self.level = level
    }

    var isZero: Bool {
        openingDebit == 0 && openingCredit == 0 && periodDebit == 0 && periodCredit == 0 && closingDebit == 0 && closingCredit == 0
    }

    /// The six amounts in column order.
    public var amounts: [Int64] { [openingDebit, openingCredit, periodDebit, periodCredit, closingDebit, closingCredit] }
}

/// 科目余额表 (trial balance) of one organisation for a month or a range of months.
public struct TrialBalance: Sendable {
    public let organization: Organization
    public let from: Period
    public let to: Period
    /// Accounts in code order, every level, each parent summing its details.
    public let rows: [TrialBalanceRow]
    /// Sums over the level-1 rows; debits equal credits in every pair of columns.
    public let totals: TrialBalanceRow

    public static let title = "科目余额表"
    public static let headers = ["科目编码", "科目名称", "期初借方", "期初贷方", "本期借方", "本期贷方", "期末借方", "期末贷方"]
    public static let keys = ["code", "name", "level", "opening_debit", "opening_credit", "period_debit", "period_credit", "closing_debit", "closing_credit"]

    /// Builds the report from the leaf turnovers of the book. Accounts with no balance and no
    /// activity are left out unless `includeZero`. A sum too large for Int64 fen (an account with
    /// its details, or the totals) throws `SumOverflow` naming the account.
    public init(organization: Organization, chart: Chart, turnovers: [AccountTurnover], from: Period, to: Period,
                includeZero: Bool = false) throws(SumOverflow) {
        self.organization = organization
        self.from = from
        self.to = to
        func overflow(_ account: String?) -> SumOverflow { SumOverflow(organization: organization.code, account: account, period: from...to) }
        var opening: [String: Int64] = [:], debit: [String: Int64] = [:], credit: [String: Int64] = [:]
        for turnover in turnovers {
            var code: String? = turnover.code
            while let current = code {
                opening[current] = try (opening[current] ?? 0).adding(turnover.openingNetFen, or: overflow(current))
                debit[current] = try (debit[current] ?? 0).adding(turnover.debitFen, or: overflow(current))
                credit[current] = try (credit[current] ?? 0).adding(turnover.creditFen, or: overflow(current))
                code = AccountCode.parent(of: current)
            }
        }
        var rows: [TrialBalanceRow] = []
        var totals = TrialBalanceRow(code: "", name: "合计", level: 0)
        for account in chart.accounts {
            var row = TrialBalanceRow(code: account.code, name: account.name, level: account.level)
            let open = opening[account.code] ?? 0
            row.periodDebit = debit[account.code] ?? 0
            row.periodCredit = credit[account.code] ?? 0
            let close = try open.adding(row.periodDebit, or: overflow(account.code)).subtracting(row.periodCredit, or: overflow(account.code))
            (row.openingDebit, row.openingCredit) = open >= 0 ? (open, 0) : (0, try open.negated(or: overflow(account.code)))
            (row.closingDebit, row.closingCredit) = close >= 0 ? (close, 0) : (0, try close.negated(or: overflow(account.code)))
            if row.isZero && !includeZero { continue }
            rows.append(row)
            if account.level == 1 {
                totals.openingDebit = try totals.openingDebit.adding(row.openingDebit, or: overflow(nil))
                totals.openingCredit = try totals.openingCredit.adding(row.openingCredit, or: overflow(nil))
                totals.periodDebit = try totals.periodDebit.adding(row.periodDebit, or: overflow(nil))
                totals.periodCredit = try totals.periodCredit.adding(row.periodCredit, or: overflow(nil))
                totals.closingDebit = try totals.closingDebit.adding(row.closingDebit, or: overflow(nil))
                totals.closingCredit = try totals.closingCredit.adding(row.closingCredit, or: overflow(nil))
            }
        }
        self.rows = rows
        self.totals = totals
    }

    /// "2026年3月" for one month, "2026年1月至12月" or "2026年1月至2027年2月" for a range.
    public var periodText: String { periodLabel(from: from, to: to) }

    public var balanced: Bool {
        totals.openingDebit == totals.openingCredit && totals.periodDebit == totals.periodCredit
            && totals.closingDebit == totals.closingCredit
    }
}

/// How a range of months is named in Chinese report titles.
public func periodLabel(from: Period, to: Period) -> String {
    if from == to { return "\(from.year)年\(from.month)月" }
    if from.year == to.year { return "\(from.year)年\(from.month)月至\(to.month)月" }
    return "\(from.year)年\(from.month)月至\(to.year)年\(to.month)月"
}
