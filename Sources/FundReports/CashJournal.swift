import FundCore

/// 现金日记账 or 银行存款日记账 (《会计基础工作规范》: kept day by day, 日清月结): for each cash or
/// bank account (one per bank account where 102 has details), the balance brought forward, every
/// posted line in date and voucher order with its 对方科目 and the running balance, 本日合计 after
/// each day with postings, and 本月合计 and 本年累计 after each month.
public struct CashJournal: Sendable {
    /// What a row is.
    public enum Kind: String, Hashable, Sendable {
        case opening, line
        case dayTotal = "day_total"
        case monthTotal = "month_total"
        case yearTotal = "year_total"
    }

    /// One row of a journal.
    public struct Row: Hashable, Sendable {
        public var kind: Kind
        public var date: String
        public var voucher: String
        public var summary: String
        /// 对方科目: the codes and names of the other side of the voucher.
        public var counterAccount: String
        /// 收入 (debit), nil on a row that has none.
        public var debitFen: Int64?
        /// 支出 (credit), nil on a row that has none.
        public var creditFen: Int64?
        /// Net balance after the row, debit minus credit.
        public var balanceFen: Int64

        /// 借, 贷 or 平, as ledgers print a balance's side.
        public var direction: String { balanceFen > 0 ? "借" : balanceFen < 0 ? "贷" : "平" }
    }

    /// One cash or bank account's journal.
    public struct Section: Sendable {
        public let code: String
        public let name: String
        public var rows: [Row]
    }

    public let kind: CashAccountKind
    public let organization: Organization
    public let year: Int
    /// The one month shown, or nil for the whole year.
    public let month: Int?
    public let sections: [Section]

    /// 现金日记账 or 银行存款日记账.
    public var title: String { kind == .cash ? "现金日记账" : "银行存款日记账" }

    public static let headers = ["日期", "凭证号", "摘要", "对方科目", "收入（借方）", "支出（贷方）", "借或贷", "余额"]
    public static let keys = ["account", "kind", "date", "voucher", "summary", "counter_account", "debit", "credit", "direction", "balance"]

    /// The journal of `kind` for `year` (or its month `month`): `opening` is each account's net
    /// balance before the year, `lines` the year's posted lines on the kind's accounts. A sum
    /// too large for Int64 fen throws `SumOverflow` naming the account and the month.
    public static func make(kind: CashAccountKind, organization: Organization, chart: Chart, year: Int, month: Int? = nil,
                            opening: [String: Int64], lines: [CashJournalLine]) throws(SumOverflow) -> CashJournal {
        let root = kind == .cash ? "101" : "102"
        var accounts = chart.accounts.filter { $0.code.hasPrefix(root) && chart.isLeaf($0.code) }.map(\.code)
        if accounts.isEmpty { accounts = [root] }
        var sections: [Section] = []
        for code in accounts {
            let mine = lines.filter { $0.accountCode == code }
                .sorted { ($0.date, $0.ref.period, $0.ref.word, $0.ref.number) < ($1.date, $1.ref.period, $1.ref.word, $1.ref.number) }
            let open = opening[code] ?? 0
            // A detail with nothing on it is left out; the account itself always shows.
            if mine.isEmpty, open == 0, accounts.count > 1 { continue }
            let rows = try journalRows(code: code, organization: organization.code, chart: chart, year: year, month: month, opening: open, lines: mine)
            sections.append(Section(code: code, name: chart.fullName(code) ?? code, rows: rows))
        }
        if sections.isEmpty {
            sections.append(Section(code: root, name: chart.fullName(root) ?? kind.chinese,
                                    rows: [Row(kind: .opening, date: "\(year)-01-01", voucher: "", summary: "上年结转", counterAccount: "", balanceFen: 0)]))
        }
        return CashJournal(kind: kind, organization: organization, year: year, month: month, sections: sections)
    }

    private static func journalRows(code: String, organization: String, chart: Chart, year: Int, month shown: Int?, opening: Int64,
                             lines: [CashJournalLine]) throws(SumOverflow) -> [Row] {
        func overflow(_ month: Int) -> SumOverflow {
            SumOverflow(organization: organization, account: code, month: Period(year: year, month: month) ?? Period(year: 1900, month: 1)!)
        }
        var rows: [Row] = []
        var balance = opening, yearDebit: Int64 = 0, yearCredit: Int64 = 0
        if shown == nil { rows.append(Row(kind: .opening, date: "\(year)-01-01", voucher: "", summary: "上年结转", counterAccount: "", balanceFen: opening)) }
        for month in 1...12 {
            let these = lines.filter { $0.date.month == month }
            let visible = shown == nil || shown == month
            if visible, shown != nil {
                rows.append(Row(kind: .opening, date: Period(year: year, month: month)!.firstDay.description, voucher: "",
                                summary: month == 1 ? "上年结转" : "期初余额", counterAccount: "", balanceFen: balance))
            }
            if these.isEmpty && !(visible && shown != nil) { continue }
            var monthDebit: Int64 = 0, monthCredit: Int64 = 0
            var index = 0
            while index < these.count {
                let day = these[index].date
                var dayDebit: Int64 = 0, dayCredit: Int64 = 0
                while index < these.count, these[index].date == day {
                    let line = these[index]
                    let debit = line.side == .debit ? line.amountFen : 0, credit = line.side == .credit ? line.amountFen : 0
                    balance = try balance.adding(debit, or: overflow(month)).subtracting(credit, or: overflow(month))
                    dayDebit = try dayDebit.adding(debit, or: overflow(month))
                    dayCredit = try dayCredit.adding(credit, or: overflow(month))
                    if visible {
                        rows.append(Row(kind: .line, date: day.description, voucher: line.ref.word + "-" + String(line.ref.number), summary: line.summary,
                                        counterAccount: counterText(line.counterAccounts, chart: chart),
                                        debitFen: line.side == .debit ? debit : nil, creditFen: line.side == .credit ? credit : nil, balanceFen: balance))
                    }
                    index += 1
                }
                if visible {
                    rows.append(Row(kind: .dayTotal, date: day.description, voucher: "", summary: "本日合计", counterAccount: "",
                                    debitFen: dayDebit, creditFen: dayCredit, balanceFen: balance))
                }
                monthDebit = try monthDebit.adding(dayDebit, or: overflow(month))
                monthCredit = try monthCredit.adding(dayCredit, or: overflow(month))
            }
            yearDebit = try yearDebit.adding(monthDebit, or: overflow(month))
            yearCredit = try yearCredit.adding(monthCredit, or: overflow(month))
            if visible {
                let end = Period(year: year, month: month)!.lastDay.description
                rows.append(Row(kind: .monthTotal, date: end, voucher: "", summary: "本月合计", counterAccount: "",
                                debitFen: monthDebit, creditFen: monthCredit, balanceFen: balance))
                rows.append(Row(kind: .yearTotal, date: end, voucher: "", summary: "本年累计", counterAccount: "",
                                debitFen: yearDebit, creditFen: yearCredit, balanceFen: balance))
            }
        }
        return rows
    }

    /// 对方科目 as the journal prints it: the level-one account of the other side (several: the
    /// first and 等).
    static func counterText(_ codes: [String], chart: Chart) -> String {
        var levelOne: [String] = []
        for code in codes {
            let top = String(code.prefix(3))
            if !levelOne.contains(top) { levelOne.append(top) }
        }
        guard let first = levelOne.first else { return "" }
        let name = chart.account(first).map { first + " " + $0.name } ?? first
        return levelOne.count > 1 ? name + " 等" : name
    }

    /// The journal as a text table, CSV or JSON.
    public func rendered(_ format: OutputFormat) -> String {
        func money(_ fen: Int64?) -> String { fen.map { Money(fen: $0).grouped } ?? "" }
        func plain(_ fen: Int64?) -> String { fen.map { Money(fen: $0).description } ?? "" }
        func balance(_ row: Row) -> Int64 { row.balanceFen == Int64.min ? Int64.max : abs(row.balanceFen) }
        let period = month.map { "\(year)年\($0)月" } ?? "\(year)年"
        switch format {
        case .table:
            var text = "\(title)  \(organization.name)（\(organization.code)）  \(period)  单位：元\n"
            for section in sections {
                text += "\n科目：\(section.code) \(section.name)\n"
                text += Render.table(headers: Self.headers, rows: section.rows.map { row in
                    [row.date, row.voucher, row.summary, row.counterAccount, money(row.debitFen), money(row.creditFen), row.direction,
                     Money(fen: balance(row)).grouped]
                }, rightAligned: [4, 5, 7])
            }
            return text
        case .csv:
            return Render.csv(headers: Self.keys, rows: sections.flatMap { section in
                section.rows.map { row in
                    [section.code, row.kind.rawValue, row.date, row.voucher, row.summary, row.counterAccount, plain(row.debitFen), plain(row.creditFen),
                     row.direction, Money(fen: balance(row)).description]
                }
            })
        case .json:
            let items = sections.flatMap { section in
                section.rows.map { row in
                    Render.jsonObject([("account", Render.jsonString(section.code)), ("kind", Render.jsonString(row.kind.rawValue)),
                                       ("date", Render.jsonString(row.date)), ("voucher", Render.jsonString(row.voucher)),
                                       ("summary", Render.jsonString(row.summary)), ("counter_account", Render.jsonString(row.counterAccount)),
                                       ("debit", row.debitFen.map { Render.jsonString(Money(fen: $0).description) } ?? "null"),
                                       ("credit", row.creditFen.map { Render.jsonString(Money(fen: $0).description) } ?? "null"),
                                       ("direction", Render.jsonString(row.direction)),
                                       ("balance", Render.jsonString(Money(fen: balance(row)).description))], indent: "    ")
                }
            }
            return Render.jsonObject([("report", Render.jsonString(title)), ("organization", Render.jsonString(organization.code)),
                                      ("year", String(year)), ("month", month.map(String.init) ?? "null"),
                                      ("rows", Render.jsonArray(items, indent: "  "))]) + "\n"
        }
    }
}
