import Foundation
import FundCore
import GRDB
@testable import FundStore
import Testing

/// Real people on every voucher: the preparer and the reviewer of a posted voucher are two
/// officers of its organisation, however it was entered; an old book's history may name people
/// who are not users only with `historical`, and then says so, in its seal and in the audit.
@Suite struct PeopleOnVouchersTests {
    static let item = SubsidyItem(code: "XB-1", grantor: "CTY-01", recipient: "FED-01", title: "技能竞赛", purpose: "奖品", accounts: ["50301"],
                                  approved: Money(fen: 50_000_00), document: "某总工〔2026〕7号", documentDate: LocalDate(parsing: "2026-03-01"),
                                  windowStart: LocalDate(parsing: "2026-03-01")!, deadline: LocalDate(parsing: "2027-06-30")!)

    /// The in-memory book with 钱进 and 孙会计 keeping the county union's and the federation's
    /// books (a subsidy act posts in both), 赵会计 only the county's, and 陈静 a superior (a user of
    /// the book who keeps no books).
    static func book() throws -> InMemoryBook {
        let book = try InMemoryBook()
        for officer in ["钱进", "孙会计"] {
            for organization in ["CTY-01", "FED-01"] { try book.admin.access.grant(RoleGrant(user: officer, role: .officer, organization: organization)) }
        }
        try book.admin.access.grant(RoleGrant(user: "赵会计", role: .officer, organization: "CTY-01"))
        try book.admin.access.grant(RoleGrant(user: "陈静", role: .superior, organization: "CTY-01"))
        return book
    }

    static func journal(_ header: String) -> String {
        "2026-03-05 * 收到会员会费  ; org:FED-01, attachments:1" + header + "\n    102  500.00\n    401  -500.00\n"
    }

    static func importing(_ book: InMemoryBook, _ text: String, as user: String = "王芳", reviewer: String? = nil,
                          historical: Bool = false) throws -> ImportSummary {
        try book.session(user).imports.importJournal(paths: [try ImportServiceTests.file("people.journal", text)], defaultOrganization: nil,
                                                     defaultReviewer: reviewer, historical: historical)
    }

    static func problems(_ body: () throws -> Void) -> [InputError] {
        do { try body() } catch let errors as InputErrors { return errors.errors } catch { Issue.record("\(error)") }
        return []
    }

    @Test func reviewersCanBeInventedBySubsidyActs() throws {
        let book = try Self.book()
        let grantor = book.session("钱进").subsidies
        try grantor.addSubsidy(Self.item)
        let invented = bookError { _ = try grantor.disburseSubsidy(code: "XB-1", amount: Money(fen: 100_00), date: LocalDate(parsing: "2026-04-01")!, reviewer: "不存在的人") }
        guard case let .voucherProblems(_, problems)? = invented else { Issue.record("not refused: \(String(describing: invented))"); return }
        #expect(problems.map(\.rule) == [.notAUser])
        #expect(problems.first?.message.contains("不存在的人") == true)
        // A user who keeps no books of the grantor does not review its payments either.
        let superior = bookError { _ = try grantor.disburseSubsidy(code: "XB-1", amount: Money(fen: 100_00), date: LocalDate(parsing: "2026-04-01")!, reviewer: "陈静") }
        guard case let .voucherProblems(_, refused)? = superior else { Issue.record("not refused: \(String(describing: superior))"); return }
        #expect(refused.map(\.rule) == [.notAnOfficer])
        // The act posts the federation's receipt too: its reviewer keeps the federation's books as well.
        let countyOnly = bookError { _ = try grantor.disburseSubsidy(code: "XB-1", amount: Money(fen: 100_00), date: LocalDate(parsing: "2026-04-01")!, reviewer: "赵会计") }
        guard case let .voucherProblems(voucher, onlyCounty)? = countyOnly else { Issue.record("not refused: \(String(describing: countyOnly))"); return }
        #expect(voucher.hasPrefix("FED-01") && onlyCounty.map(\.rule) == [.notAnOfficer])
        #expect(bookError { _ = try grantor.disburseSubsidy(code: "XB-1", amount: Money(fen: 100_00), date: LocalDate(parsing: "2026-04-01")!, reviewer: "钱进") }?.rule == "voucher-refused")
        _ = try grantor.disburseSubsidy(code: "XB-1", amount: Money(fen: 100_00), date: LocalDate(parsing: "2026-04-01")!, reviewer: "孙会计")
    }

    @Test func reviewersCanBeInventedByAnImport() throws {
        let book = try Self.book()
        let unknown = Self.problems { _ = try Self.importing(book, Self.journal(", reviewer:不存在的人")) }
        #expect(unknown.map(\.rule) == ["not-a-user"] && unknown.first?.line == 1 && unknown.first?.file.hasSuffix("people.journal") == true)
        #expect(unknown.first?.message.contains("不存在的人") == true)
        let preparer = Self.problems { _ = try Self.importing(book, Self.journal(", preparer:张三, reviewer:李强")) }
        #expect(preparer.map(\.rule) == ["not-a-user"] && preparer.first?.message.contains("preparer (制单) 张三") == true)
        let none = Self.problems { _ = try Self.importing(book, Self.journal("")) }
        #expect(none.map(\.rule) == ["no-reviewer"])
        let superior = Self.problems { _ = try Self.importing(book, Self.journal(", reviewer:陈静")) }
        #expect(superior.map(\.rule) == ["not-an-officer"])
        let county = Self.problems { _ = try Self.importing(book, Self.journal(", reviewer:赵会计")) }
        #expect(county.map(\.rule) == ["not-an-officer"])
        let same = Self.problems { _ = try Self.importing(book, Self.journal(""), reviewer: "王芳") }
        #expect(same.map(\.rule) == ["reviewer-is-preparer"])
        #expect(try book.admin.vouchers.vouchers(organization: "FED-01").isEmpty)
        // The reviewer given for the whole file reviews what names none.
        #expect(try Self.importing(book, Self.journal(""), reviewer: "李强").vouchers == 1)
        #expect(try book.admin.vouchers.vouchers(organization: "FED-01").first?.reviewer == "李强")
    }

    @Test func anOldBooksHistoryNamesHistoricalPeopleSealedAndAudited() throws {
        let book = try Self.book()
        // A current user who keeps other books is no historical person.
        #expect(Self.problems { _ = try Self.importing(book, Self.journal(", preparer:张三, reviewer:陈静"), historical: true) }.map(\.rule) == ["not-an-officer"])
        #expect(try Self.importing(book, Self.journal(", preparer:张三, reviewer:赵四") + "\n" + Self.journal(", reviewer:李强"), historical: true).vouchers == 2)
        let vouchers = try book.admin.vouchers.vouchers(organization: "FED-01")
        #expect(vouchers.map(\.historicalDuties) == [[.preparer, .reviewer], []])
        #expect(try book.admin.verification.verify().problems.isEmpty)
        try book.admin.committees.addCommittee(Committee(organization: "FED-01", elected: LocalDate(parsing: "2026-01-01")!, termYears: 5,
                                                         members: [CommitteeMember(name: "周敏", office: .chair, start: LocalDate(parsing: "2026-01-01")!)]))
        let findings = try book.session("周敏").review.runAudit(organization: "FED-01", year: 2026).findings.filter { $0.rule == "historical-people" }
        #expect(findings.map(\.text).map { $0.prefix(2) } == ["张三", "赵四"])
        #expect(findings.allSatisfy { $0.vouchers.count == 1 })
        // The mark is sealed: taking it off behind the program's back breaks the voucher's seal.
        try book.store.database.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER voucher_posted_immutable")
            try db.execute(sql: "UPDATE voucher SET historical = NULL WHERE historical IS NOT NULL")
        }
        let verify = try book.admin.verification.verify()
        #expect(verify.problems.count == 1, "\(verify.problems)")
    }

    @Test func aDraftNamesOfficersAndIsReviewedByOne() throws {
        let book = try Self.book()
        var draft = VoucherDraft(organization: "FED-01", date: LocalDate(parsing: "2026-03-02")!, summary: "测试", attachments: 1, preparer: "张三",
                                 lines: [VoucherLine(accountCode: "102", side: .debit, amount: Money(fen: 100)),
                                         VoucherLine(accountCode: "401", side: .credit, amount: Money(fen: 100))])
        #expect(bookError { _ = try book.session("王芳").vouchers.addVoucher(draft) }?.description.contains("[not-a-user]") == true)
        draft.preparer = "王芳"
        let voucher = try book.session("王芳").vouchers.addVoucher(draft)
        // One officer does not record that another, or someone invented, reviewed.
        #expect(bookError { _ = try book.session("李强").vouchers.reviewVoucher(id: voucher.id, reviewer: "不存在的人") }?.description.contains("[reviewer-not-acting]") == true)
        #expect(bookError { _ = try book.session("王芳").vouchers.reviewVoucher(id: voucher.id, reviewer: "李强") }?.description.contains("[reviewer-not-acting]") == true)
        #expect(bookError { _ = try book.session("赵会计").vouchers.reviewVoucher(id: voucher.id, reviewer: "赵会计") }?.category == .notPermitted)
        try book.session("李强").vouchers.reviewVoucher(id: voucher.id, reviewer: " 李强 ")
        // The reviewer's role is looked at again when the voucher posts.
        try book.admin.access.revoke(RoleGrant(user: "李强", role: .officer, organization: "FED-01"))
        #expect(bookError { _ = try book.session("王芳").vouchers.postVoucher(id: voucher.id, bookkeeper: "王芳") }?.description.contains("[not-a-user]") == true)
    }

    @Test func ruleMadeVouchersHaveARealReviewer() throws {
        let book = try Self.book()
        try book.post("2026-03-02", [("102", 300), ("401", -300)])
        let officer = book.session("王芳").yearEnd
        #expect(bookError { _ = try officer.closeYear(organization: "FED-01", year: 2026, reviewer: "王芳") }?.description.contains("[reviewer-is-preparer]") == true)
        #expect(bookError { _ = try officer.closeYear(organization: "FED-01", year: 2026, reviewer: "赵会计") }?.description.contains("[not-an-officer]") == true)
        let closed = try officer.closeYear(organization: "FED-01", year: 2026, reviewer: "李强")
        let vouchers = try book.admin.vouchers.vouchers(organization: "FED-01", period: Period(year: 2026, month: 12))
        #expect(!closed.vouchers.isEmpty && vouchers.allSatisfy { $0.draft.preparer == "王芳" && $0.reviewer == "李强" })
    }

    @Test func theBookRefusesAnUnreviewedPostingItself() throws {
        let book = try Self.book()
        let voucher = try book.session("王芳").vouchers.addVoucher(VoucherDraft(organization: "FED-01", date: LocalDate(parsing: "2026-03-02")!, summary: "测试",
                                                                                  attachments: 1, preparer: "王芳", lines: [
            VoucherLine(accountCode: "102", side: .debit, amount: Money(fen: 100)), VoucherLine(accountCode: "401", side: .credit, amount: Money(fen: 100))]))
        #expect(throws: DatabaseError.self) {
            try book.store.database.write { db in
                try db.execute(sql: "UPDATE voucher SET status = 'posted', number = 1, bookkeeper = 'x', posted_at = 'now', import_id = NULL WHERE id = ?",
                               arguments: [voucher.id])
            }
        }
        #expect(throws: DatabaseError.self) {
            try book.store.database.write { db in
                try db.execute(sql: "UPDATE voucher SET status = 'posted', reviewer = '路人', number = 1, bookkeeper = 'x', posted_at = 'now' WHERE id = ?",
                               arguments: [voucher.id])
            }
        }
    }
}
