import Foundation
import FundCore
import FundReports

/// 会计报表附注 as a sheet: title, 编制单位 and year, each heading of the standard with an empty
/// bordered block under it for the officer to write in, and the signature line of 第六十四条.
public enum NotesWorkbook {
    /// Lines left blank under each heading.
    public static let linesPerHeading = 4

    /// Writes the notes as a workbook of one sheet.
    public static func write(_ notes: FinancialNotes.Sheet, to path: String, preparedBy: String? = nil, created: Date? = nil) throws {
        let workbook = try Workbook(path: path, properties: FormWorkbook.properties(FinancialNotes.title, notes.organization.name, notes.periodText, created))
        try addSheet(notes, to: workbook, preparedBy: preparedBy)
        try workbook.close()
    }

    /// Adds the notes as one sheet of `workbook`.
    public static func addSheet(_ notes: FinancialNotes.Sheet, to workbook: Workbook, preparedBy: String?) throws {
        let sheet = try workbook.addWorksheet(FinancialNotes.title)
        let last = 3
        try sheet.setColumns(0...last, width: 24)
        try sheet.merge(FinancialNotes.title, rows: 0...0, columns: 0...last, style: .title)
        try sheet.setRow(0, height: 28)
        try sheet.merge("编制单位：\(notes.organization.name)", rows: 1...1, columns: 0...1, style: .subtitle)
        try sheet.merge(notes.periodText, rows: 1...1, columns: 2...last, style: .subtitleRight)
        var row = 3
        for heading in FinancialNotes.headings {
            try sheet.merge(heading, rows: row...row, columns: 0...last, style: CellStyle(bold: true, border: true, background: 0xDDEBF7))
            row += 1
            try sheet.merge("", rows: row...(row + linesPerHeading - 1), columns: 0...last,
                            style: CellStyle(alignment: .left, border: true, wrap: true))
            row += linesPerHeading
        }
        var signers = notes.signers
        if signers.preparer == nil { signers.preparer = preparedBy }
        let footer = row + 1
        for (index, box) in signers.boxes.enumerated() {
            try sheet.write("\(box.label)：\(box.name)", row: footer + index / 2, column: (index % 2) * 2, style: CellStyle())
        }
        try sheet.setPrintLayout(landscape: false, repeatRows: nil)
    }
}

/// The annual pack (决算) of one organisation: the forms the standard lists for the year in one
/// workbook, each with its signature line: 资产负债表 and 收入支出表 (annual), the attached forms
/// that are due (附01 where there are appropriations, 附02 and 附03 for county-level unions), the
/// 会计报表附注 for the officer to fill, and the 科目余额表 of the year.
public enum AnnualPack {
    public static let title = "年度报表"

    public static func write(forms: [Form], notes: FinancialNotes.Sheet, trialBalance: TrialBalance, to path: String,
                             preparedBy: String? = nil, created: Date? = nil) throws {
        let workbook = try Workbook(path: path, properties: FormWorkbook.properties(title, notes.organization.name, notes.periodText, created))
        for form in forms { try FormWorkbook.addSheet(form, to: workbook, name: form.title, preparedBy: preparedBy) }
        try NotesWorkbook.addSheet(notes, to: workbook, preparedBy: preparedBy)
        try TrialBalanceWorkbook.addSheet(trialBalance, to: workbook, preparedBy: preparedBy)
        try workbook.close()
    }
}
