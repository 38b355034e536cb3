import Foundation
import FundCore
import FundStore
import Hummingbird

/// What a page's routes are given: the desk, the routes behind the login check, and the steps
/// every page takes (the request's store session, the organisation of the address with its role
/// check, the frame of the page).
struct DeskRoutes: Sendable {
    let desk: Desk
    let group: RouterGroup<DeskContext>

    typealias Handler = @Sendable (Request, DeskContext) async throws -> Response

    func get(_ path: RouterPath, _ handler: @escaping Handler) { group.get(path, use: handler) }
    func post(_ path: RouterPath, _ handler: @escaping Handler) { group.post(path, use: handler) }

    /// The store session of the request: acting as the logged-in user, for this request only.
    func session(_ context: DeskContext) throws -> Session {
        guard let login = context.login else { throw DeskError.forbidden(organization: nil) }
        return desk.store.session(as: login.user)
    }

    /// The organisation named in the address (`/orgs/{code}/...`), for a user who may read it;
    /// 403 for anyone else, whether or not the code exists, so that codes cannot be probed.
    func organization(_ context: DeskContext) async throws -> Scope {
        guard let code = context.parameters.get("code") else { throw DeskError.notFound }
        let session = try session(context)
        // The role check, the organisation and the top bar's reads in one transaction.
        let place = try await session.perform { session in
            guard let place = try session.overview.place(organization: code) else { throw DeskError.forbidden(organization: code) }
            return place
        }
        context.frameRead.menu = place.menu
        context.frameRead.mayWrite = place.mayWrite
        return Scope(session: session, organization: place.organization, mayWrite: place.mayWrite)
    }

    /// The top bar and menu of a page: the user, the organisations the user may read, the
    /// organisation shown and the menu entry that is current.
    func frame(_ context: DeskContext, organization: Organization?, current: String?) async throws -> Frame {
        let session = try session(context)
        let menu: OverviewService.Menu
        if let read = context.frameRead.menu { menu = read } else { menu = try await session.perform { session in try session.overview.menu() } }
        let organizations = Array(menu.readable.prefix(Frame.switcherLimit).map { Frame.Entry(code: $0.code, name: $0.name) })
        let administrator = menu.administrator
        return Frame(user: session.user, csrf: context.login?.csrfToken ?? "", organizations: organizations,
                     organization: organization.map { Frame.Entry(code: $0.code, name: $0.name) }, current: current, administrator: administrator,
                     mayWrite: context.frameRead.mayWrite ?? false,
                     readsMembers: organization.map { shown in menu.readable.contains { $0.parentCode == shown.code } } ?? false)
    }

    /// A page rendered in its frame.
    func page(_ template: String, title: String, frame: Frame, data: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        var data = data
        data["title"] = title
        data["frame"] = frame.mustache
        if data["csrf"] == nil { data["csrf"] = frame.csrf }
        return HTML.response(desk.templates.render(template, data), status: status)
    }
}

/// The organisation a request works on, with the store session acting on it.
struct Scope: Sendable {
    let session: Session
    let organization: Organization
    /// Whether the user may write its books (the forms that change them are shown).
    let mayWrite: Bool

    var code: String { organization.code }
}

/// The top bar and menu of a page.
struct Frame: Sendable {
    struct Entry: Sendable {
        let code: String
        let name: String
    }

    /// The switcher lists at most this many organisations (a county of many unions is reached by
    /// 首页's list as well).
    static let switcherLimit = 500

    let user: String
    let csrf: String
    let organizations: [Entry]
    let organization: Entry?
    let current: String?
    /// Whether the user administers the book (the top bar links 用户与权限).
    var administrator = false
    /// Whether the user may write the organisation's books (entries that only write are shown).
    var mayWrite = false
    /// Whether the user reads an organisation below the one shown (汇总 is shown).
    var readsMembers = false

    var mustache: [String: Any] {
        var data: [String: Any] = [
            "user": user, "csrf": csrf, "administrator": administrator,
            "orgs": organizations.map { entry -> [String: Any] in
                var item: [String: Any] = ["code": entry.code, "name": entry.name]
                if entry.code == organization?.code { item["selected"] = true }
                return item
            },
        ]
        if let organization {
            data["org"] = [
                "code": organization.code, "name": organization.name,
                "menu": DeskPages.menu.filter { (!$0.needsWrite || mayWrite) && (!$0.needsMembers || readsMembers) }.map { item -> [String: Any] in
                    var entry: [String: Any] = ["title": item.title, "path": item.path, "code": organization.code]
                    if item.path == current { entry["current"] = true }
                    return entry
                },
            ] as [String: Any]
        }
        return data
    }
}
