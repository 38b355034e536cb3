import FundCore
import GRDB

/// What `close-year` or `reopen-year` posted.
public struct YearEndSummary: Sendable {
    public var vouchers: [VoucherRef] = []
    public var alreadyDone: Bool { vouchers.isEmpty }
}
