import FundCore

extension BookError {
    /// The rule's short name, as error messages print it in brackets.
    public var rule: String {
        switch self {
        case .bookExists: "book-exists"
        case .bookMissing: "book-missing"
        case .notABook: "not-a-book"
        case .bookURLNotSupported: "book-url-not-supported"
        case .readOnly: "read-only"
        case .busy: "busy"
        case .unknownOrganization: "unknown-org"
        case .duplicateOrganization: "duplicate-org"
        case .unknownParent: "unknown-parent"
        case .organization: "bad-org"
        case let .chart(error): error.rule
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
        case .closingNeedsReviewer: "closing-needs-reviewer"
        case .alreadyReversed: "already-reversed"
        case .cannotReverseRedInk: "reverse-red-ink"
        case .reversalBeforeOriginal: "reversal-before-original"
        case .numberNotNext: "number-not-next"
        case .unknownCounterpart: "unknown-counterpart"
        case .priorYearOpen: "prior-year-open"
        case .yearOutOfRange: "year-out-of-range"
        // Refused by the register's checks before the typed cases existed; the rule id stays.
        case let .fixedAsset(error): error.rule
        case .duplicateAsset: "duplicate-asset"
        case .subsidy: "subsidy"
        case .noBudget: "no-budget"
        // The id these refusals printed before they had a case of their own.
        case .budget: "budget"
        case .budgetOverrun: "budget-overrun"
        case .notPermitted: "not-permitted"
        case let .access(refusal): refusal.rule
        case let .committee(refusal): refusal.rule
        case let .federation(refusal): refusal.rule
        case let .review(refusal): refusal.rule
        case let .pack(refusal): refusal.rule
        case let .backup(refusal): refusal.rule
        case let .yearEndAct(problem): problem.rule
        case let .sealKey(refusal): refusal.rule
        case let .cash(refusal): refusal.rule
        case let .assetAct(problem): problem.rule
        case let .opening(problem): problem.rule
        case .storage: "database"
        case .storedValueInvalid: "stored-value-invalid"
        case .textRefused: "control-character"
        case .sumOverflow: "sum-overflow"
        case let .voucherName(problem): problem.rule
        case .batchRefused: "batch-refused"
        case .attachedFormNotDue: "attached-form-not-due"
        }
    }

    /// What kind of refusal this is, for a caller that answers with a status (the desk: 404,
    /// 403, 409, 422, 503).
    public var category: ErrorCategory {
        switch self {
        case let .subsidy(problem):
            problem.category
        case let .budget(problem):
            problem.category
        case .bookMissing, .unknownOrganization, .unknownParent, .voucherNotFound, .unknownCounterpart, .noBudget:
            .notFound
        case .notPermitted:
            .notPermitted
        case .bookExists, .duplicateOrganization, .parentHasPostings, .wrongStatus, .periodClosed, .periodNotClosed,
             .periodAlreadyClosed, .closeOutOfOrder, .reopenOutOfOrder, .unpostedVouchers, .alreadyReversed,
             .numberNotNext, .priorYearOpen, .budgetOverrun, .busy, .duplicateAsset, .attachedFormNotDue:
            .conflict
        case .organization, .chart, .voucherProblems, .sumOverflow, .missingReason, .closingNeedsReviewer, .cannotReverseRedInk, .reversalBeforeOriginal,
             .yearOutOfRange, .fixedAsset, .textRefused, .bookURLNotSupported:
            .invalidInput
        case let .access(refusal):
            refusal.category
        case let .committee(refusal):
            refusal.category
        case let .federation(refusal):
            refusal.category
        case let .review(refusal):
            refusal.category
        case let .pack(refusal):
            refusal.category
        case let .backup(refusal):
            refusal.category
        case let .yearEndAct(problem):
            problem.category
        case let .sealKey(refusal):
            refusal.category
        case let .cash(refusal):
            refusal.category
        case let .assetAct(problem):
            problem.category
        case let .opening(problem):
            problem.category
        case let .storage(failure):
            failure.category
        case .voucherName:
            .invalidInput
        case let .batchRefused(_, failures):
            failures.first?.error.category ?? .conflict
        case .notABook, .readOnly, .periodUnbalanced, .storedValueInvalid:
            .storage
        }
    }
}
