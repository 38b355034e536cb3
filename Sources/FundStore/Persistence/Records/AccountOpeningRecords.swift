import FundCore

/// A row of `account_opening`: a county-chart account a grassroots-chart union opened, with the
/// business it gave as the reason, who opened it and when.
struct AccountOpeningRecord: Hashable, Sendable {
    var id: Int64?
    var organizationID: Int64
    var code: String
    var reason: String
    var openedAt: String
    var openedBy: String
}
