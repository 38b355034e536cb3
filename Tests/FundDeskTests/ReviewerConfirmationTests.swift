import FundCore
import FundStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FundDesk

/// A reviewer named at someone else's desk confirms with their own password, or nothing is done.
@Suite("Desk reviewer confirmation", .serialized)
struct ReviewerConfirmationTests {
    @Test func aClosingReviewedByANamedColleagueNeedsTheColleaguesPassword() async throws {
        let fixture = try DeskFixture()
        try fixture.post("2026-04-06", [("102", 500_00), ("401", -500_00)])
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let page = try await officer.get(client, "/orgs/FED-01/periods?year=2026")
            #expect(page.text.contains("name=\"reviewer_password\" type=\"password\""))
            // Four failures: one fewer than locks 李强 out (the next test locks him).
            for password in [nil, "", "wrong-password"] {
                var fields = [("period", "2026-04"), ("reviewer", "李强")]
                if let password { fields.append(("reviewer_password", password)) }
                let refused = try await officer.post(client, "/orgs/FED-01/periods/close", fields)
                #expect(refused.status == .forbidden)
                #expect(refused.text.contains("[reviewer-not-confirmed]"))
            }
            // The preparer's own password does not sign for the colleague either.
            let ownPassword = try await officer.post(client, "/orgs/FED-01/periods/close",
                                                     [("period", "2026-04"), ("reviewer", "李强"), ("reviewer_password", DeskFixture.password + "x")])
            #expect(ownPassword.status == .forbidden)
            // An unknown name answers as a wrong password does.
            let unknown = try await officer.post(client, "/orgs/FED-01/periods/close",
                                                 [("period", "2026-04"), ("reviewer", "无此人"), ("reviewer_password", DeskFixture.password)])
            #expect(unknown.status == .forbidden && unknown.text.contains("[reviewer-not-confirmed]"))
        }
        #expect(try fixture.store.session(as: "王芳").periods.closedPeriods(organization: "FED-01").isEmpty)
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let closed = try await officer.post(client, "/orgs/FED-01/periods/close",
                                                [("period", "2026-04"), ("reviewer", "李强"), ("reviewer_password", DeskFixture.password)])
            #expect(closed.status == .ok)
            #expect(closed.text.contains("2026-04已结账"))
        }
        let closing = try #require(try fixture.store.session(as: "王芳").vouchers.vouchers(organization: "FED-01").first { $0.draft.kind == .closing })
        #expect(closing.draft.reviewer == "李强")
    }

    @Test func wrongReviewerPasswordsCountTowardTheReviewersLock() async throws {
        let fixture = try DeskFixture()
        try fixture.post("2026-04-06", [("102", 500_00), ("401", -500_00)])
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            for _ in 0..<LoginPolicy.standard.maxFailures {
                _ = try await officer.post(client, "/orgs/FED-01/periods/close",
                                           [("period", "2026-04"), ("reviewer", "李强"), ("reviewer_password", "guess")])
            }
            // Locked now: even the right password is refused, at the desk and at the login.
            let locked = try await officer.post(client, "/orgs/FED-01/periods/close",
                                                [("period", "2026-04"), ("reviewer", "李强"), ("reviewer_password", DeskFixture.password)])
            #expect(locked.status == .forbidden)
            let (response, browser) = try await login(client, "李强")
            #expect(browser == nil && response.status == .unauthorized)
        }
        #expect(try fixture.store.session(as: "王芳").periods.closedPeriods(organization: "FED-01").isEmpty)
    }
}
