import Foundation
import FundTesting
import Testing

/// Every journal, CSV and XLSX file in ledgers/errors/ must be refused: the error on standard
/// error is golden, in English (`--lang en`, ledgers/errors/NAME.expected) and in Chinese, the
/// default (ledgers/errors/NAME.zh.expected); the exit status is 1, and the book file is
/// byte-identical afterwards.
@Suite(.serialized) struct ErrorCorpusTests {
    /// A book holding the setup organisations and base journal, with January closed, its people
    /// (officers 测试员 and 李强 of every union, 王芳 of FED-01; 钱主任 superior of CTY-01), and two
    /// subsidy items of FED-01: XB-2026-001 with 30,000 of 50,000 paid, XB-2026-002 settled.
    static func baseBook() throws -> String {
        let folder = try CLI.temporaryFolder()
        let book = folder + "/base.sqlite"
        for arguments in [["init"], ["user", "grant", "测试员", "officer"], ["org", "import", "ledgers/errors/setup/organizations.csv"],
                          ["user", "grant", "王芳", "officer", "--org", "FED-01"], ["user", "grant", "李强", "officer"],
                          ["user", "grant", "钱主任", "superior", "--org", "CTY-01"],
                          ["import", "ledgers/errors/setup/base.journal"], ["close", "--org", "FED-01", "--period", "2026-01", "--reviewer", "李强"],
                          ["subsidy", "import", "ledgers/errors/setup/subsidies.csv"],
                          ["subsidy", "disburse", "XB-2026-001", "--amount", "30000", "--date", "2026-02-25", "--reviewer", "李强"],
                          ["subsidy", "disburse", "XB-2026-002", "--amount", "5000", "--date", "2026-02-25", "--reviewer", "李强"],
                          ["subsidy", "settle", "XB-2026-002", "--date", "2026-02-28", "--reviewer", "李强"]] {
            let result = try CLI.run(arguments + ["--book", book])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return book
    }

    static let cases: [String] = {
        let folder = CLI.root.appendingPathComponent("ledgers/errors").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".journal") || $0.hasSuffix(".csv") || $0.hasSuffix(".xlsx") }.sorted()
    }()

    @Test func theCorpusIsLarge() {
        #expect(ErrorCorpusTests.cases.count >= 40)
    }

    @Test func everyBadJournalIsRefusedWithItsGoldenMessageAndTheBookUnchanged() throws {
        let base = try ErrorCorpusTests.baseBook()
        let original = try Data(contentsOf: URL(fileURLWithPath: base))
        for name in ErrorCorpusTests.cases {
            let book = base.replacingOccurrences(of: "base.sqlite", with: "case.sqlite")
            try? FileManager.default.removeItem(atPath: book)
            try FileManager.default.copyItem(atPath: base, toPath: book)
            // A transaction that names no reviewer is reviewed by 李强, so that each file shows
            // the one refusal it is about; the no-reviewer cases are imported without one.
            let reviewer = name.hasPrefix("no-reviewer") ? [] : ["--reviewer", "李强"]
            let stem = name.replacingOccurrences(of: ".journal", with: "").replacingOccurrences(of: ".csv", with: "").replacingOccurrences(of: ".xlsx", with: "")
            for (language, prefix, golden) in [("en", "error: ", ".expected"), ("zh", "错误：", ".zh.expected")] {
                let result = try CLI.run(["import", "ledgers/errors/" + name] + reviewer + ["--book", book, "--lang", language])
                #expect(result.status == 1, "\(name) exited \(result.status)")
                #expect(result.stdout.isEmpty, "\(name) printed \(result.stdout)")
                #expect(result.stderr.hasPrefix(prefix + "ledgers/errors/" + name), "\(name): \(result.stderr)")
                Golden.assert(result.stderr, "ledgers/errors/" + stem + golden)
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: book)) == original, "\(name) changed the book")
        }
    }

    /// The huge inputs are made here rather than committed.
    @Test func hugeInputsAreRefusedAtTheBoundary() throws {
        let base = try ErrorCorpusTests.baseBook()
        let original = try Data(contentsOf: URL(fileURLWithPath: base))
        let folder = URL(fileURLWithPath: base).deletingLastPathComponent().path

        let postings = folder + "/ten-thousand-postings.journal"
        var text = "2026-03-05 * 一张很大的凭证  ; org:FED-01\n"
        for _ in 0..<5_000 { text += "    102  1.00\n    401  -1.00\n" }
        try text.write(toFile: postings, atomically: true, encoding: .utf8)
        let many = try CLI.run(["import", postings, "--book", base, "--lang", "en"])
        #expect(many.status == 1)
        #expect(many.stderr.contains("has more than 999 postings; split it into several vouchers [too-many-lines]"), "\(many.stderr)")

        let longLine = folder + "/hundred-megabyte-line.journal"
        FileManager.default.createFile(atPath: longLine, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: longLine))
        try handle.write(contentsOf: Data("2026-03-05 * 很长的一行  ; org:FED-01\n    102  ".utf8))
        let block = Data(repeating: UInt8(ascii: "1"), count: 1 << 20)
        for _ in 0..<100 { try handle.write(contentsOf: block) }
        try handle.close()
        let long = try CLI.run(["import", longLine, "--book", base, "--lang", "en"])
        #expect(long.status == 1)
        #expect(long.stderr.contains(":2: the line is longer than the limit of 4096 bytes"), "\(long.stderr)")
        try? FileManager.default.removeItem(atPath: longLine)

        #expect(try Data(contentsOf: URL(fileURLWithPath: base)) == original)
    }
}
