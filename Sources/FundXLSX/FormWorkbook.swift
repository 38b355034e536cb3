import Foundation
import FundCore
import FundReports

/// A statutory form laid out like the 2021 paper one: title, form number, 编制单位, the date or
/// period and 单位：元, the panels side by side (label, amounts; no 行次), totals as formulas
/// carrying their values, the notes under the form, and the signature line of 第六十四条:
/// 法定代表人 / 主管会计工作的负责人 / 会计机构负责人 / 制表.
public enum FormWorkbook {
    public static let headerRow = 3

    /// Writes `form` as a workbook of one sheet; `preparedBy` fills 制表 when the form's signers
    /// do not name one.
    public static func write(_ form: Form, to path: String, preparedBy: String? = nil, created: Date? = nil) throws {
        let workbook = try Workbook(path: path, properties: properties(form.title, form.organization.name, form.periodText, created))
        try addSheet(form, to: workbook, name: form.title, preparedBy: preparedBy)
        try workbook.close()
    }

    static func properties(_ title: String, _ unit: String, _ period: String, _ created: Date?) -> DocumentProperties {
        DocumentProperties(title: "\(title) \(unit) \(period)", subject: title, company: unit, keywords: "工会会计制度,\(title)", created: created)
    }

    /// Adds the form as one sheet of `workbook`.
    public static func addSheet(_ form: Form, to workbook: Workbook, name: String, preparedBy: String?) throws {
        let sheet = try workbook.addWorksheet(name)
        let panelWidth = 1 + form.valueColumns.count
        let lastColumn = panelWidth * form.panels.count - 1
        for p in form.panels.indices {
            let base = p * panelWidth
            try sheet.setColumns(base...base, width: 30)
            try sheet.setColumns((base + 1)...(base + panelWidth - 1), width: 17)
        }
        try sheet.merge(form.title, rows: 0...0, columns: 0...lastColumn, style: .title)
        try sheet.setRow(0, height: 28)
        try sheet.write(form.number, row: 1, column: lastColumn, style: .subtitleRight)
        let third = max(1, (lastColumn + 1) / 3)
        try sheet.merge("编制单位：\(form.organization.name)", rows: 2...2, columns: 0...(third - 1), style: .subtitle)
        try sheet.merge(form.periodText, rows: 2...2, columns: third...(lastColumn - third), style: CellStyle(alignment: .center))
        try sheet.merge("单位：元", rows: 2...2, columns: (lastColumn - third + 1)...lastColumn, style: .subtitleRight)
        for (p, title) in form.panelTitles.enumerated() {
            let base = p * panelWidth
            for (offset, header) in ([title] + form.valueColumns).enumerated() {
                try sheet.write(header, row: headerRow, column: base + offset, style: .header)
            }
        }
        // Long column names (附01's) wrap onto up to three lines.
        if form.valueColumns.contains(where: { $0.count > 8 }) { try sheet.setRow(headerRow, height: 42) }
        let height = form.panels.map(\.count).max() ?? 0
        for (p, panel) in form.panels.enumerated() {
            let base = p * panelWidth
            for (index, row) in panel.enumerated() {
                let r = headerRow + 1 + index
                let bold = row.kind == .total || row.kind == .heading
                try sheet.write(row.label, row: r, column: base, style: CellStyle(bold: bold, border: true, indent: UInt8(clamping: row.indent)))
                for c in form.valueColumns.indices {
                    let column = base + 1 + c
                    guard row.kind != .heading, let value = row.values[c] else {
                        try sheet.write("", row: r, column: column, style: .money)
                        continue
                    }
                    if row.kind == .total, !row.terms.isEmpty {
                        let letter = columnName(column)
                        let formula = "=" + row.terms.enumerated().map { i, term in
                            (term.sign < 0 ? "-" : (i == 0 ? "" : "+")) + letter + String(headerRow + 2 + term.row)
                        }.joined()
                        try sheet.write(formula: formula, cachedFen: value, row: r, column: column, style: .totalMoney)
                    } else {
                        try sheet.write(fen: value, row: r, column: column)
                    }
                }
            }
            for index in panel.count..<height {
                for offset in 0..<panelWidth { try sheet.write("", row: headerRow + 1 + index, column: base + offset, style: .text) }
            }
        }
        var next = headerRow + height + 1
        for note in form.notes {
            try sheet.write(note, row: next, column: 0, style: CellStyle())
            next += 1
        }
        if !form.failedChecks.isEmpty {
            try sheet.write("！ " + form.failedChecks.joined(separator: "；"), row: next, column: 0, style: CellStyle(bold: true))
            next += 1
        }
        var signers = form.signers
        if signers.preparer == nil { signers.preparer = preparedBy }
        // The four signatures on one line under two panels (each panel's label and last value
        // column), else two lines of two; the signature line is the sheet's last row.
        let footer = next + 1
        let places: [(row: Int, column: Int)] = form.panels.count > 1
            ? [(0, 0), (0, panelWidth - 1), (0, panelWidth), (0, lastColumn)]
            : [(0, 0), (0, min(1, lastColumn)), (1, 0), (1, min(1, lastColumn))]
        for (box, place) in zip(signers.boxes, places) {
            try sheet.write("\(box.label)：\(box.name)", row: footer + place.row, column: place.column, style: CellStyle())
        }
        sheet.freezePanes(row: headerRow + 1, column: 0)
        try sheet.setPrintLayout(landscape: form.panels.count > 1 || form.valueColumns.count > 4, repeatRows: headerRow...headerRow)
    }
}
