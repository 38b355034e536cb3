import Foundation
import FundCore
import FundReports
import FundStore
import FundXLSX

/// The monthly pack of one organisation and month (shared by `export monthly-pack` and `demo`):
/// 工会01表, 工会02表, 附03 for a county-level union, 科目余额表, 总账.
public func writeMonthlyPack(book: Session, organization: String, year: Int, month: Int, path: String, user: String) throws {
    try MonthlyPack.write(balanceSheet: try Reports.balanceSheet(book, organization: organization, year: year, month: month),
                          incomeExpenditure: try Reports.incomeExpenditure(book, organization: organization, year: year, month: month),
                          attached: try Reports.attachedForms(book, organization: organization, year: year, month: month),
                          trialBalance: try Reports.trialBalance(book, organization: organization, year: year, month: month),
                          generalLedger: try Reports.generalLedger(book, organization: organization, year: year, month: month),
                          to: path, preparedBy: user)
}

/// The annual pack (决算) of one organisation and year (shared by `export annual-pack`, the desk
/// and `demo`): 工会01表 and 工会02表 (annual), the attached forms due, 会计报表附注, 科目余额表.
public func writeAnnualPack(book: Session, organization: String, year: Int, path: String, user: String, created: Date? = nil) throws {
    let forms = [try Reports.balanceSheet(book, organization: organization, year: year, month: nil),
                 try Reports.incomeExpenditure(book, organization: organization, year: year, month: nil)]
        + (try Reports.attachedForms(book, organization: organization, year: year, month: nil))
    try AnnualPack.write(forms: forms, notes: try Reports.financialNotes(book, organization: organization, year: year),
                         trialBalance: try Reports.trialBalance(book, organization: organization, year: year, month: nil),
                         to: path, preparedBy: user, created: created)
}

/// The subsidy register workbook of a grantor (shared by `export subsidies` and `demo`).
public func writeSubsidyWorkbook(book: Session, grantor: String, year: Int, asOf: LocalDate?, path: String) throws {
    let register = try Reports.subsidyRegister(book, grantor: grantor, year: year, asOf: asOf)
    var lines: [String: [(organization: String, line: LedgerLine)]] = [:]
    for row in register.rows { lines[row.item.code] = try book.subsidies.subsidyLines(code: row.item.code) }
    try SubsidyWorkbook.write(register, lines: lines, to: path)
}

extension JournalWorkbook {
    /// Streams the organisation's posted lines for `from...to` from the book into the workbook,
    /// straight from the book's cursor. Returns the number of lines written.
    @discardableResult
    public static func write(book: Session, organization: Organization, chart: Chart, from: Period, to: Period, path: String,
                             created: Date? = nil, progress: ((Int, Int) -> Void)? = nil) throws -> Int {
        try write(organization: organization, chart: chart, from: from, to: to, path: path, created: created, progress: progress) { start, each in
            try book.ledger.forEachJournalLine(organization: organization.code, from: from, to: to, start: start, each)
        }
    }
}
