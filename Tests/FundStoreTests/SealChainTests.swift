import Foundation
import FundCore
@testable import FundStore
import FundTesting
import GRDB
import Testing

/// The event chains, their anchors and the keyed seal, tried the way someone holding the file
/// would: rows changed with the triggers dropped, a chain cut short, a chain rebuilt.
@Suite struct SealChainTests {
    static let february = Period(year: 2026, month: 2)!, march = Period(year: 2026, month: 3)!

    /// Runs SQL on the book file directly, every trigger dropped and foreign keys off.
    static func tamper(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.inTransaction {
                for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
                    try db.execute(sql: "DROP TRIGGER \"\(name)\"")
                }
                try db.execute(sql: sql)
                return .commit
            }
        }
        try queue.close()
    }

    static func eventProblems(_ report: VerifyReport) -> [String] {
        report.problems.filter { ["sealed-row", "event-chain", "anchor", "seal-key"].contains($0.check) }.map(\.description)
    }

    /// A book with a posted voucher, a closed month and a role grant.
    static func book() throws -> TestBook {
        let t = try TestBook()
        try t.post("FED-01", "2026-02-10", [("102", 100), ("401", -100)])
        try t.book.periods.close(organization: "FED-01", period: february, reviewer: "李强")
        try t.book.access.grant(RoleGrant(user: "王芳", role: .officer, organization: "FED-01"))
        return t
    }

    @Test func anUntouchedBookVerifiesCleanAndShowsItsHeads() throws {
        let t = try Self.book()
        let report = try t.book.verification.verify()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.heads.contains { $0.chain == .vouchers && $0.organization == "FED-01" && $0.seq == 2 })  // the voucher and the month's 期末结转
        #expect(report.heads.contains { $0.chain == .events && $0.organization == "FED-01" && $0.seq >= 2 })
        #expect(report.heads.contains { $0.chain == .events && $0.organization == nil })
        // The heads read back from their own lines, as `verify --anchors` reads them.
        #expect(ChainHead.heads(in: "chain heads:\n" + report.heads.map { "  \($0)" }.joined(separator: "\n")) == report.heads)
        #expect(try t.book.verification.verify(anchors: report.heads).problems.isEmpty)
    }

    @Test func rowsInsertedDeletedOrChangedBehindTheProgramsBackAreNamed() throws {
        let t = try Self.book()
        try Self.tamper(t.path, """
            DELETE FROM period_close;
            UPDATE user_role SET granted_by = '某人' WHERE user = '王芳' AND organization_id IS NOT NULL;
            INSERT INTO committee_member (committee_id, name, office, start) VALUES (1, '不存在的人', 'member', '2026-01-01');
            """)
        let problems = Self.eventProblems(try t.book.verification.verify())
        #expect(problems.contains { $0.contains("period_close (organization_id 2, period 202602) was deleted outside FundLedger") })
        #expect(problems.contains { $0.contains("user_role (user \"王芳\", role \"officer\", organization_id 2) was changed outside FundLedger: granted_by is \"某人\" but its chain says \"t\"") })
        #expect(problems.contains { $0.contains("committee_member (committee_id 1, name \"不存在的人\") was inserted outside FundLedger") })
        #expect(problems.count == 3, "\(problems)")
    }

    /// The voucher seal chains of two organisations, broken in each of the ways `verify` names:
    /// each organisation's problems under its own code, the first break of a chain only.
    @Test func eachBreakOfAVoucherSealChainIsNamedUnderItsOrganisation() throws {
        func seals(_ tamper: String) throws -> [String] {
            let t = try TestBook()
            for day in 10...13 { try t.post("FED-01", "2026-03-\(day)", [("102", 100), ("401", -100)]) }
            for day in 10...12 { try t.post("CTY-01", "2026-03-\(day)", [("101", 5), ("102", -5)]) }
            try Self.tamper(t.path, tamper)
            return try t.book.verification.verify().problems.filter { $0.check == "seal" }.map(\.description)
        }
        let fed = "(SELECT id FROM organization WHERE code = 'FED-01')", cty = "(SELECT id FROM organization WHERE code = 'CTY-01')"
        #expect(try seals("SELECT 1") == [])
        // A link removed from the middle, and one rewritten in the other chain.
        let jump = try seals("""
            DELETE FROM voucher_seal WHERE organization_id = \(fed) AND seq = 2;
            UPDATE voucher_seal SET previous = hash WHERE organization_id = \(cty) AND seq = 3;
            """)
        #expect(jump.count == 3, "\(jump)")
        #expect(jump.contains { $0.hasPrefix("CTY-01 2026-03/记-0003: its seal does not follow the seal before it") }, "\(jump)")
        #expect(jump.contains { $0.hasPrefix("CTY-01 2026-03/记-0003: its lines, amounts or fields were changed after posting") }, "\(jump)")
        // Past a chain's first break its unsealed vouchers are not named again.
        #expect(jump.contains { $0.hasPrefix("FED-01 2026-03/记-0003: the seal chain of FED-01 jumps from link 1 to 3") }, "\(jump)")
        // The last seal removed: a chain whole in itself, with a posted voucher outside it.
        let unsealed = try seals("DELETE FROM voucher_seal WHERE organization_id = \(cty) AND seq = 3")
        #expect(unsealed == ["CTY-01 2026-03/记-0003: it is posted but has no seal: it was put into the book outside FundLedger [seal]"], "\(unsealed)")
        // An audit that saw a head the chain no longer holds, and one that saw the head it holds.
        let audits = try seals("""
            INSERT INTO audit (organization_id, year, run_at, run_by, rules, vouchers, seal_seq, seal_hash)
                SELECT \(fed), 2026, '2026-04-01T02:00:00Z', '李强', '', 4, 2, hash FROM voucher_seal WHERE organization_id = \(fed) AND seq = 2;
            INSERT INTO audit (organization_id, year, run_at, run_by, rules, vouchers, seal_seq, seal_hash)
                VALUES (\(cty), 2026, '2026-04-02T02:00:00Z', '李强', '', 3, 2, '\(String(repeating: "0", count: 64))');
            """)
        #expect(audits.count == 1, "\(audits)")
        #expect(audits.first?.hasPrefix("CTY-01 seal 2: the chain no longer holds the seal that audit #2 saw on 2026-04-02") == true, "\(audits)")
    }

    /// Removing the last events together with the rows they made (a month's close: its
    /// period_close row and its period_log entry) leaves the chain consistent in itself; only a
    /// head copied out earlier shows that it lost links.
    @Test func aTruncatedChainIsNamedGivenAnAnchor() throws {
        let t = try Self.book()
        try t.post("FED-01", "2026-03-10", [("102", 100), ("401", -100)])
        try t.book.periods.close(organization: "FED-01", period: Self.march, reviewer: "李强")
        let anchors = try t.book.verification.verify().heads
        try Self.tamper(t.path, """
            DELETE FROM event WHERE organization_id = 2 AND seq >= (SELECT max(seq) - 1 FROM event WHERE organization_id = 2);
            DELETE FROM period_close WHERE period = 202603;
            DELETE FROM period_log WHERE period = 202603;
            """)
        #expect(Self.eventProblems(try t.book.verification.verify()).isEmpty)
        let problems = Self.eventProblems(try t.book.verification.verify(anchors: anchors))
        #expect(problems.count == 1 && problems[0].contains("the event chain of FED-01 holds") && problems[0].contains("cut short"), "\(problems)")
    }

    /// With an anchor, a chain rebuilt with new content no longer holds the anchored head.
    @Test func aRebuiltChainIsNamedGivenAnAnchor() throws {
        let t = try Self.book()
        let anchors = try t.book.verification.verify().heads
        try Self.rebuild(t.path, "UPDATE period_close SET closed_by = '别人'")
        #expect(Self.eventProblems(try t.book.verification.verify()).isEmpty)
        let problems = Self.eventProblems(try t.book.verification.verify(anchors: anchors))
        #expect(problems.contains { $0.contains("no longer holds the head the anchor recorded") }, "\(problems)")
    }

    /// Rebuilds every event chain from the rows as they are after `sql`, as someone holding the
    /// file (and the program, but not the key) could.
    static func rebuild(_ path: String, _ sql: String) throws {
        try tamper(path, sql + "; DELETE FROM event")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try EventChain.adoptAll(db, by: "t", at: "2026-03-01T00:00:00Z", key: nil)
        }
        try queue.close()
    }

    static func keyedBook() throws -> (folder: String, book: String, key: SealKey) {
        let folder = NSTemporaryDirectory() + "fundledger-key-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let key = try SealKey.create(at: folder + "/book.key")
        let session = try Store.create(at: folder + "/book.sqlite", administrator: "t", key: key).session(as: "t")
        try session.access.grant(RoleGrant(user: "t", role: .officer))
        try session.organizations.addOrganization(Organization(code: "CTY-01", name: "某某县总工会", level: .county))
        try session.periods.close(organization: "CTY-01", period: february, reviewer: "李强")
        return (folder, folder + "/book.sqlite", key)
    }

    @Test func aRebuiltChainIsNamedGivenTheKey() throws {
        let (_, book, key) = try Self.keyedBook()
        #expect(try Store.open(at: book, key: key).session(as: "t").verification.verify().problems.isEmpty)
        try Self.rebuild(book, "UPDATE period_close SET closed_by = '别人'")
        // Without the key the rebuilt chain holds together, and verify says the tags went unchecked.
        let unkeyed = try Store.open(at: book).session(as: "t").verification.verify()
        #expect(Self.eventProblems(unkeyed).isEmpty)
        #expect(unkeyed.warnings.contains { $0.check == "seal-key" })
        let problems = Self.eventProblems(try Store.open(at: book, key: key).session(as: "t").verification.verify())
        #expect(problems.contains { $0.contains("link 1 of the event chain of CTY-01 has no tag") }, "\(problems)")
    }

    @Test func aKeyedBookTakesNoWriteWithoutItsKey() throws {
        let (folder, book, key) = try Self.keyedBook()
        let bare = try Store.open(at: book).session(as: "t")
        #expect(bookError { try bare.periods.close(organization: "CTY-01", period: Self.march, reviewer: "李强") }?.rule == "seal-key-required")
        let other = try SealKey.create(at: folder + "/other.key")
        #expect(bookError { try Store.open(at: book, key: other).session(as: "t").periods.close(organization: "CTY-01", period: Self.march, reviewer: "李强") }?.rule == "seal-key-wrong")
        try Store.open(at: book, key: key).session(as: "t").periods.close(organization: "CTY-01", period: Self.march, reviewer: "李强")
        // Reading needs no key; a key given to a book without one is refused.
        #expect(try bare.periods.closedPeriods(organization: "CTY-01").count == 2)
        let t = try TestBook()
        #expect(bookError { try Store.open(at: t.path, key: key).session(as: "t").periods.close(organization: "FED-01", period: Self.march, reviewer: "李强") }?.rule == "seal-key-not-keyed")
        // The seals and events of the keyed book all carry their tags.
        let queue = try DatabaseQueue(path: book)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE tag IS NULL") } == 0)
        #expect(try queue.read { db in try String.fetchOne(db, sql: "SELECT key_id FROM seal_key") } == key.id)
    }

    @Test func keyFilesAreNewPrivateAndThirtyTwoBytes() throws {
        let (folder, _, key) = try Self.keyedBook()
        let mode = try FileManager.default.attributesOfItem(atPath: key.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try Data(contentsOf: URL(fileURLWithPath: key.path)).count == 32)
        #expect(bookError { _ = try SealKey.create(at: key.path) }?.rule == "seal-key-exists")
        #expect(try SealKey.read(from: key.path).id == key.id)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key.path)
        guard case .sealKey(.keyFileUnusable(_, .openToOthers(0o644)))? = bookError({ _ = try SealKey.read(from: key.path) }) else {
            Issue.record("a key others may read was taken"); return
        }
        let short = folder + "/short.key"
        FileManager.default.createFile(atPath: short, contents: Data(repeating: 1, count: 31), attributes: [.posixPermissions: 0o600])
        guard case .sealKey(.keyFileUnusable(_, .wrongSize(31)))? = bookError({ _ = try SealKey.read(from: short) }) else {
            Issue.record("a 31-byte key was taken"); return
        }
        #expect(bookError { _ = try SealKey.read(from: folder + "/none.key") }?.rule == "seal-key-unusable")
    }

    /// A book written before the event chains (sealed in payload version 1, no events) is
    /// upgraded with its facts adopted, and verifies clean.
    @Test func anOldFormatBookVerifiesClean() throws {
        let path = try MigrationFreezeTests.oldBook()
        let report = try Store.open(at: path).session(as: "老管理员").verification.verify()
        #expect(report.problems.filter { ["seal", "sealed-row", "event-chain"].contains($0.check) }.isEmpty, "\(report.problems)")
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT payload_version FROM voucher_seal") } == [1])
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0 } > 0)
    }
}
