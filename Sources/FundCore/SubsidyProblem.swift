/// Why an act on a subsidy item (项目补贴) was refused: one case per rule, with the facts the
/// message names, so that a caller can answer each refusal by its kind instead of by its text.
public enum SubsidyProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The item itself is not well formed (code, title, accounts, amount, window).
    case invalidItem(SubsidyError)
    /// Another item already has the code.
    case duplicateCode(code: String)
    /// No item has the code.
    case unknownItem(code: String)
    /// Only an item applied for (已申请) is approved.
    case notAwaitingApproval(code: String, status: SubsidyStatus)
    /// Only an approved (or partly paid) item is paid.
    case notPayable(code: String, status: SubsidyStatus)
    /// A tranche is a positive amount.
    case trancheNotPositive(code: String)
    /// What a year-end accrual expensed is paid first, and exactly.
    case accruedFirst(code: String, accrued: Money)
    /// A payment may not take the item over what was approved.
    case payingOverApproved(code: String, amount: Money, approved: Money)
    /// Only an approved (or partly paid) item is accrued.
    case notAccruable(code: String, status: SubsidyStatus)
    /// An accrual may not take the item over what was approved.
    case accruingOverApproved(code: String, amount: Money, approved: Money)
    /// A settled item (已结项) is settled once.
    case alreadySettled(code: String)

    /// The message a finance officer reads, with what to change.
    public var description: String {
        switch self {
        case let .invalidItem(error):
            error.description
        case let .duplicateCode(code):
            "subsidy item \(code) already exists; choose another code"
        case let .unknownItem(code):
            "there is no subsidy item \(code); list them with `fundledger subsidy list --org GRANTOR`"
        case let .notAwaitingApproval(code, status):
            "subsidy item \(code) is \(status.chinese), not awaiting approval"
        case let .notPayable(code, status):
            "subsidy item \(code) is \(status.chinese); only an approved item is paid"
        case let .trancheNotPositive(code):
            "a tranche of subsidy item \(code) must be a positive amount"
        case let .accruedFirst(code, accrued):
            "subsidy item \(code) has \(accrued.grouped) accrued at year end (21201/13101); pay exactly that first"
        case let .payingOverApproved(code, amount, approved):
            "paying \(amount.grouped) would take subsidy item \(code) over the approved \(approved.grouped)"
        case let .notAccruable(code, status):
            "subsidy item \(code) is \(status.chinese); only an approved item is accrued"
        case let .accruingOverApproved(code, amount, approved):
            "accruing \(amount.grouped) would take subsidy item \(code) over the approved \(approved.grouped)"
        case let .alreadySettled(code):
            "subsidy item \(code) is already settled"
        }
    }

    /// What kind of refusal this is, for a caller that answers with a status.
    public var category: ErrorCategory {
        switch self {
        case .unknownItem:
            .notFound
        case .duplicateCode, .notAwaitingApproval, .notPayable, .notAccruable, .alreadySettled, .accruedFirst,
             .payingOverApproved, .accruingOverApproved:
            .conflict
        case .invalidItem, .trancheNotPositive:
            .invalidInput
        }
    }
}
