import FundCore
@testable import FundStore
import FundTesting
import Foundation
import GRDB
import Testing

/// Tamper evidence, roles and the life of an audit's findings, on small books.
@Suite struct TamperTests {
    /// Three posted vouchers; the second is the one tampered with.
    func book() throws -> (TestBook, Voucher) {
        let t = try TestBook()
        try t.post("FED-01", "2026-03-10", [("102", 100_00), ("401", -100_00)])
        let target = try t.post("FED-01", "2026-03-11", [("102", 250_00), ("401", -250_00)])
        try t.post("FED-01", "2026-03-12", [("50105", 80_00), ("102", -80_00)])
        return (t, target)
    }

    func tamper(_ t: TestBook, _ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: t.path)
        try queue.write { db in
            for trigger in ["voucher_line_update_posted", "voucher_posted_immutable", "voucher_line_delete_posted", "voucher_posted_undeletable",
                            "voucher_insert_not_posted", "voucher_post_lines", "voucher_post_balanced", "voucher_post_gapless"] {
                try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger)")
            }
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            for statement in sql.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !statement.isEmpty {
                try db.execute(sql: statement, arguments: statement.contains("?1") ? arguments : [])
            }
        }
    }

    func sealProblems(_ t: TestBook) throws -> [VerifyProblem] {
        try t.book.verification.verify().problems.filter { $0.check == "seal" }
    }

    @Test func anUntouchedBookVerifiesClean() throws {
        let (t, _) = try book()
        #expect(try t.book.verification.verify().problems.isEmpty)
    }

    @Test(arguments: [
        ("amount", "UPDATE voucher_line SET amount = amount + 1 WHERE voucher_id = ?1 AND side = 'D'"),
        ("account", "UPDATE voucher_line SET account_id = (SELECT id FROM account WHERE code = '101' AND chart = 'grassroots') WHERE voucher_id = ?1 AND side = 'D'"),
        ("date", "UPDATE voucher SET date = '2026-03-15' WHERE id = ?1"),
        ("summary", "UPDATE voucher SET summary = '改过的摘要' WHERE id = ?1"),
        ("preparer", "UPDATE voucher SET preparer = '某人' WHERE id = ?1"),
    ])
    func aDirectChangeIsNamed(field: String, sql: String) throws {
        let (t, target) = try book()
        try tamper(t, sql, [target.id])
        let problems = try sealProblems(t)
        #expect(problems.count == 1, "changing the \(field)")
        #expect(problems.first?.voucher == "2026-03/记-0002")
        #expect(problems.first?.message.contains("changed after posting") == true)
    }

    @Test func aDeletedVoucherIsNamed() throws {
        let (t, target) = try book()
        try tamper(t, "DELETE FROM voucher_line WHERE voucher_id = ?1; DELETE FROM voucher WHERE id = ?1", [target.id])
        let problems = try sealProblems(t)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("deleted") == true)
    }

    @Test func aVoucherSlippedInIsNamed() throws {
        let (t, _) = try book()
        try tamper(t, """
            INSERT INTO voucher (organization_id, date, period, word, number, summary, attachments, preparer, reviewer, bookkeeper, status, created_at, posted_at)
            SELECT organization_id, '2026-03-20', 202603, '记', 4, '补进来的', 1, '王芳', '李强', '张会计', 'posted', created_at, posted_at FROM voucher WHERE number = 1
            """)
        #expect(try sealProblems(t).first?.message.contains("no seal") == true)
    }

    @Test func aRebuiltChainIsCaughtAgainstTheLastAudit() throws {
        let (t, target) = try book()
        try t.book.committees.addCommittee(Committee(organization: "FED-01", elected: LocalDate(parsing: "2026-01-01")!, termYears: 5,
                                          members: [CommitteeMember(name: "陈静", office: .chair, start: LocalDate(parsing: "2026-01-01")!)]))
        _ = try t.opened(as: "陈静").review.runAudit(organization: "FED-01", year: 2026)
        // Change a voucher and forge every seal from it on, as someone who knows the scheme would.
        try tamper(t, "UPDATE voucher_line SET amount = amount + 1 WHERE voucher_id = ?1", [target.id])
        try tamper(t, "DROP TRIGGER voucher_seal_immutable; UPDATE voucher_seal SET hash = 'f' || substr(hash, 2) WHERE voucher_id >= ?1;"
                   + "UPDATE voucher_seal SET previous = 'f' || substr(previous, 2) WHERE voucher_id > ?1", [target.id])
        let problems = try sealProblems(t)
        #expect(!problems.isEmpty)
        // Whatever the forger did, the audit's record of the chain no longer matches, or a link breaks.
        #expect(problems.contains { $0.message.contains("audit #1") || $0.message.contains("changed after posting") })
    }

    @Test func theAuditReportsTampering() throws {
        let (t, target) = try book()
        try t.book.committees.addCommittee(Committee(organization: "FED-01", elected: LocalDate(parsing: "2026-01-01")!, termYears: 5,
                                          members: [CommitteeMember(name: "陈静", office: .chair, start: LocalDate(parsing: "2026-01-01")!)]))
        try tamper(t, "UPDATE voucher_line SET amount = amount + 1 WHERE voucher_id = ?1 AND side = 'D'", [target.id])
        let outcome = try t.opened(as: "陈静").review.runAudit(organization: "FED-01", year: 2026)
        #expect(outcome.findings.contains { $0.rule == "seal-broken" && $0.vouchers == ["FED-01 2026-03/记-0002"] })
    }
}

@Suite struct RoleTests {
    func book() throws -> TestBook {
        let t = try TestBook()
        try t.book.organizations.addOrganization(Organization(code: "FED-02", name: "某某县家政服务业工会联合会", level: .federation, parentCode: "CTY-01", independent: true))
        try t.book.access.grant(RoleGrant(user: "刘敏", role: .officer, organization: "FED-01"))
        try t.book.access.grant(RoleGrant(user: "孙丽", role: .officer, organization: "FED-02"))
        try t.book.access.grant(RoleGrant(user: "钱进", role: .superior, organization: "CTY-01"))
        let elected = LocalDate(parsing: "2026-01-01")!
        try t.book.committees.addCommittee(Committee(organization: "FED-01", elected: elected, termYears: 5, members: [CommitteeMember(name: "陈静", office: .chair, start: elected)]))
        // Dated on a Saturday, so the audit has a finding to work on.
        try t.post("FED-01", "2026-03-14", [("102", 100_00), ("401", -100_00)])
        return t
    }

    func refused(_ body: () throws -> Void) -> Bool {
        do { try body(); return false } catch let error as BookError { return error.isNotPermitted } catch { return false }
    }

    @Test func aCommitteeMemberReadsButNeverWritesVouchers() throws {
        let t = try book()
        let member = try t.opened(as: "陈静")
        #expect(try member.vouchers.vouchers(organization: "FED-01").count == 1)
        let posted = try member.vouchers.vouchers(organization: "FED-01")[0]
        let before = try t.bytes()
        let draft = VoucherDraft(organization: "FED-01", date: LocalDate(parsing: "2026-03-11")!, summary: "x", attachments: 1, preparer: "陈静",
                                 lines: [line("102", .debit, 1), line("401", .credit, 1)])
        #expect(refused { _ = try member.vouchers.addVoucher(draft) })
        #expect(refused { _ = try member.vouchers.reverseVoucher(id: posted.id, date: LocalDate(parsing: "2026-03-12")!, preparer: "陈静") })
        #expect(refused { try member.periods.close(organization: "FED-01", period: Period(year: 2026, month: 3)!, reviewer: "李强") })
        #expect(refused { _ = try member.vouchers.postVoucher(id: posted.id, bookkeeper: "陈静") })
        #expect(refused { _ = try member.imports.importJournal(paths: [try t.write("x.journal", "2026-03-11 * x  ; org:FED-01\n    102  1.00\n    401  -1.00\n")],
                                                        defaultOrganization: nil) })
        // Nothing of the books changed; only the refusals were logged.
        #expect(try t.book.vouchers.vouchers(organization: "FED-01").count == 1)
        _ = before
        let log = try t.book.access.accessLog().filter { $0.outcome == "refused" }
        #expect(log.count == 5)
        #expect(log.allSatisfy { $0.user == "陈静" && $0.action == "write-books" && $0.organization == "FED-01" })
    }

    @Test func anOfficerCannotResolveAFinding() throws {
        let t = try book()
        let outcome = try t.opened(as: "陈静").review.runAudit(organization: "FED-01", year: 2026)
        let finding = try #require(outcome.findings.first)
        let officer = try t.opened(as: "刘敏")
        try officer.review.answerFinding(id: finding.id, text: "已补附件")
        #expect(refused { try officer.review.closeFinding(id: finding.id, accepted: false, text: "") })
        #expect(refused { _ = try officer.review.runAudit(organization: "FED-01", year: 2026) })
        #expect(refused { try officer.review.recordOpinion(organization: "FED-01", year: 2026, text: "同意", signers: ["刘敏"], on: LocalDate(parsing: "2027-01-10")!) })
        try t.opened(as: "陈静").review.closeFinding(id: finding.id, accepted: false, text: "已核实")
        #expect(try t.book.review.findings(organization: "FED-01", year: 2026).first { $0.id == finding.id }?.status == .resolved)
    }

    @Test func oneFederationCannotReadAnothersBooks() throws {
        let t = try book()
        let other = try t.opened(as: "孙丽")
        #expect(refused { _ = try other.vouchers.vouchers(organization: "FED-01") })
        #expect(refused { _ = try other.ledger.turnovers(organization: "FED-01", from: Period(year: 2026, month: 1)!, to: Period(year: 2026, month: 12)!) })
        #expect(refused { _ = try other.review.findings(organization: "FED-01", year: 2026) })
        #expect(refused { _ = try other.verification.verify() })
        #expect(try other.vouchers.vouchers(organization: "FED-02").isEmpty)
        // The superior of the county reads everything below it, and writes nothing.
        let superior = try t.opened(as: "钱进")
        #expect(try superior.vouchers.vouchers(organization: "FED-01").count == 1)
        #expect(try superior.verification.verify().problems.isEmpty)
        #expect(refused { try superior.periods.close(organization: "FED-01", period: Period(year: 2026, month: 3)!, reviewer: "李强") })
    }

    @Test func aRollupNeedsEveryMember() throws {
        let t = try book()
        try t.book.access.grant(RoleGrant(user: "赵敏", role: .officer, organization: "CTY-01"))
        // The county's officer keeps the county's books, not the federations'.
        #expect(refused { _ = try t.opened(as: "赵敏").rollup.rollupData(root: "CTY-01", year: 2026, month: 12) })
        #expect(try t.opened(as: "钱进").rollup.rollupData(root: "CTY-01", year: 2026, month: 12).members.count == 3)
        #expect(try t.opened(as: "刘敏").rollup.rollupData(root: "FED-01", year: 2026, month: 12).members.count == 1)
    }

    @Test func aStrangerHasNoRole() throws {
        let t = try book()
        let stranger = try t.opened(as: "某人")
        do {
            _ = try stranger.vouchers.vouchers(organization: "FED-01")
            Issue.record("a user with no role read the books")
        } catch let error as BookError {
            #expect(error.description.contains("某人 has no role in this book"))
            #expect(error.description.contains("fundledger user grant"))
        }
    }

    @Test func onlyAnAdministratorGrants() throws {
        let t = try book()
        #expect(refused { try t.opened(as: "刘敏").access.grant(RoleGrant(user: "刘敏", role: .officer, organization: "FED-02")) })
        #expect(throws: BookError.self) { try t.book.access.revoke(RoleGrant(user: "t", role: .administrator)) }
    }
}

@Suite struct AuditLifecycleTests {
    @Test func rerunningKeepsFindingsAndTheirHistory() throws {
        let t = try TestBook()
        let elected = LocalDate(parsing: "2026-01-01")!
        try t.book.committees.addCommittee(Committee(organization: "FED-01", elected: elected, termYears: 5, members: [
            CommitteeMember(name: "陈静", office: .chair, start: elected), CommitteeMember(name: "王磊", office: .member, start: elected)]))
        try t.book.access.grant(RoleGrant(user: "刘敏", role: .officer, organization: "FED-01"))
        // A Saturday posting, found by the calendar rule.
        try t.post("FED-01", "2026-03-14", [("102", 100_00), ("401", -100_00)])
        let chair = try t.opened(as: "陈静")
        let first = try chair.review.runAudit(organization: "FED-01", year: 2026)
        let saturday = try #require(first.findings.first { $0.rule == "non-working-day" })
        #expect(saturday.status == .open)
        try t.opened(as: "刘敏").review.answerFinding(id: saturday.id, text: "周六加班收取会费")
        try chair.review.closeFinding(id: saturday.id, accepted: false, text: "已核实")
        // Found again on the same facts (the posted voucher cannot change): it stays resolved,
        // with every step kept.
        let second = try chair.review.runAudit(organization: "FED-01", year: 2026)
        #expect(second.new == 0)
        let again = try #require(second.findings.first { $0.id == saturday.id })
        #expect(again.status == .resolved)
        #expect(again.history.map(\.action) == ["found", "answered", "resolved", "found-again"])
        #expect(again.firstAudit == first.audit.id && again.lastAudit == second.audit.id)
        // The committee may still reopen it; once accepted it stays accepted on later runs.
        try chair.review.reopenFinding(id: saturday.id, text: "需补充说明")
        try t.opened(as: "刘敏").review.answerFinding(id: saturday.id, text: "会费当日入账")
        try chair.review.closeFinding(id: saturday.id, accepted: true, text: "认可")
        let third = try chair.review.runAudit(organization: "FED-01", year: 2026)
        #expect(third.findings.first { $0.id == saturday.id }?.status == .accepted)
        // The opinion is signed by serving members and kept as recorded.
        try chair.review.recordOpinion(organization: "FED-01", year: 2026, text: "同意", signers: ["陈静", "王磊"], on: LocalDate(parsing: "2027-01-15")!)
        #expect(throws: BookError.self) { try chair.review.recordOpinion(organization: "FED-01", year: 2026, text: "再来", signers: ["陈静"], on: LocalDate(parsing: "2027-01-16")!) }
        #expect(try t.book.review.opinion(organization: "FED-01", year: 2026)?.signers.map(\.name) == ["陈静", "王磊"])
    }

    @Test func anOpinionNeedsServingSigners() throws {
        let t = try TestBook()
        let elected = LocalDate(parsing: "2026-01-01")!
        try t.book.committees.addCommittee(Committee(organization: "FED-01", elected: elected, termYears: 5, members: [CommitteeMember(name: "陈静", office: .chair, start: elected)]))
        let chair = try t.opened(as: "陈静")
        _ = try chair.review.runAudit(organization: "FED-01", year: 2026)
        #expect(throws: BookError.self) { try chair.review.recordOpinion(organization: "FED-01", year: 2026, text: "同意", signers: ["李四"], on: LocalDate(parsing: "2027-01-15")!) }
    }

    @Test func theCommitteeTermFollowsTheUnions() throws {
        let t = try TestBook()
        try t.book.organizations.addOrganization(Organization(code: "FED-03", name: "某某县五金产业工会联合会", level: .federation, parentCode: "CTY-01", independent: true,
                                                termYears: 3, termStart: LocalDate(parsing: "2024-09-01")))
        #expect(throws: BookError.self) {
            try t.book.committees.addCommittee(Committee(organization: "FED-03", elected: LocalDate(parsing: "2024-09-01")!, termYears: 5))
        }
        try t.book.committees.addCommittee(Committee(organization: "FED-03", elected: LocalDate(parsing: "2024-09-01")!, termYears: 3))
        #expect(try t.book.committees.committees(organization: "FED-03").first?.termEnd == LocalDate(parsing: "2027-08-31"))
    }
}

/// A book written before the review migration opens with roles from its history and a seal for
/// every voucher it had posted.
@Suite struct ReviewMigrationTests {
    @Test func anOlderBookGetsRolesAndSeals() throws {
        let folder = NSTemporaryDirectory() + "fundledger-v1-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/old.sqlite"
        // The schema as the first version wrote it, filled the way it filled it.
        let queue = try DatabaseQueue(path: path)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-book", migrate: Migrations.v1Book)
        try migrator.migrate(queue)
        try queue.write { db in
            try Store.seedCharts(db)
            try db.execute(sql: """
                INSERT INTO organization (code, name, level, chart, independent, created_at, created_by)
                VALUES ('FED-01', '某某县物流行业工会联合会', 'federation', 'grassroots', 1, '2026-01-01T00:00:00Z', '老管理员');
                """)
            let bank = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE chart = 'grassroots' AND code = '102'")!
            let dues = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE chart = 'grassroots' AND code = '401'")!
            for number in 1...3 {
                try db.execute(sql: """
                    INSERT INTO voucher (organization_id, date, period, word, summary, attachments, preparer, reviewer, status, created_at)
                    VALUES (1, '2026-03-1\(number)', 202603, '记', '会费', 1, '王芳', '李强', 'reviewed', '2026-03-10T00:00:00Z')
                    """)
                let id = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO voucher_line (voucher_id, position, account_id, side, amount) VALUES (?, 1, ?, 'D', 100), (?, 2, ?, 'C', 100)",
                               arguments: [id, bank, id, dues])
                try db.execute(sql: "UPDATE voucher SET status = 'posted', number = ?, bookkeeper = '张会计', posted_at = '2026-03-20T00:00:00Z' WHERE id = ?",
                               arguments: [number, id])
                try db.execute(sql: "INSERT INTO balance (organization_id, account_id, period, debit, credit) VALUES (1, ?, 202603, 100, 0), (1, ?, 202603, 0, 100) "
                               + "ON CONFLICT DO UPDATE SET debit = debit + excluded.debit, credit = credit + excluded.credit", arguments: [bank, dues])
            }
        }
        try queue.close()
        let book = try Store.open(at: path).session(as: "老管理员")
        #expect(try book.verification.verify().problems.isEmpty)
        let roles = Set(try book.access.roles().map { "\($0.user) \($0.role.rawValue) \($0.organization ?? "*")" })
        #expect(roles == ["老管理员 admin *", "王芳 officer FED-01", "李强 officer FED-01", "张会计 officer FED-01"])
        // The seals are real: a change made now is caught.
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(sql: "DROP TRIGGER voucher_line_update_posted")
            try db.execute(sql: "UPDATE voucher_line SET amount = 200 WHERE voucher_id = 2")
        }
        #expect(try book.verification.verify().problems.contains { $0.check == "seal" && $0.voucher == "2026-03/记-0002" })
    }
}
