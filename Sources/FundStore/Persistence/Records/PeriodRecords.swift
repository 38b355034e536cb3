import FundCore

/// A row of `period_close`: a closed month of one organisation.
struct PeriodCloseRecord: Hashable, Sendable {
    var organizationID: Int64
    var period: Period
    var closedAt: String
    var closedBy: String
}

/// A row of `period_log`: a close or a reopen, with who did it and, for a reopen, why.
struct PeriodLogRecord: Hashable, Sendable {
    /// What was done to the month.
    enum Action: String, Sendable {
        case close, reopen
        case closeYear = "close-year", reopenYear = "reopen-year"
    }

    var id: Int64?
    var organizationID: Int64
    var period: Period
    var action: Action
    var at: String
    var by: String
    var reason: String?
}
