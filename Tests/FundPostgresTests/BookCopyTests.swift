import Foundation
import FundCore
@testable import FundPostgres
import FundStore
import FundTesting
import GRDB
import Testing

/// `BookCopy` between SQLite and PostgreSQL: the round trip keeps every row and the chain heads,
/// a target that is not empty is refused and left alone, a failed copy leaves nothing, and the
/// PostgreSQL book's triggers refuse a change to a posted voucher made by SQL.
@Suite(.serialized) struct BookCopyTests {
    /// A small book: two organisations, posted vouchers in two months, a red-ink reversal, a draft.
    static func smallBook() throws -> TestBook {
        let t = try TestBook()
        try t.post("FED-01", "2026-01-05", [("101", 120_00), ("102", -120_00)])
        try t.post("FED-01", "2026-01-20", [("101", 5), ("102", -5)])
        let third = try t.post("FED-01", "2026-02-03", [("101", 99_99), ("102", -99_99)])
        try t.post("CTY-01", "2026-02-10", [("101", 1), ("102", -1)])
        let reversal = try t.book.vouchers.reverseVoucher(id: third.id, date: LocalDate(parsing: "2026-02-04")!, preparer: "王芳")
        try t.book.store.session(as: "李强").vouchers.reviewVoucher(id: reversal.id, reviewer: "李强")
        try t.book.vouchers.postVoucher(id: reversal.id, bookkeeper: "张会计")
        _ = try t.book.vouchers.addVoucher(VoucherDraft(organization: "FED-01", date: LocalDate(parsing: "2026-02-11")!, summary: "草稿", attachments: 0,
                                                        preparer: "王芳", lines: [VoucherLine(accountCode: "101", side: .debit, amount: Money(fen: 3)),
                                                                                 VoucherLine(accountCode: "102", side: .credit, amount: Money(fen: 3))]))
        return t
    }

    /// Every table's rows of the SQLite book at `path`, by table name.
    static func rows(_ path: String) throws -> [String: [[BookValue]]] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            var result: [String: [[BookValue]]] = [:]
            for table in try BookTables.read(db) { result[table.name] = try BookCopy.sqliteRows(db, table) }
            return result
        }
    }

    static func verify(_ path: String) throws -> VerifyReport {
        try Store.open(at: path, connections: .readOnly).session(as: "t").verification.verify()
    }

    @Test func aRoundTripKeepsEveryRowAndTheChainHeads() async throws {
        guard let server = TestServer.address() else { return }
        let t = try Self.smallBook()
        let database = try await TestServer.freshDatabase(server)
        let there = try await BookCopy.toPostgres(from: t.path, to: database, as: "t", key: nil)
        let back = t.folder + "/back.sqlite"
        let home = try await BookCopy.toSQLite(from: database, to: back, as: "t", key: nil)
        await TestServer.drop(database, server: server)

        let original = try Self.verify(t.path), copy = try Self.verify(back)
        #expect(original.problems.isEmpty && copy.problems.isEmpty, "\(copy.problems)")
        #expect(original.heads.count >= 3)
        #expect(copy.heads == original.heads && there.heads == original.heads && home.heads == original.heads)
        #expect(there.rows == home.rows && there.tables == home.tables && there.rows > 100)
        #expect(try Self.rows(back) == (try Self.rows(t.path)))
        // The copy is a book that takes new work: the next voucher gets the next number and a new id.
        let next = try Store.open(at: back).session(as: "t")
        let draft = try next.vouchers.addVoucher(VoucherDraft(organization: "FED-01", date: LocalDate(parsing: "2026-02-12")!, summary: "复制后", attachments: 0,
                                                              preparer: "王芳", lines: [VoucherLine(accountCode: "101", side: .debit, amount: Money(fen: 7)),
                                                                                       VoucherLine(accountCode: "102", side: .credit, amount: Money(fen: 7))]))
        #expect(draft.id > 6)
    }

    @Test func aTargetThatIsNotEmptyIsRefusedAndLeftAsItWas() async throws {
        guard let server = TestServer.address() else { return }
        let t = try Self.smallBook()
        let database = try await TestServer.freshDatabase(server)
        try await TestServer.using(database) { session in
            try await session.execute("CREATE TABLE notes (line TEXT)")
            try await session.execute("INSERT INTO notes VALUES ('kept')")
        }
        do {
            _ = try await BookCopy.toPostgres(from: t.path, to: database, as: "t", key: nil)
            Issue.record("copied into a database that holds a table")
        } catch let error as PostgresBookError {
            #expect(error == .targetNotEmpty(location: database.redacted, tables: ["notes"]))
            #expect(error.chinese.hasSuffix("[copy-target-not-empty]") && error.category == .conflict)
        }
        #expect(try await TestServer.tables(database) == ["notes"])

        // A book copied once is not copied over.
        let second = try await TestServer.freshDatabase(server)
        _ = try await BookCopy.toPostgres(from: t.path, to: second, as: "t", key: nil)
        await #expect(throws: PostgresBookError.self) { _ = try await BookCopy.toPostgres(from: t.path, to: second, as: "t", key: nil) }
        let vouchers = try await TestServer.using(second) { try await $0.rows("SELECT count(*) FROM voucher") }
        #expect(vouchers == [[.integer(6)]])

        // Nor is an existing file.
        let existing = t.folder + "/existing.sqlite"
        try Data("not mine".utf8).write(to: URL(fileURLWithPath: existing))
        await #expect(throws: PostgresBookError.targetNotEmpty(location: existing, tables: ["(a file)"])) {
            _ = try await BookCopy.toSQLite(from: second, to: existing, as: "t", key: nil)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: existing)) == Data("not mine".utf8))
        await TestServer.drop(database, server: server)
        await TestServer.drop(second, server: server)
    }

    @Test func aCopyThatFailsHalfWayLeavesNothing() async throws {
        guard let server = TestServer.address() else { return }
        let t = try Self.smallBook()
        let database = try await TestServer.freshDatabase(server)
        await #expect(throws: PostgresBookError.connectionLost(location: database.redacted)) {
            _ = try await BookCopy.toPostgres(from: t.path, to: database, as: "t", key: nil, progress: nil, failAfterTables: 20)
        }
        #expect(try await TestServer.tables(database) == [], "the schema and the first tables were rolled back")

        _ = try await BookCopy.toPostgres(from: t.path, to: database, as: "t", key: nil)
        let destination = t.folder + "/back.sqlite"
        await #expect(throws: PostgresBookError.connectionLost(location: database.redacted)) {
            _ = try await BookCopy.toSQLite(from: database, to: destination, as: "t", key: nil, progress: nil, failAfterTables: 20)
        }
        #expect(!FileManager.default.fileExists(atPath: destination))
        let left = try FileManager.default.contentsOfDirectory(atPath: t.folder).filter { $0.hasPrefix("back.sqlite") }
        #expect(left.isEmpty, "left \(left)")
        await TestServer.drop(database, server: server)
    }

    @Test func onlyWhoMayBackUpTheWholeBookCopiesIt() async throws {
        guard let server = TestServer.address() else { return }
        let t = try Self.smallBook()
        let database = try await TestServer.freshDatabase(server)
        do {
            _ = try await BookCopy.toPostgres(from: t.path, to: database, as: "路人", key: nil)
            Issue.record("a user with no role copied the book")
        } catch let BookError.backup(.wholeBookNeeded(user, _)) {
            #expect(user == "路人")
        }
        #expect(try await TestServer.tables(database) == [])
        _ = try await BookCopy.toPostgres(from: t.path, to: database, as: "t", key: nil)
        do {
            _ = try await BookCopy.toSQLite(from: database, to: t.folder + "/back.sqlite", as: "路人", key: nil)
            Issue.record("a user with no role copied the book out")
        } catch let BookError.backup(.wholeBookNeeded(user, _)) {
            #expect(user == "路人")
        }
        #expect(!FileManager.default.fileExists(atPath: t.folder + "/back.sqlite"))
        await TestServer.drop(database, server: server)
    }

    /// SQL run straight on the PostgreSQL book meets SQLite's triggers, with SQLite's words.
    @Test func theBookInPostgreSQLRefusesToChangePostedFacts() async throws {
        guard let server = TestServer.address() else { return }
        let t = try Self.smallBook()
        let database = try await TestServer.freshDatabase(server)
        _ = try await BookCopy.toPostgres(from: t.path, to: database, as: "t", key: nil)
        try await TestServer.using(database) { session in
        let posted = "(SELECT l.id FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id WHERE v.status = 'posted' ORDER BY l.id LIMIT 1)"
        let attempts: [(String, String)] = [
            ("UPDATE voucher_line SET amount = amount + 1 WHERE id = \(posted)", "a posted voucher cannot be changed; correct it with a red-ink reversal"),
            ("DELETE FROM voucher_line WHERE id = \(posted)", "a posted voucher cannot be changed; correct it with a red-ink reversal"),
            ("UPDATE voucher SET summary = 'x' WHERE status = 'posted'", "a posted voucher cannot be changed; correct it with a red-ink reversal"),
            ("DELETE FROM voucher WHERE status = 'posted'", "a posted voucher cannot be deleted; correct it with a red-ink reversal"),
            ("UPDATE voucher_seal SET hash = repeat('0', 64)", "a voucher seal is never changed"),
            ("DELETE FROM voucher_seal", "a voucher seal is never deleted"),
            ("UPDATE event SET tag = NULL", "an event of the event chain is never changed"),
            ("DELETE FROM event", "an event of the event chain is never deleted"),
        ]
        let before = try await session.rows("SELECT sum(amount)::bigint, count(*) FROM voucher_line")
        for (sql, message) in attempts {
            do {
                try await session.execute(sql)
                Issue.record("\(sql) was not refused")
            } catch let error as PostgresBookError {
                #expect(error == .refused(.constraint(message: message)), "\(sql)")
                #expect(error.chinese == BookError.storage(.constraint(message: message)).chinese)
                #expect(error.category == .conflict)
            }
        }
        #expect(try await session.rows("SELECT sum(amount)::bigint, count(*) FROM voucher_line") == before)
        // A draft is still the application's to change.
        try await session.execute("UPDATE voucher SET summary = '改过的草稿' WHERE status = 'draft'")
        }
        await TestServer.drop(database, server: server)
    }

    /// The demo county's book (`fundledger demo`), to PostgreSQL and back with the command line:
    /// `verify` prints the very same report, chain heads included, on both files; and every
    /// command that only reads prints on the PostgreSQL book what it prints on the file, for the
    /// book's importer and for readers of parts of it (officers of the county, of federations and
    /// of a township, a township's superior), refusals included, leaving no snapshot behind.
    @Test func theDemoBookGoesThereAndBackWithTheSameChainHeads() async throws {
        guard let server = TestServer.address() else { return }
        guard FileManager.default.isExecutableFile(atPath: BuiltBinary.path) else { Issue.record("no \(BuiltBinary.path): build first"); return }
        let folder = NSTemporaryDirectory() + "fundledger-pgdemo-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/tmp", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = try await TestServer.freshDatabase(server)
        func run(_ arguments: [String], as user: String = "演示导入") throws -> (Int32, String, String) {
            let result = try BuiltBinary.run(arguments, user: user, environment: ["TMPDIR": folder + "/tmp", "FUNDLEDGER_NO_PROGRESS": "1"])
            return (result.status, result.stdout, result.stderr)
        }
        let url = "postgresql://\(database.user):secret-word@\(database.host):\(database.port)/\(database.database)"
        let file = folder + "/demo.sqlite"
        #expect(try run(["demo", "--book", file, "--exports", folder + "/exports"]).0 == 0)
        // A superior of one township, beside the demo's officers of the county, of five
        // federations and of another township, so that each reads a part of its own.
        #expect(try run(["user", "grant", "孙悦", "superior", "--org", "TWN-01", "--book", file]).0 == 0)
        let there = try run(["copy", "--from", file, "--to", url])
        #expect(there.0 == 0, "\(there.2)")
        #expect(there.1.contains("已将账套") && !there.1.contains("secret-word") && !there.2.contains("secret-word"))
        let back = try run(["copy", "--from", url, "--to", folder + "/back.sqlite"])
        #expect(back.0 == 0, "\(back.2)")
        let again = try run(["copy", "--from", file, "--to", url])
        #expect(again.0 == 1 && again.2.contains("[copy-target-not-empty]") && !again.2.contains("secret-word"))
        let original = try run(["verify", "--book", file])
        let copy = try run(["verify", "--book", folder + "/back.sqlite"])
        #expect(original.0 == 0 && copy.0 == 0)
        #expect(original.1.contains("vouchers CTY-01"))
        #expect(copy.1 == original.1)

        let reads: [[String]] = [
            ["org", "list"], ["org", "show", "FED-01"], ["account", "list", "--org", "FED-01"],
            ["voucher", "list", "--org", "FED-01", "--format", "csv"], ["voucher", "show", "--org", "FED-01", "2026-03/记-0001"],
            ["report", "trial-balance", "--org", "FED-01", "--year", "2026"], ["report", "trial-balance", "--org", "CTY-01", "--period", "2026-06"],
            ["report", "general-ledger", "--org", "FED-01", "--year", "2026"], ["report", "detail-ledger", "--org", "FED-01", "--account", "101", "--year", "2026"],
            ["report", "balance-sheet", "--org", "FED-01", "--period", "2026-12"], ["report", "income-expenditure", "--org", "FED-01", "--year", "2026"],
            ["report", "budget-execution", "--org", "FED-01", "--year", "2026"], ["report", "rollup", "--org", "CTY-01", "--year", "2026"],
            ["report", "subsidies", "--org", "CTY-01", "--year", "2026"], ["report", "subsidy", "XB-2026-001"], ["subsidy", "show", "XB-2026-001"],
            ["budget", "show", "--org", "FED-01", "--year", "2026"], ["asset", "list", "--org", "FED-01"],
            ["review", "findings", "--org", "FED-01", "--year", "2026"], ["committee", "show", "--org", "FED-01"], ["user", "list"], ["user", "log"],
            ["period", "packs", "--org", "FED-01"],
        ]
        for user in ["演示导入", "赵敏", "孙悦", "刘敏", "吴刚"] {
            for command in reads {
                let onFile = try run(command + ["--book", file], as: user)
                let onServer = try run(command + ["--book", url], as: user)
                if user == "演示导入" { #expect(onFile.0 == 0 && !onFile.1.isEmpty, "\(command): \(onFile.2)") }
                #expect(onServer.0 == onFile.0 && onServer.1 == onFile.1, "\(user) \(command): \(onServer.2) against \(onFile.2)")
                #expect(onServer.2 == onFile.2.replacingOccurrences(of: file, with: database.redacted) || onServer.0 == 0,
                        "\(user) \(command): \(onServer.2) against \(onFile.2)")
                #expect(!onServer.1.contains("secret-word") && !onServer.2.contains("secret-word"))
            }
        }
        // Each refused read was logged where the book is: the two access logs hold the same
        // entries, all but their times.
        let logOnFile = try run(["user", "log", "--format", "csv", "--book", file])
        let logOnServer = try run(["user", "log", "--format", "csv", "--book", url])
        let withoutTimes = { (csv: String) in csv.split(separator: "\n").map { $0.split(separator: ",", maxSplits: 1).dropFirst().joined() } }
        #expect(logOnFile.0 == 0 && logOnServer.0 == 0 && logOnFile.1.contains("refused"), "\(logOnFile.2) \(logOnServer.2)")
        #expect(withoutTimes(logOnServer.1) == withoutTimes(logOnFile.1))
        let exported = try run(["export", "trial-balance", "--org", "FED-01", "--year", "2026", "--book", url, "-o", folder + "/tb.xlsx"])
        #expect(exported.0 == 0 && FileManager.default.fileExists(atPath: folder + "/tb.xlsx"), "\(exported.2)")
        // A command that writes still refuses the PostgreSQL book, and says what it is for.
        let add = try run(["org", "add", "--code", "FED-09", "--name", "某某联合会", "--level", "federation", "--parent", "CTY-01", "--book", url])
        #expect(add.0 == 1 && add.2.contains("[book-url-not-supported]") && add.2.contains("而本命令要写入账套") && !add.2.contains("secret-word"))
        let stray = try FileManager.default.contentsOfDirectory(atPath: folder + "/tmp")
        #expect(stray.isEmpty, "left \(stray)")
        await TestServer.drop(database, server: server)
    }
}
