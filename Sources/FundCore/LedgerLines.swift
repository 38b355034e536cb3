/// One posted line: a row of the 明细账 and of the 序时账.
public struct LedgerLine: Hashable, Sendable {
    public let date: LocalDate
    public let ref: VoucherRef
    public let summary: String
    public let accountCode: String
    public let side: Side
    public let amountFen: Int64
    public let project: String?
    /// 人员经费 or 公用经费 on a 40401 or 331 line of 基本支出, so that the 明细账 shows the part.
    public let basicClass: BasicClass?

    public init(date: LocalDate, ref: VoucherRef, summary: String, accountCode: String, side: Side, amountFen: Int64, project: String?,
                basicClass: BasicClass? = nil) {
        self.date = date
        self.ref = ref
        self.summary = summary
        self.accountCode = accountCode
        self.side = side
        self.amountFen = amountFen
        self.project = project
        self.basicClass = basicClass
    }
}

/// One line of the 序时账 as stored: the voucher's date as written (YYYY-MM-DD), its number, the
/// line's summary (or the voucher's), account, side, amount and project.
public struct JournalRow: Sendable {
    public let date: String
    public let word: String
    public let number: Int
    public let summary: String
    public let accountCode: String
    public let side: Side
    public let amountFen: Int64
    public let project: String?

    public init(date: String, word: String, number: Int, summary: String, accountCode: String, side: Side, amountFen: Int64,
                project: String?) {
        self.date = date
        self.word = word
        self.number = number
        self.summary = summary
        self.accountCode = accountCode
        self.side = side
        self.amountFen = amountFen
        self.project = project
    }
}
