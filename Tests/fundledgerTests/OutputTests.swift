import Foundation
import Testing

/// No output ever destroys what it was not asked to write: a folder, the book in use, its
/// -wal and -shm, another book, or a file of another kind (without --force).
@Suite struct OutputTests {
    let folder: String
    let book: String

    init() throws {
        (folder, book) = try CLI.countyBook()
    }

    func export(_ output: String, _ extra: [String] = [], command: [String] = ["export", "trial-balance"]) throws -> CLI.Result {
        try CLI.run(command + ["--book", book, "--org", "CTY-01", "--year", "2026", "-o", output] + extra)
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func exportToAFolderLeavesTheFolderAndItsFiles() throws {
        let exports = folder + "/exports"
        try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
        try "keep".write(toFile: exports + "/keep.txt", atomically: true, encoding: .utf8)
        for flags in [[], ["--force"]] {
            let result = try export(exports, flags)
            #expect(result.status == 1 && result.stderr.contains("[output-is-folder]"))
        }
        #expect(try String(contentsOfFile: exports + "/keep.txt", encoding: .utf8) == "keep")
    }

    @Test func exportsNeverGoOverTheOpenBookOrItsLog() throws {
        let before = try bytes(book)
        for target in [book, book + "-wal", book + "-shm", folder + "/./book.sqlite"] {
            for command in [["export", "trial-balance"], ["export", "journal"]] {
                let result = try export(target, ["--force"], command: command)
                #expect(result.status == 1 && result.stderr.contains("[output-is-open-book]"), "\(command) -o \(target)")
            }
            let journal = try CLI.run(["export-journal", "--book", book, "-o", target, "--force"])
            #expect(journal.status == 1 && journal.stderr.contains("[output-is-open-book]"))
        }
        #expect(try bytes(book) == before)
        #expect(!FileManager.default.fileExists(atPath: book + "-wal"))
    }

    @Test func noOutputReplacesAnotherBook() throws {
        let backup = folder + "/backup.sqlite"
        #expect(try CLI.run(["backup", "--book", book, "-o", backup]).status == 0)
        let before = try bytes(backup)
        for result in [try export(backup, ["--force"]), try CLI.run(["export-journal", "--book", book, "-o", backup, "--force"]),
                       try CLI.run(["backup", "--book", book, "-o", backup])] {
            #expect(result.status == 1 && result.stderr.contains("[output-is-book]"))
        }
        #expect(try bytes(backup) == before)
    }

    @Test func aFileOfAnotherKindIsReplacedOnlyWithForce() throws {
        let notes = folder + "/notes.txt"
        try "笔记".write(toFile: notes, atomically: true, encoding: .utf8)
        let refused = try export(notes)
        #expect(refused.status == 1 && refused.stderr.contains("[output-not-of-kind]"))
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "笔记")
        #expect(try export(notes, ["--force"]).status == 0)
        #expect(try bytes(notes).starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }

    @Test func aWorkbookIsReplacedAndMissingFoldersAreMade() throws {
        let path = folder + "/new/deeper/科目余额表.xlsx"
        #expect(try export(path).status == 0)
        #expect(try export(path).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder + "/new/deeper")
        #expect(leftovers == ["科目余额表.xlsx"])
    }
}
