import FundCore
@testable import FundStore
import Testing

@Suite struct AccessServiceTests {
    @Test func grantsAndRevocationsAreLoggedUnderTheAdministrator() throws {
        let book = try InMemoryBook()
        try book.admin.access.grant(RoleGrant(user: "陈静", role: .superior, organization: "FED-01"))
        try book.admin.access.revoke(RoleGrant(user: "陈静", role: .superior, organization: "FED-01"))
        let log = try book.admin.access.accessLog().filter { $0.user == "陈静" }
        #expect(log.map(\.outcome) == ["granted", "revoked"])
        #expect(log.allSatisfy { $0.detail == "by admin" && $0.organization == "FED-01" })
    }

    @Test func refusalsAreTyped() throws {
        let book = try InMemoryBook()
        #expect(bookError { try book.admin.access.grant(RoleGrant(user: "x", role: .administrator, organization: "FED-01")) } == .access(.administratorForOneOrganization))
        #expect(bookError { try book.admin.access.grant(RoleGrant(user: "x", role: .superior)) } == .access(.roleNeedsOrganization(.superior)))
        #expect(bookError { try book.admin.access.revoke(RoleGrant(user: "admin", role: .administrator)) } == .access(.lastAdministrator(user: "admin")))
        let missing = RoleGrant(user: "x", role: .officer, organization: "FED-01")
        #expect(bookError { try book.admin.access.revoke(missing) } == .access(.noSuchRole(missing)))
        #expect(bookError { try book.admin.access.grant(RoleGrant(user: "x", role: .officer, organization: "NOPE")) } == .unknownOrganization("NOPE"))
    }

    @Test func namesAreTrimmedComposedAndNeverEmpty() throws {
        let book = try InMemoryBook()
        #expect(bookError { try book.admin.access.grant(RoleGrant(user: "  ", role: .officer, organization: "FED-01")) } == .access(.emptyName))
        // "José" typed with a combining accent and with the composed letter is one person.
        try book.admin.access.grant(RoleGrant(user: " Jose\u{301} ", role: .officer, organization: "FED-01"))
        let session = book.session("Jos\u{E9}")
        #expect(session.user == "Jos\u{E9}")
        #expect(try session.periods.closedPeriods(organization: "FED-01") == [])
        #expect(bookError { _ = try book.session(" ").periods.closedPeriods(organization: "FED-01") }?.category == .notPermitted)
        #expect(AccessRefusal.emptyName.description.contains("--as"))
    }

    @Test func aSessionActsOnlyForItsOwnUser() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳")
        // An officer may not grant, even naming the administrator; the refusal is logged as the officer's.
        guard case let .notPermitted(user, action, _, _)? = bookError({ try officer.access.grant(RoleGrant(user: "王芳", role: .administrator)) }) else {
            Issue.record("an officer granted a role"); return
        }
        #expect(user == "王芳" && action == .administer)
        let refused = try book.admin.access.accessLog().filter { $0.outcome == "refused" }
        #expect(refused.map(\.user) == ["王芳"])
        // Each session sees its own roles only.
        #expect(try officer.access.roles().map(\.user) == ["王芳"])
        #expect(try book.session("李强").access.roles().map(\.user) == ["李强"])
        #expect(Set(try book.admin.access.roles().map(\.user)) == ["admin", "王芳", "李强"])
    }
}

extension BookError: Equatable {
    public static func == (lhs: BookError, rhs: BookError) -> Bool { lhs.description == rhs.description && lhs.rule == rhs.rule }
}
