import FundCore
import Foundation
import GRDB
@testable import FundStore
import Testing

@Suite struct CommitteeServiceTests {
    static let elected = LocalDate(parsing: "2026-01-01")!

    func committee(_ members: [CommitteeMember] = [CommitteeMember(name: "陈静", office: .chair, start: elected)]) -> Committee {
        Committee(organization: "FED-01", elected: Self.elected, termYears: 5, members: members)
    }

    @Test func recordsACommitteeAndGivesItsMembersTheRole() throws {
        let book = try InMemoryBook()
        try book.admin.committees.addCommittee(committee([CommitteeMember(name: "赵六", office: .member, start: Self.elected),
                                                          CommitteeMember(name: "陈静", office: .chair, start: Self.elected)]))
        try book.admin.committees.addCommitteeMember(organization: "FED-01", CommitteeMember(name: "孙七", office: .viceChair, start: LocalDate(parsing: "2026-06-01")!))
        let committees = try book.session("陈静").committees.committees(organization: "FED-01")
        #expect(committees.count == 1)
        #expect(committees[0].members.map(\.name) == ["陈静", "孙七", "赵六"])
        #expect(committees[0].termEnd == LocalDate(parsing: "2030-12-31"))
        #expect(try book.admin.access.roles().contains(RoleGrant(user: "孙七", role: .committee, organization: "FED-01")))
    }

    @Test func refusalsAreTypedWithTheirRuleAndCategory() throws {
        let book = try InMemoryBook()
        let committees = book.admin.committees
        let cases: [(body: () throws -> Void, refusal: CommitteeRefusal, category: ErrorCategory)] = [
            ({ try committees.addCommittee(Committee(organization: "FED-01", elected: Self.elected, termYears: 4)) },
             .invalid(.badTerm(organization: "FED-01", years: 4)), .invalidInput),
            ({ try committees.addCommitteeMember(organization: "FED-01", CommitteeMember(name: "陈静", office: .chair, start: Self.elected)) },
             .noCommitteeInTerm(organization: "FED-01", date: Self.elected), .notFound),
            ({ try committees.addCommitteeMember(organization: "FED-01", CommitteeMember(name: "某", office: .member, start: Self.elected,
                                                                                           end: LocalDate(parsing: "2025-01-01")!)) },
             .invalid(.memberDates(name: "某", start: Self.elected, end: LocalDate(parsing: "2025-01-01")!)), .invalidInput),
        ]
        for (body, refusal, category) in cases {
            let error = bookError(body)
            guard case let .committee(found)? = error else { Issue.record("\(refusal) was not refused"); continue }
            #expect(found == refusal)
            #expect(error?.rule == "committee" && error?.category == category)
            #expect(error?.description == refusal.description)
        }
        try committees.addCommittee(committee())
        let again = bookError { try committees.addCommittee(committee()) }
        #expect(again?.description == "FED-01 already has a review committee elected on 2026-01-01")
        #expect(again?.rule == "committee" && again?.category == .conflict)
        let member = bookError { try committees.addCommitteeMember(organization: "FED-01", CommitteeMember(name: "陈静", office: .member, start: Self.elected)) }
        #expect(member?.description == "陈静 is already a member of this committee" && member?.category == .conflict)
        try book.admin.organizations.addOrganization(Organization(code: "FED-05", name: "某某县建筑业工会联合会", level: .federation, parentCode: "CTY-01",
                                                                  termYears: 3, termStart: Self.elected))
        let term = bookError { try committees.addCommittee(Committee(organization: "FED-05", elected: Self.elected, termYears: 5)) }
        #expect(term?.description == "FED-05's union committee serves 3 years, so its review committee does too; give --term 3")
        #expect(term?.rule == "committee" && term?.category == .invalidInput)
    }

    @Test func settingsLayerTheBooksDefaultsUnderTheOrganisations() throws {
        let book = try InMemoryBook()
        try book.admin.committees.setAuditSetting(organization: nil, key: "cash-limit", value: "2000.00")
        try book.admin.committees.setAuditSetting(organization: "FED-01", key: "members", value: "120")
        try book.admin.committees.setAuditSetting(organization: "FED-01", key: "members", value: "150")
        let settings = try book.admin.committees.auditSettings(organization: "FED-01")
        #expect(settings.cashLimit == Money(fen: 200_000) && settings.members == 150)
        #expect(try book.admin.committees.auditSettings(organization: nil).members == nil)
        let bad = bookError { try book.admin.committees.setAuditSetting(organization: nil, key: "colour", value: "red") }
        guard case let .review(.badSetting(error))? = bad else { Issue.record("took an unknown setting"); return }
        #expect(bad?.description == error.description && bad?.rule == "review" && bad?.category == .invalidInput)
    }

    @Test func importsTheCalendar() throws {
        let book = try InMemoryBook()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("calendar-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "date,kind,name\n2026-10-01,休,国庆节\n2026-10-11,workday,调休\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try book.admin.committees.importCalendar(path: path) == 2)
        let calendar = try book.admin.committees.calendar()
        #expect(calendar.holidays == [LocalDate(parsing: "2026-10-01")!] && calendar.workdays == [LocalDate(parsing: "2026-10-11")!])
        #expect(!calendar.isWorkingDay(LocalDate(parsing: "2026-10-01")!) && calendar.isWorkingDay(LocalDate(parsing: "2026-10-11")!))
    }
}
