import Foundation
import FundCore
import FundReports

/// 项目补贴台账 as a workbook: the summary of every item, one detail sheet with every voucher line
/// of every item in both books, and a summary per recipient.
///
/// One detail sheet with an autofilter rather than a sheet per item: a county grants hundreds of
/// items a year, Excel names sheets in at most 31 characters, and a reviewer wants to filter the
/// lines by item, by recipient or by account across items; the autofilter does all three.
public enum SubsidyWorkbook {
    public static let headerRow = 3

    public static func write(_ register: SubsidyRegister, lines: [String: [(organization: String, line: LedgerLine)]], to path: String,
                             created: Date? = nil) throws {
        let workbook = try Workbook(path: path, properties: FormWorkbook.properties(SubsidyRegister.title, register.grantor.name, "截至\(register.asOf)", created))
        let summaryRows = try summary(workbook, register)
        try detail(workbook, register, lines)
        try perRecipient(workbook, register, summaryRows: summaryRows)
        try workbook.close()
    }

    static func title(_ sheet: Worksheet, _ text: String, _ register: SubsidyRegister, columns: Int) throws {
        try sheet.merge(text, rows: 0...0, columns: 0...(columns - 1), style: .title)
        try sheet.setRow(0, height: 28)
        try sheet.merge("拨付单位：\(register.grantor.name)    截至：\(register.asOf)    单位：元", rows: 1...1, columns: 0...(columns - 1), style: .subtitle)
    }

    /// Returns the first and last data rows (0-based).
    static func summary(_ workbook: Workbook, _ register: SubsidyRegister) throws -> (Int, Int) {
        let sheet = try workbook.addWorksheet("项目补贴台账")
        let headers = SubsidyRegister.headers
        for (column, width) in [14.0, 24, 10, 12, 15, 15, 15, 15, 15, 24, 9, 28].enumerated() { try sheet.setColumns(column...column, width: width) }
        try title(sheet, SubsidyRegister.title, register, columns: headers.count)
        for (column, text) in headers.enumerated() { try sheet.write(text, row: headerRow, column: column, style: .header) }
        sheet.freezePanes(row: headerRow + 1, column: 2)
        var row = headerRow + 1
        for entry in register.rows {
            let f = entry.figures
            try sheet.write(entry.item.code, row: row, column: 0)
            try sheet.write(entry.item.title, row: row, column: 1)
            try sheet.write(entry.item.recipient, row: row, column: 2)
            try sheet.write(entry.item.accounts.joined(separator: " "), row: row, column: 3)
            try sheet.write(fen: entry.item.approved.fen, row: row, column: 4)
            try sheet.write(fen: f.disbursed, row: row, column: 5)
            try sheet.write(fen: f.spent, row: row, column: 6)
            try sheet.write(fen: f.returned, row: row, column: 7)
            // 结余 = 已收到 - 已支出 - 已退回; received equals disbursed unless flagged.
            try sheet.write(formula: f.received == f.disbursed ? "=F\(row + 1)-G\(row + 1)-H\(row + 1)" : "=\(Money(fen: f.received).description)-G\(row + 1)-H\(row + 1)",
                            cachedFen: f.balance, row: row, column: 8, style: .money)
            try sheet.write("\(entry.item.windowStart)至\(entry.item.deadline)", row: row, column: 9, style: .center)
            try sheet.write(entry.item.status.chinese, row: row, column: 10, style: .center)
            try sheet.write(entry.flags.joined(separator: "；"), row: row, column: 11)
            row += 1
        }
        let first = headerRow + 1, last = row - 1
        try sheet.write("合计", row: row, column: 1, style: .totalText)
        for column in [0, 2, 3, 9, 10, 11] { try sheet.write("", row: row, column: column, style: .totalText) }
        let totals = register.totals
        let values: [Int64] = [register.rows.reduce(0) { $0 + $1.item.approved.fen }, totals.disbursed, totals.spent, totals.returned, totals.balance]
        for (offset, value) in values.enumerated() {
            let letter = columnName(4 + offset)
            try sheet.write(formula: last >= first ? "=SUBTOTAL(9,\(letter)\(first + 1):\(letter)\(last + 1))" : "=0", cachedFen: value, row: row, column: 4 + offset)
        }
        if last >= first { try sheet.autofilter(rows: headerRow...last, columns: 0...(headers.count - 1)) }
        try sheet.setPrintLayout(landscape: true, repeatRows: headerRow...headerRow)
        return (first, last)
    }

    static func detail(_ workbook: Workbook, _ register: SubsidyRegister, _ lines: [String: [(organization: String, line: LedgerLine)]]) throws {
        let sheet = try workbook.addWorksheet("明细")
        let headers = ["项目编号", "单位", "日期", "凭证号", "摘要", "科目编码", "借方金额", "贷方金额"]
        for (column, width) in [14.0, 10, 11, 16, 40, 10, 15, 15].enumerated() { try sheet.setColumns(column...column, width: width) }
        try title(sheet, "项目补贴明细", register, columns: headers.count)
        for (column, text) in headers.enumerated() { try sheet.write(text, row: headerRow, column: column, style: .header) }
        sheet.freezePanes(row: headerRow + 1, column: 0)
        var row = headerRow + 1
        for entry in register.rows {
            for (organization, line) in lines[entry.item.code] ?? [] {
                try sheet.write(entry.item.code, row: row, column: 0)
                try sheet.write(organization, row: row, column: 1)
                try sheet.write(line.date.description, row: row, column: 2, style: .center)
                try sheet.write(line.ref.description, row: row, column: 3, style: .center)
                try sheet.write(line.summary, row: row, column: 4)
                try sheet.write(line.accountCode, row: row, column: 5)
                try sheet.write(fen: line.side == .debit ? line.amountFen : 0, row: row, column: 6)
                try sheet.write(fen: line.side == .credit ? line.amountFen : 0, row: row, column: 7)
                row += 1
            }
        }
        if row > headerRow + 1 { try sheet.autofilter(rows: headerRow...(row - 1), columns: 0...(headers.count - 1)) }
        try sheet.setPrintLayout(landscape: true, repeatRows: headerRow...headerRow)
    }

    static func perRecipient(_ workbook: Workbook, _ register: SubsidyRegister, summaryRows: (Int, Int)) throws {
        let sheet = try workbook.addWorksheet("按受补单位汇总")
        let headers = ["受补单位", "项目数", "批准金额", "已拨付", "已支出", "已退回", "结余"]
        for (column, width) in [14.0, 8, 15, 15, 15, 15, 15].enumerated() { try sheet.setColumns(column...column, width: width) }
        try title(sheet, "项目补贴按受补单位汇总", register, columns: headers.count)
        for (column, text) in headers.enumerated() { try sheet.write(text, row: headerRow, column: column, style: .header) }
        let recipients = Array(Set(register.rows.map(\.item.recipient))).sorted()
        let (first, last) = summaryRows
        func range(_ column: String) -> String { "'项目补贴台账'!$\(column)$\(first + 1):$\(column)$\(last + 1)" }
        var row = headerRow + 1
        for recipient in recipients {
            let mine = register.rows.filter { $0.item.recipient == recipient }
            try sheet.write(recipient, row: row, column: 0)
            try sheet.write(formula: "=COUNTIF(\(range("C")),A\(row + 1))", cachedNumber: Double(mine.count), row: row, column: 1,
                            style: CellStyle(numberFormat: "0", border: true))
            let values: [Int64] = [mine.reduce(0) { $0 + $1.item.approved.fen }, mine.reduce(0) { $0 + $1.figures.disbursed },
                                   mine.reduce(0) { $0 + $1.figures.spent }, mine.reduce(0) { $0 + $1.figures.returned },
                                   mine.reduce(0) { $0 + $1.figures.balance }]
            for (offset, value) in values.enumerated() {
                try sheet.write(formula: "=SUMIF(\(range("C")),A\(row + 1),\(range(columnName(4 + offset))))", cachedFen: value, row: row, column: 2 + offset, style: .money)
            }
            row += 1
        }
        sheet.freezePanes(row: headerRow + 1, column: 1)
        try sheet.setPrintLayout(landscape: false, repeatRows: headerRow...headerRow)
    }
}
