import Foundation
import FundCore
import GRDB
@testable import FundStore
import Testing

/// The budget service against a book in memory: import, approval, adjustments, actuals and
/// control, with each refusal typed (rule id kept as `database`).
@Suite struct BudgetServiceTests {
    /// A budget file in a temporary folder.
    static func file(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "budget-" + UUID().uuidString + ".csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let csv = "org,year,account,expense,amount,note\nFED-01,2026,401,,8000.00,会费\nFED-01,2026,50504,,100.00,业务\n"

    @Test func importApproveAdjustAndMeasure() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳").budgets
        let stored = try officer.importBudgets(path: try Self.file(Self.csv))
        #expect(stored.map { "\($0.organization) \($0.year) \($0.lines)" } == ["FED-01 2026 2"])
        try officer.importBudgets(path: try Self.file(Self.csv))
        #expect(try officer.budget(organization: "FED-01", year: 2026)?.status == .draft)
        try officer.approveBudget(organization: "FED-01", year: 2026, document: "批1")
        let business = BudgetKey(account: "50504")
        #expect(try officer.adjustBudget(organization: "FED-01", year: 2026, document: "调1", date: LocalDate(parsing: "2026-06-30")!,
                                         reason: "追加", changes: [business: Money(fen: 5_000), BudgetKey(account: "50105"): Money(fen: 700)]) == 1)
        let now = try #require(try officer.budget(organization: "FED-01", year: 2026))
        #expect(now.lines.map(\.key.account) == ["401", "50504", "50105"] && now.lines.map(\.adjusted.fen) == [800_000, 15_000, 700])
        #expect(now.adjustments.first?.changes == [business: Money(fen: 5_000), BudgetKey(account: "50105"): Money(fen: 700)])
        #expect(try officer.budget(organization: "FED-01", year: 2026, version: 0)?.lines.map(\.adjusted.fen) == [800_000, 10_000, 0])
        try book.post("2026-03-10", [("102", 500_000), ("401", -500_000)])
        let over = try book.post("2026-03-11", [("50504", 16_000), ("102", -16_000)])
        let actuals = try officer.budgetActuals(organization: "FED-01", year: 2026, month: 3)
        #expect(actuals[BudgetKey(account: "401")] == BudgetActual(month: 500_000, yearToDate: 500_000))
        #expect(actuals[business] == BudgetActual(month: 16_000, yearToDate: 16_000))
        #expect(try officer.budgetOverruns(voucherID: over.id).map(\.description) == ["budget line 50504: spent 160.00 of 150.00 (over by 10.00)"])
        try officer.setBudgetControl(organization: "FED-01", refuse: true)
        #expect(bookError { try book.post("2026-03-12", [("50504", 1), ("102", -1)]) }?.rule == "budget-overrun")
        let (mode, decision) = try book.store.database.read { db in
            let storage = SQLiteStorage(db)
            return (try storage.budgetControlMode(organizationID: storage.organizationID("FED-01")),
                    try storage.budgetDecision(voucher: storage.budgetCheckedVoucher(id: over.id)))
        }
        #expect(mode == .refuse)
        #expect(decision == .refuse([BudgetOverrun(key: business, spent: Money(fen: 16_000), budgeted: Money(fen: 15_000))]))
    }

    /// Each refusal of a budget change, with its typed problem, its message and its category.
    @Test func everyRefusalIsTypedWithItsRuleAndCategory() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳").budgets
        try officer.importBudgets(path: try Self.file(Self.csv))
        let date = LocalDate(parsing: "2026-06-30")!
        let notApproved = bookError {
            try officer.adjustBudget(organization: "FED-01", year: 2026, document: "调1", date: date, reason: "x", changes: [BudgetKey(account: "401"): Money(fen: 1)])
        }
        try officer.approveBudget(organization: "FED-01", year: 2026, document: "批1")
        let cases: [(BookError?, BudgetProblem, ErrorCategory)] = [
            (notApproved, .notApproved(organization: "FED-01", year: 2026), .conflict),
            (bookError { try officer.approveBudget(organization: "FED-01", year: 2026, document: "批2") },
             .alreadyApproved(organization: "FED-01", year: 2026), .conflict),
            (bookError { try officer.adjustBudget(organization: "FED-01", year: 2026, document: "调1", date: date, reason: "x",
                                                  changes: [BudgetKey(account: "505"): Money(fen: 1)]) },
             .invalidLine(.overlap(BudgetKey(account: "50504"), BudgetKey(account: "505"))), .invalidInput),
            (bookError { try officer.adjustBudget(organization: "FED-01", year: 2026, document: "调1", date: date, reason: "x",
                                                  changes: [BudgetKey(account: "50504"): Money(fen: -10_001)]) },
             .lineBelowZero(key: BudgetKey(account: "50504"), amount: Money(fen: -1)), .invalidInput),
        ]
        for (error, expected, category) in cases {
            #expect(error?.rule == "budget")
            #expect(error?.category == category)
            guard case let .budget(problem)? = error else { Issue.record("\(expected): \(String(describing: error))"); continue }
            #expect(problem == expected)
            #expect(error?.description == "the book refused the change: " + expected.description)
        }
        #expect(try officer.budget(organization: "FED-01", year: 2026)?.adjustments.isEmpty == true)
        #expect(bookError { _ = try officer.budgetActuals(organization: "FED-01", year: 2027, month: 1) }?.category == .notFound)
        #expect(bookError { try book.session("王芳").budgets.setBudgetControl(organization: "CTY-01", refuse: true) }?.category == .notPermitted)
    }

    @Test func unknownCounterpartsAndOrganisationsAreInputErrors() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳").budgets
        #expect(throws: InputErrors.self) {
            try officer.importBudgets(path: try Self.file("org,year,account,counterpart,amount\nFED-01,2026,505,NOPE,1\n"))
        }
        #expect(throws: InputErrors.self) { try officer.importBudgets(path: try Self.file("org,year,account,amount\nNOPE,2026,505,1\n")) }
        #expect(try officer.budget(organization: "FED-01", year: 2026) == nil)
    }
}
