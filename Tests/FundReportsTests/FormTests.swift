import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import FundTesting
import PropertyBased
import Testing

/// Random books of both charts: balanced vouchers over every kind of account, some with
/// projects and fund sources, including asset purchases with their 资产基金.
enum RandomBook {
    struct Step: Sendable {
        var organization: String
        var month: Int
        var kind: Int
        var fen: Int64
        var project: Int
    }

    static let steps = PropertyBased.zip(Gen.int(in: 0...1), Gen.int(in: 1...12), Gen.int(in: 0...11), Gen.int64(in: 1...9_999_999), Gen.int(in: 0...2))
        .map { (p: (Int, Int, Int, Int64, Int)) in Step(organization: p.0 == 0 ? "FED-01" : "CTY-01", month: p.1, kind: p.2, fen: p.3, project: p.4) }
        .array(of: 1...30)

    /// Posts the steps; each kind is a typical voucher of a union.
    static func post(_ steps: [Step], to t: TestBook, year: Int = 2026) throws {
        for step in steps {
            let county = step.organization == "CTY-01"
            let date = String(format: "%04d-%02d-10", year, step.month)
            let project = step.project == 0 ? nil : "XB-\(step.project)"
            let f = step.fen
            let lines: [(String, Int64)]
            switch step.kind {
            case 0: lines = [("102", f), (county ? "402" : "401", -f)]
            case 1: lines = [("102", f), ("40302", -f)]
            case 2: lines = [("50301", f), ("102", -f)]
            case 3: lines = [("50504", f), ("101", -f)]
            case 4: lines = [("101", f), ("102", -f)]
            case 5: lines = [("102", f), ("211", -f)]
            case 6: lines = [("50702", f), ("102", -f), ("162", f), (county ? "30104" : "301", -f)]
            case 7: lines = [(county ? "30104" : "301", f), ("163", -f)]
            case 8: lines = [("135", f), ("102", -f)]
            case 9: lines = [("102", f), ("215", -f)]
            case 10: lines = county ? [("102", f), ("40401", -f)] : [("102", f), ("40301", -f)]
            default: lines = county ? [("50601", f), ("102", -f)] : [("50105", f), ("102", -f)]
            }
            try t.post(step.organization, date, lines, project: project)
        }
    }
}

@Suite struct FormTests {
    @Test func balanceSheetsBalanceEveryMonthForRandomBooks() async throws {
        await propertyCheck(count: 15, input: RandomBook.steps) { steps in
            let t = try TestBook()
            try RandomBook.post(steps, to: t)
            for code in ["FED-01", "CTY-01"] {
                for month in [1, 6, 12] {
                    let form = try Reports.balanceSheet(t.book, organization: code, year: 2026, month: month)
                    #expect(form.failedChecks.isEmpty, "\(code) \(month): \(form.failedChecks)")
                    #expect(form.value("资产总计") == form.value("负债和净资产总计"))
                }
                _ = try t.book.yearEnd.closeYear(organization: code, year: 2026, reviewer: "李强")
                let closed = try Reports.balanceSheet(t.book, organization: code, year: 2026, month: nil)
                #expect(closed.failedChecks.isEmpty)
                #expect(closed.value("本年收支差额（尚未结转）") == 0)
            }
        }
    }

    /// After closing, 本期收支差额 equals the change of 321 + 322 (+ 331 + 332) over the year, and
    /// the form's 年末 split equals the funds actually carried.
    @Test func theYearsDifferenceIsWhatTheFundsGained() async throws {
        await propertyCheck(count: 15, input: RandomBook.steps) { steps in
            let t = try TestBook()
            try RandomBook.post(steps, to: t)
            for code in ["FED-01", "CTY-01"] {
                _ = try t.book.yearEnd.closeYear(organization: code, year: 2026, reviewer: "李强")
                let form = try Reports.incomeExpenditure(t.book, organization: code, year: 2026, month: nil)
                let net = try t.netBalances(code)
                let carried = -(net.filter { $0.key.hasPrefix("321") || $0.key.hasPrefix("331") }.values.reduce(0, +))
                let surplus = -(net.filter { $0.key.hasPrefix("322") || $0.key.hasPrefix("332") }.values.reduce(0, +))
                #expect(form.value("五、本期收支差额") == carried + surplus)
                #expect(form.value("资金结转") != nil)
                let rows = form.panels[0]
                let closingCarried = rows.last { $0.label == "资金结转" }?.values[0]
                let closingSurplus = rows.last { $0.label == "资金结余" }?.values[0]
                #expect(closingCarried == carried, "\(code)")
                #expect(closingSurplus == surplus, "\(code)")
                #expect(form.value("六、年末资金结转结余") == carried + surplus)
            }
        }
    }

    @Test func monthlyColumnsAddUpToTheYear() throws {
        let book = try demoBook()
        var incomeByMonth: Int64 = 0
        for month in 1...12 {
            incomeByMonth += try Reports.incomeExpenditure(book, organization: "FED-01", year: 2026, month: month).value("三、收入合计") ?? 0
        }
        let year = try Reports.incomeExpenditure(book, organization: "FED-01", year: 2026, month: nil)
        #expect(incomeByMonth == year.value("三、收入合计"))
        let december = try Reports.incomeExpenditure(book, organization: "FED-01", year: 2026, month: 12)
        #expect(december.value("三、收入合计", column: 1) == year.value("三、收入合计"))
    }

    @Test(arguments: [OutputFormat.table, .csv])
    func goldenForms(format: OutputFormat) throws {
        let book = try demoBook()
        _ = try book.yearEnd.closeYear(organization: "FED-01", year: 2026, reviewer: "李强")
        let ext = format == .table ? "txt" : "csv"
        Golden.assert(try Reports.balanceSheet(book, organization: "FED-01", year: 2026, month: 3).rendered(format),
                      "Tests/FundReportsTests/Golden/balance-sheet-FED-01-2026-03.\(ext)")
        Golden.assert(try Reports.balanceSheet(book, organization: "CTY-01", year: 2026, month: nil).rendered(format),
                      "Tests/FundReportsTests/Golden/balance-sheet-CTY-01-2026.\(ext)")
        Golden.assert(try Reports.incomeExpenditure(book, organization: "FED-01", year: 2026, month: 3).rendered(format),
                      "Tests/FundReportsTests/Golden/income-expenditure-FED-01-2026-03.\(ext)")
        Golden.assert(try Reports.incomeExpenditure(book, organization: "FED-01", year: 2026, month: nil).rendered(format),
                      "Tests/FundReportsTests/Golden/income-expenditure-FED-01-2026.\(ext)")
        Golden.assert(try Reports.generalLedger(book, organization: "FED-01", year: 2026, month: nil).rendered(format),
                      "Tests/FundReportsTests/Golden/general-ledger-FED-01-2026.\(ext)")
        Golden.assert(try Reports.detailLedger(book, organization: "FED-01", account: "503", year: 2026).rendered(format),
                      "Tests/FundReportsTests/Golden/detail-ledger-FED-01-503-2026.\(ext)")
    }
}
