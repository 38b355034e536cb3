import FundReports
import Testing

/// What a report prints can be opened in a spreadsheet or shown on a terminal: text that would
/// run as a formula is neutralised, control characters never reach the terminal, and amounts
/// are never touched.
@Suite struct RenderSafetyTests {
    @Test(arguments: ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "-某某"])
    func formulasAreNeutralised(cell: String) {
        #expect(Render.neutralized(cell) == "'" + cell)
        let csv = Render.csv(headers: ["摘要"], rows: [[cell]])
        #expect(csv.split(separator: "\n", omittingEmptySubsequences: false)[1].hasPrefix("'") || csv.contains("\"'"))
    }

    @Test(arguments: ["-1,234.56", "-300.00", "+5", "0", "1,000", "购买办公用品", "", "2026-05/记-0003"])
    func amountsAndPlainTextStayAsTheyAre(cell: String) {
        #expect(Render.neutralized(cell) == cell)
    }

    @Test func controlCharactersNeverReachATerminal() {
        let table = Render.table(headers: ["摘要"], rows: [["a\u{1B}[2Jb\u{202E}c\u{7}"]])
        #expect(!table.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0.value == 0x07 })
        #expect(table.contains("a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}"))
    }
}
