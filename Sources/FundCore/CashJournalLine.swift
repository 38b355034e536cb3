/// One posted line on a cash or bank account, as the 现金日记账 and 银行存款日记账 list it: the
/// voucher's date and number, the summary, the account (101, 102 or a detail), the amount on
/// its side, and the accounts on the other side of the voucher (对方科目).
public struct CashJournalLine: Hashable, Sendable {
    public let date: LocalDate
    public let ref: VoucherRef
    public let summary: String
    public let accountCode: String
    public let side: Side
    public let amountFen: Int64
    /// The codes of the voucher's lines on the other side, sorted, each once.
    public let counterAccounts: [String]

    /// A line of a cash or bank journal.
    public init(date: LocalDate, ref: VoucherRef, summary: String, accountCode: String, side: Side, amountFen: Int64, counterAccounts: [String]) {
        self.date = date
        self.ref = ref
        self.summary = summary
        self.accountCode = accountCode
        self.side = side
        self.amountFen = amountFen
        self.counterAccounts = counterAccounts
    }
}
