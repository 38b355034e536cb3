import FundCore
import GRDB

/// Turnovers of one account over a range of months, straight from the balance aggregates.
public struct AccountTurnover: Hashable, Sendable {
    public let code: String
    /// Debit minus credit of every posting before the range.
    public var openingNetFen: Int64
    /// Debit turnover in the range; red-ink lines reduce it.
    public var debitFen: Int64
    public var creditFen: Int64

    public init(code: String, openingNetFen: Int64, debitFen: Int64, creditFen: Int64) {
        self.code = code
        self.openingNetFen = openingNetFen
        self.debitFen = debitFen
        self.creditFen = creditFen
    }

    public var closingNetFen: Int64 { openingNetFen + debitFen - creditFen }
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
}
