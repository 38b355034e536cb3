import Foundation
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
    /// The file of a `multipart/form-data` POST, if it sent one (its text fields are in `form`).
    public var upload: UploadedFile?
    /// What this request already read for its page's frame (the top bar), so that a page
    /// reads it in the transaction that checks its organisation instead of in one more.
    let frameRead = FrameRead()

    /// A request's context as Hummingbird makes it: nobody logged in yet, no form read.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Forms are small: a voucher grid of a few hundred lines fits well inside 1 MiB.
    public var maxUploadSize: Int { 1 << 20 }
}

/// The top bar's reads of one request, kept by `DeskRoutes.organization` for `DeskRoutes.frame`.
/// Each request has its own; nothing in it outlives the request.
final class FrameRead: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: OverviewService.Menu?

    private var storedMayWrite: Bool?

    var menu: OverviewService.Menu? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }

    /// Whether the user may write the books of the page's organisation, once its role check ran.
    var mayWrite: Bool? {
        get { lock.lock(); defer { lock.unlock() }; return storedMayWrite }
        set { lock.lock(); storedMayWrite = newValue; lock.unlock() }
    }
}
