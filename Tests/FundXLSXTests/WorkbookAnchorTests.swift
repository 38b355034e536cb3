import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import FundTesting
import FundXLSX
import Testing

/// A workbook made while the book's chain heads are set carries them: in short in every sheet's
/// footer, in full on a 校验 sheet whose lines `verify --anchors` reads back.
@Suite struct WorkbookAnchorTests {
    @Test func aWorkbookCarriesTheChainHeadsInItsFootersAndOnAnAnchorSheet() throws {
        let t = try TestBook()
        try t.post("FED-01", "2026-02-10", [("102", 100_00), ("401", -100_00)])
        try t.book.periods.close(organization: "FED-01", period: Period(year: 2026, month: 2)!, reviewer: "李强")
        let heads = try t.book.verification.chainHeads(organization: "FED-01")
        try #require(heads.map(\.chain) == [.vouchers, .events] && heads.allSatisfy { $0.organization == "FED-01" })
        let from = Period(year: 2026, month: 1)!, to = Period(year: 2026, month: 12)!
        let report = try TrialBalance(organization: try t.book.organizations.organization("FED-01"), chart: try t.book.organizations.chart(for: "FED-01"),
                                      turnovers: try t.book.ledger.turnovers(organization: "FED-01", from: from, to: to), from: from, to: to)
        let path = t.folder + "/tb.xlsx"
        try Workbook.$anchors.withValue(WorkbookAnchors { heads }) { try TrialBalanceWorkbook.write(report, to: path, preparedBy: "王芳", created: pinned) }
        #expect(try member(path, "xl/workbook.xml").contains("name=\"校验\""))
        let footer = try member(path, "xl/worksheets/sheet1.xml")
        #expect(footer.contains("&amp;L校验：凭证链 FED-01 2 \(heads[0].hash.prefix(12))；事件链 FED-01 \(heads[1].seq) \(heads[1].hash.prefix(12))"))
        // The 校验 sheet's lines, read back as anchors, are the heads.
        let strings = try member(path, "xl/sharedStrings.xml")
        #expect(heads.allSatisfy { strings.contains($0.description) })
        #expect(ChainHead.heads(in: strings.replacingOccurrences(of: "<", with: "\n<").replacingOccurrences(of: ">", with: ">\n")) == heads)
        // verify --anchors reads them back from the workbook itself.
        #expect(try AnchorWorkbook.heads(path: path) == heads)
        // Without heads set, nothing changes.
        let plain = t.folder + "/plain.xlsx"
        try TrialBalanceWorkbook.write(report, to: plain, preparedBy: "王芳", created: pinned)
        #expect(!(try member(plain, "xl/workbook.xml")).contains("校验"))
        #expect(throws: AnchorWorkbook.Problem.noAnchorSheet(path: plain)) { try AnchorWorkbook.heads(path: plain) }
        let text = try t.write("heads.txt", "vouchers FED-01 1 \(heads[0].hash)\n")
        #expect(throws: AnchorWorkbook.Problem.notAWorkbook(path: text)) { try AnchorWorkbook.heads(path: text) }
        #expect(AnchorWorkbook.Problem.noAnchorSheet(path: plain).rule == "anchors-no-sheet")
    }
}
