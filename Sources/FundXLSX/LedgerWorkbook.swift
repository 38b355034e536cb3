import Foundation
import FundCore
import FundReports

/// 总账 or 明细账 as a workbook: one block per account with its opening row, lines, and the
/// 本月合计 / 本年累计 rows as formulas (SUM of the month's lines; last 本年累计 plus this 本月合计).
public enum LedgerWorkbook {
    public static let headers = ["科目", "日期", "凭证号", "摘要", "借方", "贷方", "借或贷", "余额"]
    public static let headerRow = 2

    public static func write(_ ledger: Ledger, to path: String, created: Date? = nil) throws {
        let workbook = try Workbook(path: path, properties: FormWorkbook.properties(ledger.title, ledger.organization.name, "\(ledger.year)年", created))
        try addSheet(ledger, to: workbook)
        try workbook.close()
    }

    public static func addSheet(_ ledger: Ledger, to workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(ledger.title)
        for (column, width) in [24.0, 11, 9, 40, 16, 16, 7, 16].enumerated() { try sheet.setColumns(column...column, width: width) }
        try sheet.merge(ledger.title, rows: 0...0, columns: 0...7, style: .title)
        try sheet.setRow(0, height: 28)
        try sheet.merge("编制单位：\(ledger.organization.name)    期间：\(ledger.year)年    单位：元", rows: 1...1, columns: 0...7, style: .subtitle)
        for (column, title) in headers.enumerated() { try sheet.write(title, row: headerRow, column: column, style: .header) }
        var r = headerRow + 1
        for section in ledger.sections {
            var monthStart = r + 1
            var lastYearTotal: Int?
            for row in section.rows {
                let total = row.kind == .monthTotal || row.kind == .yearTotal
                let text = total ? CellStyle.totalText : CellStyle.text
                try sheet.write(section.code + " " + section.name, row: r, column: 0, style: .text)
                try sheet.write(row.date, row: r, column: 1, style: .center)
                try sheet.write(row.voucher, row: r, column: 2, style: .center)
                try sheet.write(row.summary, row: r, column: 3, style: text)
                for (offset, value) in [row.debitFen, row.creditFen].enumerated() {
                    let column = 4 + offset, letter = columnName(column)
                    switch (row.kind, value) {
                    case (.monthTotal, let value?) where ledger.title == "明细账":
                        let formula = r > monthStart ? "=SUM(\(letter)\(monthStart + 1):\(letter)\(r))" : "=0"
                        try sheet.write(formula: formula, cachedFen: value, row: r, column: column)
                    case (.yearTotal, let value?):
                        let formula = lastYearTotal.map { "=\(letter)\($0 + 1)+\(letter)\(r)" } ?? "=\(letter)\(r)"
                        try sheet.write(formula: formula, cachedFen: value, row: r, column: column)
                    case (_, let value?):
                        try sheet.write(fen: value, row: r, column: column, style: total ? .totalMoney : .money)
                    case (_, nil):
                        try sheet.write("", row: r, column: column, style: .money)
                    }
                }
                try sheet.write(row.direction, row: r, column: 6, style: .center)
                try sheet.write(fen: row.balanceFen.magnitude > UInt64(Int64.max) ? Int64.max : Int64(row.balanceFen.magnitude), row: r, column: 7,
                                style: total ? .totalMoney : .money)
                if row.kind == .yearTotal {
                    lastYearTotal = r
                    monthStart = r + 1
                }
                r += 1
            }
        }
        for (column, signer) in [(0, "单位负责人："), (2, "财务负责人："), (4, "复核："), (6, "记账：")] {
            try sheet.write(signer, row: r + 1, column: column, style: CellStyle())
        }
        sheet.freezePanes(row: headerRow + 1, column: 0)
        if r > headerRow + 1 { try sheet.autofilter(rows: headerRow...(r - 1), columns: 0...7) }
        try sheet.setPrintLayout(landscape: true, repeatRows: headerRow...headerRow)
    }
}
