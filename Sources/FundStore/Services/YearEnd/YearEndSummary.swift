import FundCore

/// What `close-year` or `reopen-year` posted, so the caller can name the vouchers or tell that
/// there was nothing (left) to do.
public struct YearEndSummary: Sendable {
    /// The posted vouchers, in the order they were posted.
    public var vouchers: [VoucherRef] = []
    /// True when the act posted nothing: the year was already carried (or already reopened).
    public var alreadyDone: Bool { vouchers.isEmpty }
}
