import Foundation
import FundCore
import FundStore
import Hummingbird
import HummingbirdTesting
@testable import FundDesk

/// A clock the test moves.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Int64

    init(_ seconds: Int64 = 1_780_000_000) { self.seconds = seconds }  // 2026-05-28

    var now: Int64 { lock.lock(); defer { lock.unlock() }; return seconds }
    func advance(_ by: Int64) { lock.lock(); seconds += by; lock.unlock() }
}

/// A desk over a book in memory: the county CTY-01 with the federation FED-01 under it and a
/// second federation FED-02; 王芳 and 李强 keep FED-01, 赵六 keeps FED-02, 陈静 is on FED-01's
/// committee, 钱进 is the county's superior. Every password is `password` + the name's length;
/// hashes use bcrypt's lowest cost so that tests run quickly.
struct DeskFixture {
    let store: Store
    let clock = TestClock()
    let desk: Desk
    static let password = "correct-horse-7"

    init() throws {
        store = try Store.inMemory(administrator: "admin")
        let admin = store.session(as: "admin")
        try admin.organizations.addOrganization(Organization(code: "CTY-01", name: "某某县总工会", level: .county))
        try admin.organizations.addOrganization(Organization(code: "FED-01", name: "某某县物流行业工会联合会", level: .federation,
                                                             parentCode: "CTY-01", independent: true))
        try admin.organizations.addOrganization(Organization(code: "FED-02", name: "某某县建筑行业工会联合会", level: .federation,
                                                             parentCode: "CTY-01", independent: true))
        for (user, role, organization) in [("王芳", Role.officer, "FED-01"), ("李强", .officer, "FED-01"), ("赵六", .officer, "FED-02"),
                                           ("钱进", .superior, "CTY-01")] {
            try admin.access.grant(RoleGrant(user: user, role: role, organization: organization))
        }
        // The committee role comes only from a seat: 陈静 chairs FED-01's committee.
        let elected = LocalDate(parsing: "2026-01-01")!
        try admin.committees.addCommittee(Committee(organization: "FED-01", elected: elected, termYears: 5, members: [
            CommitteeMember(name: "陈静", office: .chair, start: elected)]))
        for user in ["admin", "王芳", "李强", "赵六", "陈静", "钱进"] {
            try admin.access.setDeskPassword(user: user, passwordHash: Passwords.hash(Self.password, cost: 4))
        }
        let clock = self.clock
        desk = try Desk(store: store, bcryptCost: 4, clock: { clock.now })
    }

    /// Prepares (王芳), reviews (李强) and posts (王芳) a voucher of FED-01.
    @discardableResult
    func post(_ date: String, _ lines: [(String, Int64)], summary: String = "测试凭证", post: Bool = true) throws -> Voucher {
        let draft = VoucherDraft(organization: "FED-01", date: LocalDate(parsing: date)!, summary: summary, attachments: 1, preparer: "王芳",
                                 lines: lines.map { code, fen in
                                     VoucherLine(accountCode: code, side: fen >= 0 ? .debit : .credit, amount: Money(fen: Int64(fen.magnitude)))
                                 })
        let voucher = try store.session(as: "王芳").vouchers.addVoucher(draft)
        guard post else { return voucher }
        try store.session(as: "李强").vouchers.reviewVoucher(id: voucher.id, reviewer: "李强")
        return try store.session(as: "王芳").vouchers.postVoucher(id: voucher.id, bookkeeper: "王芳")
    }

    /// Runs `body` against the desk's router, without a network.
    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let application = Application(router: desk.router())
        return try await application.test(.router) { client in try await body(client) }
    }
}

/// A logged-in browser: the session cookie and the CSRF token of its forms.
struct Browser: Sendable {
    let cookie: String
    let csrf: String

    var headers: HTTPFields { [.cookie: "\(CookieName.session)=\(cookie)"] }

    func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers)
    }

    /// POSTs a form with the CSRF token added (unless `csrf` is given).
    func post(_ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> TestResponse {
        var headers = self.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = Form.encode([("_csrf", csrf ?? self.csrf)] + fields)
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}

enum Form {
    static func encode(_ fields: [(String, String)]) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._*"))
        return fields.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The value of the cookie `name` this response sets.
    func cookie(_ name: String) -> String? {
        for field in headers[values: .setCookie] {
            let first = field.split(separator: ";").first ?? ""
            let parts = first.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name { return String(parts[1]) }
        }
        return nil
    }

    /// The whole Set-Cookie field of the cookie `name`.
    func setCookie(_ name: String) -> String? {
        headers[values: .setCookie].first { $0.hasPrefix(name + "=") }
    }

    /// The hidden `_csrf` value of the first form on the page.
    var csrfField: String? {
        guard let range = text.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = text[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

/// Logs in as `user` the way a browser does: the login page, then its form.
func login(_ client: some TestClientProtocol, _ user: String, password: String = DeskFixture.password) async throws -> (TestResponse, Browser?) {
    let page = try await client.execute(uri: "/login", method: .get)
    let token = page.cookie(CookieName.login) ?? ""
    let response = try await client.execute(
        uri: "/login", method: .post,
        headers: [.cookie: "\(CookieName.login)=\(token)", .contentType: "application/x-www-form-urlencoded"],
        body: ByteBuffer(string: Form.encode([("_csrf", page.csrfField ?? ""), ("user", user), ("password", password)])))
    guard response.status == .seeOther, let cookie = response.cookie(CookieName.session) else { return (response, nil) }
    let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: "\(CookieName.session)=\(cookie)"])
    return (response, Browser(cookie: cookie, csrf: home.csrfField ?? ""))
}

/// Logs in and fails the test when it does not work.
func loggedIn(_ client: some TestClientProtocol, _ user: String) async throws -> Browser {
    let (response, browser) = try await login(client, user)
    guard let browser else { throw LoginFailed(status: response.status.code) }
    return browser
}

struct LoginFailed: Error { let status: Int }
