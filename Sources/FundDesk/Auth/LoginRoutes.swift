import Foundation
import FundCore
import FundStore
import HTTPTypes
import Hummingbird

/// GET and POST /login, POST /logout.
///
/// The login form carries a token that must match a cookie set with it (no login from another
/// site's form). A failed login answers 401 with one message for a wrong password, an unknown
/// user and a locked one, after the same bcrypt check; a success starts a new session (a new id
/// whatever cookie came in) and redirects to 首页.
struct LoginRoutes: Sendable {
    let desk: Desk

    /// What a failed login says, whatever the reason.
    /// It says that a lock may be the reason, without saying whether it is (which would tell
    /// a stranger that the name exists).
    static let failure = "用户名或密码不正确，或该账户因连续\(LoginPolicy.standard.maxFailures)次输错密码已被锁定\(LoginPolicy.standard.lockSeconds / 60)分钟。请稍后再试；急需时请账套管理员解锁。"

    func register(on router: Router<DeskContext>) {
        router.get("/login") { request, _ in self.form(request: request, user: "", message: nil, status: .ok) }
        router.post("/login") { request, context in try await self.login(request: request, context: context) }
    }

    /// POST /logout, behind the login check (it needs the session's CSRF token).
    static func registerLogout(on group: RouterGroup<DeskContext>, desk: Desk) {
        group.post("/logout") { _, context in
            if let hash = context.tokenHash {
                desk.seen.forget(hash)
                let logins = desk.logins
                try await Blocking.run { try logins.end(tokenHash: hash) }
            }
            var response = HTML.redirect("/login")
            response.setCookie(expired(CookieName.session))
            return response
        }
    }

    func form(request: Request, user: String, message: String?, status: HTTPResponse.Status) -> Response {
        // The token already in the browser stays, so that two tabs (or a favicon fetched by the
        // browser and sent here) do not invalidate a login form already shown.
        let kept = request.cookies[CookieName.login]?.value
        let token = kept.flatMap { Tokens.wellFormed($0) ? $0 : nil } ?? Tokens.random()
        var data: [String: Any] = ["title": "登录", "csrf": token, "user_name": user]
        if let message { data["message"] = message }
        var response = HTML.response(desk.templates.render("login", data), status: status)
        response.setCookie(cookie(CookieName.login, token, request: request))
        return response
    }

    func login(request: Request, context: DeskContext) async throws -> Response {
        let form = try await FormData.read(request, limit: 64 * 1024)
        guard let expected = request.cookies[CookieName.login]?.value, let sent = form["_csrf"], Tokens.equal(sent, expected) else {
            throw DeskError.csrfRefused
        }
        let user = String((form["user"] ?? "").prefix(100)), password = form["password"] ?? ""
        let now = desk.clock(), logins = desk.logins, dummy = desk.dummyHash
        // The attempt is counted before the password is checked, and the failure after it; bcrypt
        // runs on threads of its own, so that logins never hold up the transactions of pages.
        let attempt = try await Blocking.run { try logins.begin(user: user, now: now) }
        let hash = attempt.admitted ? (attempt.passwordHash ?? dummy) : dummy
        let matches = try await Blocking.hash { Passwords.verify(password, hash: hash) }
        let accepted = attempt.admitted && matches
        if attempt.admitted, !matches { try await Blocking.run { try logins.failed(user: user, now: now) } }
        guard accepted else { return self.form(request: request, user: user, message: Self.failure, status: .unauthorized) }
        let token = Tokens.random(), csrf = Tokens.random(), old = request.cookies[CookieName.session]?.value, seen = desk.seen
        try await Blocking.run {
            if let old, Tokens.wellFormed(old) {
                seen.forget(Tokens.hash(old))
                try logins.end(tokenHash: Tokens.hash(old))
            }
            try logins.succeeded(user: user, now: now, tokenHash: Tokens.hash(token), csrfToken: csrf)
        }
        var response = HTML.redirect("/")
        response.setCookie(cookie(CookieName.session, token, request: request))
        response.setCookie(Self.expired(CookieName.login))
        return response
    }

    /// A cookie of the desk: HttpOnly, SameSite=Strict, Path=/, Secure over TLS.
    func cookie(_ name: String, _ value: String, request: Request) -> Cookie {
        let tls = desk.secureCookies || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
        return Cookie(name: name, value: value, path: "/", secure: tls, httpOnly: true, sameSite: .strict)
    }

    /// A cookie that tells the browser to forget `name`.
    static func expired(_ name: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict)
    }
}
