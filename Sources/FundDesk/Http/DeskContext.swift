import FundStore
import Hummingbird

/// What one request of the desk carries beside the request itself: who is logged in (set by
/// `LoginMiddleware` from the session cookie) and the store session acting as that user.
public struct DeskContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The valid login of this request, if any.
    public var login: DeskLogin?
    /// The SHA-256 (hex) of the session cookie's id, to end the login on 退出.
    public var tokenHash: String?
    /// The fields of a POST, read (and its CSRF token checked) by `LoginMiddleware`.
    public var form = FormData("")

    /// A request's context as Hummingbird makes it: nobody logged in yet, no form read.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Forms are small: a voucher grid of a few hundred lines fits well inside 1 MiB.
    public var maxUploadSize: Int { 1 << 20 }
}
