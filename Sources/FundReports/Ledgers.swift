import FundCore

/// One row of a book (总账 or 明细账): an opening balance, a posted line, or the 本月合计 and
/// 本年累计 rows after each month. Balances are shown with their direction (借/贷/平).
public struct LedgerRow: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case opening, line, monthTotal = "month_total", yearTotal = "year_total" }

    public var kind: Kind
    public var date: String
    public var voucher: String
    public var summary: String
    public var debitFen: Int64?
    public var creditFen: Int64?
    /// Net balance after the row, debit minus credit.
    public var balanceFen: Int64

    public var direction: String { balanceFen > 0 ? "借" : balanceFen < 0 ? "贷" : "平" }
}

/// One account's section of a book.
public struct LedgerSection: Sendable {
    public let code: String
    public let name: String
    public var rows: [LedgerRow]
}

/// 总账 or 明细账 of one organisation and year.
public struct Ledger: Sendable {
    public let title: String
    public let organization: Organization
    public let year: Int
    public let sections: [LedgerSection]

    public static let headers = ["日期", "凭证号", "摘要", "借方", "贷方", "借或贷", "余额"]
    public static let keys = ["account", "kind", "date", "voucher", "summary", "debit", "credit", "direction", "balance"]

    /// 总账: for each level-1 account with a balance or activity, the opening balance and, for
    /// each month with activity up to `throughMonth`, 本月合计 and 本年累计.
    public static func general(organization: Organization, chart: Chart, year: Int, throughMonth: Int = 12,
                               opening: [String: Int64], months: [MonthlyTurnover]) -> Ledger {
        var sections: [LedgerSection] = []
        for account in chart.levelOneAccounts {
            let open = opening.filter { $0.key.hasPrefix(account.code) }.values.reduce(0, +)
            let mine = months.filter { $0.code.hasPrefix(account.code) && $0.month <= throughMonth }
            if open == 0 && mine.isEmpty { continue }
            var rows = [LedgerRow(kind: .opening, date: "\(year)-01-01", voucher: "", summary: "上年结转", balanceFen: open)]
            var balance = open, yearDebit: Int64 = 0, yearCredit: Int64 = 0
            for month in 1...throughMonth {
                let these = mine.filter { $0.month == month }
                if these.isEmpty { continue }
                let debit = these.reduce(0) { $0 + $1.debitFen }, credit = these.reduce(0) { $0 + $1.creditFen }
                balance += debit - credit
                yearDebit += debit
                yearCredit += credit
                let end = Period(year: year, month: month)!.lastDay.description
                rows.append(LedgerRow(kind: .monthTotal, date: end, voucher: "", summary: "本月合计", debitFen: debit, creditFen: credit, balanceFen: balance))
                rows.append(LedgerRow(kind: .yearTotal, date: end, voucher: "", summary: "本年累计", debitFen: yearDebit, creditFen: yearCredit, balanceFen: balance))
            }
            sections.append(LedgerSection(code: account.code, name: account.name, rows: rows))
        }
        return Ledger(title: "总账", organization: organization, year: year, sections: sections)
    }

    /// 明细账 of one account (with its details): every posted line with a running balance, and
    /// 本月合计 / 本年累计 after each month.
    public static func detail(organization: Organization, chart: Chart, account: String, year: Int,
                              opening: [String: Int64], lines: [LedgerLine]) -> Ledger {
        let open = opening.filter { $0.key.hasPrefix(account) }.values.reduce(0, +)
        var rows = [LedgerRow(kind: .opening, date: "\(year)-01-01", voucher: "", summary: "上年结转", balanceFen: open)]
        var balance = open, yearDebit: Int64 = 0, yearCredit: Int64 = 0
        for month in 1...12 {
            let these = lines.filter { $0.date.month == month }
            if these.isEmpty { continue }
            var debit: Int64 = 0, credit: Int64 = 0
            for line in these {
                let d = line.side == .debit ? line.amountFen : 0, c = line.side == .credit ? line.amountFen : 0
                balance += d - c
                debit += d
                credit += c
                let detail = line.accountCode == account ? "" : "[\(line.accountCode)] "
                rows.append(LedgerRow(kind: .line, date: line.date.description, voucher: line.ref.word + "-" + String(line.ref.number),
                                      summary: detail + line.summary, debitFen: line.side == .debit ? d : nil,
                                      creditFen: line.side == .credit ? c : nil, balanceFen: balance))
            }
            yearDebit += debit
            yearCredit += credit
            let end = Period(year: year, month: month)!.lastDay.description
            rows.append(LedgerRow(kind: .monthTotal, date: end, voucher: "", summary: "本月合计", debitFen: debit, creditFen: credit, balanceFen: balance))
            rows.append(LedgerRow(kind: .yearTotal, date: end, voucher: "", summary: "本年累计", debitFen: yearDebit, creditFen: yearCredit, balanceFen: balance))
        }
        let name = chart.fullName(account) ?? account
        return Ledger(title: "明细账", organization: organization, year: year, sections: [LedgerSection(code: account, name: name, rows: rows)])
    }

    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .table:
            var text = "\(title)  \(organization.name)（\(organization.code)）  \(year)年  单位：元\n"
            for section in sections {
                text += "\n科目：\(section.code) \(section.name)\n"
                text += Render.table(headers: Ledger.headers, rows: section.rows.map { row in
                    [row.date, row.voucher, row.summary, row.debitFen.map { Money(fen: $0).grouped } ?? "",
                     row.creditFen.map { Money(fen: $0).grouped } ?? "", row.direction, Money(fen: row.balanceFen.magnitudeFen).grouped]
                }, rightAligned: [3, 4, 6])
            }
            return text
        case .csv:
            return Render.csv(headers: Ledger.keys, rows: sections.flatMap { section in
                section.rows.map { row in
                    [section.code, row.kind.rawValue, row.date, row.voucher, row.summary, row.debitFen.map { Money(fen: $0).description } ?? "",
                     row.creditFen.map { Money(fen: $0).description } ?? "", row.direction, Money(fen: row.balanceFen.magnitudeFen).description]
                }
            })
        case .json:
            let items = sections.flatMap { section in
                section.rows.map { row in
                    Render.jsonObject([("account", Render.jsonString(section.code)), ("kind", Render.jsonString(row.kind.rawValue)),
                                       ("date", Render.jsonString(row.date)), ("voucher", Render.jsonString(row.voucher)),
                                       ("summary", Render.jsonString(row.summary)),
                                       ("debit", row.debitFen.map { Render.jsonString(Money(fen: $0).description) } ?? "null"),
                                       ("credit", row.creditFen.map { Render.jsonString(Money(fen: $0).description) } ?? "null"),
                                       ("direction", Render.jsonString(row.direction)),
                                       ("balance", Render.jsonString(Money(fen: row.balanceFen.magnitudeFen).description))], indent: "    ")
                }
            }
            return Render.jsonObject([("report", Render.jsonString(title)), ("organization", Render.jsonString(organization.code)),
                                      ("year", String(year)), ("rows", Render.jsonArray(items, indent: "  "))]) + "\n"
        }
    }
}

extension Int64 {
    /// The absolute value, as books print a balance beside its direction.
    var magnitudeFen: Int64 { self == .min ? .max : Swift.abs(self) }
}
