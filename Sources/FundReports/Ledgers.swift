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
    /// each month with activity up to `throughMonth`, 本月合计 and 本年累计. A sum too large for
    /// Int64 fen throws `SumOverflow` naming the account and the month.
    public static func general(organization: Organization, chart: Chart, year: Int, throughMonth: Int = 12,
                               opening: [String: Int64], months: [MonthlyTurnover]) throws(SumOverflow) -> Ledger {
        var sections: [LedgerSection] = []
        for account in chart.levelOneAccounts {
            func overflow(_ month: Int) -> SumOverflow {
                SumOverflow(organization: organization.code, account: account.code, month: Period(year: year, month: month) ?? Period(year: 1900, month: 1)!)
            }
            var open: Int64 = 0
            for (code, value) in opening where code.hasPrefix(account.code) { open = try open.adding(value, or: overflow(1)) }
            let mine = months.filter { $0.code.hasPrefix(account.code) && $0.month <= throughMonth }
            if open == 0 && mine.isEmpty { continue }
            var rows = [LedgerRow(kind: .opening, date: "\(year)-01-01", voucher: "", summary: "上年结转", balanceFen: open)]
            var balance = open, yearDebit: Int64 = 0, yearCredit: Int64 = 0
            for month in 1...throughMonth {
                let these = mine.filter { $0.month == month }
                if these.isEmpty { continue }
                var debit: Int64 = 0, credit: Int64 = 0
                for turnover in these {
                    debit = try debit.adding(turnover.debitFen, or: overflow(month))
                    credit = try credit.adding(turnover.creditFen, or: overflow(month))
                }
                balance = try balance.adding(debit, or: overflow(month)).subtracting(credit, or: overflow(month))
                yearDebit = try yearDebit.adding(debit, or: overflow(month))
                yearCredit = try yearCredit.adding(credit, or: overflow(month))
                let end = Period(year: year, month: month)!.lastDay.description
                rows.append(LedgerRow(kind: .monthTotal, date: end, voucher: "", summary: "本月合计", debitFen: debit, creditFen: credit, balanceFen: balance))
                rows.append(LedgerRow(kind: .yearTotal, date: end, voucher: "", summary: "本年累计", debitFen: yearDebit, creditFen: yearCredit, balanceFen: balance))
            }
            sections.append(LedgerSection(code: account.code, name: account.name, rows: rows))
        }
        return Ledger(title: "总账", organization: organization, year: year, sections: sections)
    }

    /// 明细账 of one account (with its details): every posted line with a running balance, and
    /// 本月合计 / 本年累计 after each month. A line of a detail account names it in brackets, and a
    /// 40401 or 331 line of 基本支出 its class too ([33103 人员经费]), so that the 明细账 of 331
    /// breaks 基本支出结转 down as the standard asks. A sum too large for Int64 fen throws `SumOverflow`.
    public static func detail(organization: Organization, chart: Chart, account: String, year: Int,
                              opening: [String: Int64], lines: [LedgerLine]) throws(SumOverflow) -> Ledger {
        func overflow(_ month: Int) -> SumOverflow {
            SumOverflow(organization: organization.code, account: account, month: Period(year: year, month: month) ?? Period(year: 1900, month: 1)!)
        }
        var open: Int64 = 0
        for (code, value) in opening where code.hasPrefix(account) { open = try open.adding(value, or: overflow(1)) }
        var rows = [LedgerRow(kind: .opening, date: "\(year)-01-01", voucher: "", summary: "上年结转", balanceFen: open)]
        var balance = open, yearDebit: Int64 = 0, yearCredit: Int64 = 0
        for month in 1...12 {
            let these = lines.filter { $0.date.month == month }
            if these.isEmpty { continue }
            var debit: Int64 = 0, credit: Int64 = 0
            for line in these {
                let d = line.side == .debit ? line.amountFen : 0, c = line.side == .credit ? line.amountFen : 0
                balance = try balance.adding(d, or: overflow(month)).subtracting(c, or: overflow(month))
                debit = try debit.adding(d, or: overflow(month))
                credit = try credit.adding(c, or: overflow(month))
                let parts = (line.accountCode == account ? [] : [line.accountCode]) + (line.basicClass.map { [$0.chinese] } ?? [])
                let detail = parts.isEmpty ? "" : "[" + parts.joined(separator: " ") + "] "
                rows.append(LedgerRow(kind: .line, date: line.date.description, voucher: line.ref.word + "-" + String(line.ref.number),
                                      summary: detail + line.summary, debitFen: line.side == .debit ? d : nil,
                                      creditFen: line.side == .credit ? c : nil, balanceFen: balance))
            }
            yearDebit = try yearDebit.adding(debit, or: overflow(month))
            yearCredit = try yearCredit.adding(credit, or: overflow(month))
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
