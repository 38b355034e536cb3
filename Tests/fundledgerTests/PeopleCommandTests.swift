import Foundation
import Testing

/// The people rules at the command line: an invented reviewer of a subsidy act, roles from a
/// file, a committee role granted by hand.
@Suite(.serialized) struct PeopleCommandTests {
    @Test func reviewersCanBeInventedAtTheCommandLine() throws {
        let book = try ErrorCorpusTests.baseBook()
        let original = try Data(contentsOf: URL(fileURLWithPath: book))
        let invented = try CLI.run(["subsidy", "disburse", "XB-2026-001", "--amount", "100", "--date", "2026-03-02", "--reviewer", "不存在的人", "--book", book, "--lang", "en"])
        #expect(invented.status == 1 && invented.stderr.contains("the reviewer (审核) 不存在的人 is not a user of the book") && invented.stderr.contains("[not-a-user]"),
                "\(invented.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: book)) == original)
        // A rule-made voucher names its reviewer.
        let unnamed = try CLI.run(["close-year", "--org", "FED-01", "--year", "2026", "--book", book, "--lang", "en"])
        #expect(unnamed.status != 0 && unnamed.stderr.contains("--reviewer"), "\(unnamed.stderr)")
    }

    @Test func rolesComeFromAFileAllOrNothingAndTheCommitteeRoleFromASeat() throws {
        let book = try ErrorCorpusTests.baseBook()
        let folder = URL(fileURLWithPath: book).deletingLastPathComponent().path
        let file = folder + "/roles.csv"
        try "user,role,org\n周敏,officer,FED-01\n陈静,committee,FED-01\n".write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["user", "import", file, "--book", book, "--lang", "en"])
        #expect(refused.status == 1 && refused.stderr.contains("roles.csv:3: the committee role comes only from a seat") &&
                refused.stderr.contains("[committee-role-from-membership]"), "\(refused.stderr)")
        #expect(!(try CLI.run(["user", "list", "--format", "csv", "--book", book, "--lang", "en"]).stdout.contains("周敏")))
        try "user,role,org\n周敏,officer,FED-01\n孙丽,superior,CTY-01\n".write(toFile: file, atomically: true, encoding: .utf8)
        let granted = try CLI.run(["user", "import", file, "--book", book, "--lang", "en"])
        #expect(granted.status == 0 && granted.stdout == "granted 2 roles from \(file)\n", "\(granted.stderr)")
        // 周敏 keeps FED-01's books, so does not sit on its committee.
        let seat = try CLI.run(["committee", "add", "--org", "FED-01", "--elected", "2026-03-01", "--term", "5", "--member", "主任:周敏", "--book", book, "--lang", "en"])
        #expect(seat.status == 1 && seat.stderr.contains("周敏 is an officer of FED-01") && seat.stderr.contains("(independence)"), "\(seat.stderr)")
    }
}
