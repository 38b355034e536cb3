import FundCore

/// A row of `book_opening`: an organisation's opening (建账), its first period and its voucher.
struct BookOpeningRecord: Hashable, Sendable {
    var organizationID: Int64
    var firstPeriod: Period
    var voucherID: Int64
    var openedAt: String
    var openedBy: String
}
