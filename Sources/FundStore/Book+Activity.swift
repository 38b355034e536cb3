import FundCore
import GRDB

/// One account's movement in one month, from the aggregates.
public struct MonthlyTurnover: Hashable, Sendable {
    public let code: String
    public let month: Int
    public let debitFen: Int64
    public let creditFen: Int64
}

/// Activity of one account in a range of months, split the ways the forms need: earmarked or
/// not (by the carry-forward rule), and excluding the year-end closing vouchers.
public struct AccountActivity: Hashable, Sendable {
    public let code: String
    public let project: String?
    public let source: FundSource?
    public let debitFen: Int64
    public let creditFen: Int64
    public var netFen: Int64 { debitFen - creditFen }
}

/// One posted line: a row of the 明细账 and of the 序时账.
public struct LedgerLine: Hashable, Sendable {
    public let date: LocalDate
    public let ref: VoucherRef
    public let summary: String
    public let accountCode: String
    public let side: Side
    public let amountFen: Int64
    public let project: String?
}


extension LedgerLine {
    /// A line from a query selecting v.date, v.period, v.word, v.number, v.summary,
    /// l.summary AS line_summary, a.code, l.side, l.amount and l.project; the line's own summary
    /// wins over the voucher's.
    init(row: Row) {
        let lineSummary: String = row["line_summary"]
        self.init(date: LocalDate(parsing: row["date"] as String)!,
                  ref: VoucherRef(period: Period(key: row["period"])!, word: row["word"], number: row["number"]),
                  summary: lineSummary.isEmpty ? row["summary"] : lineSummary, accountCode: row["code"],
                  side: Side(rawValue: row["side"])!, amountFen: row["amount"], project: row["project"])
    }
}
