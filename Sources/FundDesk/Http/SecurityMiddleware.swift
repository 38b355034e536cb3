import FundCore
import FundStore
import HTTPTypes
import Hummingbird

/// The outermost layer of every response, pages, assets, redirects and errors alike: a thrown
/// error becomes a Chinese error page with its status, and the security headers are set.
struct SecurityMiddleware: RouterMiddleware {
    typealias Context = DeskContext
    let templates: Templates

    /// No script or style but the program's own files, no framing, no foreign form targets.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = errorPage(error, context: context, request: request)
        }
        Self.secure(&response.headers)
        // The server's own time for the answer (the body is built by then), for the browser's
        // developer tools and the load benchmark; it says nothing a user could not time himself.
        let milliseconds = Self.milliseconds(ContinuousClock.now - started)
        response.headers[HTTPField.Name("Server-Timing")!] = "app;dur=" + milliseconds
        context.logger.debug("answered", metadata: ["method": "\(request.method)", "path": "\(request.uri.path)",
                                                    "status": "\(response.status.code)", "ms": "\(milliseconds)"])
        return response
    }

    /// A duration in milliseconds with one decimal (12.3).
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenths = seconds * 10_000 + attoseconds / 100_000_000_000_000
        return String(tenths / 10) + "." + String(tenths % 10)
    }

    /// Sets the headers every response carries; a page (anything not marked cacheable) is not stored.
    static func secure(_ headers: inout HTTPFields) {
        headers[HTTPField.Name("Content-Security-Policy")!] = contentSecurityPolicy
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
    }

    /// The page of an error: the store's refusals with their own message and status, the desk's
    /// with theirs, anything else a 500 that shows nothing of its cause.
    func errorPage(_ error: any Error, context: DeskContext, request: Request) -> Response {
        let status: HTTPResponse.Status, message: String
        switch error {
        case let error as DeskError:
            (status, message) = (error.status, error.message)
        case let error as BookError:
            (status, message) = (error.category.status, error.deskText)
        case let error as HTTPError:
            (status, message) = (error.status, error.status == .notFound ? DeskError.notFound.message : "请求无法处理（\(error.status.code)）。")
        default:
            context.logger.error("unexpected error: \(String(reflecting: error))")
            (status, message) = (.internalServerError, "服务器内部错误，请稍后重试；如仍出错，请联系账套管理员。")
        }
        // The login is checked inside this layer, so its context is not seen here: a browser
        // with a session cookie is offered 首页 (which asks for a login again if it has expired).
        let loggedIn = context.login != nil || request.cookies[CookieName.session] != nil
        let data: [String: Any] = ["title": Self.title(status), "message": message, "status": String(status.code),
                                   "loggedIn": loggedIn]
        return HTML.response(templates.render("error", data), status: status)
    }

    static func title(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 403: "无权访问"
        case 404: "未找到"
        case 409: "操作与账簿状态冲突"
        case 413: "文件过大"
        case 422: "填写有误"
        case 503: "账簿暂不可用"
        default: "出错了"
        }
    }
}

/// HTML responses.
enum HTML {
    /// A page in UTF-8.
    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// 303 See Other to a path of the desk.
    static func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }
}
