import FundCore
import FundReports
import FundStore
import Testing

/// One regression test per report whose sums trapped past Int64 (SIGILL): built from values,
/// each now throws `SumOverflow` naming the organisation, the account and the months.
@Suite struct SumOverflowRegressionTests {
    static let organization = Organization(code: "FED-01", name: "某某县物流行业工会联合会", level: .federation, parentCode: nil, independent: true)
    static let chart = Chart.standard(.grassroots)
    static let half = Int64.max / 2 + 1
    static let may = Period(year: 2026, month: 5)!

    static func refused(_ account: String?, _ body: () throws -> Void) {
        #expect {
            try body()
        } throws: { error in
            guard let overflow = error as? SumOverflow else { return false }
            return overflow.organization == "FED-01" && overflow.account == account
        }
    }

    @Test func theRefusalNamesTheOrganisationTheAccountAndTheMonths() {
        let month = BookError.sumOverflow(SumOverflow(organization: "FED-01", account: "102", month: Self.may))
        #expect(month.description == "the sum of account 102 of FED-01 in 2026-05 is too large to hold exactly (more than 92,233,720,368,547,758.07 yuan); "
            + "correct the lines that are too large, or spread the amounts over several organisations or years")
        #expect(month.rule == "sum-overflow" && month.category == .invalidInput)
        let year = SumOverflow(organization: "FED-01", account: nil, year: 2026)
        #expect(year.description.hasPrefix("the total over the accounts of FED-01 in 2026-01 to 2026-12 is too large"))
    }

    @Test func trialBalanceOfDetailsPastInt64IsRefused() {
        // 10201 and 10202 each fit; their parent 102 does not.
        let chart = Self.chart
        let details = chart.accounts.map(\.code).filter { $0.hasPrefix("102") && $0.count > 3 }
        let turnovers = details.isEmpty
            ? [AccountTurnover(code: "102", openingNetFen: Self.half, debitFen: Self.half, creditFen: 0)]
            : details.prefix(2).map { AccountTurnover(code: $0, openingNetFen: 0, debitFen: Self.half, creditFen: 0) }
        let account = details.isEmpty ? "102" : "102"
        Self.refused(account) {
            _ = try TrialBalance(organization: Self.organization, chart: chart, turnovers: turnovers, from: Self.may, to: Self.may)
        }
    }

    @Test func trialBalanceTotalsPastInt64AreRefused() {
        let turnovers = [AccountTurnover(code: "101", openingNetFen: 0, debitFen: Self.half, creditFen: 0),
                         AccountTurnover(code: "102", openingNetFen: 0, debitFen: Self.half, creditFen: 0)]
        Self.refused(nil) {
            _ = try TrialBalance(organization: Self.organization, chart: Self.chart, turnovers: turnovers, from: Self.may, to: Self.may)
        }
    }

    @Test func balanceSheetLinePastInt64IsRefused() {
        Self.refused("101/102") {
            _ = try BalanceSheet.form(organization: Self.organization, chart: Self.chart, period: Self.may, annual: false,
                                      closingNet: ["101": Self.half, "102": Self.half], openingNet: [:])
        }
    }

    @Test func incomeAndExpenditurePastInt64IsRefused() {
        let activity = [AccountActivity(code: "401", project: "A", source: nil, debitFen: 0, creditFen: Self.half),
                        AccountActivity(code: "401", project: "B", source: nil, debitFen: 0, creditFen: Self.half)]
        let column = IncomeExpenditure.Column(activity: activity, openingFunds: [:], earmarkedProjects: [])
        Self.refused("401") {
            _ = try IncomeExpenditure.form(organization: Self.organization, chart: Self.chart, period: Self.may, annual: false, columns: [column, column])
        }
    }

    @Test func generalLedgerMonthPastInt64IsRefused() {
        let months = [MonthlyTurnover(code: "102", month: 5, debitFen: Self.half, creditFen: 0),
                      MonthlyTurnover(code: "102", month: 5, debitFen: Self.half, creditFen: 0)]
        Self.refused("102") {
            _ = try Ledger.general(organization: Self.organization, chart: Self.chart, year: 2026, opening: [:], months: months)
        }
    }

    @Test func detailLedgerRunningBalancePastInt64IsRefused() {
        let ref = VoucherRef(period: Self.may, word: "记", number: 1)
        let line = LedgerLine(date: LocalDate(year: 2026, month: 5, day: 6)!, ref: ref, summary: "限额", accountCode: "102", side: .debit,
                              amountFen: Self.half, project: nil)
        Self.refused("102") {
            _ = try Ledger.detail(organization: Self.organization, chart: Self.chart, account: "102", year: 2026, opening: [:], lines: [line, line])
        }
    }

    @Test func budgetExecutionTotalsPastInt64AreRefused() {
        let lines = [BudgetLine(key: BudgetKey(account: "50101"), original: Money(fen: Self.half)),
                     BudgetLine(key: BudgetKey(account: "50102"), original: Money(fen: Self.half))]
        let budget = Budget(organization: "FED-01", year: 2026, status: .approved, document: nil, lines: lines, adjustments: [])
        Self.refused(nil) {
            _ = try BudgetExecution(organization: Self.organization, chart: Self.chart, budget: budget, actuals: [:], month: 5)
        }
    }

    @Test func budgetActualsPastInt64AreRefused() {
        let budget = Budget(organization: "FED-01", year: 2026, status: .approved, document: nil,
                            lines: [BudgetLine(key: BudgetKey(account: "401"), original: .zero)], adjustments: [])
        let activity = [BudgetActivity(accountCode: "401", expenseType: nil, project: "A", counterpart: nil, period: 202605, debitFen: 0, creditFen: Self.half),
                        BudgetActivity(accountCode: "401", expenseType: nil, project: "B", counterpart: nil, period: 202605, debitFen: 0, creditFen: Self.half)]
        Self.refused("401") { _ = try BudgetControl.actuals(of: budget, activity: activity, year: 2026, month: 5) }
    }

    @Test func rollupPastInt64IsRefused() {
        let members = [Self.organization]
        let balances = [RollupBalance(organization: "FED-01", account: "401", project: "A", counterpart: nil, closingNet: -Self.half, activityNet: -Self.half),
                        RollupBalance(organization: "FED-01", account: "401", project: "B", counterpart: nil, closingNet: -Self.half, activityNet: -Self.half)]
        Self.refused("401") { _ = try Rollup(data: RollupData(members: members, balances: balances, budgets: [:]), year: 2026, month: 5) }
    }

    @Test func subsidyFiguresPastInt64AreRefused() {
        let day = LocalDate(year: 2026, month: 3, day: 1)!
        let item = SubsidyItem(code: "XB-1", grantor: "CTY-01", recipient: "FED-01", title: "技能竞赛", purpose: "奖品", accounts: ["50301"],
                               approved: Money(fen: 100), document: "某总工〔2026〕7号", documentDate: day, windowStart: day,
                               deadline: LocalDate(year: 2026, month: 11, day: 30)!, status: .approved)
        let balances = [SubsidyBalance(organization: "FED-01", accountCode: "50301", counterpart: nil, debitFen: Self.half, creditFen: 0),
                        SubsidyBalance(organization: "FED-01", accountCode: "50302", counterpart: nil, debitFen: Self.half, creditFen: 0)]
        Self.refused("50302") { _ = try SubsidyFigures(item: item, balances: balances, returnedFen: 0, lastActivity: nil) }
    }

    @Test func carryForwardContraPastInt64IsRefused() {
        // Two income accounts whose balances both close to the same fund account and project.
        let chart = Chart.standard(.grassroots)
        let income = chart.accounts.filter { $0.category == .income && chart.isLeaf($0.code) }.map(\.code)
        let balances = income.prefix(2).map { FundBalance(accountCode: $0, project: nil, source: nil, netFen: -Self.half) }
        #expect(balances.count == 2)
        #expect {
            _ = try CarryForward.periodEnd(organization: "FED-01", year: 2026, chart: chart, balances: balances, preparer: "王芳")
        } throws: { error in
            (error as? SumOverflow)?.organization == "FED-01"
        }
    }

    @Test func budgetLinesAndAdjustmentsOverTheLineLimitAreRefused() throws {
        let over = Money(fen: Limits.lineAmountFen + 1)
        let key = BudgetKey(account: "50101")
        #expect(Budget.problems([BudgetLine(key: key, original: over)], chart: Self.chart) == [.amountTooLarge(key: key, amount: over)])
        #expect(Budget.problems([BudgetLine(key: key, original: Money(fen: Limits.lineAmountFen))], chart: Self.chart).isEmpty)
        let line = BudgetLine(key: key, original: Money(fen: Limits.lineAmountFen - 5))
        #expect(throws: BudgetProblem.adjustmentTooLarge(key: key, amount: over)) {
            _ = try BudgetAdjustments.deltas([line], changes: [key: over])
        }
        #expect(throws: BudgetProblem.adjustmentTooLarge(key: key, amount: Money(fen: Limits.lineAmountFen + 5))) {
            _ = try BudgetAdjustments.deltas([line], changes: [key: Money(fen: 10)])
        }
        #expect(try BudgetAdjustments.deltas([line], changes: [key: Money(fen: 5)]).count == 1)
    }
}
