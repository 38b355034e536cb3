import Foundation
import Testing

/// Only `init` makes a book; every other command refuses a file that is not one and leaves it
/// as it was, and a command that only reads never changes the book.
@Suite struct OpeningTests {
    @Test(arguments: ["empty", "text", "sqlite", "folder", "missing"])
    func aFileThatIsNoBookIsRefusedAndLeftAlone(kind: String) throws {
        let folder = try CLI.temporaryFolder()
        let path = folder + "/book.sqlite"
        switch kind {
        case "empty": FileManager.default.createFile(atPath: path, contents: Data())
        case "text": try "2026-01-01 * 不是账套\n".write(toFile: path, atomically: true, encoding: .utf8)
        case "sqlite":
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('create table t(x)'); c.commit()", path]
            try process.run()
            process.waitUntilExit()
        case "folder": try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        default: break
        }
        let before = try? Data(contentsOf: URL(fileURLWithPath: path))
        for command in [["org", "list"], ["voucher", "list", "--org", "FED-01"], ["report", "trial-balance", "--org", "FED-01", "--year", "2026"],
                        ["close", "--org", "FED-01", "--period", "2026-01"], ["verify"]] {
            let result = try CLI.run(command + ["--book", path])
            #expect(result.status != 0, "\(command) on a \(kind) file")
            #expect(result.stderr.contains(kind == "missing" ? "没有账套" : "不是可读的 FundLedger 账套"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains(kind == "missing" ? "[book-missing]" : "[not-a-book]"), "\(command): \(result.stderr)")
        }
        #expect((try? Data(contentsOf: URL(fileURLWithPath: path))) == before)
        let companions = (try FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0 != "book.sqlite" }
        #expect(companions.isEmpty, "left \(companions)")
    }

    /// `--book postgresql://…` (before or after the subcommand) for a command that writes, and
    /// for restore, is refused as an address, in Chinese and in English, and makes no folder or
    /// file; another scheme is refused for every command.
    @Test func aBookAddressIsRefusedForWritingAndMakesNothing() throws {
        let folder = try CLI.temporaryFolder()
        let url = "postgresql://finance:s3cret@db.example/union"
        for command in [["org", "add", "--code", "FED-09", "--name", "某某联合会", "--level", "federation", "--book", url],
                        ["--book", url, "voucher", "post", "--org", "FED-01", "3"],
                        ["restore", "--book", url, "backup.sqlite"], ["--book=mysql://h/db", "org", "list"], ["--book=mysql://h/db", "init"]] {
            let result = try CLI.run(command, directory: folder)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("[book-url-not-supported]"), "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("s3cret"), "\(command): \(result.stderr)")
            let english = try CLI.run(command + ["--lang", "en"], directory: folder)
            #expect(english.stderr.contains("this version keeps books in SQLite files") || english.stderr.contains("and this command writes"), "\(command): \(english.stderr)")
        }
        #expect(try CLI.run(["org", "add", "--code", "FED-09", "--name", "某某联合会", "--level", "federation", "--book", url], directory: folder)
            .stderr.contains("而本命令要写入账套"))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(left.isEmpty, "left \(left)")
    }

    /// A command that only reads takes a PostgreSQL address to a server: one that cannot be
    /// reached is refused with the address (without its password), and nothing is made.
    @Test func aReadingCommandGoesToTheServerItNames() throws {
        let folder = try CLI.temporaryFolder()
        let url = "postgresql://finance:s3cret@127.0.0.1:1/union"
        for command in [["org", "list", "--book", url], ["--book", url, "report", "trial-balance", "--org", "FED-01", "--year", "2026"]] {
            let result = try CLI.run(command, directory: folder)
            #expect(result.status != 0, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("127.0.0.1:1"), "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("s3cret"), "\(command): \(result.stderr)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(left.isEmpty, "left \(left)")
    }

    @Test func readingCommandsLeaveTheBookAsItWas() throws {
        let (folder, book) = try CLI.countyBook()
        let before = try Data(contentsOf: URL(fileURLWithPath: book))
        for command in [["report", "trial-balance", "--org", "CTY-01", "--year", "2026"], ["verify"],
                        ["export", "trial-balance", "--org", "CTY-01", "--year", "2026", "-o", folder + "/tb.xlsx"]] {
            #expect(try CLI.run(command + ["--book", book]).status == 0, "\(command)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: book)) == before)
    }
}

/// `--book` and `--as` work before the subcommand as after it.
@Suite struct SharedOptionTests {
    @Test func theBookAndTheUserMayComeFirst() throws {
        let folder = try CLI.temporaryFolder()
        let book = folder + "/book.sqlite"
        #expect(try CLI.run(["--book", book, "init"]).status == 0)
        #expect(try CLI.run(["--book=" + book, "--as", "测试员", "org", "add", "--code", "CTY-01", "--name", "某某县总工会", "--level", "county"]).status == 0)
        let listed = try CLI.run(["--as", "测试员", "--book", book, "org", "list", "--format", "csv"])
        #expect(listed.status == 0 && listed.stdout.contains("CTY-01"))
        #expect(try CLI.run(["org", "list", "--book", book, "--format", "csv"]).stdout == listed.stdout)
    }
}
