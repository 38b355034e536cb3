import FundCore
@testable import FundStore
import Testing

/// A control or bidirectional character is refused in every text the book keeps, with the field
/// named, before anything is written.
@Suite struct TextRefusalTests {
    static let controls = ["\u{1F}", "\n", "\u{202E}"]

    func expectRefused(_ field: String, _ body: () throws -> Void) {
        let error = bookError(body)
        #expect(error?.rule == "control-character" && error?.category == .invalidInput, "\(field): \(String(describing: error))")
        #expect(error?.description.hasPrefix(field) == true, "\(field): \(String(describing: error))")
    }

    @Test(arguments: controls)
    func organisationsAndUsers(control: String) throws {
        let book = try InMemoryBook()
        expectRefused("the organisation name") {
            try book.admin.organizations.addOrganization(Organization(code: "FED-09", name: "某某县快递行业工会联合会" + control, level: .federation,
                                                                      parentCode: "CTY-01"))
        }
        expectRefused("the user's name") { try book.admin.access.grant(RoleGrant(user: "王" + control + "芳", role: .officer, organization: "FED-01")) }
        #expect(throws: BookError.self) { _ = try book.admin.organizations.organization("FED-09") }
    }

    @Test(arguments: controls)
    func reasonsAndDocuments(control: String) throws {
        let book = try InMemoryBook()
        try book.post("2026-02-10", [("102", 100), ("401", -100)])
        let officer = book.session("王芳")
        try officer.periods.close(organization: "FED-01", period: Period(year: 2026, month: 2)!, reviewer: "李强")
        expectRefused("the reason") { try officer.periods.reopen(organization: "FED-01", period: Period(year: 2026, month: 2)!, reason: "补记" + control, reviewer: "李强") }
        #expect(try officer.periods.closedPeriods(organization: "FED-01") == [Period(year: 2026, month: 2)!])
        expectRefused("the document") { try officer.budgets.approveBudget(organization: "FED-01", year: 2026, document: "工联发" + control) }
    }

    @Test(arguments: controls)
    func committeesAndFindings(control: String) throws {
        let book = try InMemoryBook()
        let elected = LocalDate(parsing: "2026-01-01")!
        expectRefused("the member's name") {
            try book.admin.committees.addCommittee(Committee(organization: "FED-01", elected: elected, termYears: 5, members: [
                CommitteeMember(name: "陈" + control + "静", office: .chair, start: elected)]))
        }
        try book.admin.committees.addCommittee(Committee(organization: "FED-01", elected: elected, termYears: 5, members: [
            CommitteeMember(name: "陈静", office: .chair, start: elected), CommitteeMember(name: "王磊", office: .member, start: elected)]))
        try book.post("2026-03-14", [("102", 100_00), ("401", -100_00)])
        let finding = try #require(try book.session("陈静").review.runAudit(organization: "FED-01", year: 2026).findings.first)
        expectRefused("the text") { try book.session("王芳").review.answerFinding(id: finding.id, text: "已说明" + control) }
    }
}
