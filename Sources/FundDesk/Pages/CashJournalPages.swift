import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import FundXLSX

/// 现金日记账 and 银行存款日记账 on the desk: two reports of `ReportPages`, each page built from the
/// FundApp journal and its 导出Excel from the workbook `fundledger export cash-journal|bank-journal`
/// writes.
extension ReportPages {
    static let cashKinds: [Kind] = [CashAccountKind.cash, .bank].map { kind in
        Kind(slug: kind == .cash ? "cash-journal" : "bank-journal", title: kind == .cash ? "现金日记账" : "银行存款日记账", needsAccount: false,
             view: { session, code, query in
                 cashJournalView(try Reports.cashJournal(session, organization: code, kind: kind, year: query.year, month: query.month))
             }, workbook: { session, code, query, path, created in
                 try CashJournalWorkbook.write(try Reports.cashJournal(session, organization: code, kind: kind, year: query.year, month: query.month),
                                               to: path, created: created)
             })
    }

    /// A journal as tables of text, one per account, totals in bold.
    static func cashJournalView(_ journal: CashJournal) -> View {
        let tables = journal.sections.map { section in
            View.Table(caption: "\(section.code) \(section.name)", headers: CashJournal.headers, rows: section.rows.map { row in
                [row.date, row.voucher, row.summary, row.counterAccount, row.debitFen.map { Render.amount($0, blankZero: false) } ?? "",
                 row.creditFen.map { Render.amount($0, blankZero: false) } ?? "", row.direction,
                 row.balanceFen == .min ? "—" : Render.amount(abs(row.balanceFen), blankZero: false)]
            }, strong: Set(section.rows.enumerated().filter { $0.element.kind != .line && $0.element.kind != .opening }.map(\.offset)),
            numeric: [4, 5, 7])
        }
        let period = journal.month.map { "\(journal.year)年\($0)月" } ?? "\(journal.year)年"
        return View(title: journal.title, subtitle: "\(journal.organization.name) · \(period) · 单位：元", tables: tables)
    }
}

extension ReportPages {
    /// 银行存款余额调节表 on the desk: of `account` (102 when none is given) on the date asked, or
    /// else on the last day of the month asked (of the year, without a month), its 导出Excel the
    /// CLI's `export bank-reconciliation --date` of that day.
    static let reconciliationKind = Kind(slug: "bank-reconciliation", title: BankReconciliation.title, needsAccount: false, view: { session, code, query in
        reconciliationView(try Reports.bankReconciliation(session, organization: code, account: query.account ?? "102", date: reconciliationDate(query)))
    }, workbook: { session, code, query, path, created in
        try BankReconciliationWorkbook.write(try Reports.bankReconciliation(session, organization: code, account: query.account ?? "102",
                                                                            date: reconciliationDate(query)), to: path, created: created)
    }, date: reconciliationDate)

    /// The day a 调节表 is drawn up for: the date asked, else the last of the month asked, or of the year.
    @Sendable static func reconciliationDate(_ query: Query) -> LocalDate {
        query.date ?? Period(year: query.year, month: query.month ?? 12)!.lastDay
    }

    /// The form as two tables, the book's side and the bank's, with the conclusion as a note.
    static func reconciliationView(_ report: BankReconciliation) -> View {
        let tables = [(report.book, "book"), (report.bank, "bank")].map { block, side in
            let rows = BankReconciliation.rows(block, side: side)
            return View.Table(caption: block.title, headers: BankReconciliation.headers, rows: rows.map { row in
                [row.item == nil ? row.label : "", row.item?.date.description ?? "", row.item?.reference ?? "", row.item?.summary ?? "",
                 Render.amount(row.amountFen, blankZero: false)]
            }, strong: Set(rows.enumerated().filter { $0.element.item == nil }.map(\.offset)), numeric: [4])
        }
        return View(title: BankReconciliation.title,
                    subtitle: "\(report.organization.name) · \(report.accountCode) \(report.accountName) · \(report.date) · 单位：元",
                    tables: tables, notes: [report.conclusion, "对账单自 \(report.statementFrom) 起；此前的账目视为已核对相符。"])
    }
}
