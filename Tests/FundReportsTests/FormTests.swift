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
            // Cash is drawn from the bank the same day it is paid out: 101 is never in credit.
            if step.kind == 3 { try t.post(step.organization, date, [("101", f), ("102", -f)], project: nil) }
            if county, step.kind == 10, project == nil {
                try postAppropriation(t, date, f, f % 2 == 0 ? .personnel : .operating)
                continue
            }
            try t.post(step.organization, date, lines, project: project)
        }
    }

    /// The county's 40401 of 基本支出, which names its part (人员经费 or 公用经费).
    static func postAppropriation(_ t: TestBook, _ date: String, _ fen: Int64, _ basicClass: BasicClass) throws {
        let draft = VoucherDraft(organization: "CTY-01", date: LocalDate(parsing: date)!, summary: "收到财政拨款", attachments: 1, preparer: "王芳",
                                 lines: [VoucherLine(accountCode: "102", side: .debit, amount: Money(fen: fen)),
                                         VoucherLine(accountCode: "40401", side: .credit, amount: Money(fen: fen),
                                                     dimensions: Dimensions(expenseType: .basic, basicClass: basicClass))])
        let voucher = try t.book.vouchers.addVoucher(draft)
        try t.book.store.session(as: "李强").vouchers.reviewVoucher(id: voucher.id, reviewer: "李强")
        _ = try t.book.vouchers.postVoucher(id: voucher.id, bookkeeper: "张会计")
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
                    #expect(form.value("资产总计", column: 1) == form.value("负债与净资产总计", column: 1))
                }
                _ = try t.book.yearEnd.closeYear(organization: code, year: 2026, reviewer: "李强")
                let closed = try Reports.balanceSheet(t.book, organization: code, year: 2026, month: nil)
                #expect(closed.failedChecks.isEmpty)
                // Only the breakdown of 财政拨款结转 (人员经费, 公用经费, 项目支出) stands under it.
                #expect(closed.notes.allSatisfy { $0.hasPrefix("注：财政拨款结转年末余额") }, "a carried year needs no note: \(closed.notes)")
            }
        }
    }

    /// Month by month, closing: after each closed month no income or expenditure account holds
    /// anything, and 321 + 322 + 331 + 332 moved by the month's 本期收支差额 (工会02表, 本月数);
    /// 工会01表 ties to the trial balance (资产总计, and 净资产合计 once carried) and to 工会02表
    /// (the funds' change since January is the year's 本期收支差额 to date).
    @Test func closedMonthsCarryEveryIncomeAndExpenditureAndTheFormsTie() async throws {
        await propertyCheck(count: 10, input: RandomBook.steps) { steps in
            let t = try TestBook()
            try RandomBook.post(steps, to: t)
            for code in ["FED-01", "CTY-01"] {
                func funds(_ period: Period) throws -> Int64 {
                    -(try t.book.yearEnd.fundBalances(organization: code, through: period)
                        .filter { ["321", "322", "331", "332"].contains(String($0.accountCode.prefix(3))) }.reduce(0) { $0 + $1.netFen })
                }
                var before = try funds(Period(year: 2025, month: 12)!)
                let january = before
                for month in 1...12 {
                    let period = Period(year: 2026, month: month)!
                    let statement = try Reports.incomeExpenditure(t.book, organization: code, year: 2026, month: month)
                    let open = try Reports.balanceSheet(t.book, organization: code, year: 2026, month: month)
                    try t.book.periods.close(organization: code, period: period, reviewer: "李强")
                    let after = try t.book.yearEnd.fundBalances(organization: code, through: period)
                    #expect(after.filter { CarryForward.closesAtPeriodEnd($0.accountCode) }.isEmpty, "\(code) \(period): \(after)")
                    let now = try funds(period)
                    #expect(now - before == statement.value("五、本期收支差额"), "\(code) \(period)")
                    #expect(now - january == statement.value("五、本期收支差额", column: 1), "\(code) \(period)")
                    before = now

                    let sheet = try Reports.balanceSheet(t.book, organization: code, year: 2026, month: month)
                    #expect(sheet.failedChecks.isEmpty && sheet.notes == [BalanceSheet.interimNote], "\(code) \(period): \(sheet.failedChecks) \(sheet.notes)")
                    // Folding an open month gives the figures its closing then books.
                    #expect(open.panels.map { $0.map(\.values) } == sheet.panels.map { $0.map(\.values) }, "\(code) \(period)")
                    let trial = try Reports.trialBalance(t.book, organization: code, year: 2026, month: month)
                    func level1(_ digit: String) -> Int64 {
                        trial.rows.filter { $0.level == 1 && $0.code.hasPrefix(digit) }.reduce(0) { $0 + $1.closingDebit - $1.closingCredit }
                    }
                    #expect(sheet.value("资产总计", column: 1) == level1("1"), "\(code) \(period)")
                    #expect(sheet.value("负债合计", column: 1) == -level1("2"), "\(code) \(period)")
                    #expect(sheet.value("净资产合计", column: 1) == -level1("3"), "\(code) \(period)")
                    #expect(level1("4") == 0 && level1("5") == 0, "\(code) \(period)")
                }
                // The year end clears 本年收支结转 into 累计; the funds stay what they were.
                _ = try t.book.yearEnd.closeYear(organization: code, year: 2026, reviewer: "李强")
                #expect(try funds(Period(year: 2026, month: 12)!) == before)
                let carried = try t.book.yearEnd.fundBalances(organization: code, through: Period(year: 2026, month: 12)!)
                #expect(carried.filter { ["32103", "32203", "33103"].contains($0.accountCode) }.isEmpty)
                #expect(carried.filter { $0.accountCode.hasPrefix("322") && $0.project != nil }.isEmpty, "322 carries no project")
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
                let open = try Reports.incomeExpenditure(t.book, organization: code, year: 2026, month: nil)
                _ = try t.book.yearEnd.closeYear(organization: code, year: 2026, reviewer: "李强")
                let form = try Reports.incomeExpenditure(t.book, organization: code, year: 2026, month: nil)
                #expect(open.panels[0].map(\.values) == form.panels[0].map(\.values), "the annual form reads the same before and after the year end")
                #expect(form.failedChecks.isEmpty, "\(form.failedChecks)")
                let net = try t.netBalances(code)
                let carried = -(net.filter { $0.key.hasPrefix("321") || $0.key.hasPrefix("331") }.values.reduce(0, +))
                let surplus = -(net.filter { $0.key.hasPrefix("322") || $0.key.hasPrefix("332") }.values.reduce(0, +))
                #expect(form.value("五、本期收支差额") == carried + surplus)
                #expect(form.value("（一）年末资金结转") == carried, "\(code)")
                #expect(form.value("（二）年末资金结余") == surplus, "\(code)")
                #expect(form.value("六、年末资金结转结余") == carried + surplus)
                let monthly = try Reports.incomeExpenditure(t.book, organization: code, year: 2026, month: 12)
                #expect(monthly.value("一、年初资金结转结余") == nil && monthly.value("六、年末资金结转结余") == nil, "filled in the annual form only")
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

    /// The official layouts (domain notes §2.10) for both charts, monthly and annual: FED-01 on
    /// the grassroots chart with March closed, the county with its months open (folded, noted).
    @Test(arguments: [OutputFormat.table, .csv])
    func goldenForms(format: OutputFormat) throws {
        let book = try demoBook()
        for month in 1...3 { try book.periods.close(organization: "FED-01", period: Period(year: 2026, month: month)!, reviewer: "李强") }
        _ = try book.yearEnd.closeYear(organization: "FED-01", year: 2026, reviewer: "李强")
        let ext = format == .table ? "txt" : "csv"
        Golden.assert(try Reports.balanceSheet(book, organization: "FED-01", year: 2026, month: nil).rendered(format),
                      "Tests/FundReportsTests/Golden/balance-sheet-FED-01-2026.\(ext)")
        Golden.assert(try Reports.balanceSheet(book, organization: "FED-01", year: 2026, month: 3).rendered(format),
                      "Tests/FundReportsTests/Golden/balance-sheet-FED-01-2026-03.\(ext)")
        Golden.assert(try Reports.balanceSheet(book, organization: "CTY-01", year: 2026, month: nil).rendered(format),
                      "Tests/FundReportsTests/Golden/balance-sheet-CTY-01-2026.\(ext)")
        Golden.assert(try Reports.incomeExpenditure(book, organization: "FED-01", year: 2026, month: 3).rendered(format),
                      "Tests/FundReportsTests/Golden/income-expenditure-FED-01-2026-03.\(ext)")
        Golden.assert(try Reports.incomeExpenditure(book, organization: "FED-01", year: 2026, month: nil).rendered(format),
                      "Tests/FundReportsTests/Golden/income-expenditure-FED-01-2026.\(ext)")
        Golden.assert(try Reports.balanceSheet(book, organization: "CTY-01", year: 2026, month: 5).rendered(format),
                      "Tests/FundReportsTests/Golden/balance-sheet-CTY-01-2026-05.\(ext)")
        Golden.assert(try Reports.incomeExpenditure(book, organization: "CTY-01", year: 2026, month: 5).rendered(format),
                      "Tests/FundReportsTests/Golden/income-expenditure-CTY-01-2026-05.\(ext)")
        Golden.assert(try Reports.incomeExpenditure(book, organization: "CTY-01", year: 2026, month: nil).rendered(format),
                      "Tests/FundReportsTests/Golden/income-expenditure-CTY-01-2026.\(ext)")
        Golden.assert(try Reports.generalLedger(book, organization: "FED-01", year: 2026, month: nil).rendered(format),
                      "Tests/FundReportsTests/Golden/general-ledger-FED-01-2026.\(ext)")
        Golden.assert(try Reports.detailLedger(book, organization: "FED-01", account: "503", year: 2026).rendered(format),
                      "Tests/FundReportsTests/Golden/detail-ledger-FED-01-503-2026.\(ext)")
    }
}
