import Foundation
import FundCore
import FundReports

/// 经审审查工作底稿 as a workbook: a summary (rules run, findings by severity and status, counted by
/// formulas over the findings sheet), the findings with their vouchers and answers, one sheet per
/// subsidy item audited with its lines, and the opinion with the members who signed it.
public enum ReviewWorkbook {
    public static let headerRow = 3
    static let findingsSheet = "问题清单"

    public static func write(_ report: ReviewReport, to path: String, created: Date? = nil) throws {
        let workbook = try Workbook(path: path, properties: FormWorkbook.properties(ReviewReport.title, report.organization.name, "\(report.year)年度", created))
        // The findings sheet's rows are known before it is written: one per finding.
        let rows = (headerRow + 1, headerRow + report.findings.count)
        try summary(workbook, report, findingRows: rows)
        _ = try findings(workbook, report)
        var used: Set<String> = ["汇总", findingsSheet, "审查意见"]
        for item in report.items { try itemSheet(workbook, report, item, used: &used) }
        try opinion(workbook, report)
        try workbook.close()
    }

    static func title(_ sheet: Worksheet, _ text: String, _ report: ReviewReport, columns: Int) throws {
        try sheet.merge(text, rows: 0...0, columns: 0...(columns - 1), style: .title)
        try sheet.setRow(0, height: 28)
        try sheet.merge("被审查单位：\(report.organization.name)（\(report.organization.code)）    审查年度：\(report.year)年    单位：元",
                        rows: 1...1, columns: 0...(columns - 1), style: .subtitle)
    }

    /// The findings sheet; returns its first and last data rows (0-based). It prints landscape,
    /// one page wide: the rule id (column B, which the summary's formulas count) is hidden and
    /// shown under the finding's type instead, the two audit numbers share a column, and every
    /// row is as tall as its longest wrapped text.
    static func findings(_ workbook: Workbook, _ report: ReviewReport) throws -> (Int, Int) {
        let sheet = try workbook.addWorksheet(findingsSheet)
        let headers = ["编号", "规则", "问题类型", "严重程度", "状态", "金额", "涉及凭证", "问题描述", "财务答复", "经审会处理", "审计编号"]
        let widths: [Double] = [6, 16, 17, 7, 7, 13, 23, 42, 24, 22, 9]
        for (column, width) in widths.enumerated() where column != 1 { try sheet.setColumns(column...column, width: width) }
        try sheet.hideColumns(1...1, width: widths[1])
        try title(sheet, "审查发现问题清单", report, columns: headers.count)
        for (column, text) in headers.enumerated() { try sheet.write(text, row: headerRow, column: column, style: .header) }
        try sheet.setRow(headerRow, height: 30)
        sheet.freezePanes(row: headerRow + 1, column: 3)
        var row = headerRow + 1
        let wrap = CellStyle(alignment: .left, border: true, wrap: true)
        let top = CellStyle(alignment: .center, border: true, wrap: true)
        for finding in report.findings {
            let type = (AuditRules.rule(finding.rule)?.chinese ?? finding.rule) + "\n[" + finding.rule + "]"
            // One voucher a line while they are few; a long list runs on, so that the row stays printable.
            let vouchers = finding.vouchers.joined(separator: finding.vouchers.count <= 4 ? "\n" : "、")
            let answer = finding.history.last { $0.action == "answered" }.map { "\($0.by)：\($0.text)" } ?? ""
            let closing = finding.history.last { ["resolved", "accepted", "reopened"].contains($0.action) }.map { "\($0.by)：\($0.text)" } ?? ""
            let audits = "首次 #\(finding.firstAudit)\n最近 #\(finding.lastAudit)"
            try sheet.write(number: Double(finding.id), row: row, column: 0, style: CellStyle(numberFormat: "0", alignment: .center, border: true))
            try sheet.write(finding.rule, row: row, column: 1)
            try sheet.write(type, row: row, column: 2, style: wrap)
            try sheet.write(finding.severity.chinese, row: row, column: 3, style: top)
            try sheet.write(finding.status.chinese, row: row, column: 4, style: top)
            if let amount = finding.amount { try sheet.write(fen: amount.fen, row: row, column: 5) } else { try sheet.write("", row: row, column: 5) }
            try sheet.write(vouchers, row: row, column: 6, style: wrap)
            try sheet.write(finding.text, row: row, column: 7, style: wrap)
            try sheet.write(answer, row: row, column: 8, style: wrap)
            try sheet.write(closing, row: row, column: 9, style: wrap)
            try sheet.write(audits, row: row, column: 10, style: top)
            try sheet.setRow(row, height: TextFit.rowHeight([(type, widths[2]), (vouchers, widths[6]), (finding.text, widths[7]),
                                                             (answer, widths[8]), (closing, widths[9]), (audits, widths[10])]))
            row += 1
        }
        let first = headerRow + 1, last = row - 1
        if last >= first { try sheet.autofilter(rows: headerRow...last, columns: 0...(headers.count - 1)) }
        try sheet.setPrintLayout(landscape: true, repeatRows: headerRow...headerRow)
        return (first, last)
    }

    static func summary(_ workbook: Workbook, _ report: ReviewReport, findingRows: (Int, Int)) throws {
        let sheet = try workbook.addWorksheet("汇总")
        let headers = ["规则", "问题类型", "严重程度", "问题数", "待答复", "已答复", "已整改", "已认可"]
        for (column, width) in [22.0, 28, 9, 9, 9, 9, 9, 9].enumerated() { try sheet.setColumns(column...column, width: width) }
        try title(sheet, ReviewReport.title, report, columns: headers.count)
        var row = headerRow
        let last = report.audits.last!
        let lines = [
            ("审计次数", "\(report.audits.count)"),
            ("最近一次审计", "#\(last.id) \(BeijingTime.display(last.runAt))（北京时间） \(last.runBy)"),
            ("审查凭证数", "\(last.vouchers)"),
            ("运行规则数", "\(last.rules.count)"),
            ("凭证封印链", "第\(last.sealSeq)号 \(last.sealHash)"),
            ("经审会", report.committee.map { c in "\(c.elected)选举，任期至\(c.termEnd)；" + c.members.map { "\($0.office.chinese)\($0.name)" }.joined(separator: "、") } ?? "未设立"),
        ]
        for (label, value) in lines {
            try sheet.write(label, row: row, column: 0, style: .totalText)
            try sheet.merge(value, rows: row...row, columns: 1...(headers.count - 1), style: .text)
            row += 1
        }
        row += 1
        let top = row
        for (column, text) in headers.enumerated() { try sheet.write(text, row: row, column: column, style: .header) }
        row += 1
        let (first, lastRow) = findingRows
        let empty = lastRow < first
        func range(_ column: String) -> String { "'\(findingsSheet)'!$\(column)$\(first + 1):$\(column)$\(max(lastRow, first) + 1)" }
        let count = CellStyle(numberFormat: "0", border: true)
        let firstRule = row
        for rule in AuditRules.all {
            try sheet.write(rule.id, row: row, column: 0)
            try sheet.write(rule.chinese, row: row, column: 1)
            try sheet.write(rule.severity.chinese, row: row, column: 2, style: .center)
            try sheet.write(formula: empty ? "=0" : "=COUNTIF(\(range("B")),A\(row + 1))", cachedNumber: Double(report.count(rule: rule.id)),
                            row: row, column: 3, style: count)
            for (offset, status) in FindingStatus.allCases.enumerated() {
                try sheet.write(formula: empty ? "=0" : "=COUNTIFS(\(range("B")),$A\(row + 1),\(range("E")),\"\(status.chinese)\")",
                                cachedNumber: Double(report.count(rule: rule.id, status: status)), row: row, column: 4 + offset, style: count)
            }
            row += 1
        }
        try sheet.write("合计", row: row, column: 0, style: .totalText)
        try sheet.write("", row: row, column: 1, style: .totalText)
        try sheet.write("", row: row, column: 2, style: .totalText)
        let bold = CellStyle(bold: true, numberFormat: "0", border: true)
        try sheet.write(formula: "=SUM(D\(firstRule + 1):D\(row))", cachedNumber: Double(report.findings.count), row: row, column: 3, style: bold)
        for (offset, status) in FindingStatus.allCases.enumerated() {
            let letter = columnName(4 + offset)
            try sheet.write(formula: "=SUM(\(letter)\(firstRule + 1):\(letter)\(row))", cachedNumber: Double(report.count(status: status)), row: row, column: 4 + offset, style: bold)
        }
        row += 2
        try sheet.write("严重程度", row: row, column: 0, style: .header)
        try sheet.write("问题数", row: row, column: 1, style: .header)
        row += 1
        for severity in Severity.allCases {
            try sheet.write(severity.chinese, row: row, column: 0, style: .center)
            try sheet.write(formula: empty ? "=0" : "=COUNTIF(\(range("D")),A\(row + 1))", cachedNumber: Double(report.count(severity: severity)),
                            row: row, column: 1, style: count)
            row += 1
        }
        sheet.freezePanes(row: top + 1, column: 0)
        try sheet.setPrintLayout(landscape: false, repeatRows: nil)
    }

    /// A sheet name from an item code: at most 31 characters, none of []:*?/\, unique.
    static func sheetName(_ code: String, used: inout Set<String>) -> String {
        let cleaned = String(code.map { "[]:*?/\\'".contains($0) ? "_" : $0 }.prefix(28))
        var name = cleaned
        var suffix = 2
        while used.contains(name) { name = cleaned + "~" + String(suffix); suffix += 1 }
        used.insert(name)
        return name
    }

    static func itemSheet(_ workbook: Workbook, _ report: ReviewReport, _ audited: ReviewReport.AuditedItem, used: inout Set<String>) throws {
        let item = audited.item
        let sheet = try workbook.addWorksheet(sheetName(item.code, used: &used))
        let headers = ["日期", "凭证号", "摘要", "科目编码", "借方金额", "贷方金额", "审查标记"]
        for (column, width) in [11.0, 16, 40, 10, 15, 15, 24].enumerated() { try sheet.setColumns(column...column, width: width) }
        try title(sheet, "项目补贴审查：\(item.code) \(item.title)", report, columns: headers.count)
        var row = 2
        for (label, value) in [("用途", item.purpose.isEmpty ? item.title : item.purpose), ("可列支科目", item.accounts.joined(separator: " ")),
                               ("批准金额", item.approved.grouped), ("使用期", "\(item.windowStart)至\(item.deadline)"),
                               ("批复文号", item.document ?? ""), ("状态", item.status.chinese)] {
            try sheet.write(label, row: row, column: 0, style: .totalText)
            try sheet.merge(value, rows: row...row, columns: 1...(headers.count - 1), style: .text)
            row += 1
        }
        row += 1
        let header = row
        for (column, text) in headers.enumerated() { try sheet.write(text, row: row, column: column, style: .header) }
        row += 1
        let first = row
        for (index, line) in audited.lines.enumerated() {
            try sheet.write(line.date.description, row: row, column: 0, style: .center)
            try sheet.write(line.ref.description, row: row, column: 1, style: .center)
            try sheet.write(line.summary, row: row, column: 2)
            try sheet.write(line.accountCode, row: row, column: 3)
            try sheet.write(fen: line.side == .debit ? line.amountFen : 0, row: row, column: 4)
            try sheet.write(fen: line.side == .credit ? line.amountFen : 0, row: row, column: 5)
            var flags: [String] = []
            if audited.flagged.contains(index) {
                if !item.allows(account: line.accountCode) { flags.append("超范围") }
                if !item.inWindow(line.date) { flags.append("使用期外") }
            }
            try sheet.write(flags.joined(separator: "、"), row: row, column: 6)
            row += 1
        }
        try sheet.write("合计", row: row, column: 2, style: .totalText)
        for column in [0, 1, 3, 6] { try sheet.write("", row: row, column: column, style: .totalText) }
        let overflow = SumOverflow(organization: audited.item.recipient, account: nil,
                                   period: audited.item.windowStart.period...max(audited.item.windowStart.period, audited.item.deadline.period))
        var debit: Int64 = 0, credit: Int64 = 0
        for line in audited.lines {
            if line.side == .debit { debit = try debit.adding(line.amountFen, or: overflow) } else { credit = try credit.adding(line.amountFen, or: overflow) }
        }
        try sheet.write(formula: "=SUM(E\(first + 1):E\(row))", cachedFen: debit, row: row, column: 4)
        try sheet.write(formula: "=SUM(F\(first + 1):F\(row))", cachedFen: credit, row: row, column: 5)
        sheet.freezePanes(row: header + 1, column: 0)
        try sheet.setPrintLayout(landscape: true, repeatRows: header...header)
    }

    static func opinion(_ workbook: Workbook, _ report: ReviewReport) throws {
        let sheet = try workbook.addWorksheet("审查意见")
        for (column, width) in [12.0, 16, 40].enumerated() { try sheet.setColumns(column...column, width: width) }
        try title(sheet, "经费审查委员会审查意见", report, columns: 3)
        var row = headerRow
        guard let opinion = report.opinion else {
            try sheet.merge("经审会尚未出具\(report.year)年度审查意见。", rows: row...row, columns: 0...2, style: .text)
            return
        }
        try sheet.merge(opinion.text, rows: row...(row + 5), columns: 0...2, style: CellStyle(alignment: .left, border: true, wrap: true))
        row += 7
        try sheet.write("日期", row: row, column: 0, style: .totalText)
        try sheet.merge("\(BeijingTime.display(opinion.recordedAt))（依据审计 #\(opinion.audit)，记录人 \(opinion.recordedBy)）", rows: row...row, columns: 1...2, style: .text)
        row += 2
        for (column, text) in ["职务", "姓名", "签名"].enumerated() { try sheet.write(text, row: row, column: column, style: .header) }
        row += 1
        for signer in opinion.signers {
            try sheet.write(signer.office.chinese, row: row, column: 0, style: .center)
            try sheet.write(signer.name, row: row, column: 1, style: .center)
            try sheet.write("", row: row, column: 2)
            try sheet.setRow(row, height: 30)
            row += 1
        }
        try sheet.setPrintLayout(landscape: false, repeatRows: nil)
    }
}
