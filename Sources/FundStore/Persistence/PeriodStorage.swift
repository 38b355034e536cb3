import FundCore

/// Month closing: which months are closed, and the log of closes and reopens.
protocol PeriodStorage {
    /// Whether the organisation has closed `period`.
    func isClosed(organizationID: Int64, period: Int) throws -> Bool
    /// The earliest month before `period` with posted vouchers that is not closed.
    func earliestOpenPostedPeriod(organizationID: Int64, before period: Int) throws -> Period?
    /// The latest closed month after `period`.
    func latestClosedPeriod(organizationID: Int64, after period: Int) throws -> Period?
    /// Vouchers dated in `period` that are not posted, by id.
    func unpostedVouchers(organizationID: Int64, period: Int) throws -> [UnpostedVoucher]
    /// The debit and credit turnover of every account in `period`.
    func periodTotals(organizationID: Int64, period: Int) throws -> (debitFen: Int64, creditFen: Int64)
    /// Records a close.
    func insertPeriodClose(_ close: PeriodCloseRecord) throws
    /// Removes a close (a reopen).
    func deletePeriodClose(organizationID: Int64, period: Int) throws
    /// The organisation's closed months, in order.
    func closedPeriods(organizationID: Int64) throws -> [PeriodCloseRecord]
    /// Appends to the period log.
    func appendPeriodLog(_ entry: PeriodLogRecord) throws
    /// The organisation's period log, oldest first.
    func periodLog(organizationID: Int64) throws -> [PeriodLogRecord]
}
