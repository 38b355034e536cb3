import FundStore
import Hummingbird

/// The names of the desk's cookies.
enum CookieName {
    /// The login's random id (only its hash is in the book).
    static let session = "fl_session"
    /// The token of the login form, before anyone is logged in.
    static let login = "fl_login"
}

/// The gate in front of every page: a request without a valid login goes to /login; a POST
/// without the login's CSRF token is refused with 403. The login and the form's fields are put
/// in the context for the page.
struct LoginMiddleware: RouterMiddleware {
    typealias Context = DeskContext
    let desk: Desk

    func handle(_ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response) async throws -> Response {
        guard let token = request.cookies[CookieName.session]?.value, Tokens.wellFormed(token) else { return HTML.redirect("/login") }
        let hash = Tokens.hash(token), now = desk.clock(), logins = desk.logins, seen = desk.seen.seen(hash)
        guard let login = try await Blocking.run({ try logins.resume(tokenHash: hash, now: now, seen: seen) }) else {
            desk.seen.forget(hash)
            var response = HTML.redirect("/login")
            response.setCookie(LoginRoutes.expired(CookieName.session))
            return response
        }
        desk.seen.record(hash, at: now)
        var context = context
        context.login = login
        context.tokenHash = hash
        if request.method == .post {
            if let type = request.headers[.contentType], MultipartForm.isMultipart(type) {
                // An upload: read whole in memory within its own limit; its `_csrf` is a text part.
                let multipart = try await MultipartForm.read(request, contentType: type)
                context.form = multipart.fields
                context.upload = multipart.file
            } else {
                context.form = try await FormData.read(request, limit: context.maxUploadSize)
            }
            guard let sent = context.form["_csrf"], Tokens.equal(sent, login.csrfToken) else { throw DeskError.csrfRefused }
        } else if request.method != .get && request.method != .head {
            throw DeskError.notFound
        }
        return try await next(request, context)
    }
}
