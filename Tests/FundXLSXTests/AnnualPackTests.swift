import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import FundTesting
import FundXLSX
import Testing

/// The demo county's annual pack (决算): its sheets in the standard's order, the attached forms
/// laid out like the paper ones, and the 附注 with its eight headings for the officer to fill.
@Suite struct AnnualPackTests {
    @Test func theCountysAnnualPackIsGolden() throws {
        let (t, _) = try WorkbookTests().demo()
        try t.book.signatures.setSigner(organization: "CTY-01", role: .legalRepresentative, name: "钱进")
        let path = t.folder + "/annual.xlsx"
        let forms = [try Reports.balanceSheet(t.book, organization: "CTY-01", year: 2026, month: nil),
                     try Reports.incomeExpenditure(t.book, organization: "CTY-01", year: 2026, month: nil)]
            + (try Reports.attachedForms(t.book, organization: "CTY-01", year: 2026, month: nil))
        try AnnualPack.write(forms: forms, notes: try Reports.financialNotes(t.book, organization: "CTY-01", year: 2026),
                             trialBalance: try Reports.trialBalance(t.book, organization: "CTY-01", year: 2026, month: nil),
                             to: path, preparedBy: "王芳", created: pinned)
        let workbook = try member(path, "xl/workbook.xml")
        let names = ["资产负债表", "收入支出表", "财政拨款收入支出表", "国有资产情况表", "成本费用表", "会计报表附注", "科目余额表"]
        let positions = names.map { workbook.range(of: "name=\"\($0)\"")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil } && positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "sheets in the standard's order")
        Golden.assert(try member(path, "xl/worksheets/sheet3.xml"), "Tests/FundXLSXTests/Golden/appropriations-CTY-01-2026.sheet3.xml")
        Golden.assert(try member(path, "xl/worksheets/sheet4.xml"), "Tests/FundXLSXTests/Golden/state-assets-CTY-01-2026.sheet4.xml")
        Golden.assert(try member(path, "xl/worksheets/sheet5.xml"), "Tests/FundXLSXTests/Golden/costs-CTY-01-2026.sheet5.xml")
        Golden.assert(try member(path, "xl/worksheets/sheet6.xml"), "Tests/FundXLSXTests/Golden/notes-CTY-01-2026.sheet6.xml")
        let strings = try member(path, "xl/sharedStrings.xml")
        #expect(FinancialNotes.headings.allSatisfy { strings.contains($0) })
        #expect(strings.contains("法定代表人：钱进") && strings.contains("制表：王芳") && !strings.contains("行次"))
        #expect(strings.contains("工会附01表") && strings.contains("工会附02表") && strings.contains("工会附03表"))
    }

    @Test func aFederationsAnnualPackHasNoAttachedForm() throws {
        let (t, _) = try WorkbookTests().demo()
        let path = t.folder + "/fed.xlsx"
        try writeAnnualPack(book: t.book, organization: "FED-01", year: 2026, path: path, user: "王芳", created: pinned)
        let workbook = try member(path, "xl/workbook.xml")
        #expect(workbook.contains("name=\"会计报表附注\"") && !workbook.contains("name=\"成本费用表\""))
    }
}
