import Foundation
import FundCore
@testable import FundPostgres
import FundStore
import FundTesting
import Testing

/// `fundledger init`, `backup` and `verify` with `--book postgresql://…`, run as the built
/// binary against the test server: what they print, what they refuse (in Chinese, with the
/// rule id, never the password), and that their temporary copy is gone on every path.
@Suite(.serialized) struct PostgresCommandTests {
    /// A folder for one test, with its own temporary folder (TMPDIR) for the binary.
    struct Place {
        let folder: String
        var temporary: String { folder + "/tmp" }

        init() throws {
            folder = NSTemporaryDirectory() + "fundledger-pgcli-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder + "/tmp", withIntermediateDirectories: true)
        }

        /// Runs the binary in the folder as `user`, with TMPDIR the folder's own.
        func run(_ arguments: [String], as user: String = "管理员") throws -> (status: Int32, stdout: String, stderr: String) {
            let result = try BuiltBinary.run(arguments, user: user, directory: folder,
                                             environment: ["TMPDIR": temporary, "FUNDLEDGER_NO_PROGRESS": "1"],
                                             removing: ["FUNDLEDGER_KEY", "LANG", "LC_ALL"])
            return (result.status, result.stdout, result.stderr)
        }

        /// What the binary left in its temporary folder (nothing, after every command).
        func leftInTemporary() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: temporary) }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    static func url(_ database: PostgresAddress) -> String {
        "postgresql://\(database.user):secret-word@\(database.host):\(database.port)/\(database.database)"
    }

    @Test func initMakesAKeyedBookThatVerifiesAndBacksUp() async throws {
        guard let server = TestServer.address() else { return }
        let place = try Place()
        defer { place.remove() }
        let database = try await TestServer.freshDatabase(server)
        let url = Self.url(database)

        let made = try place.run(["init", "--book", url, "--key", "book.key"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains(database.redacted) && made.stdout.contains("已用密钥 book.key 封印"), "\(made.stdout)")
        #expect(FileManager.default.fileExists(atPath: place.folder + "/book.key"))
        #expect(try await TestServer.tables(database).contains("voucher_line"))

        let again = try place.run(["init", "--book", url, "--key", "other.key"])
        #expect(again.status == 1 && again.stderr.hasPrefix("错误：") && again.stderr.contains("[copy-target-not-empty]"), "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: place.folder + "/other.key"), "no key is made for a book that cannot be made")

        let verified = try place.run(["verify", "--book", url, "--key", "book.key"])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains("链头") && verified.stdout.contains("events - 1 "), "\(verified.stdout)")

        let backedUp = try place.run(["backup", "--book", url, "-o", "back.sqlite"])
        #expect(backedUp.status == 0, "\(backedUp.stderr)")
        #expect(backedUp.stdout.contains("SHA-256 ") && backedUp.stdout.contains("back.sqlite"), "\(backedUp.stdout)")
        let fromFile = try place.run(["verify", "--book", "back.sqlite", "--key", "book.key"])
        #expect(fromFile.status == 0 && fromFile.stdout == verified.stdout, "\(fromFile.stdout) against \(verified.stdout)")
        let twice = try place.run(["backup", "--book", url, "-o", "back.sqlite"])
        #expect(twice.status == 1 && twice.stderr.hasPrefix("错误："), "a backup never replaces a file: \(twice.stderr)")

        for result in [made, again, verified, backedUp, fromFile, twice] {
            #expect(!result.stdout.contains("secret-word") && !result.stderr.contains("secret-word"))
        }
        let leftover = try place.leftInTemporary()
        #expect(leftover.isEmpty, "left \(leftover)")
        await TestServer.drop(database, server: server)
    }

    @Test func backupAndVerifyKeepTheBookFilesRules() async throws {
        guard let server = TestServer.address() else { return }
        let place = try Place()
        defer { place.remove() }
        let t = try BookCopyTests.smallBook()
        try t.book.access.grant(RoleGrant(user: "周婷", role: .cashier, organization: "FED-01"))
        let database = try await TestServer.freshDatabase(server)
        _ = try await BookCopy.toPostgres(from: t.path, to: database, as: "t", key: nil)
        let url = Self.url(database)

        // Someone who may read one organisation only gets the file's refusal, and no file.
        let refused = try place.run(["backup", "--book", url, "-o", "part.sqlite"], as: "周婷")
        #expect(refused.status == 1 && refused.stderr.contains("[backup-whole-book]"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: place.folder + "/part.sqlite"))
        let fileRefusal = try place.run(["backup", "--book", t.path, "-o", "part.sqlite"], as: "周婷")
        #expect(fileRefusal.stderr == refused.stderr.replacingOccurrences(of: database.redacted, with: t.path), "\(fileRefusal.stderr) against \(refused.stderr)")
        let notVerified = try place.run(["verify", "--book", url], as: "周婷")
        #expect(notVerified.status == 1 && notVerified.stderr.hasPrefix("错误："), "\(notVerified.stderr)")
        let stray = try place.leftInTemporary()
        #expect(stray.isEmpty, "left \(stray)")

        // With --org she gets what she may read: the part under FED-01, made from the copy as
        // from the file, and it verifies with FED-01's chains as the book has them.
        let part = try place.run(["backup", "--book", url, "--org", "FED-01", "-o", "part.sqlite"], as: "周婷")
        #expect(part.status == 0 && part.stdout.contains("FED-01"), "\(part.stderr)")
        let partVerified = try place.run(["verify", "--book", "part.sqlite", "--lang", "en"], as: "周婷")
        #expect(partVerified.status == 0 && partVerified.stdout.contains("FED-01"), "\(partVerified.stdout) \(partVerified.stderr)")
        let whole = try place.run(["verify", "--book", t.path, "--lang", "en"], as: "t").stdout
        for head in partVerified.stdout.split(separator: "\n") where head.contains(" FED-01 ") {
            #expect(whole.contains(head), "the head \(head) is not the book's")
        }
        #expect(!partVerified.stdout.contains("CTY-01"), "\(partVerified.stdout)")
        let partStray = try place.leftInTemporary()
        #expect(partStray.isEmpty, "left \(partStray)")
        try FileManager.default.removeItem(atPath: place.folder + "/part.sqlite")

        // The whole book's reader gets the file's report, line for line.
        let there = try place.run(["verify", "--book", url], as: "t")
        let here = try place.run(["verify", "--book", t.path], as: "t")
        #expect(there.status == 0 && there.stdout == here.stdout, "\(there.stdout) against \(here.stdout)")
        let english = try place.run(["verify", "--book", url, "--lang", "en"], as: "t")
        #expect(english.stdout.contains("chain heads:"), "\(english.stdout)")

        // A database without a book, one that cannot be reached, and a URL with a password.
        let empty = try await TestServer.freshDatabase(server)
        for command in [["verify", "--book", Self.url(empty)], ["backup", "--book", Self.url(empty), "-o", "none.sqlite"]] {
            let result = try place.run(command, as: "t")
            #expect(result.status == 1 && result.stderr.contains("[postgres-no-book]") && !result.stderr.contains("secret-word"), "\(command): \(result.stderr)")
        }
        for command in [["init", "--book", "postgresql://u:secret-word@127.0.0.1:1/db", "--key", "k.key"],
                        ["verify", "--book", "postgresql://u:secret-word@127.0.0.1:1/db"],
                        ["backup", "--book", "postgresql://u:secret-word@127.0.0.1:1/db", "-o", "none.sqlite"]] {
            let result = try place.run(command, as: "t")
            #expect(result.status == 1 && result.stderr.contains("[postgres-unreachable]") && !result.stderr.contains("secret-word"), "\(command): \(result.stderr)")
        }
        let tls = try place.run(["verify", "--book", "postgresql://u:secret-word@127.0.0.1:1/db?sslmode=prefered"], as: "t")
        #expect(tls.status == 1 && tls.stderr.contains("[postgres-sslmode-invalid]"), "\(tls.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: place.folder).filter { $0 != "tmp" }
        #expect(left.isEmpty, "left \(left)")
        let remaining = try place.leftInTemporary()
        #expect(remaining.isEmpty, "left \(remaining)")
        await TestServer.drop(empty, server: server)
        await TestServer.drop(database, server: server)
    }
}
