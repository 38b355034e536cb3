import Foundation
import FundStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FundDesk

@Suite("Desk logins")
struct LoginTests {
    @Test func healthAndLoginFormNeedNoSession() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            let form = try await client.execute(uri: "/login", method: .get)
            #expect(form.status == .ok)
            #expect(form.text.contains("name=\"user\""))
            #expect(form.text.contains("name=\"password\""))
            #expect(form.text.contains("type=\"hidden\" name=\"_csrf\""))
        }
    }

    @Test func pagesWithoutSessionRedirectToLogin() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            for uri in ["/", "/orgs/FED-01/vouchers", "/orgs/FED-01/reports/trial-balance.xlsx?year=2026", "/no/such/page"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .seeOther, "\(uri)")
                #expect(response.headers[.location] == "/login")
            }
            let forged = try await client.execute(uri: "/", method: .get, headers: [.cookie: "\(CookieName.session)=\(String(repeating: "A", count: 43))"])
            #expect(forged.status == .seeOther)
        }
    }

    @Test func loginSetsAStrictHttpOnlyCookieAndOpensTheHomePage() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let (response, browser) = try await login(client, "王芳")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
            let cookie = try #require(response.setCookie(CookieName.session))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
            let home = try await #require(browser).get(client, "/")
            #expect(home.status == .ok)
            #expect(home.text.contains("王芳"))
            #expect(home.text.contains("FED-01"))
            #expect(!home.text.contains("FED-02"))
        }
        // Only the hash of the session's id is in the book.
        let ids = try fixture.store.logins.resume(tokenHash: String(repeating: "0", count: 64), now: fixture.clock.now)
        #expect(ids == nil)
    }

    @Test func cookiesAreSecureBehindTLS() async throws {
        let fixture = try DeskFixture()
        let desk = try Desk(store: fixture.store, secureCookies: true, bcryptCost: 4)
        let application = Application(router: desk.router())
        try await application.test(.router) { client in
            let (response, _) = try await login(client, "王芳")
            #expect(try #require(response.setCookie(CookieName.session)).contains("Secure"))
        }
    }

    @Test func wrongPasswordAndUnknownUserAnswerAlike() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let (wrong, none) = try await login(client, "王芳", password: "not-the-password")
            let (unknown, nobody) = try await login(client, "无此人", password: "not-the-password")
            #expect(none == nil && nobody == nil)
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(wrong.text.contains(LoginRoutes.failure))
            #expect(unknown.text.contains(LoginRoutes.failure))
            #expect(wrong.cookie(CookieName.session) == nil)
        }
    }

    @Test func fiveFailuresLockForFifteenMinutesAndTheLockSurvivesARestart() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            for _ in 1...5 { _ = try await login(client, "李强", password: "wrong-password") }
            let (locked, browser) = try await login(client, "李强")
            #expect(locked.status == .unauthorized)
            #expect(browser == nil)
            #expect(locked.text.contains(LoginRoutes.failure))
        }
        // A new desk over the same book (a restarted server) keeps the lock.
        let restarted = try Desk(store: fixture.store, bcryptCost: 4, clock: { [clock = fixture.clock] in clock.now })
        let application = Application(router: restarted.router())
        try await application.test(.router) { client in
            let stillLocked = try await login(client, "李强").1
            #expect(stillLocked == nil)
            fixture.clock.advance(15 * 60)
            let unlocked = try await login(client, "李强").1
            #expect(unlocked != nil)
        }
    }

    @Test func sessionsExpireWhenIdleAndAfterTwelveHours() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let browser = try await loggedIn(client, "王芳")
            fixture.clock.advance(29 * 60)
            #expect(try await browser.get(client, "/").status == .ok)
            fixture.clock.advance(29 * 60)
            #expect(try await browser.get(client, "/").status == .ok)
            fixture.clock.advance(30 * 60)
            let idle = try await browser.get(client, "/")
            #expect(idle.status == .seeOther)
            #expect(idle.headers[.location] == "/login")

            let busy = try await loggedIn(client, "王芳")
            for _ in 0..<24 {
                fixture.clock.advance(29 * 60)
                _ = try await busy.get(client, "/")
            }
            // 24 × 29 minutes is past 11 hours; one more half hour passes 12 hours in all.
            fixture.clock.advance(29 * 60)
            #expect(try await busy.get(client, "/").status == .seeOther)
        }
    }

    @Test func logoutEndsTheSession() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let browser = try await loggedIn(client, "王芳")
            let out = try await browser.post(client, "/logout", [])
            #expect(out.status == .seeOther)
            #expect(out.headers[.location] == "/login")
            #expect(try await browser.get(client, "/").status == .seeOther)
        }
    }

    @Test func loginRotatesTheSessionId() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let first = try await loggedIn(client, "王芳")
            let page = try await client.execute(uri: "/login", method: .get)
            let token = page.cookie(CookieName.login) ?? ""
            let again = try await client.execute(
                uri: "/login", method: .post,
                headers: [.cookie: "\(CookieName.login)=\(token); \(CookieName.session)=\(first.cookie)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: Form.encode([("_csrf", page.csrfField ?? ""), ("user", "王芳"), ("password", DeskFixture.password)])))
            let second = try #require(again.cookie(CookieName.session))
            #expect(second != first.cookie)
            #expect(try await first.get(client, "/").status == .seeOther)
        }
    }

    @Test func aSecondLoginPageKeepsTheFormsToken() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let first = try await client.execute(uri: "/login", method: .get)
            let token = try #require(first.cookie(CookieName.login))
            // A browser asking for its icon (or a second tab) reaches /login again with the cookie.
            let again = try await client.execute(uri: "/login", method: .get, headers: [.cookie: "\(CookieName.login)=\(token)"])
            #expect(again.csrfField == token)
            #expect(try await client.execute(uri: "/favicon.ico", method: .get).status == .notFound)
        }
    }

    @Test func loginFormWithoutItsTokenIsRefused() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let response = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: Form.encode([("_csrf", "x"), ("user", "王芳"), ("password", DeskFixture.password)])))
            #expect(response.status == .forbidden)
        }
    }
}
