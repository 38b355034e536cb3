import Foundation
import FundCore
@testable import FundPostgres
import FundStore
import FundTesting
import GRDB
import Testing

/// `PostgresBook`: a new book made in PostgreSQL is a new SQLite book but for its times, a
/// database that holds a table is refused, and a book's copy for backup and verify is one
/// snapshot on which the SQLite services (and their rights checks) run.
@Suite(.serialized) struct PostgresBookTests {
    /// The columns in which two new books, made at different times, may differ beyond the times
    /// themselves: the hashes and tags of the chains, which cover those times.
    static func mayDiffer(_ column: String) -> Bool {
        column.contains("hash") || column.contains("tag")
    }

    /// A value with every UTC time in it (`2026-12-02T04:13:10Z`, in a text or an event's
    /// encoded payload) replaced by one fixed time.
    static func timeless(_ value: BookValue) -> BookValue {
        let time = #/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/#
        switch value {
        case let .text(text): return .text(text.replacing(time, with: "2000-01-01T00:00:00Z"))
        case let .blob(data):
            let text = String(decoding: data.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
            guard text.contains(time) else { return value }
            return .text(text.replacing(time, with: "2000-01-01T00:00:00Z"))
        default: return value
        }
    }

    @Test func aNewBookInPostgreSQLIsANewBookFileButForItsTimes() async throws {
        guard let server = TestServer.address() else { return }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let key = try SealKey.create(at: folder + "/book.key")
        let database = try await TestServer.freshDatabase(server)
        let made = try await PostgresBook.create(at: database, administrator: "管理员", key: key)
        let back = folder + "/back.sqlite"
        let home = try await BookCopy.toSQLite(from: database, to: back, as: "管理员", key: key)
        await TestServer.drop(database, server: server)
        let file = folder + "/file.sqlite"
        try Store.create(at: file, administrator: "管理员", key: key).close()

        let fresh = try Store.open(at: file, connections: .readOnly, key: key).session(as: "管理员").verification.verify()
        let copy = try Store.open(at: back, connections: .readOnly, key: key).session(as: "管理员").verification.verify()
        #expect(copy.problems.isEmpty, "\(copy.problems)")
        #expect(made.heads == home.heads && copy.heads == home.heads && !copy.heads.isEmpty)
        let shape: (ChainHead) -> String = { "\($0.chain.rawValue) \($0.organization ?? "-") \($0.seq)" }
        #expect(copy.heads.map(shape) == fresh.heads.map(shape))
        let there: [String: [[BookValue]]] = try BookCopyTests.rows(back)
        let here: [String: [[BookValue]]] = try BookCopyTests.rows(file)
        #expect(Set(there.keys) == Set(here.keys))
        let queue = try DatabaseQueue(path: file)
        let tables = try await queue.read { db in try BookTables.read(db) }
        try queue.close()
        var differing: Set<String> = []
        for table in tables {
            let left: [[BookValue]] = there[table.name] ?? []
            let right: [[BookValue]] = here[table.name] ?? []
            #expect(left.count == right.count, "\(table.name): \(left.count) rows in PostgreSQL's book, \(right.count) in the file's")
            for (a, b) in zip(left, right) {
                for (index, column) in table.columns.enumerated() where Self.timeless(a[index]) != Self.timeless(b[index]) { differing.insert(table.name + "." + column.name) }
            }
        }
        let unexpected = differing.filter { !Self.mayDiffer(String($0.split(separator: ".").last!)) }
        #expect(unexpected.isEmpty, "columns that differ beyond times and chain hashes: \(unexpected.sorted())")
        let accounts: Int = there["account"]?.count ?? 0
        #expect(accounts > 100)
        let recordedKey: [BookValue] = there["seal_key"]?.first ?? []
        #expect(recordedKey.contains(BookValue.text(key.id)))
    }

    @Test func aDatabaseThatHoldsATableTakesNoNewBook() async throws {
        guard let server = TestServer.address() else { return }
        let database = try await TestServer.freshDatabase(server)
        try await TestServer.using(database) { session in try await session.execute("CREATE TABLE notes (line TEXT)") }
        for attempt in 0..<2 {
            do {
                if attempt == 0 { try await PostgresBook.requireEmpty(database) } else { _ = try await PostgresBook.create(at: database, administrator: "管理员", key: nil) }
                Issue.record("a book was made over a database with a table")
            } catch let error as PostgresBookError {
                #expect(error == .targetNotEmpty(location: database.redacted, tables: ["notes"]))
            }
        }
        #expect(try await TestServer.tables(database) == ["notes"])
        await TestServer.drop(database, server: server)
    }

    /// Verify through the copy finds what was changed in PostgreSQL behind the book's back (a
    /// posted line's amount, with the triggers off), and reports the book as SQLite's verify does.
    @Test func verifyThroughTheCopySeesTheBookAsItIsInPostgreSQL() async throws {
        guard let server = TestServer.address() else { return }
        let t = try BookCopyTests.smallBook()
        let database = try await TestServer.freshDatabase(server)
        _ = try await BookCopy.toPostgres(from: t.path, to: database, as: "t", key: nil)
        let original = try BookCopyTests.verify(t.path)
        let clean = try await PostgresBook.withCopy(of: database, as: "t", key: nil) { session in try session.verification.verify() }
        #expect(clean.problems.isEmpty && clean.heads == original.heads)
        #expect(clean.vouchers == original.vouchers && clean.lines == original.lines && clean.organizations == original.organizations)

        try await TestServer.using(database) { session in
            try await session.execute("ALTER TABLE voucher_line DISABLE TRIGGER USER")
            try await session.execute("UPDATE voucher_line SET amount = amount + 1 WHERE id = (SELECT min(id) FROM voucher_line)")
        }
        let tampered = try await PostgresBook.withCopy(of: database, as: "t", key: nil) { session in try session.verification.verify() }
        #expect(!tampered.problems.isEmpty)
        // The same change made to the file is reported the same.
        let queue = try DatabaseQueue(path: t.path)
        try await queue.write { db in
            let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'voucher_line'")
            for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(BookCopy.quoted(trigger["name"] as String))") }
            try db.execute(sql: "UPDATE voucher_line SET amount = amount + 1 WHERE id = (SELECT min(id) FROM voucher_line)")
            for trigger in triggers { try db.execute(sql: trigger["sql"] as String) }
        }
        try queue.close()
        let changed = try BookCopyTests.verify(t.path)
        #expect(tampered.problems == changed.problems && tampered.heads == changed.heads, "\(tampered.problems) against \(changed.problems)")
        await TestServer.drop(database, server: server)
    }

    static func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "fundledger-pgbook-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
    /// A reader's snapshot holds the rows of what the reader may read, every organisation's row
    /// and the reader's own roles, nothing of the desk or the access log; the whole book for one
    /// whose grants reach all of it; and its folder goes when the store is released.
    @Test func aReadersSnapshotHoldsWhatTheReaderMayRead() async throws {
        guard let server = TestServer.address() else { return }
        let t = try BookCopyTests.smallBook()
        try t.book.access.grant(RoleGrant(user: "周婷", role: .cashier, organization: "FED-01"))
        let database = try await TestServer.freshDatabase(server)
        _ = try await BookCopy.toPostgres(from: t.path, to: database, as: "t", key: nil)

        func contents(_ store: Store) throws -> (organizations: Int, voucherOrganizations: Set<String>, users: Set<String>, log: Int) {
            let queue = try DatabaseQueue(path: store.path, configuration: BookCopy.readOnlyConfiguration())
            defer { try? queue.close() }
            return try queue.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM organization") ?? 0,
                 try String.fetchSet(db, sql: "SELECT DISTINCT o.code FROM voucher v JOIN organization o ON o.id = v.organization_id"),
                 try String.fetchSet(db, sql: "SELECT DISTINCT \"user\" FROM user_role"),
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM access_log") ?? 0)
            }
        }
        var part: Store? = try await PostgresBook.snapshot(of: database, key: nil, reader: "周婷")
        let folder = (part!.path as NSString).deletingLastPathComponent
        let inPart = try contents(part!)
        #expect(inPart.organizations == 2 && inPart.voucherOrganizations == ["FED-01"] && inPart.users == ["周婷"], "\(inPart)")
        #expect(try part!.session(as: "周婷").ledger.turnovers(organization: "FED-01", from: Period(year: 2026, month: 1)!, to: Period(year: 2026, month: 12)!)
                == t.book.store.session(as: "周婷").ledger.turnovers(organization: "FED-01", from: Period(year: 2026, month: 1)!, to: Period(year: 2026, month: 12)!))
        #expect(throws: BookError.self) { try part!.session(as: "周婷").ledger.turnovers(organization: "CTY-01", from: Period(year: 2026, month: 1)!, to: Period(year: 2026, month: 12)!) }
        // The refusal is logged on the server, as on a book file, and not in the snapshot.
        let logged = try await TestServer.using(database) { session in
            try await session.rows(#"SELECT "user", outcome, action, organization, position('[' in detail) > 0 FROM access_log WHERE outcome = 'refused'"#)
        }
        #expect(logged == [[.text("周婷"), .text("refused"), .text("read"), .text("CTY-01"), .integer(1)]], "\(logged)")
        #expect(try contents(part!).log == 0)
        // A role that may not insert into the access log: the refusal is not logged, and why is said.
        var reader = database
        reader.user = "fundledger_password"
        reader.password = PostgresLoginTests.password
        let refusal = RefusedAccess(at: "2026-12-03T00:00:00Z", user: "周婷", action: "read", organization: "CTY-01", detail: "x")
        let failure = PostgresBook.logRefusal(refusal, to: reader)
        #expect(failure == .server(sqlState: "42501", message: "permission denied for table access_log"), "\(String(describing: failure))")
        if let failure {
            let warning = PostgresBook.refusalNotLogged(failure, address: reader)
            #expect(warning.contains("访问日志") && warning.contains("[postgres-access-log-not-written]") && !warning.contains(PostgresLoginTests.password))
        }
        #expect(PostgresBook.logRefusal(refusal, to: database) == nil)
        part = nil
        #expect(!FileManager.default.fileExists(atPath: folder), "the snapshot's folder is removed with its store")

        let whole = try await PostgresBook.snapshot(of: database, key: nil, reader: "t")
        let inWhole = try contents(whole)
        #expect(inWhole.voucherOrganizations == ["FED-01", "CTY-01"] && inWhole.users.contains("周婷") && inWhole.users.contains("t"), "\(inWhole)")
        await TestServer.drop(database, server: server)
    }
}
