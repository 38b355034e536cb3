import Foundation
import FundCore
import FundTesting
import GRDB
import Testing
@testable import FundStore

@Suite struct BudgetTests {
    static let csv = """
        org,year,account,expense,project,counterpart,amount,note
        FED-01,2026,401,,,,8000.00,会费
        FED-01,2026,50301,project,XB-1,,5000.00,竞赛
        FED-01,2026,505,basic,,,3000.00,业务
        CTY-01,2026,50801,basic,,FED-01,30000.00,联合会建设和工作经费
        """

    @Test func budgetAmountsOverTheLineLimitAreRefusedAtImportAndAdjustment() throws {
        let t = try TestBook()
        let over = Money(fen: Limits.lineAmountFen + 1).description
        #expect {
            try t.book.budgets.importBudgets(path: try t.write("big.csv", "org,year,account,expense,project,counterpart,amount,note\nFED-01,2026,401,,,,\(over),\n"))
        } throws: { error in
            (error as? InputErrors)?.errors.first.map { $0.rule == "amount-too-large" && $0.line == 2 && $0.column == "amount" } ?? false
        }
        let limit = Money(fen: Limits.lineAmountFen).description
        try t.book.budgets.importBudgets(path: try t.write("limit.csv", "org,year,account,expense,project,counterpart,amount,note\nFED-01,2026,401,,,,\(limit),\n"))
        try t.book.budgets.approveBudget(organization: "FED-01", year: 2026, document: "工联发〔2026〕1号")
        let key = BudgetKey(account: "401")
        #expect {
            try t.book.budgets.adjustBudget(organization: "FED-01", year: 2026, document: "调1", date: LocalDate(parsing: "2026-06-30")!,
                                            reason: "追加", changes: [key: Money(fen: 1)])
        } throws: { error in
            guard case let .budget(problem) = error as? BookError else { return false }
            return problem == .adjustmentTooLarge(key: key, amount: Money(fen: Limits.lineAmountFen + 1)) && problem.category == .invalidInput
        }
        #expect(try t.book.budgets.budget(organization: "FED-01", year: 2026)?.adjustments.isEmpty == true)
    }

    @Test func budgetsKeepEveryVersion() throws {
        let t = try TestBook()
        let stored = try t.book.budgets.importBudgets(path: try t.write("b.csv", BudgetTests.csv))
        #expect(stored.map { "\($0.organization) \($0.lines)" } == ["FED-01 3", "CTY-01 1"])
        // A draft is replaced by importing again; an approved budget is not.
        try t.book.budgets.importBudgets(path: try t.write("b.csv", BudgetTests.csv))
        try t.book.budgets.approveBudget(organization: "FED-01", year: 2026, document: "工联发〔2026〕1号")
        #expect(throws: InputErrors.self) { try t.book.budgets.importBudgets(path: try t.write("b.csv", BudgetTests.csv)) }
        let contest = BudgetKey(account: "50301", expenseType: .project, project: "XB-1")
        try t.book.budgets.adjustBudget(organization: "FED-01", year: 2026, document: "调1", date: LocalDate(parsing: "2026-06-30")!,
                                reason: "追加竞赛经费", changes: [contest: Money(fen: 200_000)])
        try t.book.budgets.adjustBudget(organization: "FED-01", year: 2026, document: "调2", date: LocalDate(parsing: "2026-09-30")!,
                                reason: "压减业务费", changes: [BudgetKey(account: "505", expenseType: .basic): Money(fen: -100_000),
                                                           BudgetKey(account: "50105"): Money(fen: 50_000)])
        let approved = try #require(try t.book.budgets.budget(organization: "FED-01", year: 2026, version: 0))
        let first = try #require(try t.book.budgets.budget(organization: "FED-01", year: 2026, version: 1))
        let now = try #require(try t.book.budgets.budget(organization: "FED-01", year: 2026))
        func amount(_ budget: Budget, _ account: String) -> Int64? { budget.lines.first { $0.key.account == account }?.adjusted.fen }
        #expect(amount(approved, "50301") == 500_000 && amount(first, "50301") == 700_000 && amount(now, "50301") == 700_000)
        #expect(amount(approved, "505") == 300_000 && amount(first, "505") == 300_000 && amount(now, "505") == 200_000)
        #expect(amount(approved, "50105") == 0 && amount(now, "50105") == 50_000)
        #expect(now.adjustments.map(\.document) == ["调1", "调2"])
        #expect(throws: BookError.self) {
            try t.book.budgets.adjustBudget(organization: "FED-01", year: 2026, document: "调3", date: LocalDate(parsing: "2026-10-01")!,
                                    reason: "x", changes: [BudgetKey(account: "505", expenseType: .basic): Money(fen: -300_000)])
        }
        // The approved budget and its adjustments cannot be changed behind the book's back.
        let queue = try DatabaseQueue(path: t.path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE budget_line SET amount = 1") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM budget_adjustment") } }
    }

    @Test func overlappingLinesAreRefused() throws {
        let t = try TestBook()
        let csv = "org,year,account,expense,amount\nFED-01,2026,505,,100\nFED-01,2026,50504,basic,50\n"
        #expect(throws: InputErrors.self) { try t.book.budgets.importBudgets(path: try t.write("o.csv", csv)) }
        let balanceSheet = "org,year,account,amount\nFED-01,2026,102,100\n"
        #expect(throws: InputErrors.self) { try t.book.budgets.importBudgets(path: try t.write("a.csv", balanceSheet)) }
    }

    @Test func actualsMatchTheLinesDimensions() throws {
        let t = try TestBook()
        try t.book.budgets.importBudgets(path: try t.write("b.csv", BudgetTests.csv))
        try t.post("FED-01", "2026-03-10", [("102", 500_000), ("401", -500_000)])
        try t.post("FED-01", "2026-03-11", [("50301", 120_000), ("102", -120_000)], project: "XB-1")
        try t.post("FED-01", "2026-04-11", [("50301", 80_000), ("102", -80_000)], project: "XB-1")
        try t.post("FED-01", "2026-04-12", [("50301", 99_999), ("102", -99_999)], project: "XB-2")
        let actuals = try t.book.budgets.budgetActuals(organization: "FED-01", year: 2026, month: 4)
        #expect(actuals[BudgetKey(account: "401")] == BudgetActual(month: 0, yearToDate: 500_000))
        // Only XB-1 lines with expense type 项目支出 count; the test posts no expense type, so none.
        #expect(actuals[BudgetKey(account: "50301", expenseType: .project, project: "XB-1")] == BudgetActual())
    }

    @Test func refusingOrganisationsCannotOverrun() throws {
        let t = try TestBook()
        try t.book.budgets.importBudgets(path: try t.write("b.csv", "org,year,account,amount\nFED-01,2026,50504,100.00\n"))
        try t.book.budgets.approveBudget(organization: "FED-01", year: 2026, document: "批1")
        try t.post("FED-01", "2026-03-10", [("50504", 8_000), ("102", -8_000)])
        let over = try t.post("FED-01", "2026-03-11", [("50504", 3_000), ("102", -3_000)])
        #expect(try t.book.budgets.budgetOverruns(voucherID: over.id).map(\.description) == ["budget line 50504: spent 110.00 of 100.00 (over by 10.00)"])
        try t.book.budgets.setBudgetControl(organization: "FED-01", refuse: true)
        do {
            try t.post("FED-01", "2026-03-12", [("50504", 1), ("102", -1)])
            Issue.record("posted an overrun")
        } catch let error as BookError {
            #expect(error.rule == "budget-overrun")
        }
        #expect(try t.book.vouchers.vouchers(organization: "FED-01").filter { $0.status == .posted }.count == 2)
    }
}
