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
        var (from, to) = range(year: year, month: month)
        // A book opened in the middle of the year starts at its first period: the opening is 期初.
        if month == nil, let first = try book.opening.firstPeriod(organization: code), first.year == year { from = first }
        return try summing { try TrialBalance(organization: try book.organizations.organization(code), chart: try book.organizations.chart(for: code),
                            turnovers: try book.ledger.turnovers(organization: code, from: from, to: to), from: from, to: to,
                            includeZero: includeZero) }
    }

    /// 资产负债表 at the end of `month`, or of the year when `month` is nil. A month whose income
    /// and expenditure are not carried yet (not closed) shows them in the funds the month's
    /// closing voucher would carry them to, with a note saying so.
    public static func balanceSheet(_ book: Session, organization code: String, year: Int, month: Int?) throws -> Form {
        let period = Period(year: year, month: month ?? 12)!
        let organization = try book.organizations.organization(code)
        let chart = try book.organizations.chart(for: code)
        let closing = try carriedBalances(book, organization: code, chart: chart, through: period)
        let opening = try carriedBalances(book, organization: code, chart: chart, through: try book.opening.yearOpening(organization: code, year: year))
        var form = try summing { try BalanceSheet.form(organization: organization, chart: chart, period: period, annual: month == nil,
                                                        closingNet: closing.net, openingNet: opening.net) }
        form.signers = try book.signatures.signers(organization: code)
        if let note = try midYearNote(book, organization: code, year: year) { form.notes.append(note) }
        if closing.uncarriedDifference != 0 {
            form.notes.append("注：截至\(period.lastDay.chineseDate)尚有收支未期末结转（月份未结账），净资产各项已按结转去向计入未结转的收支差额 \(Money(fen: closing.uncarriedDifference).grouped) 元。")
        }
        if chart.account("331") != nil,
           let note = try summing({ try Appropriations.carriedNote(try appropriationFunds(book, organization: code, chart: chart, through: period),
                                                                   annual: month == nil) }) {
            form.notes.append(note)
        }
        return form
    }

    /// 收入支出表 of `month` beside the year to date, or of the year beside the year before.
    public static func incomeExpenditure(_ book: Session, organization code: String, year: Int, month: Int?) throws -> Form {
        let chart = try book.organizations.chart(for: code)
        let first = try book.opening.firstPeriod(organization: code)
        func column(_ from: Period, _ to: Period) throws -> IncomeExpenditure.Column {
            // A book opened in the middle of the year counts from its first period.
            let from = first.map { $0.year == from.year && $0 > from ? $0 : from } ?? from
            let activity = try book.ledger.activity(organization: code, from: from, to: to, excludingClosing: true)
            let opening = try carriedBalances(book, organization: code, chart: chart, through: try book.opening.yearOpening(organization: code, year: from.year),
                                              fundsOnly: true)
            let closing = try carriedBalances(book, organization: code, chart: chart, through: to, fundsOnly: true)
            return IncomeExpenditure.Column(activity: activity, openingFunds: opening.net, closingFunds: closing.net,
                                            earmarkedProjects: try earmarkedProjects(book, organization: code, year: from.year, through: Period(year: from.year, month: 12)!))
        }
        let columns: [IncomeExpenditure.Column]
        if let month {
            let p = Period(year: year, month: month)!
            columns = [try column(p, p), try column(Period(year: year, month: 1)!, p)]
        } else if let previous = Period(year: year - 1, month: 1) {
            columns = [try column(Period(year: year, month: 1)!, Period(year: year, month: 12)!), try column(previous, Period(year: year - 1, month: 12)!)]
        } else {
            columns = [try column(Period(year: year, month: 1)!, Period(year: year, month: 12)!)]
        }
        var form = try summing { try IncomeExpenditure.form(organization: try book.organizations.organization(code), chart: chart,
                                          period: Period(year: year, month: month ?? 12)!, annual: month == nil, columns: columns) }
        form.signers = try book.signatures.signers(organization: code)
        if let note = try midYearNote(book, organization: code, year: year) { form.notes.append(note) }
        return form
    }

    /// The note under the forms of the year a book was opened in its middle: the 年初余额 are the
    /// balances it was opened with, and the year's figures count from its first period.
    static func midYearNote(_ book: Session, organization code: String, year: Int) throws -> String? {
        guard let first = try book.opening.firstPeriod(organization: code), first.year == year, first.month > 1 else { return nil }
        return "注：本单位自\(first.year)年\(first.month)月建账，年初余额栏为建账时的期初余额，本年累计数自\(first.year)年\(first.month)月起计算。"
    }

    /// The projects earmarked in `year` through `through` (the 321 balances carried in and the
    /// year's earmarked income), as the month's closing decides them.
    static func earmarkedProjects(_ book: Session, organization code: String, year: Int, through: Period) throws -> Set<String> {
        let carried = try book.opening.yearOpening(organization: code, year: year).map { try book.yearEnd.fundBalances(organization: code, through: $0) } ?? []
        let activity = try book.ledger.activity(organization: code, from: Period(year: year, month: 1)!, to: through, excludingClosing: true)
        return CarryForward.earmarkedProjects(carried: carried, activity: activity)
    }

    /// Net balance (debit minus credit) of each leaf account at the end of `through` (nothing
    /// when nil, before the book's first year), with the income and expenditure not yet carried
    /// moved to the fund account `CarryForward.target` carries it to; and that uncarried
    /// difference (income minus expenditure).
    static func carriedBalances(_ book: Session, organization code: String, chart: Chart, through: Period?, fundsOnly: Bool = false) throws
        -> (net: [String: Int64], uncarriedDifference: Int64) {
        guard let through else { return ([:], 0) }
        // The 收入支出表 needs the funds (3xx) and what is carried to them (4xx, 5xx) only.
        let balances = try book.yearEnd.fundBalances(organization: code, through: through)
            .filter { !fundsOnly || ["3", "4", "5"].contains(String($0.accountCode.prefix(1))) }
        let earmarked = try earmarkedProjects(book, organization: code, year: through.year, through: through)
        var net: [String: Int64] = [:], uncarried: [String: Int64] = [:]
        var difference: Int64 = 0
        func add(_ account: String, _ fen: Int64, to sums: inout [String: Int64]) throws {
            let overflow = SumOverflow(organization: code, account: account, period: Period(year: through.year, month: 1)!...through)
            sums[account] = try (sums[account] ?? 0).adding(fen, or: overflow)
        }
        func add(_ account: String, _ fen: Int64) throws { try add(account, fen, to: &net) }
        for balance in balances {
            if CarryForward.closesAtPeriodEnd(balance.accountCode) {
                let target = CarryForward.target(of: balance, chart: chart, earmarked: earmarked)
                try summing {
                    // The account's own total first, so an overflow names it.
                    try add(balance.accountCode, balance.netFen, to: &uncarried)
                    try add(target, balance.netFen)
                    difference = try difference.subtracting(balance.netFen, or: SumOverflow(organization: code, account: nil, year: through.year))
                }
            } else {
                try summing { try add(balance.accountCode, balance.netFen) }
            }
        }
        return (net, difference)
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
                "account \(account) is not in the chart of \(code); check it with `fundledger account list --org \(code)`",
                chinese: "科目 \(account) 不在 \(code) 的科目表中；请用 `fundledger account list --org \(code)` 核对")])
        }
        let (opening, _) = try book.ledger.monthlyTurnovers(organization: code, year: year)
        return try summing { try Ledger.detail(organization: try book.organizations.organization(code), chart: chart, account: account, year: year,
                             opening: opening, lines: try book.ledger.ledgerLines(organization: code, account: account, year: year)) }
    }
}
