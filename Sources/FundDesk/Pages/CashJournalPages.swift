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
