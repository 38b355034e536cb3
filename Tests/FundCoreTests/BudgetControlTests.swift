import Testing
@testable import FundCore

/// Budget control, actuals and adjustments decided without a book.
@Suite struct BudgetControlTests {
    static let chart = Chart.standard(.grassroots)

    static func budget(_ lines: [BudgetLine], status: BudgetStatus = .approved) -> Budget {
        Budget(organization: "FED-01", year: 2026, status: status, document: status == .approved ? "批1" : nil, lines: lines, adjustments: [])
    }

    static let overflow = SumOverflow(organization: "FED-01", account: "50504", year: 2026)

    static func activity(_ code: String, _ period: Int, debit: Int64 = 0, credit: Int64 = 0, expense: ExpenseType? = nil,
                         project: String? = nil) -> BudgetActivity {
        BudgetActivity(accountCode: code, expenseType: expense, project: project, counterpart: nil, period: period, debitFen: debit, creditFen: credit)
    }

    static func spending(_ code: String, _ fen: Int64, date: String = "2026-03-12", kind: VoucherKind = .entry) -> VoucherDraft {
        VoucherDraft(organization: "FED-01", date: LocalDate(parsing: date)!, summary: "支出", preparer: "王芳", kind: kind, lines: [
            VoucherLine(accountCode: code, side: .debit, amount: Money(fen: fen)),
            VoucherLine(accountCode: "102", side: .credit, amount: Money(fen: fen))])
    }

    @Test func actualsCountIncomeAsCreditsAndSpendingAsDebits() throws {
        let dues = BudgetKey(account: "401"), contest = BudgetKey(account: "50301", expenseType: .project, project: "XB-1")
        let budget = Self.budget([BudgetLine(key: dues, original: Money(fen: 8_000_00)), BudgetLine(key: contest, original: Money(fen: 5_000_00))])
        let activity = [Self.activity("401", 202603, credit: 5_000_00), Self.activity("40101", 202604, debit: 100, credit: 1_100),
                        Self.activity("50301", 202604, debit: 800, expense: .project, project: "XB-1"),
                        Self.activity("50301", 202604, debit: 999, project: "XB-1"),
                        Self.activity("401", 202605, credit: 7)]
        let actuals = try BudgetControl.actuals(of: budget, activity: activity, year: 2026, month: 4)
        #expect(actuals[dues] == BudgetActual(month: 1_000, yearToDate: 501_000))
        #expect(actuals[contest] == BudgetActual(month: 800, yearToDate: 800))
    }

    @Test func onlyAnApprovedBudgetsSpendingLinesAreControlled() {
        let lines = [BudgetLine(key: BudgetKey(account: "50504"), original: Money(fen: 10_000)), BudgetLine(key: BudgetKey(account: "401"), original: .zero)]
        #expect(BudgetControl.linesTouched(by: Self.spending("50504", 1), in: Self.budget(lines, status: .approved)).map(\.key) == [BudgetKey(account: "50504")])
        #expect(BudgetControl.linesTouched(by: Self.spending("50504", 1), in: Self.budget(lines, status: .draft)).isEmpty)
        #expect(BudgetControl.linesTouched(by: Self.spending("50301", 1), in: Self.budget(lines, status: .approved)).isEmpty)
        #expect(BudgetControl.linesTouched(by: Self.spending("50504", 1, date: "2027-01-05"), in: Self.budget(lines, status: .approved)).isEmpty)
    }

    @Test func anOverrunIsSpendingAboveTheAdjustedAmountAndWarnsOrRefuses() throws {
        let line = BudgetLine(key: BudgetKey(account: "50504"), original: Money(fen: 10_000))
        #expect(try BudgetControl.overrun(of: line, activity: [Self.activity("50504", 202603, debit: 10_000)], overflow: Self.overflow) == nil)
        let overrun = try BudgetControl.overrun(of: line, activity: [Self.activity("50504", 202603, debit: 8_000), Self.activity("50504", 202603, debit: 3_000)], overflow: Self.overflow)
        #expect(overrun?.description == "budget line 50504: spent 110.00 of 100.00 (over by 10.00)")
        let overruns = [overrun].compactMap { $0 }
        #expect(BudgetControl.decide([], mode: .refuse) == .withinBudget)
        #expect(BudgetControl.decide(overruns, mode: .warn) == .warn(overruns))
        #expect(BudgetControl.decide(overruns, mode: .refuse) == .refuse(overruns))
        #expect(BudgetControl.decide(overruns, mode: .refuse, kind: .closing) == .warn(overruns))
    }

    @Test func adjustmentsAddLinesAndNeverTakeOneBelowZero() throws {
        let business = BudgetKey(account: "505", expenseType: .basic)
        let budget = Self.budget([BudgetLine(key: business, original: Money(fen: 3_000_00))])
        let added = try BudgetAdjustments.newLines(budget, changes: [BudgetKey(account: "50105"): Money(fen: 500), business: Money(fen: -100)], chart: Self.chart)
        #expect(added == [BudgetLine(key: BudgetKey(account: "50105"), original: .zero)])
        let deltas = try BudgetAdjustments.deltas(budget.lines + added, changes: [business: Money(fen: -100), BudgetKey(account: "50105"): Money(fen: 500),
                                                                                   BudgetKey(account: "401"): .zero])
        #expect(deltas.map { $0.key } == [BudgetKey(account: "50105"), business] && deltas.map { $0.delta.fen } == [500, -100])
        #expect(throws: BudgetProblem.lineBelowZero(key: business, amount: Money(fen: -1))) {
            try BudgetAdjustments.deltas(budget.lines, changes: [business: Money(fen: -3_000_01)])
        }
        #expect(throws: BudgetProblem.notApproved(organization: "FED-01", year: 2026)) {
            try BudgetAdjustments.newLines(Self.budget(budget.lines, status: .draft), changes: [:], chart: Self.chart)
        }
        #expect(throws: BudgetProblem.invalidLine(.overlap(business, BudgetKey(account: "50504")))) {
            try BudgetAdjustments.newLines(budget, changes: [BudgetKey(account: "50504"): Money(fen: 1)], chart: Self.chart)
        }
    }

    @Test func lineProblemsAreValuesWithTheMessagesTheBookPrinted() {
        let lines = [BudgetLine(key: BudgetKey(account: "999"), original: .zero), BudgetLine(key: BudgetKey(account: "102"), original: .zero),
                     BudgetLine(key: BudgetKey(account: "505"), original: Money(fen: -1)), BudgetLine(key: BudgetKey(account: "50504"), original: .zero)]
        let problems = Budget.problems(lines, chart: Self.chart)
        #expect(problems.count == 4)
        #expect(problems.first == .unknownAccount(account: "999", chart: .grassroots))
        #expect(Budget.check(lines, chart: Self.chart) == problems.map(\.description))
        #expect(problems[0].description == "account 999 is not in the 基层工会会计科目 chart")
        #expect(problems[2].description == "line 505 has the negative amount -0.01")
        #expect(problems[3].description == "lines 505 and 50504 overlap: a posting would count against both; budget either the account or its details")
    }

    @Test func everyBudgetProblemHasItsMessageAndCategory() {
        let table: [(BudgetProblem, String, ErrorCategory)] = [
            (.alreadyApproved(organization: "FED-01", year: 2026), "FED-01's budget for 2026 is already approved", .conflict),
            (.notApproved(organization: "FED-01", year: 2026),
             "FED-01's budget for 2026 is a draft; change the draft and import it again, or approve it first", .conflict),
            (.invalidLine(.negativeAmount(key: BudgetKey(account: "505"), amount: Money(fen: -1))), "line 505 has the negative amount -0.01", .invalidInput),
            (.lineBelowZero(key: BudgetKey(account: "505", expenseType: .basic), amount: Money(fen: -100)),
             "line 505 基本支出 would fall to -1.00; a budget line cannot go below zero", .invalidInput),
        ]
        for (problem, message, category) in table {
            #expect(problem.description == message)
            #expect(problem.category == category)
        }
    }
}
