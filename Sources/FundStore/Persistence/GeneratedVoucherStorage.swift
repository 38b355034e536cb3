import FundCore

/// What a rule of the books needs to generate a voucher and post it without a second reviewer
/// (the year end's closing vouchers, a month's depreciation): the organisation's chart, and the
/// one posting path such vouchers take.
protocol GeneratedVoucherStorage {
    /// The chart of accounts `organization` posts to, with its own detail accounts.
    func chartOfAccounts(organization: String) throws -> Chart
    /// Inserts a generated draft (any kind but `.entry`) and posts it under the same checks as a
    /// reviewed voucher: open month, next number, turnovers, seal. Returns the posted voucher.
    func postGenerated(_ draft: VoucherDraft, bookkeeper: String) throws -> Voucher
}
