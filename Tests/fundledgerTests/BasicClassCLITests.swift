import Foundation
import Testing

/// 40401 财政拨款收入 by 人员经费 and 公用经费 through the command line: entered in a journal, in CSV
/// and with `voucher add`, refused without its class, and read back whole from `export-journal`.
@Suite struct BasicClassCLITests {
    static func countyBook(_ folder: String, _ name: String) throws -> String {
        let book = try ExportJournalRoundTripTests.newBook(folder, name)
        for user in ["王芳", "李强"] {
            let result = try CLI.run(["user", "grant", user, "officer", "--org", "CTY-01", "--book", book])
            #expect(result.status == 0, "\(result.stderr)")
        }
        return book
    }

    @Test func theClassIsEnteredRefusedWhenMissingAndExportedWhole() throws {
        let folder = try CLI.temporaryFolder()
        let book = try Self.countyBook(folder, "county.sqlite")
        let journal = folder + "/appropriation.journal"
        try """
            2026-01-20 * (2026-01/记-0001) 收到县财政工会经费拨款  ; org:CTY-01, attachments:1, preparer:王芳, reviewer:李强
                102              300000.00
                40401           -240000.00  ; class:人员经费
                40401            -60000.00  ; class:公用经费, source:appropriation

            """.write(toFile: journal, atomically: true, encoding: .utf8)
        let imported = try CLI.run(["import", journal, "--book", book])
        #expect(imported.status == 0, "\(imported.stderr)")
        let shown = try CLI.run(["voucher", "show", "--org", "CTY-01", "2026-01/记-0001", "--book", book])
        #expect(shown.status == 0 && shown.stdout.contains("基本支出 人员经费") && shown.stdout.contains("基本支出 公用经费 财政拨款"), "\(shown.stdout)")
        let csv = folder + "/february.csv"
        try """
            单位,日期,凭证号,摘要,科目编码,借方,贷方,经费类别,资金来源,支出类型,制单人,审核人
            CTY-01,2026-02-10,1,计提2月工资,50601,86000.00,,,财政拨款,基本支出,王芳,李强
            CTY-01,2026-02-10,1,计提2月工资,20101,,86000.00,,,,王芳,李强
            CTY-01,2026-02-12,2,退回多拨人员经费,40401,1000.00,,人员经费,,,王芳,李强
            CTY-01,2026-02-12,2,退回多拨人员经费,102,,1000.00,,,,王芳,李强

            """.write(toFile: csv, atomically: true, encoding: .utf8)
        let fromCSV = try CLI.run(["import", csv, "--book", book])
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")

        // Without a class, a 40401 line of 基本支出 is refused with the rule and nothing is written.
        let missing = try CLI.run(["voucher", "add", "--org", "CTY-01", "--date", "2026-03-05", "--summary", "收到财政拨款",
                                   "--line", "102 100.00", "--line", "40401 -100.00 ; expense:basic", "--book", book], environment: ["FUNDLEDGER_USER": "王芳"])
        #expect(missing.status != 0 && missing.stderr.contains("[basic-class-missing]"), "\(missing.stderr)")
        let added = try CLI.run(["voucher", "add", "--org", "CTY-01", "--date", "2026-03-05", "--summary", "收到财政拨款",
                                 "--line", "102 100.00", "--line", "40401 -100.00 ; class:公用经费", "--book", book], environment: ["FUNDLEDGER_USER": "王芳"])
        #expect(added.status == 0, "\(added.stderr)")

        // 附01: income by its class, spending by its account, the months folded in as their close would carry them.
        let form = try CLI.run(["report", "appropriations", "--org", "CTY-01", "--year", "2026", "--format", "csv", "--book", book])
        #expect(form.status == 0, "\(form.stderr)")
        let rows = form.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let personnel = try #require(rows.first { $0.count > 11 && $0[1] == "人员经费" })
        let operating = try #require(rows.first { $0.count > 11 && $0[1] == "公用经费" })
        #expect(personnel[9] == "239000.00" && personnel[10] == "86000.00" && personnel[11] == "153000.00", "\(personnel)")
        #expect(operating[9] == "60000.00" && operating[10] == "0.00" && operating[11] == "60000.00", "\(operating)")

        // Read back: the exported journal carries the class, and a book made from it exports the same.
        let exported = folder + "/county.journal"
        #expect(try CLI.run(["export-journal", "--org", "CTY-01", "--book", book, "-o", exported]).status == 0)
        let text = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(text.contains("class:personnel") && text.contains("class:operating"), "\(text)")
        let second = try Self.countyBook(folder, "second.sqlite")
        let again = try CLI.run(["import", exported, "--book", second])
        #expect(again.status == 0, "\(again.stderr)")
        let reexported = folder + "/second.journal"
        #expect(try CLI.run(["export-journal", "--org", "CTY-01", "--book", second, "-o", reexported]).status == 0)
        #expect(try String(contentsOfFile: reexported, encoding: .utf8) == text)
        let secondForm = try CLI.run(["report", "appropriations", "--org", "CTY-01", "--year", "2026", "--format", "csv", "--book", second])
        #expect(secondForm.stdout == form.stdout)
        #expect(try CLI.run(["verify", "--book", second]).status == 0)
    }
}
