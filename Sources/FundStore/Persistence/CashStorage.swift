import FundCore

/// Cash and bank: the organisation's bank-credit setting and what a cash or bank account holds
/// day by day, which the posting path checks and the warnings after posting read.
protocol CashStorage {
    /// Whether the organisation refuses a posting that leaves 102 in credit (default: warn).
    func bankCreditMode(organizationID: Int64) throws -> BankCreditMode
    /// Sets the organisation's bank-credit setting, recording who and when.
    func setBankCreditMode(organizationID: Int64, _ mode: BankCreditSetting) throws
    /// The cash and bank accounts a posted voucher leaves in credit on its date or a later day
    /// (the warnings `voucher post` gives for 102 in an organisation that only warns).
    func cashShortfalls(voucherID: Int64) throws -> [CashShortfall]
    /// The year's posted lines on 101 (or 102) and their details, with each voucher's other side.
    func cashJournalLines(organizationID: Int64, kind: CashAccountKind, year: Int) throws -> [CashJournalLine]
    /// The cashier's confirmation of a voucher's receipt or payment, if it has one.
    func cashConfirmation(voucherID: Int64) throws -> CashConfirmation?
    /// Records a confirmation (a voucher has at most one; the table takes no change).
    func insertCashConfirmation(_ confirmation: CashConfirmation) throws
}

/// An organisation's bank-credit setting as stored: the mode, who set it and when.
struct BankCreditSetting: Hashable, Sendable {
    var mode: BankCreditMode
    var setAt: String
    var setBy: String
}
