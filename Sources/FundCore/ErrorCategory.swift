/// What kind of refusal an error is. A caller that answers people (the CLI's exit, the desk's
/// HTTP status) maps each error to one of these without knowing its cases.
public enum ErrorCategory: String, Sendable, CaseIterable {
    /// What was asked for is not there: an organisation, a voucher, a budget (HTTP 404).
    case notFound = "not-found"
    /// The acting user's roles do not allow the act (HTTP 403).
    case notPermitted = "not-permitted"
    /// The act does not fit the book's present state: a closed month, a voucher already posted,
    /// another writer holding the lock (HTTP 409).
    case conflict
    /// What was given is wrong in itself: a voucher that does not balance, a bad code (HTTP 422).
    case invalidInput = "invalid-input"
    /// The book file itself: unreadable, read-only, full, damaged (HTTP 503).
    case storage
}
