import Foundation
import FundCore
import FundStore
import Hummingbird
import Logging

/// The desk: the web interface of one book, for the finance officers, review committees and
/// superiors who keep and check it. Server-rendered Chinese pages (Mustache templates compiled
/// into the binary), logins with server-side sessions, and one store session per request acting
/// as the logged-in user, so that every role check of the store applies to every page.
///
/// A page is one file under `Pages/` conforming to `DeskPage`, listed once in `DeskPages.all`.
public struct Desk: Sendable {
    /// The book, opened with `.pool` by a server so that requests read side by side.
    public let store: Store
    /// Whether session cookies are always `Secure` (TLS ends at a reverse proxy in front).
    public let secureCookies: Bool
    /// The limits of logins and sessions.
    public let policy: LoginPolicy
    /// The time in seconds since 1970; tests move it to expire sessions and locks.
    public let clock: @Sendable () -> Int64
    /// The bcrypt hash checked for an unknown or locked user, so that the answer takes the time
    /// a wrong password takes and tells nothing.
    let dummyHash: String
    /// Every template of every page, parsed once.
    let templates: Templates
    /// When each login was last let through, so that reading pages does not write the book.
    let seen: SeenLogins

    /// A desk over `store`. `bcryptCost` is the cost of the dummy hash; it should be the cost
    /// the book's passwords were hashed with (`Passwords.cost`).
    public init(store: Store, secureCookies: Bool = false, policy: LoginPolicy = .standard, bcryptCost: UInt8 = Passwords.cost,
                clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) throws {
        self.store = store
        self.secureCookies = secureCookies
        self.policy = policy
        self.clock = clock
        self.dummyHash = Passwords.hash(Tokens.random(), cost: bcryptCost)
        self.templates = try Templates(pages: DeskPages.all)
        self.seen = SeenLogins(keepSeconds: policy.idleSeconds)
    }

    /// The logins of the book under this desk's policy.
    var logins: LoginService { store.logins(policy: policy) }

    /// Every route of the desk: health, assets, login and logout, then the pages, each behind
    /// the login check. The security headers and the error pages wrap everything.
    public func router() -> Router<DeskContext> {
        let router = Router(context: DeskContext.self)
        router.add(middleware: SecurityMiddleware(templates: templates))
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        // Browsers ask for an icon on every page; the desk has none, and the answer needs no login.
        router.get("/favicon.ico") { _, _ in Response(status: .notFound, headers: [.cacheControl: "public, max-age=86400"]) }
        Assets.register(on: router)
        LoginRoutes(desk: self).register(on: router)
        let pages = router.group().add(middleware: LoginMiddleware(desk: self))
        LoginRoutes.registerLogout(on: pages, desk: self)
        let routes = DeskRoutes(desk: self, group: pages)
        for page in DeskPages.all { page.register(on: routes) }
        // Any other address: to the login page without a session, "not found" with one.
        pages.get("**") { _, _ -> Response in throw DeskError.notFound }
        pages.post("**") { _, _ -> Response in throw DeskError.notFound }
        return router
    }

    /// The server on `host`:`port`. Its `runService()` stops on SIGINT or SIGTERM after the
    /// requests in flight are answered.
    public func application(host: String, port: Int, logger: Logger? = nil) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: nil), logger: logger)
    }
}
