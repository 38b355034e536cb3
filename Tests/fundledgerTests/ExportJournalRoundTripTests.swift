import Foundation
import Testing

/// `export-journal` writes what `import` reads back unchanged: a book made from an exported
/// journal exports the same journal, so every voucher's sealed text came through whole.
@Suite struct ExportJournalRoundTripTests {
    static func newBook(_ folder: String, _ name: String) throws -> String {
        let book = folder + "/" + name
        for arguments in [["init"], ["user", "grant", "测试员", "officer"], ["org", "import", "ledgers/errors/setup/organizations.csv"],
                          ["user", "grant", #"王\芳"#, "officer", "--org", "FED-01"], ["user", "grant", "李强", "officer", "--org", "FED-01"]] {
            let result = try CLI.run(arguments + ["--book", book])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return book
    }

    @Test func exportJournalThenImportKeepsSummariesWithEscapes() throws {
        let folder = try CLI.temporaryFolder()
        let source = folder + "/source.journal"
        try #"""
            2026-03-05 * (2026-03/记-0001) 报销 C:\票据\n第3张 \\ 与 \t  ; org:FED-01, attachments:1, preparer:王\芳, reviewer:李强
                102      500.00  ; memo:收款\u0041
                401     -500.00

            """#.write(toFile: source, atomically: true, encoding: .utf8)
        let first = try ExportJournalRoundTripTests.newBook(folder, "first.sqlite")
        // The source's `\n`, `\\` and `\t` are escapes: `\n` and `\t` would be control characters.
        let refused = try CLI.run(["import", source, "--book", first])
        #expect(refused.status == 1 && refused.stderr.contains("[control-character]"), "\(refused.stderr)")
        try #"""
            2026-03-05 * (2026-03/记-0001) 报销 C:\票据\\n第3张 \\\\ 与 \\t  ; org:FED-01, attachments:1, preparer:王\芳, reviewer:李强
                102      500.00  ; memo:收款\\u0041
                401     -500.00

            """#.write(toFile: source, atomically: true, encoding: .utf8)
        let imported = try CLI.run(["import", source, "--book", first])
        #expect(imported.status == 0, "\(imported.stderr)")
        let exported = folder + "/first.journal"
        #expect(try CLI.run(["export-journal", "--book", first, "-o", exported]).status == 0)
        let text = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(text.contains(#"报销 C:\\票据\\n第3张 \\\\ 与 \\t  ; "#), "\(text)")

        let second = try ExportJournalRoundTripTests.newBook(folder, "second.sqlite")
        let again = try CLI.run(["import", exported, "--book", second])
        #expect(again.status == 0, "\(again.stderr)")
        let reexported = folder + "/second.journal"
        #expect(try CLI.run(["export-journal", "--book", second, "-o", reexported]).status == 0)
        #expect(try String(contentsOfFile: reexported, encoding: .utf8) == text)
        #expect(try CLI.run(["verify", "--book", second]).status == 0)
    }
}
