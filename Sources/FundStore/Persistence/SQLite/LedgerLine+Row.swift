import FundCore
import GRDB

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
