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

    /// The statements imported for an account, oldest first.
    func bankStatements(organizationID: Int64, accountID: Int64) throws -> [BankStatementRecord]
    /// Stores a statement and its rows; returns its id.
    func insertBankStatement(_ statement: BankStatementRecord, rows: [BankStatementLine]) throws -> Int64
    /// Every stored row of the account's statements in date and file order (through `date`, when given), each with its live match.
    func bankStatementLines(organizationID: Int64, accountID: Int64, through date: LocalDate?) throws -> [StoredStatementLine]
    /// One statement row of the organisation with its account's id, or nil.
    func bankStatementLine(organizationID: Int64, id: Int64) throws -> (line: StoredStatementLine, accountID: Int64)?
    /// The posted lines on the account dated from `from` through `through` (either open), each with its live match.
    func bankBookLines(organizationID: Int64, accountID: Int64, from: LocalDate?, through: LocalDate?) throws -> [BankBookLine]
    /// Records a match of a statement row with a voucher line.
    func insertBankMatch(statementLineID: Int64, voucherLineID: Int64, method: String, at: String, by: String) throws
    /// Records who undid the statement row's live match, and when.
    func endBankMatch(statementLineID: Int64, at: String, by: String) throws
    /// The account's balance (debit minus credit) after every posted line dated on or before `date`.
    func bankBookBalance(organizationID: Int64, accountID: Int64, through date: LocalDate) throws -> Int64
}

/// An organisation's bank-credit setting as stored: the mode, who set it and when.
struct BankCreditSetting: Hashable, Sendable {
    var mode: BankCreditMode
    var setAt: String
    var setBy: String
}
