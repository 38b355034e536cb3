import Foundation
import FundCore
import FundReports

/// 银行存款余额调节表 as a workbook, the two sides beside each other as the form is printed: 项目
/// and 金额 of the book (单位银行存款日记账) on the left, of the bank (银行对账单) on the right, each
/// 加 and 减 the SUM of the movements under it and 调节后余额 a formula of the three, then the
/// difference of the two adjusted balances, so a spreadsheet recalculating it finds the report's
/// figures.
public enum BankReconciliationWorkbook {
    public static let headers = ["项目", "金额", "项目", "金额"]
    public static let headerRow = 2

    /// Writes `report` to `path` (a temporary file renamed when complete).
    public static func write(_ report: BankReconciliation, to path: String, created: Date? = nil) throws {
        let workbook = try Workbook(path: path, properties: FormWorkbook.properties(BankReconciliation.title, report.organization.name,
                                                                                    report.date.description, created))
        try addSheet(report, to: workbook)
        try workbook.close()
    }

    /// A movement as one cell: date, reference and summary.
    static func label(_ item: BankReconciliation.Item) -> String {
        "    " + [item.date.description, item.reference, item.summary].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Adds the form's sheet to `workbook`.
    public static func addSheet(_ report: BankReconciliation, to workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(BankReconciliation.title)
        for (column, width) in [44.0, 16, 44, 16].enumerated() { try sheet.setColumns(column...column, width: width) }
        try sheet.merge(BankReconciliation.title, rows: 0...0, columns: 0...3, style: .title)
        try sheet.setRow(0, height: 28)
        try sheet.merge("编制单位：\(report.organization.name)    账户：\(report.accountCode) \(report.accountName)    \(report.date)    单位：元",
                        rows: 1...1, columns: 0...3, style: .subtitle)
        for (column, title) in headers.enumerated() { try sheet.write(title, row: headerRow, column: column, style: .header) }
        let (book, bank) = (report.book, report.bank)
        let addRows = max(book.added.count, bank.added.count), lessRows = max(book.taken.count, bank.taken.count)
        let balanceRow = headerRow + 1, addRow = balanceRow + 1, lessRow = addRow + 1 + addRows, adjustedRow = lessRow + 1 + lessRows
        for (block, column) in [(book, 0), (bank, 2)] {
            let money = column + 1, letter = columnName(money)
            func sum(from first: Int, count: Int) -> String { count == 0 ? "=0" : "=SUM(\(letter)\(first + 1):\(letter)\(first + count))" }
            try sheet.write(block.balanceLabel, row: balanceRow, column: column, style: .text)
            try sheet.write(fen: block.balanceFen, row: balanceRow, column: money, style: .money)
            try sheet.write(block.addLabel, row: addRow, column: column, style: .totalText)
            try sheet.write(formula: sum(from: addRow + 1, count: block.added.count), cachedFen: block.addedFen, row: addRow, column: money)
            for index in 0..<addRows {
                let item = index < block.added.count ? block.added[index] : nil
                try sheet.write(item.map(label) ?? "", row: addRow + 1 + index, column: column, style: .text)
                if let item { try sheet.write(fen: item.amountFen, row: addRow + 1 + index, column: money, style: .money) }
                else { try sheet.write("", row: addRow + 1 + index, column: money, style: .money) }
            }
            try sheet.write(block.lessLabel, row: lessRow, column: column, style: .totalText)
            try sheet.write(formula: sum(from: lessRow + 1, count: block.taken.count), cachedFen: block.takenFen, row: lessRow, column: money)
            for index in 0..<lessRows {
                let item = index < block.taken.count ? block.taken[index] : nil
                try sheet.write(item.map(label) ?? "", row: lessRow + 1 + index, column: column, style: .text)
                if let item { try sheet.write(fen: item.amountFen, row: lessRow + 1 + index, column: money, style: .money) }
                else { try sheet.write("", row: lessRow + 1 + index, column: money, style: .money) }
            }
            try sheet.write("调节后余额", row: adjustedRow, column: column, style: .totalText)
            try sheet.write(formula: "=\(letter)\(balanceRow + 1)+\(letter)\(addRow + 1)-\(letter)\(lessRow + 1)", cachedFen: block.adjustedFen,
                            row: adjustedRow, column: money)
        }
        let differenceRow = adjustedRow + 1
        try sheet.write("差额（单位调节后余额 − 银行调节后余额）", row: differenceRow, column: 0, style: .totalText)
        try sheet.write(formula: "=B\(adjustedRow + 1)-D\(adjustedRow + 1)", cachedFen: report.differenceFen, row: differenceRow, column: 1)
        try sheet.write(report.conclusion, row: differenceRow, column: 2, style: .text)
        for (column, signer) in [(0, "会计主管："), (2, "制表：")] {
            try sheet.write(signer, row: differenceRow + 2, column: column, style: CellStyle())
        }
        try sheet.setPrintLayout(landscape: false, repeatRows: headerRow...headerRow)
    }
}
