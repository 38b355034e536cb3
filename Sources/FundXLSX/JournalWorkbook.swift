import Foundation
import FundCore
import FundReports

/// 序时账: every line of every posted voucher in date and number order, written in the
/// library's constant-memory mode so that a year of a large union streams through in a few MiB.
public enum JournalWorkbook {
    public static let sheetName = "序时账"
    public static let headers = ["日期", "凭证号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额", "项目"]
    public static let headerRow = 2

    /// Where the lines come from: called once, it gives `start` the number of lines before the
    /// first of them, then hands each line to `each` in date and number order, one at a time.
    /// `Session.forEachJournalLine` is such a source; nothing is collected in between.
    public typealias RowSource = (_ start: (Int) throws -> Void, _ each: (JournalRow) throws -> Void) throws -> Void

    /// Streams the organisation's posted lines for `from...to`, as `rows` delivers them, into the
    /// workbook. Returns the number of lines written.
    @discardableResult
    public static func write(organization: Organization, chart: Chart, from: Period, to: Period, path: String,
                             created: Date? = nil, progress: ((Int, Int) -> Void)? = nil, rows: RowSource) throws -> Int {
        let periodText = periodLabel(from: from, to: to)
        let properties = DocumentProperties(title: "序时账 \(organization.name) \(periodText)", subject: "序时账",
                                            company: organization.name, keywords: "工会会计制度,序时账", created: created)
        let workbook = try Workbook(path: path, properties: properties, constantMemory: true)
        let sheet = try workbook.addWorksheet(sheetName)
        // Constant-memory mode: widths, panes and the filter come before the rows they cover.
        try sheet.setColumns(0...0, width: 11)
        try sheet.setColumns(1...1, width: 15)
        try sheet.setColumns(2...2, width: 36)
        try sheet.setColumns(3...3, width: 10)
        try sheet.setColumns(4...4, width: 30)
        try sheet.setColumns(5...6, width: 16)
        try sheet.setColumns(7...7, width: 14)
        var row = headerRow + 1
        var debitTotal: Int64 = 0, creditTotal: Int64 = 0
        let names = Dictionary(chart.accounts.map { ($0.code, chart.fullName($0.code) ?? $0.name) }, uniquingKeysWith: { a, _ in a })
        var total = 0
        let center = workbook.format(for: .center), text = workbook.format(for: .text), money = workbook.format(for: .money)
        try rows({ count in
            total = count
            guard count <= Worksheet.maximumRows - 4 else {
                throw XLSXError(operation: "writing the 序时账", message: "\(count) lines do not fit in one sheet of \(Worksheet.maximumRows) rows; export a shorter range of months")
            }
            sheet.freezePanes(row: headerRow + 1, column: 0)
            try sheet.autofilter(rows: headerRow...(headerRow + max(count, 1)), columns: 0...(headers.count - 1))
            try sheet.setPrintLayout(landscape: true, repeatRows: headerRow...headerRow)
            try sheet.write("序时账", row: 0, column: 0, style: CellStyle(bold: true, fontSize: 16))
            try sheet.write("编制单位：\(organization.name)    期间：\(periodText)    单位：元", row: 1, column: 0, style: .subtitle)
            for (column, title) in headers.enumerated() {
                try sheet.write(title, row: headerRow, column: column, style: .header)
            }
        }) { line in
            guard row < Worksheet.maximumRows - 2 else {
                throw XLSXError(operation: "writing the 序时账", message: "more than \(Worksheet.maximumRows - 4) lines do not fit in one sheet; export a shorter range of months")
            }
            try sheet.write(line.date, row: row, column: 0, format: center)
            try sheet.write(line.word + "-" + String(line.number), row: row, column: 1, format: center)
            try sheet.write(line.summary, row: row, column: 2, format: text)
            try sheet.write(line.accountCode, row: row, column: 3, format: text)
            try sheet.write(names[line.accountCode] ?? "", row: row, column: 4, format: text)
            if line.side == .debit {
                try sheet.write(fen: line.amountFen, row: row, column: 5, format: money)
                try sheet.write("", row: row, column: 6, format: money)
                let (sum, overflow) = debitTotal.addingReportingOverflow(line.amountFen)
                if overflow { throw SumOverflow(organization: organization.code, account: nil, period: from...to) }
                debitTotal = sum
            } else {
                try sheet.write("", row: row, column: 5, format: money)
                try sheet.write(fen: line.amountFen, row: row, column: 6, format: money)
                let (sum, overflow) = creditTotal.addingReportingOverflow(line.amountFen)
                if overflow { throw SumOverflow(organization: organization.code, account: nil, period: from...to) }
                creditTotal = sum
            }
            try sheet.write(line.project ?? "", row: row, column: 7, format: text)
            row += 1
            if row % 10_000 == 0 { progress?(row - headerRow - 1, total) }
        }
        let count = row - headerRow - 1
        try sheet.write("合计", row: row, column: 2, style: .totalText)
        let first = headerRow + 2
        try sheet.write(formula: count > 0 ? "=SUBTOTAL(9,F\(first):F\(row))" : "=0", cachedFen: debitTotal, row: row, column: 5)
        try sheet.write(formula: count > 0 ? "=SUBTOTAL(9,G\(first):G\(row))" : "=0", cachedFen: creditTotal, row: row, column: 6)
        try workbook.close()
        return count
    }
}
