import Foundation
import FundCore
@testable import FundStore
import FundTesting
import GRDB
import Testing

/// `backup --org`: the part of the book under one organisation, as a self-contained book that
/// verifies clean and holds nothing of any other organisation.
@Suite struct BackupPartTests {
    static let february = Period(year: 2026, month: 2)!

    /// The test book with a township beside the federation and a grassroots union under it,
    /// vouchers in each, a closed month and roles on either side.
    static func book() throws -> TestBook {
        let t = try TestBook()
        try t.book.organizations.addOrganization(Organization(code: "TWN-01", name: "某某县东关镇总工会", level: .township, parentCode: "CTY-01", independent: true))
        try t.book.organizations.addOrganization(Organization(code: "GRS-01", name: "某某县顺达物流有限公司工会", level: .grassroots, parentCode: "FED-01",
                                                              independent: true))
        try t.post("FED-01", "2026-02-10", [("101", 100_00), ("102", -100_00)])
        try t.post("FED-01", "2026-03-12", [("101", 30_00), ("102", -30_00)])
        try t.post("CTY-01", "2026-02-11", [("101", 900_00), ("102", -900_00)])
        try t.post("TWN-01", "2026-02-12", [("101", 700_00), ("102", -700_00)])
        try t.book.periods.close(organization: "FED-01", period: february, reviewer: "李强")
        try t.book.periods.close(organization: "TWN-01", period: february, reviewer: "李强")
        try t.book.access.grant(RoleGrant(user: "赵六", role: .superior, organization: "FED-01"))
        try t.book.access.grant(RoleGrant(user: "钱七", role: .officer, organization: "TWN-01"))
        return t
    }

    static func rows(_ path: String, _ sql: String) throws -> [Row] {
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? queue.close() }
        return try queue.read { db in try Row.fetchAll(db, sql: sql) }
    }

    @Test func thePartHoldsTheSubtreeWholeVerifiesCleanAndKeepsTheHeads() throws {
        let t = try Self.book()
        let output = t.folder + "/part.sqlite"
        let part = try t.book.store.session(as: "赵六").backups.backupPart(of: "FED-01", to: output)
        #expect(part.organizations == 2 && part.namedOutside == 0 && part.verified.problems.isEmpty)
        let opened = try Store.open(at: output, connections: .readOnly)
        let reader = opened.session(as: "赵六")
        let report = try reader.verification.verify()
        #expect(report.problems.isEmpty, "\(report.problems)")
        // Every chain of the subtree is the book's, head for head; the part's own book-level
        // chain holds the one grant it was made with.
        let source = try t.book.verification.verify().heads
        let mine = Set(["FED-01", "GRS-01"])
        #expect(report.heads.filter { $0.organization != nil } == source.filter { $0.organization.map(mine.contains) == true })
        #expect(report.heads.contains { $0.chain == .events && $0.organization == nil && $0.seq == 1 })
        // Row counts per table against the source filtered by organisation.
        let ids = try Self.rows(t.path, "SELECT id FROM organization WHERE code IN ('FED-01', 'GRS-01')").map { $0[0] as Int64 }
        let inPart = "(" + ids.map(String.init).joined(separator: ", ") + ")"
        for table in ["voucher", "voucher_seal", "balance", "year_balance", "period_close", "period_log", "event"] {
            let want = try Self.rows(t.path, "SELECT count(*) FROM \(table) WHERE organization_id IN \(inPart)")[0][0] as Int
            let have = try Self.rows(output, "SELECT count(*) FROM \(table) WHERE organization_id IS NOT NULL")[0][0] as Int
            #expect(want == have, "\(table): \(have) rows, the source has \(want)")
            if ["voucher", "voucher_seal", "balance", "period_close", "event"].contains(table) { #expect(have > 0, "\(table) is empty") }
        }
        let lines = try Self.rows(t.path, "SELECT count(*) FROM voucher_line WHERE voucher_id IN (SELECT id FROM voucher WHERE organization_id IN \(inPart))")[0][0] as Int
        #expect(try Self.rows(output, "SELECT count(*) FROM voucher_line")[0][0] as Int == lines)
        #expect(try Self.rows(output, "SELECT count(*) FROM account WHERE organization_id IS NULL")[0][0] as Int
            == Self.rows(t.path, "SELECT count(*) FROM account WHERE organization_id IS NULL")[0][0] as Int)
        // No other organisation, nor any user of the rest of the book.
        #expect(try Set(Self.rows(output, "SELECT code FROM organization").map { $0[0] as String }) == mine)
        #expect(try Self.rows(output, "SELECT parent_id FROM organization WHERE code = 'FED-01'")[0][0] as Int64? == nil)
        #expect(try Self.rows(output, "SELECT user, role, organization_id IS NULL FROM user_role ORDER BY 3").map { "\($0[0] as String) \($0[1] as String) \($0[2] as Bool)" }
            == ["赵六 superior false", "赵六 superior true"])
        #expect(try Self.rows(output, "SELECT count(*) FROM access_log")[0][0] as Int == 0)
        // The reports of the included organisations read it: the ledger and the roll-up.
        #expect(try reader.ledger.ledgerLines(organization: "FED-01", account: "102", year: 2026).count == 2)
        _ = try reader.rollup.rollupData(root: "FED-01", year: 2026, month: 3)
        try opened.close()
    }

    @Test func aPartIsRefusedToWhoMayNotReadTheSubtreeAndForAnUnknownOrganisation() throws {
        let t = try Self.book()
        let outsider = t.book.store.session(as: "钱七")
        let refused = bookError { try outsider.backups.backupPart(of: "FED-01", to: t.folder + "/p.sqlite") }
        #expect(refused?.rule == "backup-part-not-readable" && refused?.category == .notPermitted, "\(String(describing: refused))")
        #expect(refused?.description.contains("钱七 may not back up the part of FED-01") == true)
        // The superior of the federation may not take the county's part, nor the whole book,
        // and is told of --org.
        let superior = t.book.store.session(as: "赵六")
        #expect(bookError { try superior.backups.backupPart(of: "CTY-01", to: t.folder + "/p.sqlite") }?.rule == "backup-part-not-readable")
        let whole = bookError { try superior.backups.backup(to: t.folder + "/p.sqlite") }
        #expect(whole?.rule == "backup-whole-book" && whole?.description.contains("fundledger backup --org ORG -o FILE") == true)
        #expect(bookError { try superior.backups.backupPart(of: "NOPE", to: t.folder + "/p.sqlite") }?.rule == "unknown-org")
        #expect(!FileManager.default.fileExists(atPath: t.folder + "/p.sqlite"))
        // An existing file is never overwritten.
        let taken = try t.write("taken.sqlite", "not a book")
        #expect(bookError { try superior.backups.backupPart(of: "FED-01", to: taken) }?.rule == "book-exists")
        #expect(try String(contentsOfFile: taken, encoding: .utf8) == "not a book")
    }

    @Test func aTamperedPartIsCaughtByVerify() throws {
        let t = try Self.book()
        let output = t.folder + "/part.sqlite"
        try t.book.store.session(as: "赵六").backups.backupPart(of: "FED-01", to: output)
        try SealChainTests.tamper(output, "DELETE FROM period_close; UPDATE voucher_line SET amount = amount + 1 WHERE id = (SELECT min(id) FROM voucher_line)")
        let problems = try Store.open(at: output, connections: .readOnly).session(as: "赵六").verification.verify().problems
        #expect(problems.contains { $0.check == "sealed-row" && $0.organization == "FED-01" }, "\(problems)")
        #expect(problems.contains { $0.check == "seal" }, "\(problems)")
    }

    @Test func anOrganisationTheRowsNameIsKeptAsABareRow() throws {
        let t = try Self.book()
        try t.post("FED-01", "2026-03-20", [("102", 50_00), ("40301", -50_00)], counterpart: "CTY-01")
        let output = t.folder + "/part.sqlite"
        let part = try t.book.store.session(as: "赵六").backups.backupPart(of: "FED-01", to: output)
        #expect(part.namedOutside == 1 && part.verified.problems.isEmpty, "\(part.verified.problems)")
        let county = try Self.rows(output, "SELECT id, parent_id, created_by FROM organization WHERE code = 'CTY-01'")
        #expect(county.count == 1 && county[0][1] as Int64? == nil && county[0][2] as String == "")
        let id = county[0][0] as Int64
        for table in ["voucher", "balance", "event", "voucher_seal", "user_role", "period_close"] {
            #expect(try Self.rows(output, "SELECT count(*) FROM \(table) WHERE organization_id = \(id)")[0][0] as Int == 0, "\(table)")
        }
        #expect(try Self.rows(output, "SELECT count(*) FROM account WHERE organization_id = \(id)")[0][0] as Int == 0)
    }

    @Test func everyTableOfTheSchemaHasAPartRule() throws {
        let t = try TestBook()
        let tables = try Self.rows(t.path, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'")
            .map { $0[0] as String }
        #expect(Set(tables) == Set(PartTables.rules.keys))
    }
}
