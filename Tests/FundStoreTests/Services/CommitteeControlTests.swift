import FundCore
@testable import FundStore
import Testing

/// Committee controls: the committee role comes only with a seat and holds only while the member
/// serves; no officer sits on the committee of the books they keep; an opinion is signed by at
/// least two members unless the book's administrator sets otherwise.
@Suite struct CommitteeControlTests {
    static let today = Store.today()
    static func daysFromToday(_ days: Int) -> LocalDate { LocalDate(daysSinceEpoch: today.daysSinceEpoch + days) }

    /// The in-memory book with a committee of FED-01 elected a year ago: 陈静 chairs, 周敏 sits,
    /// and 赵六 served until last month; one voucher posted.
    static func book() throws -> InMemoryBook {
        let book = try InMemoryBook()
        let elected = daysFromToday(-365)
        try book.admin.committees.addCommittee(Committee(organization: "FED-01", elected: elected, termYears: 5, members: [
            CommitteeMember(name: "陈静", office: .chair, start: elected), CommitteeMember(name: "周敏", office: .member, start: elected),
            CommitteeMember(name: "赵六", office: .member, start: elected, end: daysFromToday(-30))]))
        try book.post(daysFromToday(-200).description, [("102", 100_00), ("401", -100_00)])
        return book
    }

    @Test func aCommitteeRoleCanBeGrantedWithoutMembership() throws {
        let book = try Self.book()
        let granted = bookError { try book.admin.access.grant(RoleGrant(user: "路人", role: .committee, organization: "FED-01")) }
        #expect(granted == .access(.committeeRoleFromMembership(user: "路人", organization: "FED-01")))
        #expect(granted?.rule == "committee-role-from-membership" && granted?.category == .invalidInput)
        #expect(bookError { _ = try book.session("路人").review.runAudit(organization: "FED-01", year: Self.today.year) }?.category == .notPermitted)
        // A role row put into the file behind the program's back gives nothing without a seat.
        try book.store.database.write { db in
            try db.execute(sql: "INSERT INTO user_role (user, role, organization_id, granted_at, granted_by) SELECT '路人', 'committee', id, 'now', 'x' FROM organization WHERE code = 'FED-01'")
        }
        #expect(bookError { _ = try book.session("路人").review.runAudit(organization: "FED-01", year: Self.today.year) }?.category == .notPermitted)
    }

    @Test func anExpiredMemberKeepsActing() throws {
        let book = try Self.book()
        let year = Self.today.year
        #expect(bookError { _ = try book.session("赵六").review.runAudit(organization: "FED-01", year: year) }?.category == .notPermitted)
        // Reading as a committee member ends with the seat too.
        #expect(bookError { _ = try book.session("赵六").vouchers.vouchers(organization: "FED-01") }?.category == .notPermitted)
        // 首页 and the top bar list nothing the ended seat reached, and 首页 still opens.
        let home = try book.session("赵六").overview.home(year: year, limit: 40)
        #expect(home.rows.isEmpty && home.menu.readable.isEmpty)
        #expect(try book.session("陈静").overview.home(year: year, limit: 40).rows.map(\.organization.code) == ["FED-01"])
        _ = try book.session("陈静").review.runAudit(organization: "FED-01", year: year)
        // A member whose seat starts later does not act yet.
        try book.admin.committees.addCommitteeMember(organization: "FED-01", CommitteeMember(name: "钱七", office: .member, start: Self.daysFromToday(10)))
        #expect(bookError { _ = try book.session("钱七").review.runAudit(organization: "FED-01", year: year) }?.category == .notPermitted)
    }

    @Test func aMemberWhoseCommitteesTermIsOverNoLongerActs() throws {
        let book = try InMemoryBook()
        let elected = Self.daysFromToday(-3 * 366 - 10)
        try book.admin.committees.addCommittee(Committee(organization: "FED-01", elected: elected, termYears: 3,
                                                         members: [CommitteeMember(name: "陈静", office: .chair, start: elected)]))
        #expect(bookError { _ = try book.session("陈静").review.findings(organization: "FED-01", year: Self.today.year) }?.category == .notPermitted)
    }

    @Test func anOfficerCannotSitOnTheCommitteeOfTheBooksTheyKeep() throws {
        let book = try Self.book()
        let member = bookError { try book.admin.committees.addCommitteeMember(organization: "FED-01", CommitteeMember(name: "李强", office: .member, start: Self.today)) }
        #expect(member == .committee(.officerCannotSit(name: "李强", organization: "FED-01")))
        #expect(member?.rule == "committee-independence" && member?.category == .conflict)
        // An officer of every organisation keeps FED-01's books too.
        try book.admin.access.grant(RoleGrant(user: "会计中心", role: .officer))
        #expect(bookError { try book.admin.committees.addCommitteeMember(organization: "FED-01", CommitteeMember(name: "会计中心", office: .member, start: Self.today)) }
                == .committee(.officerCannotSit(name: "会计中心", organization: "FED-01")))
        // And the other way: a member is not made an officer of that organisation, nor of every one.
        let officer = bookError { try book.admin.access.grant(RoleGrant(user: "周敏", role: .officer, organization: "FED-01")) }
        #expect(officer == .access(.memberCannotBeOfficer(user: "周敏", organizations: ["FED-01"])))
        #expect(officer?.rule == "committee-independence" && officer?.category == .conflict)
        #expect(bookError { try book.admin.access.grant(RoleGrant(user: "周敏", role: .officer)) } == .access(.memberCannotBeOfficer(user: "周敏", organizations: ["FED-01"])))
        // Another union's books are not the ones this committee reviews; a seat that is over binds no more.
        try book.admin.access.grant(RoleGrant(user: "周敏", role: .officer, organization: "CTY-01"))
        try book.admin.access.grant(RoleGrant(user: "赵六", role: .officer, organization: "FED-01"))
    }

    @Test func anOpinionNeedsTwoSigningMembersUnlessTheBookSaysOtherwise() throws {
        let book = try Self.book()
        let chair = book.session("陈静")
        let year = Self.today.year
        _ = try chair.review.runAudit(organization: "FED-01", year: year)
        #expect(try chair.committees.auditSettings(organization: "FED-01").signers == 2)
        let one = bookError { try chair.review.recordOpinion(organization: "FED-01", year: year, text: "同意", signers: ["陈静"], on: Self.today) }
        #expect(one == .review(.tooFewSigners(organization: "FED-01", required: 2, signers: ["陈静"])))
        // A member whose seat is over does not make up the number.
        #expect(bookError { try chair.review.recordOpinion(organization: "FED-01", year: year, text: "同意", signers: ["陈静", "赵六"], on: Self.today) }
                == .review(.signerNotServing(name: "赵六", organization: "FED-01", date: Self.today)))
        // The committee does not lower the number for itself; the administrator sets it.
        #expect(bookError { try chair.committees.setAuditSetting(organization: "FED-01", key: "signers", value: "1") }?.category == .notPermitted)
        #expect(bookError { try book.admin.committees.setAuditSetting(organization: "FED-01", key: "signers", value: "0") }?.category == .invalidInput)
        try book.admin.committees.setAuditSetting(organization: "FED-01", key: "signers", value: "3")
        #expect(bookError { try chair.review.recordOpinion(organization: "FED-01", year: year, text: "同意", signers: ["陈静", "周敏"], on: Self.today) }
                == .review(.tooFewSigners(organization: "FED-01", required: 3, signers: ["陈静", "周敏"])))
        try book.admin.committees.setAuditSetting(organization: "FED-01", key: "signers", value: "2")
        try chair.review.recordOpinion(organization: "FED-01", year: year, text: "同意", signers: ["陈静", "周敏"], on: Self.today)
        #expect(try chair.review.opinion(organization: "FED-01", year: year)?.signers.map(\.name) == ["陈静", "周敏"])
    }
}
