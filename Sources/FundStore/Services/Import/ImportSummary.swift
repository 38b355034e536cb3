import Foundation
import FundCore
import GRDB

/// What an import did, or would do under `--dry-run`.
public struct ImportSummary: Sendable {
    public var vouchers = 0
    public var lines = 0
    public var byOrganization: [String: Int] = [:]
    public var dryRun = false
}



extension BookError {
    /// The rule's short name, as error messages print it in brackets.
    public var rule: String {
        switch self {
        case .bookExists: "book-exists"
        case .bookMissing: "book-missing"
        case .notABook: "not-a-book"
        case .readOnly: "read-only"
        case .busy: "busy"
        case .unknownOrganization: "unknown-org"
        case .duplicateOrganization: "duplicate-org"
        case .unknownParent: "unknown-parent"
        case .organization: "bad-org"
        case .chart: "bad-account"
        case .parentHasPostings: "parent-has-postings"
        case .voucherProblems: "voucher-refused"
        case .voucherNotFound: "voucher-not-found"
        case .wrongStatus: "wrong-status"
        case .periodClosed: "period-closed"
        case .periodNotClosed: "period-not-closed"
        case .periodAlreadyClosed: "period-already-closed"
        case .closeOutOfOrder: "close-out-of-order"
        case .reopenOutOfOrder: "reopen-out-of-order"
        case .unpostedVouchers: "unposted-vouchers"
        case .periodUnbalanced: "period-unbalanced"
        case .missingReason: "missing-reason"
        case .alreadyReversed: "already-reversed"
        case .cannotReverseRedInk: "reverse-red-ink"
        case .reversalBeforeOriginal: "reversal-before-original"
        case .numberNotNext: "number-not-next"
        case .unknownCounterpart: "unknown-counterpart"
        case .priorYearOpen: "prior-year-open"
        case .subsidy: "subsidy"
        case .noBudget: "no-budget"
        case .budgetOverrun: "budget-overrun"
        case .notPermitted: "not-permitted"
        case .badRole: "bad-role"
        case .committee: "committee"
        case .review: "review"
        case .database: "database"
        }
    }
}
