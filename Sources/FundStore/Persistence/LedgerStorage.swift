import FundCore

/// The posted books as reports read them: the turnover aggregates, an account's lines, the
/// journal and the posted vouchers.
protocol LedgerStorage {
    /// Net balance per account before month `before` (a period key).
    func openingNets(organizationID: Int64, before: Int) throws -> [String: Int64]
    /// Debit and credit turnover per account and month from `from` to `to` (period keys).
    func monthlyTurnovers(organizationID: Int64, from: Int, to: Int) throws -> [MonthlyTurnover]
    /// Activity per account, project and fund source from `from` to `to`, without closing
    /// vouchers when `excludingClosing`.
    func activity(organizationID: Int64, from: Period, to: Period, excludingClosing: Bool) throws -> [AccountActivity]
    /// Every posted line on `account` or its details in `year`, in date and number order.
    func ledgerLines(organizationID: Int64, account: String, year: Int) throws -> [LedgerLine]
    /// Opening net balance and turnovers per account for `from...to`, from the aggregates.
    func turnovers(organizationID: Int64, from: Period, to: Period) throws -> [AccountTurnover]
    /// How many lines the journal of `from...to` has.
    func journalLineCount(organizationID: Int64, from: Period, to: Period) throws -> Int
    /// Streams the journal of `from...to` to `body`, line by line in numbering order, without
    /// holding the lines in memory.
    func forEachJournalLine(organizationID: Int64, from: Period, to: Period, _ body: (JournalRow) throws -> Void) throws
    /// The posted vouchers of an organisation (or of all), in organisation, month, word and
    /// number order.
    func postedVoucherIDs(organization: String?) throws -> [Int64]
    /// A posted voucher with its lines.
    func postedVoucher(id: Int64) throws -> Voucher
}
