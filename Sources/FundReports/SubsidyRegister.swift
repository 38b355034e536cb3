import FundCore

/// 项目补贴台账: the subsidy items a union granted, with what was approved, disbursed, spent by the
/// recipient, returned and left, the window, the status, and flags for the reviewer.
public struct SubsidyRegister: Sendable {
    public struct Row: Hashable, Sendable {
        public let item: SubsidyItem
        public let figures: SubsidyFigures
        public let flags: [String]
    }

    public let grantor: Organization
    public let asOf: LocalDate
    public let rows: [Row]

    public static let title = "项目补贴台账"
    public static let headers = ["项目编号", "项目名称", "受补单位", "用途科目", "批准金额", "已拨付", "已支出", "已退回", "结余", "使用期限", "状态", "提示"]
    public static let keys = ["code", "title", "recipient", "accounts", "approved", "disbursed", "spent", "returned", "balance", "window", "status", "flags"]

    /// Days without spending after which an item with money left is flagged as idle.
    public static let idleDays = 90

    /// The register as of `asOf`. Every total the renderings and the workbook add (over all
    /// items or one recipient's) must fit in Int64 fen; when the figures' magnitudes together do
    /// not, the register throws `SumOverflow` naming the grantor.
    public init(grantor: Organization, items: [(SubsidyItem, SubsidyFigures)], asOf: LocalDate) throws(SumOverflow) {
        self.grantor = grantor
        self.asOf = asOf
        rows = items.map { item, figures in
            var flags: [String] = []
            if item.status != .settled && asOf > item.deadline { flags.append("逾期未结项") }
            if item.status == .disbursed, figures.balance > 0, let last = figures.lastActivity,
               asOf.daysSinceEpoch - last.daysSinceEpoch > SubsidyRegister.idleDays {
                flags.append("闲置超过\(SubsidyRegister.idleDays)天")
            }
            if figures.outsidePurpose != 0 { flags.append("超范围支出\(Money(fen: figures.outsidePurpose).grouped)") }
            if figures.disbursed != figures.received { flags.append("拨付与收到不符") }
            return Row(item: item, figures: figures, flags: flags)
        }
        let overflow = SumOverflow(organization: grantor.code, account: nil, period: Period(year: asOf.year, month: 1)!...asOf.period)
        var approved: UInt64 = 0, disbursed: UInt64 = 0, flows: UInt64 = 0, balance: UInt64 = 0
        func add(_ total: inout UInt64, _ magnitude: UInt64) throws(SumOverflow) {
            let (sum, overflowed) = total.addingReportingOverflow(magnitude)
            if overflowed || sum > UInt64(Int64.max) { throw overflow }
            total = sum
        }
        for row in rows {
            let f = row.figures
            try add(&approved, row.item.approved.fen.magnitude)
            try add(&disbursed, f.disbursed.magnitude)
            try add(&flows, f.received.magnitude)
            try add(&flows, f.spent.magnitude)
            try add(&flows, f.returned.magnitude)
            try add(&balance, f.balance.magnitude)
        }
    }

    public var totals: SubsidyFigures {
        var total = SubsidyFigures()
        for row in rows {
            total.disbursed += row.figures.disbursed
            total.received += row.figures.received
            total.spent += row.figures.spent
            total.returned += row.figures.returned
        }
        return total
    }

    func cells(_ row: Row, money: (Int64) -> String) -> [String] {
        let f = row.figures
        return [row.item.code, row.item.title, row.item.recipient, row.item.accounts.joined(separator: " "), money(row.item.approved.fen),
                money(f.disbursed), money(f.spent), money(f.returned), money(f.balance), "\(row.item.windowStart)至\(row.item.deadline)",
                row.item.status.chinese, row.flags.joined(separator: "；")]
    }

    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .table:
            let t = totals
            let total = ["", "合计", "", "", Money(fen: rows.reduce(0) { $0 + $1.item.approved.fen }).grouped, Money(fen: t.disbursed).grouped,
                         Money(fen: t.spent).grouped, Money(fen: t.returned).grouped, Money(fen: t.balance).grouped, "", "", ""]
            return "\(SubsidyRegister.title)  \(grantor.name)（\(grantor.code)）  截至\(asOf)  单位：元\n"
                + Render.table(headers: SubsidyRegister.headers, rows: rows.map { cells($0) { Money(fen: $0).grouped } } + [total], rightAligned: Set(4...8))
        case .csv:
            return Render.csv(headers: SubsidyRegister.keys, rows: rows.map { cells($0) { Money(fen: $0).description } })
        case .json:
            return Render.jsonArray(rows.map { row in
                Render.jsonObject(zip(SubsidyRegister.keys, cells(row) { Money(fen: $0).description }).map { ($0, Render.jsonString($1)) }, indent: "  ")
            }) + "\n"
        }
    }
}
