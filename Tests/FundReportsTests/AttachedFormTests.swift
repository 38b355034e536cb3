import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import FundTesting
import Testing

/// 工会附01–03表 and the 附注 (domain notes §2.10): a hand-worked county book whose every figure
/// is worked out below, the refusals for unions that do not prepare a form, and the goldens of
/// the demo county.
@Suite struct AttachedFormTests {
    /// One line: account, signed fen (debit positive) and its dimensions.
    typealias Line = (code: String, fen: Int64, project: String?, expense: ExpenseType?, source: FundSource?)

    /// Posts `lines`; `classes` gives the 基本支出 class of a line by its index (40401 names one).
    static func post(_ t: TestBook, _ date: String, _ lines: [Line], classes: [Int: BasicClass] = [:]) throws {
        let draft = VoucherDraft(organization: "CTY-01", date: LocalDate(parsing: date)!, summary: "测试凭证", attachments: 1, preparer: "王芳",
                                 lines: lines.enumerated().map { index, line in
                                     VoucherLine(accountCode: line.code, side: line.fen >= 0 ? .debit : .credit, amount: Money(fen: line.fen.magnitude > 0 ? Int64(line.fen.magnitude) : 0),
                                                 dimensions: Dimensions(project: line.project, expenseType: line.expense, fundSource: line.source,
                                                                        basicClass: classes[index]))
                                 })
        let voucher = try t.book.vouchers.addVoucher(draft)
        try t.book.store.session(as: "李强").vouchers.reviewVoucher(id: voucher.id, reviewer: "李强")
        _ = try t.book.vouchers.postVoucher(id: voucher.id, bookkeeper: "张会计")
    }

    /// The county's 2025 and 2026 (in yuan):
    /// - 2025: appropriation 100,000 (基本支出: 人员经费 60,000, 公用经费 40,000), spent 30,000 on
    ///   50601 (人员) and 20,000 on 50602 (公用); the year closed, so 2026 opens with 331 基本支出
    ///   50,000 (人员 30,000, 公用 20,000).
    /// - 2026: appropriation 200,000 (基本支出: 人员 120,000, 公用 80,000) and 80,000 for project
    ///   XM-1; spent 60,000 on 50601,
    ///   40,000 on 50602, 50,000 on 50302 for XM-1, and 12,000 on 50702 for equipment (公用),
    ///   recorded as a state asset (162 / 30104 of source 财政拨款) and depreciated by 1,000;
    ///   5,000 of equipment from union money (工会资产); 3,000 of supplies bought on 505 and put
    ///   in 141, 1,000 of them used; 10,000 of union money spent on 502.
    static func book() throws -> TestBook {
        let t = try TestBook()
        let a = FundSource.appropriation
        try post(t, "2025-12-05", [("102", 10_000_000, nil, nil, a), ("40401", -6_000_000, nil, .basic, a), ("40401", -4_000_000, nil, .basic, a)],
                 classes: [1: .personnel, 2: .operating])
        try post(t, "2025-12-10", [("50601", 3_000_000, nil, .basic, a), ("50602", 2_000_000, nil, .basic, a), ("102", -5_000_000, nil, nil, a)])
        _ = try t.book.yearEnd.closeYear(organization: "CTY-01", year: 2025, reviewer: "李强")
        try t.book.periods.close(organization: "CTY-01", period: Period(year: 2025, month: 12)!, reviewer: "李强")

        try post(t, "2026-01-05", [("102", 20_000_000, nil, nil, a), ("40401", -12_000_000, nil, .basic, a), ("40401", -8_000_000, nil, .basic, a)],
                 classes: [1: .personnel, 2: .operating])
        try post(t, "2026-01-06", [("102", 8_000_000, nil, nil, a), ("40401", -8_000_000, "XM-1", .project, a)])
        try post(t, "2026-02-10", [("50601", 6_000_000, nil, .basic, a), ("50602", 4_000_000, nil, .basic, a), ("102", -10_000_000, nil, nil, a)])
        try post(t, "2026-03-10", [("50302", 5_000_000, "XM-1", .project, a), ("102", -5_000_000, nil, nil, a)])
        try post(t, "2026-04-10", [("50702", 1_200_000, nil, .basic, a), ("102", -1_200_000, nil, nil, a),
                                   ("162", 1_200_000, nil, nil, a), ("30104", -1_200_000, nil, nil, a)])
        try post(t, "2026-05-31", [("30104", 100_000, nil, nil, a), ("163", -100_000, nil, nil, a)])
        try post(t, "2026-05-12", [("102", 2_000_000, nil, nil, nil), ("402", -2_000_000, nil, nil, nil)])
        try post(t, "2026-05-13", [("50702", 500_000, nil, nil, nil), ("102", -500_000, nil, nil, nil),
                                   ("162", 500_000, nil, nil, nil), ("30104", -500_000, nil, nil, nil)])
        try post(t, "2026-05-14", [("50504", 300_000, nil, nil, nil), ("102", -300_000, nil, nil, nil),
                                   ("141", 300_000, nil, nil, nil), ("30101", -300_000, nil, nil, nil)])
        try post(t, "2026-05-20", [("30101", 100_000, nil, nil, nil), ("141", -100_000, nil, nil, nil)])
        try post(t, "2026-05-21", [("50201", 1_000_000, nil, nil, nil), ("102", -1_000_000, nil, nil, nil)])
        return t
    }

    @Test(arguments: [false, true])
    func appropriationsByBasicAndProject(closed: Bool) throws {
        let t = try Self.book()
        if closed { for month in 1...12 { try t.book.periods.close(organization: "CTY-01", period: Period(year: 2026, month: month)!, reviewer: "李强") } }
        let form = try Reports.appropriations(t.book, organization: "CTY-01", year: 2026)
        #expect(form.failedChecks.isEmpty, "\(form.failedChecks)")
        #expect(form.number == "工会附01表" && form.periodText == "2026年度")
        // 基本支出: opening 50,000; income 200,000; spent 60,000 + 40,000 + 12,000; closing 138,000.
        #expect(form.value("一、基本支出", column: 0) == 5_000_000)
        #expect(form.value("一、基本支出", column: 7) == 20_000_000)
        #expect(form.value("一、基本支出", column: 8) == 11_200_000)
        #expect(form.value("一、基本支出", column: 9) == 13_800_000)
        #expect(form.value("人员经费", column: 8) == 6_000_000 && form.value("公用经费", column: 8) == 5_200_000)
        // Each class on its own: 人员 30,000 + 120,000 − 60,000 = 90,000; 公用 20,000 + 80,000 − 52,000 = 48,000.
        #expect(form.value("人员经费", column: 0) == 3_000_000 && form.value("公用经费", column: 0) == 2_000_000)
        #expect(form.value("人员经费", column: 7) == 12_000_000 && form.value("公用经费", column: 7) == 8_000_000)
        #expect(form.value("人员经费", column: 9) == 9_000_000 && form.value("公用经费", column: 9) == 4_800_000)
        #expect(form.value("未区分人员经费和公用经费") == nil, "every amount carries its class")
        // XM-1: income 80,000, spent 50,000, carried 30,000.
        #expect(form.value("XM-1", column: 7) == 8_000_000 && form.value("XM-1", column: 8) == 5_000_000 && form.value("XM-1", column: 9) == 3_000_000)
        #expect(form.value("二、项目支出", column: 9) == 3_000_000)
        #expect(form.value("总计", column: 9) == 16_800_000)
        // Union money (502, 402) is not on the form.
        #expect(form.value("总计", column: 8) == 16_200_000)

        let combined = try Reports.appropriations(t.book, organization: "CTY-01", year: 2026, layout: .combined)
        #expect(combined.valueColumns.count == 7 && combined.value("总计", column: 6) == 16_800_000 && combined.failedChecks.isEmpty)
    }

    @Test func stateAssetsAreTheAppropriationLines() throws {
        let t = try Self.book()
        let form = try Reports.stateAssets(t.book, organization: "CTY-01", year: 2026)
        // Cash of source 财政拨款: 50,000 + 200,000 + 80,000 − 100,000 − 50,000 − 12,000.
        #expect(form.value("货币资金", column: 0) == 5_000_000 && form.value("货币资金", column: 1) == 16_800_000)
        #expect(form.value("固定资产原值", column: 1) == 1_200_000, "the union-funded 5,000 is 工会资产")
        #expect(form.value("减：累计折旧", column: 1) == 100_000 && form.value("固定资产净值", column: 1) == 1_100_000)
        #expect(form.value("库存物品", column: 1) == 0)
        #expect(form.value("非流动资产合计", column: 1) == 1_100_000)
        #expect(form.value("资产总计", column: 1) == 17_900_000)
        #expect(form.value("资产总计", column: 0) == 5_000_000)
    }

    @Test func costsRestateSpendingAsCost() throws {
        let t = try Self.book()
        let may = try Reports.costExpense(t.book, organization: "CTY-01", year: 2026, month: 5)
        #expect(may.valueColumns == ["本月数", "本年累计数"])
        #expect(may.value("职工活动组织费用") == 1_000_000 && may.value("业务费用") == 300_000)
        #expect(may.value("折旧及摊销费用") == 100_000)
        // 库存物品 0 at the start of May, 2,000 at its end: the unused supplies are no cost.
        #expect(may.value("调整事项") == -200_000)
        // 1,000,000 + 300,000 + 100,000 − 200,000 fen: 资本性支出 is no cost.
        #expect(may.value("费用总计") == Int64(1_200_000))
        #expect(may.value("行政费用", column: 1) == 10_000_000 && may.value("职工服务费用", column: 1) == 5_000_000)
        let year = try Reports.costExpense(t.book, organization: "CTY-01", year: 2026, month: nil)
        #expect(year.valueColumns == ["本年数", "上年数"])
        #expect(year.value("行政费用", column: 1) == 5_000_000, "上年数 is 2025's")
        // 10,000,000 + 5,000,000 + 1,000,000 + 300,000 + 100,000 − 200,000 fen.
        #expect(year.value("费用总计") == Int64(16_200_000))
    }

    @Test func formsThatAreNotDueAreRefused() throws {
        let t = try Self.book()
        let builds: [() throws -> Form] = [{ try Reports.appropriations(t.book, organization: "FED-01", year: 2026) },
                                           { try Reports.stateAssets(t.book, organization: "FED-01", year: 2026) },
                                           { try Reports.costExpense(t.book, organization: "FED-01", year: 2026, month: 5) }]
        for build in builds {
            let error = #expect(throws: BookError.self) { _ = try build() }
            guard case let .attachedFormNotDue(organization, _, reason)? = error else {
                Issue.record("not attached-form-not-due: \(String(describing: error))")
                continue
            }
            #expect(organization == "FED-01" && reason == .countyLevelOnly)
        }
        let empty = try TestBook()
        try empty.post("CTY-01", "2026-03-01", [("102", 100), ("402", -100)])
        let refusal = #expect(throws: BookError.self) { _ = try Reports.appropriations(empty.book, organization: "CTY-01", year: 2026) }
        if case let .attachedFormNotDue(_, form, reason)? = refusal {
            #expect(form == .appropriations && reason == .noAppropriations && refusal?.rule == "attached-form-not-due")
        } else {
            Issue.record("not attached-form-not-due: \(String(describing: refusal))")
        }
        #expect(try Reports.attachedForms(empty.book, organization: "CTY-01", year: 2026, month: nil).map(\.number) == ["工会附02表", "工会附03表"])
        #expect(try Reports.attachedForms(t.book, organization: "CTY-01", year: 2026, month: nil).map(\.number) == ["工会附01表", "工会附02表", "工会附03表"])
        #expect(try Reports.attachedForms(t.book, organization: "CTY-01", year: 2026, month: 5).map(\.number) == ["工会附03表"])
        #expect(try Reports.attachedForms(t.book, organization: "FED-01", year: 2026, month: nil).isEmpty)
    }

    @Test func notesHaveTheStandardsEightHeadings() {
        #expect(FinancialNotes.headings.count == 8)
        #expect(FinancialNotes.headings.first == "（一）遵循《工会会计制度》的声明")
        #expect(FinancialNotes.headings.last == "（八）有助于理解和分析会计报表需要说明的其他事项")
    }

    /// The demo county's attached forms in the official layout, monthly and annual.
    @Test(arguments: [OutputFormat.table, .csv])
    func goldenAttachedForms(format: OutputFormat) throws {
        let book = try demoBook()
        let ext = format == .table ? "txt" : "csv"
        Golden.assert(try Reports.appropriations(book, organization: "CTY-01", year: 2026).rendered(format),
                      "Tests/FundReportsTests/Golden/appropriations-CTY-01-2026.\(ext)")
        Golden.assert(try Reports.stateAssets(book, organization: "CTY-01", year: 2026).rendered(format),
                      "Tests/FundReportsTests/Golden/state-assets-CTY-01-2026.\(ext)")
        Golden.assert(try Reports.costExpense(book, organization: "CTY-01", year: 2026, month: 5).rendered(format),
                      "Tests/FundReportsTests/Golden/costs-CTY-01-2026-05.\(ext)")
        Golden.assert(try Reports.costExpense(book, organization: "CTY-01", year: 2026, month: nil).rendered(format),
                      "Tests/FundReportsTests/Golden/costs-CTY-01-2026.\(ext)")
    }
}
