import Foundation
import FundCore
import FundStore
import Hummingbird

/// 用户与权限 (`/users`): the administrator's page of the book's users. Each user with the roles
/// held (each one revocable), whether a desk password is set and whether the login is locked;
/// forms to grant a role, set a password (typed twice, hashed with bcrypt off the event loop;
/// every login of that user ends) and unlock a locked user. The store refuses all of it to
/// anyone but an administrator, so the page answers 403 to everyone else.
enum UsersPage: DeskPage {
    static let templates = ["users": page]

    static func register(on routes: DeskRoutes) {
        routes.get("/users") { _, context in try await render(routes, context, message: nil, error: nil, status: .ok) }
        routes.post("/users/grant") { _, context in
            try await act(routes, context, done: "已授权。") { session, form in try session.access.grant(try Self.grant(form)) }
        }
        routes.post("/users/revoke") { _, context in
            try await act(routes, context, done: "已撤销该角色。") { session, form in try session.access.revoke(try Self.grant(form)) }
        }
        routes.post("/users/unlock") { _, context in
            try await act(routes, context, done: "已解除锁定。") { session, form in try session.access.unlockDesk(user: form.trimmed("user") ?? "") }
        }
        routes.post("/users/password") { _, context in
            let form = context.form
            let user = form.trimmed("user") ?? "", password = form["password"] ?? "", again = form["again"] ?? ""
            if let problem = Passwords.problem(password) ?? (password == again ? nil : .mismatch) {
                return try await render(routes, context, message: nil, error: Self.chinese(problem), status: .unprocessableContent)
            }
            let hash = try await Blocking.run { Passwords.hash(password) }
            return try await act(routes, context, done: "已为\(user)设置新密码，其原有登录已全部退出。") { session, _ in
                try session.access.setDeskPassword(user: user, passwordHash: hash)
            }
        }
    }

    /// The role a grant or revoke form names.
    static func grant(_ form: FormData) throws -> RoleGrant {
        let roleText = form.trimmed("role") ?? ""
        guard let role = Role(rawValue: roleText) else { throw DeskError.badField(name: "角色", value: roleText) }
        let organization = form.trimmed("org").flatMap { $0 == "*" ? nil : $0 }
        return RoleGrant(user: form.trimmed("user") ?? "", role: role, organization: organization)
    }

    /// A refused password, said in Chinese.
    static func chinese(_ problem: Passwords.Problem) -> String {
        switch problem {
        case let .tooShort(minimum): "密码太短，至少\(minimum)个字符。"
        case let .tooLong(maximum): "密码太长，最多\(maximum)个字节。"
        case .controlCharacter: "密码含有控制字符，请只用字母、数字和标点。"
        case .mismatch: "两次输入的密码不一致。"
        }
    }

    static func act(_ routes: DeskRoutes, _ context: DeskContext, done: String,
                    _ body: @escaping @Sendable (Session, FormData) throws -> Void) async throws -> Response {
        let session = try routes.session(context), form = context.form
        do {
            try await session.perform { session in try body(session, form) }
            return try await render(routes, context, message: done, error: nil, status: .ok)
        } catch let error as BookError {
            return try await render(routes, context, message: nil, error: error.deskText, status: error.category.status)
        }
    }

    static func render(_ routes: DeskRoutes, _ context: DeskContext, message: String?, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let session = try routes.session(context)
        let now = routes.desk.clock()
        let (accounts, organizations) = try await session.perform { session in
            (try session.access.deskAccounts(), try session.organizations.organizations())
        }
        let frame = try await routes.frame(context, organization: nil, current: nil)
        let rows = accounts.map { account -> [String: Any] in
            var row: [String: Any] = [
                "user": account.user,
                "roles": account.roles.map { grant -> [String: Any] in
                    ["role": grant.role.rawValue, "role_name": grant.role.chinese, "org": grant.organization ?? "*",
                     "org_name": grant.organization ?? "全部单位"]
                },
                "password": account.passwordSetAt.map { "已设置（\(DeskTime.show($0))）" } ?? "未设置",
            ]
            if let until = account.lockedUntil, until > now {
                row["locked"] = "已锁定至\(DeskTime.show(seconds: until).suffix(5))，\(max(1, (until - now + 59) / 60))分钟后自动解除"
            } else if account.failures > 0 {
                row["failures"] = "连续输错\(account.failures)次"
            }
            if account.passwordSetAt != nil { row["has_password"] = true }
            return row
        }
        var data: [String: Any] = [
            "users": rows,
            "roles": Role.allCases.map { ["value": $0.rawValue, "label": $0.chinese] },
            "orgs": organizations.map { ["code": $0.code, "name": $0.name] },
            "minimum": String(Passwords.minimumLength),
        ]
        if let message { data["message"] = message }
        if let error { data["error"] = error }
        return routes.page("users", title: "用户与权限", frame: frame, data: data, status: status)
    }

    static let page = """
        {{> head}}
        <h1>用户与权限</h1>
        <p class="hint">每位用户按角色使用账套：财务人员录入和记账，经审会委员审查，上级工会查阅汇总。密码以 bcrypt 散列保存，连续输错5次锁定15分钟。</p>
        {{#message}}<p class="ok" role="status">{{message}}</p>{{/message}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <table class="grid users">
          <thead><tr><th>用户</th><th>角色</th><th>登录密码</th><th>登录状态</th><th>设置密码</th></tr></thead>
          <tbody>
          {{#users}}
            <tr>
              <td>{{user}}</td>
              <td class="roles">{{#roles}}<form method="post" action="/users/revoke" class="inline role">
                <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="user" value="{{user}}">
                <input type="hidden" name="role" value="{{role}}"><input type="hidden" name="org" value="{{org}}">
                <span>{{role_name}} · {{org_name}}</span> <button type="submit" class="link" title="撤销该角色">撤销</button></form>{{/roles}}</td>
              <td>{{password}}</td>
              <td>{{#locked}}<span class="error">{{locked}}</span>
                <form method="post" action="/users/unlock" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="user" value="{{user}}"><button type="submit" class="small">解除锁定</button></form>{{/locked}}{{^locked}}{{#failures}}{{failures}}{{/failures}}{{^failures}}正常{{/failures}}{{/locked}}</td>
              <td><form method="post" action="/users/password" class="inline">
                <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="user" value="{{user}}">
                <input type="password" name="password" placeholder="新密码" size="10" autocomplete="new-password" required>
                <input type="password" name="again" placeholder="再输一次" size="10" autocomplete="new-password" required>
                <button type="submit" class="small">{{#has_password}}重设{{/has_password}}{{^has_password}}设置{{/has_password}}</button></form></td>
            </tr>
          {{/users}}
          </tbody>
        </table>
        <h2>授予角色</h2>
        <form method="post" action="/users/grant" class="toolbar">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label>用户 <input name="user" size="10" required></label>
          <label>角色 <select name="role">{{#roles}}<option value="{{value}}">{{label}}</option>{{/roles}}</select></label>
          <label>单位 <select name="org"><option value="*">全部单位（仅账套管理员、财务人员）</option>{{#orgs}}<option value="{{code}}">{{code}} {{name}}</option>{{/orgs}}</select></label>
          <button type="submit">授权</button>
        </form>
        <p class="hint">新用户授权后，为其设置至少{{minimum}}个字符的密码即可登录。</p>
        {{> foot}}
        """
}
