import Foundation
import FundTesting
import Testing

/// `backup` and `restore` as an officer runs them: the backup's SHA-256 printed, the kept copy
/// named, and each refusal naming its real problem.
@Suite struct BackupCommandTests {
    let folder: String
    let book: String

    init() throws {
        (folder, book) = try CLI.countyBook()
    }

    /// What `sha256sum` says of `path`.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    @Test func backupPrintsTheSHA256OfWhatItWrote() throws {
        let backup = folder + "/backups/b.sqlite"
        let result = try CLI.run(["backup", "--book", book, "-o", backup])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "已将账套 \(book) 备份到 \(backup)")
        #expect(lines.last == "SHA-256 \(try Self.sha256sum(backup))  \(backup)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/backups") == ["b.sqlite"])
    }

    @Test func backupOfAPartWritesASelfContainedBookThatVerifies() throws {
        let added = try CLI.run(["org", "add", "--book", book, "--code", "FED-01", "--name", "某某县物流行业工会联合会", "--level", "federation",
                                 "--parent", "CTY-01", "--independent"])
        #expect(added.status == 0, "\(added.stderr)")
        let part = folder + "/part.sqlite"
        let result = try CLI.run(["backup", "--book", book, "--org", "FED-01", "-o", part])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "已将账套 \(book) 中 FED-01 及其下属单位的部分备份到 \(part)：1 个单位及其账簿；部分账套校验无误")
        #expect(lines.last == "SHA-256 \(try Self.sha256sum(part))  \(part)")
        let verified = try CLI.run(["verify", "--book", part])
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
        let orgs = try CLI.run(["org", "list", "--book", part, "--format", "csv"]).stdout
        #expect(orgs.contains("FED-01") && !orgs.contains("CTY-01"), "\(orgs)")
        // Again to the same file: never overwritten.
        #expect(try CLI.run(["backup", "--book", book, "--org", "FED-01", "-o", part]).status != 0)
        // Someone without a role is refused the whole book and told of --org.
        let refused = try BuiltBinary.run(["backup", "--book", book, "-o", folder + "/other.sqlite"], user: "路人")
        #expect(refused.status != 0 && refused.stderr.contains("fundledger backup --org") && refused.stderr.contains("[backup-whole-book]"), "\(refused.stderr)")
    }

    @Test func restoreNamesTheKeptCopyOfTheReplacedBook() throws {
        let backup = folder + "/b.sqlite"
        #expect(try CLI.run(["backup", "--book", book, "-o", backup]).status == 0)
        #expect(try CLI.run(["org", "add", "--book", book, "--code", "CTY-02", "--name", "另一县总工会", "--level", "county"]).status == 0)
        let first = try CLI.run(["restore", backup, "--book", book])
        let second = try CLI.run(["restore", backup, "--book", book])
        #expect(first.status == 0 && second.status == 0)
        let kept = [first, second].compactMap { $0.stdout.split(separator: "\n").last.map(String.init) }
        #expect(kept.count == 2 && kept[0] != kept[1] && kept.allSatisfy { $0.hasPrefix("被替换的账套保留为 \(book).replaced-") })
        let orgs = try CLI.run(["org", "list", "--book", book, "--format", "csv"]).stdout
        #expect(orgs.contains("CTY-01") && !orgs.contains("CTY-02"))
    }

    @Test func restoreSaysWhatIsMissing() throws {
        let missing = try CLI.run(["restore", folder + "/nope.sqlite", "--book", book])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("错误：\(folder)/nope.sqlite 没有备份文件；"))
        let backup = folder + "/b.sqlite"
        #expect(try CLI.run(["backup", "--book", book, "-o", backup]).status == 0)
        let noFolder = try CLI.run(["restore", backup, "--book", folder + "/missing/book.sqlite"])
        #expect(noFolder.status == 1 && noFolder.stderr.hasPrefix("错误：文件夹 \(folder)/missing 不存在"))
    }

    @Test func backupTellsAnOfficerOfOneOrganisationWhatSheMayWrite() throws {
        #expect(try CLI.run(["user", "grant", "王芳", "officer", "--org", "CTY-01", "--book", book]).status == 0)
        let result = try CLI.run(["backup", "--book", book, "-o", folder + "/b.sqlite"], environment: ["FUNDLEDGER_USER": "王芳"])
        #expect(result.status == 1 && result.stderr.contains("王芳 不能备份账套") && result.stderr.contains("[backup-whole-book]"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/b.sqlite"))
    }
}
