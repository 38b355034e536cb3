import Foundation
import FundCore
import FundReports

/// 现金日记账 or 银行存款日记账 as a workbook: one block per account (per bank account where 102 has
/// details) with its balance brought forward and lines, 本日合计 as the SUM of the day's lines,
/// 本月合计 as the sum of the month's 本日合计, 本年累计 as the last 本年累计 plus this 本月合计, so that
/// a spreadsheet recalculating them finds the journal's own figures.
public enum CashJournalWorkbook {
    public static let headers = ["科目", "日期", "凭证号", "摘要", "对方科目", "收入（借方）", "支出（贷方）", "借或贷", "余额"]
    public static let headerRow = 2

    /// Writes `journal` to `path` (a temporary file renamed when complete).
    public static func write(_ journal: CashJournal, to path: String, created: Date? = nil) throws {
        let period = journal.month.map { "\(journal.year)年\($0)月" } ?? "\(journal.year)年"
        let workbook = try Workbook(path: path, properties: FormWorkbook.properties(journal.title, journal.organization.name, period, created))
        try addSheet(journal, to: workbook)
        try workbook.close()
    }

    /// Adds the journal's sheet to `workbook`.
    public static func addSheet(_ journal: CashJournal, to workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(journal.title)
        for (column, width) in [22.0, 11, 9, 34, 20, 15, 15, 7, 15].enumerated() { try sheet.setColumns(column...column, width: width) }
        try sheet.merge(journal.title, rows: 0...0, columns: 0...8, style: .title)
        try sheet.setRow(0, height: 28)
        let period = journal.month.map { "\(journal.year)年\($0)月" } ?? "\(journal.year)年"
        try sheet.merge("编制单位：\(journal.organization.name)    期间：\(period)    单位：元", rows: 1...1, columns: 0...8, style: .subtitle)
        for (column, title) in headers.enumerated() { try sheet.write(title, row: headerRow, column: column, style: .header) }
        var r = headerRow + 1
        for section in journal.sections {
            var dayStart = r, dayTotals: [Int] = [], lastYearTotal: Int?
            for row in section.rows {
                let total = row.kind != .line && row.kind != .opening
                try sheet.write(section.code + " " + section.name, row: r, column: 0, style: .text)
                try sheet.write(row.date, row: r, column: 1, style: .center)
                try sheet.write(row.voucher, row: r, column: 2, style: .center)
                try sheet.write(row.summary, row: r, column: 3, style: total ? .totalText : .text)
                try sheet.write(row.counterAccount, row: r, column: 4, style: .text)
                for (offset, value) in [row.debitFen, row.creditFen].enumerated() {
                    let column = 5 + offset, letter = columnName(column)
                    switch (row.kind, value) {
                    case (.dayTotal, let value?):
                        let formula = r > dayStart ? "=SUM(\(letter)\(dayStart + 1):\(letter)\(r))" : "=0"
                        try sheet.write(formula: formula, cachedFen: value, row: r, column: column)
                    case (.monthTotal, let value?):
                        let formula = dayTotals.isEmpty ? "=0" : "=" + dayTotals.map { "\(letter)\($0 + 1)" }.joined(separator: "+")
                        try sheet.write(formula: formula, cachedFen: value, row: r, column: column)
                    case (.yearTotal, let value?):
                        if let last = lastYearTotal {
                            try sheet.write(formula: "=\(letter)\(last + 1)+\(letter)\(r)", cachedFen: value, row: r, column: column)
                        } else if journal.month == nil || journal.month == 1 {
                            try sheet.write(formula: "=\(letter)\(r)", cachedFen: value, row: r, column: column)
                        } else {
                            // The months before the one shown are not on the sheet: the figure itself.
                            try sheet.write(fen: value, row: r, column: column, style: .totalMoney)
                        }
                    case (_, let value?):
                        try sheet.write(fen: value, row: r, column: column, style: total ? .totalMoney : .money)
                    case (_, nil):
                        try sheet.write("", row: r, column: column, style: .money)
                    }
                }
                try sheet.write(row.direction, row: r, column: 7, style: .center)
                try sheet.write(fen: row.balanceFen == Int64.min ? Int64.max : abs(row.balanceFen), row: r, column: 8, style: total ? .totalMoney : .money)
                switch row.kind {
                case .dayTotal:
                    dayTotals.append(r)
                    dayStart = r + 1
                case .monthTotal:
                    dayTotals = []
                case .yearTotal:
                    lastYearTotal = r
                    dayStart = r + 1
                case .opening:
                    dayStart = r + 1
                case .line:
                    break
                }
                r += 1
            }
        }
        for (column, signer) in [(0, "会计主管："), (3, "出纳："), (5, "记账：")] {
            try sheet.write(signer, row: r + 1, column: column, style: CellStyle())
        }
        sheet.freezePanes(row: headerRow + 1, column: 0)
        if r > headerRow + 1 { try sheet.autofilter(rows: headerRow...(r - 1), columns: 0...8) }
        try sheet.setPrintLayout(landscape: true, repeatRows: headerRow...headerRow)
    }
}
