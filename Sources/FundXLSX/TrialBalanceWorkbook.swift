import Foundation
import FundCore
import FundReports

/// 科目余额表 as a workbook: title rows, two header rows, one row per account, the closing
/// columns and the totals as formulas carrying their values, ready to print.
public enum TrialBalanceWorkbook {
    public static let sheetName = "科目余额表"
    /// First row of account data (0-based): after title, subtitle and two header rows.
    public static let firstDataRow = 4

    /// Writes the workbook; `created` pins the creation time (default: SOURCE_DATE_EPOCH or now).
    public static func write(_ report: TrialBalance, to path: String, preparedBy: String? = nil, created: Date? = nil) throws {
        let properties = DocumentProperties(title: "\(TrialBalance.title) \(report.organization.name) \(report.periodText)",
                                            subject: TrialBalance.title, company: report.organization.name,
                                            keywords: "工会会计制度,科目余额表", created: created)
        let workbook = try Workbook(path: path, properties: properties)
        try addSheet(report, to: workbook, preparedBy: preparedBy)
        try workbook.close()
    }

    /// Adds the 科目余额表 as one sheet of `workbook` (its defined names point at this sheet).
    public static func addSheet(_ report: TrialBalance, to workbook: Workbook, preparedBy: String?) throws {
        let sheet = try workbook.addWorksheet(sheetName)
        try sheet.setColumns(0...0, width: 11)
        try sheet.setColumns(1...1, width: 30)
        try sheet.setColumns(2...7, width: 16)
        try sheet.merge(TrialBalance.title, rows: 0...0, columns: 0...7, style: .title)
        try sheet.setRow(0, height: 28)
        try sheet.merge("编制单位：\(report.organization.name)", rows: 1...1, columns: 0...2, style: .subtitle)
        try sheet.merge("期间：\(report.periodText)", rows: 1...1, columns: 3...5, style: CellStyle(alignment: .center))
        try sheet.merge("单位：元", rows: 1...1, columns: 6...7, style: .subtitleRight)
        try sheet.merge("科目编码", rows: 2...3, columns: 0...0, style: .header)
        try sheet.merge("科目名称", rows: 2...3, columns: 1...1, style: .header)
        for (index, group) in ["期初余额", "本期发生额", "期末余额"].enumerated() {
            try sheet.merge(group, rows: 2...2, columns: (2 + index * 2)...(3 + index * 2), style: .header)
            try sheet.write("借方", row: 3, column: 2 + index * 2, style: .header)
            try sheet.write("贷方", row: 3, column: 3 + index * 2, style: .header)
        }
        var row = firstDataRow
        for account in report.rows {
            try sheet.write(account.code, row: row, column: 0, style: .text)
            try sheet.write(account.name, row: row, column: 1, style: .indented(account.level))
            for (offset, fen) in account.amounts.prefix(4).enumerated() {
                try sheet.write(fen: fen, row: row, column: 2 + offset)
            }
            // Closing balance = opening + debit - credit, shown on its side.
            let r = String(row + 1)
            let net = "C\(r)-D\(r)+E\(r)-F\(r)"
            try sheet.write(formula: "=MAX(\(net),0)", cachedFen: account.closingDebit, row: row, column: 6, style: .money)
            try sheet.write(formula: "=MAX(-(\(net)),0)", cachedFen: account.closingCredit, row: row, column: 7, style: .money)
            row += 1
        }
        let last = row   // 1-based number of the last data row
        try sheet.write("", row: row, column: 0, style: .totalText)
        try sheet.write(report.totals.name, row: row, column: 1, style: .totalText)
        for (offset, fen) in report.totals.amounts.enumerated() {
            let column = columnName(2 + offset)
            let formula = last > firstDataRow
                ? "=SUMPRODUCT((LEN($A$\(firstDataRow + 1):$A$\(last))=3)*\(column)\(firstDataRow + 1):\(column)\(last))"
                : "=0"
            try sheet.write(formula: formula, cachedFen: fen, row: row, column: 2 + offset)
        }
        try workbook.defineName("期末借方合计", formula: "=\(sheetName)!$G$\(row + 1)")
        try workbook.defineName("期末贷方合计", formula: "=\(sheetName)!$H$\(row + 1)")
        row += 2
        try sheet.write("制表：\(preparedBy ?? "")", row: row, column: 0, style: CellStyle())
        try sheet.write("复核：", row: row, column: 3, style: CellStyle())
        try sheet.write("财务负责人：", row: row, column: 6, style: CellStyle())
        sheet.freezePanes(row: firstDataRow, column: 2)
        try sheet.setPrintLayout(landscape: true, repeatRows: 2...3)
    }
}
