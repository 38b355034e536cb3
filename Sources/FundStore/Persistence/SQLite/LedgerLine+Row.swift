import FundCore
import GRDB

extension LedgerLine {
    /// A line from a query selecting v.date, v.period, v.word, v.number, v.summary,
    /// l.summary AS line_summary, a.code, l.side, l.amount and l.project; the line's own summary
    /// wins over the voucher's. A stored date, month or side FundLedger never writes is
    /// `BookError.storedValueInvalid`. A query that also selects l.basic_class gives the line its
    /// 基本支出 class.
    init(row: Row) throws {
        let lineSummary: String = row["line_summary"]
        let basicClass: BasicClass? = row.hasColumn("basic_class") ? try row.storedOptional(Column("basic_class"), in: "voucher_line") : nil
        self.init(date: try row.storedDate(Column("date"), in: "voucher"),
                  ref: VoucherRef(period: try row.storedPeriod(Column("period"), in: "voucher"), word: row["word"], number: row["number"]),
                  summary: lineSummary.isEmpty ? row["summary"] : lineSummary, accountCode: row["code"],
                  side: try row.stored(Column("side"), in: "voucher_line"), amountFen: row["amount"], project: row["project"],
                  basicClass: basicClass)
    }
}
