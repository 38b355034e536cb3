import FundCore
import FundReports
import FundStore

/// Builds each report from the book. The CLI, the demo and the workbooks all go through here.
public enum Reports {
    /// Months `from...to` of a year, or one month.
    static func range(year: Int, month: Int?) -> (Period, Period) {
        if let month { let p = Period(year: year, month: month)!; return (p, p) }
        return (Period(year: year, month: 1)!, Period(year: year, month: 12)!)
    }

    /// Runs a report's sums: a `SumOverflow` comes out as `BookError.sumOverflow`, as every other
    /// refusal of the book does.
    static func summing<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let overflow as SumOverflow { throw BookError.sumOverflow(overflow) }
    }

    /// 科目余额表 of one month, or of the whole year when `month` is nil.
    public static func trialBalance(_ book: Session, organization code: String, year: Int, month: Int?, includeZero: Bool = false) throws -> TrialBalance {
        let (from, to) = range(year: year, month: month)
        return try summing { try TrialBalance(organization: try book.organizations.organization(code), chart: try book.organizations.chart(for: code),
                            turnovers: try book.ledger.turnovers(organization: code, from: from, to: to), from: from, to: to,
                            includeZero: includeZero) }
    }

    /// 资产负债表 at the end of `month`, or of the year when `month` is nil.
    public static func balanceSheet(_ book: Session, organization code: String, year: Int, month: Int?) throws -> Form {
        let period = Period(year: year, month: month ?? 12)!
        let turnovers = try book.ledger.turnovers(organization: code, from: Period(year: year, month: 1)!, to: period)
        let organization = try book.organizations.organization(code)
        var closing: [String: Int64] = [:], opening: [String: Int64] = [:]
        for t in turnovers {
            guard let net = t.closingNetIfRepresentable else {
                throw BookError.sumOverflow(SumOverflow(organization: code, account: t.code, period: Period(year: year, month: 1)!...period))
            }
            closing[t.code] = net
            opening[t.code] = t.openingNetFen
        }
        return try summing { try BalanceSheet.form(organization: organization, chart: try book.organizations.chart(for: code), period: period,
                                 annual: month == nil, closingNet: closing, openingNet: opening) }
    }

    /// 收入支出表 of `month` beside the year to date, or of the year beside the year before.
    public static func incomeExpenditure(_ book: Session, organization code: String, year: Int, month: Int?) throws -> Form {
        func column(_ from: Period, _ to: Period) throws -> IncomeExpenditure.Column {
            let opening = try book.ledger.turnovers(organization: code, from: Period(year: from.year, month: 1)!, to: Period(year: from.year, month: 1)!)
            let activity = try book.ledger.activity(organization: code, from: from, to: to, excludingClosing: true)
            // Earmarked projects as the year's carry-forward sees them: the whole year's income
            // and the 321 balances carried in.
            let yearActivity = try book.ledger.activity(organization: code, from: Period(year: from.year, month: 1)!, to: Period(year: from.year, month: 12)!,
                                                 excludingClosing: true)
            let carried = try book.yearEnd.fundBalances(organization: code, through: from.year - 1)
            var balances = carried
            for a in yearActivity {
                guard let net = a.netIfRepresentable else {
                    throw BookError.sumOverflow(SumOverflow(organization: code, account: a.code, year: from.year))
                }
                balances.append(FundBalance(accountCode: a.code, project: a.project, source: a.source, netFen: net))
            }
            let earmarked = CarryForward.earmarkedProjects(balances)
            return IncomeExpenditure.Column(activity: activity, openingFunds: Dictionary(uniqueKeysWithValues: opening.map { ($0.code, $0.openingNetFen) }),
                                            earmarkedProjects: earmarked)
        }
        let columns: [IncomeExpenditure.Column]
        if let month {
            let p = Period(year: year, month: month)!
            columns = [try column(p, p), try column(Period(year: year, month: 1)!, p)]
        } else {
            columns = [try column(Period(year: year, month: 1)!, Period(year: year, month: 12)!),
                       try column(Period(year: year - 1, month: 1)!, Period(year: year - 1, month: 12)!)]
        }
        return try summing { try IncomeExpenditure.form(organization: try book.organizations.organization(code), chart: try book.organizations.chart(for: code),
                                      period: Period(year: year, month: month ?? 12)!, annual: month == nil, columns: columns) }
    }

    /// 总账 of the year through `month` (December when nil).
    public static func generalLedger(_ book: Session, organization code: String, year: Int, month: Int?) throws -> Ledger {
        let (opening, months) = try book.ledger.monthlyTurnovers(organization: code, year: year)
        return try summing { try Ledger.general(organization: try book.organizations.organization(code), chart: try book.organizations.chart(for: code), year: year,
                              throughMonth: month ?? 12, opening: opening, months: months) }
    }

    /// 明细账 of one account and its details; an account outside the chart is refused.
    public static func detailLedger(_ book: Session, organization code: String, account: String, year: Int) throws -> Ledger {
        let chart = try book.organizations.chart(for: code)
        guard chart.account(account) != nil else {
            throw BookError.voucherProblems(voucher: code, problems: [VoucherProblem(.unknownAccount,
                "account \(account) is not in the chart of \(code); check it with `fundledger account list --org \(code)`")])
        }
        let (opening, _) = try book.ledger.monthlyTurnovers(organization: code, year: year)
        return try summing { try Ledger.detail(organization: try book.organizations.organization(code), chart: chart, account: account, year: year,
                             opening: opening, lines: try book.ledger.ledgerLines(organization: code, account: account, year: year)) }
    }
}
