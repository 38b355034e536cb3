import FundCore

/// The year end (年终结转): the balances it carries, what it checks, and the closing vouchers it
/// cancels when a year is reopened.
protocol YearEndStorage: GeneratedVoucherStorage {
    /// Net balances (debit minus credit) through December of `year`, by account, project and
    /// fund source; balances that net to zero are left out.
    func fundBalances(organizationID: Int64, through year: Int) throws -> [FundBalance]
    /// Net balances (debit minus credit) of the months `from...period` (period keys, YYYYMM), by
    /// account, project, fund source and expense type; zero balances left out.
    func fundBalances(organizationID: Int64, from: Int, through period: Int) throws -> [FundBalance]
    /// The net balance (debit minus credit) of `account` in all months before `period`.
    func netBalance(organizationID: Int64, account: String, before period: Int) throws -> Int64
    /// The vouchers dated in `year` that are not posted, by id.
    func unpostedVouchers(organizationID: Int64, year: Int) throws -> [UnpostedVoucher]
    /// The posted closing vouchers of `period` that are neither red ink nor reversed, latest
    /// number first.
    func standingClosingVouchers(organizationID: Int64, period: Int) throws -> [Voucher]
}
