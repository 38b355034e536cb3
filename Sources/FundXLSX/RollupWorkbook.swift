import Foundation
import FundCore
import FundReports

/// 汇总表 and 预算执行情况表 of a subtree: one row per organisation in tree order, folded by outline
/// levels, a SUBTOTAL row under each organisation that has members (SUBTOTAL skips the nested
/// subtotals), the eliminations and the consolidated total at the foot, and a chart of budget
/// against actual per organisation.
public enum RollupWorkbook {
    public static let headerRow = 3
    static let figures: [(title: String, line: String)] = [
        ("收入合计", "收入合计"), ("支出合计", "支出合计"), ("收支差额", "收支差额"),
        ("资产总计", "资产总计"), ("负债合计", "负债合计"), ("净资产合计", "净资产合计"),
    ]

    public static func write(_ rollup: Rollup, to path: String, created: Date? = nil) throws {
        let period = rollup.month == 12 ? "\(rollup.year)年度" : "\(rollup.year)年1月至\(rollup.month)月"
        let workbook = try Workbook(path: path, properties: FormWorkbook.properties("汇总表", rollup.root.name, period, created))
        let lines = Dictionary(rollup.allLines.map { ($0.line.label, $0.line) }, uniquingKeysWith: { first, _ in first })
        let values = figures.map { lines[$0.line]! }
        try sheet(workbook, name: "汇总表", title: "\(rollup.root.name)汇总表", period: period, rollup: rollup,
                  headers: figures.map(\.title), values: values, eliminations: values.map(\.elimination), chart: false)
        let budget = [rollup.budget[0], rollup.budget[1]]
        try sheet(workbook, name: "预算执行情况表", title: "\(rollup.root.name)预算执行情况表", period: period, rollup: rollup,
                  headers: ["预算支出", "实际支出"], values: budget, eliminations: budget.map(\.elimination), chart: true)
        try reconciliation(workbook, period: period, rollup: rollup)
        try workbook.close()
    }

    /// Rows: each member (indented by depth) with its figures; under each member with members,
    /// a 小计 row of SUBTOTAL formulas over its subtree; then 合计, 抵销 and 合并数.
    static func sheet(_ workbook: Workbook, name: String, title: String, period: String, rollup: Rollup, headers: [String],
                      values: [Rollup.Line], eliminations: [Int64], chart: Bool) throws {
        let sheet = try workbook.addWorksheet(name)
        let first = 3, last = 3 + headers.count - 1 + (chart ? 1 : 0)
        try sheet.setColumns(0...0, width: 12)
        try sheet.setColumns(1...1, width: 40)
        try sheet.setColumns(2...2, width: 14)
        try sheet.setColumns(first...last, width: 17)
        try sheet.merge(title, rows: 0...0, columns: 0...last, style: .title)
        try sheet.setRow(0, height: 28)
        try sheet.merge("期间：\(period)    单位：元    内部往来按对应科目抵销", rows: 1...1, columns: 0...last, style: .subtitle)
        let columnTitles = ["编码", "单位名称", "级别"] + headers + (chart ? ["执行率"] : [])
        for (column, text) in columnTitles.enumerated() { try sheet.write(text, row: headerRow, column: column, style: .header) }

        // Children of each member, to place subtotal rows after a subtree.
        var children: [String: [String]] = [:]
        for member in rollup.members { if let parent = member.parentCode { children[parent, default: []].append(member.code) } }
        let byCode = Dictionary(uniqueKeysWithValues: rollup.members.map { ($0.code, $0) })
        var row = headerRow + 1
        var memberRows: [(code: String, row: Int)] = []

        func rate(_ r: Int) -> String { "=IF(\(columnName(first))\(r + 1)=0,\"\",\(columnName(first + 1))\(r + 1)/\(columnName(first))\(r + 1))" }
        func rateValue(_ planned: Int64, _ actual: Int64) -> Double { planned == 0 ? 0 : Double(actual) / Double(planned) }

        /// Writes a member's row and its subtree; returns the values it adds up to.
        func visit(_ code: String) throws -> [Int64] {
            let member = byCode[code]!
            let depth = rollup.depth[code] ?? 0
            let own = values.map { $0.values[code] ?? 0 }
            try sheet.write(code, row: row, column: 0, style: .text)
            try sheet.write(member.name, row: row, column: 1, style: .indented(depth + 1))
            try sheet.write(member.level.chinese, row: row, column: 2, style: .center)
            for (index, value) in own.enumerated() { try sheet.write(fen: value, row: row, column: first + index) }
            if chart { try sheet.write(formula: rate(row), cachedPercent: rateValue(own[0], own[1]), row: row, column: last) }
            try sheet.setRowOutline(row, level: depth + 1)
            memberRows.append((code, row))
            let start = row
            row += 1
            var total = own
            guard let kids = children[code], !kids.isEmpty else { return total }
            for kid in kids {
                let sub = try visit(kid)
                for index in total.indices {
                    total[index] = try total[index].adding(sub[index], or: SumOverflow(organization: code, account: nil,
                        period: (Period(year: rollup.year, month: 1) ?? Period(year: 1900, month: 1)!)...(Period(year: rollup.year, month: rollup.month) ?? Period(year: 1900, month: 12)!)))
                }
            }
            try sheet.write("", row: row, column: 0, style: .totalText)
            try sheet.write("\(member.name) 小计", row: row, column: 1, style: CellStyle(bold: true, border: true, indent: UInt8(clamping: depth + 1)))
            try sheet.write("", row: row, column: 2, style: .totalText)
            for index in total.indices {
                let letter = columnName(first + index)
                try sheet.write(formula: "=SUBTOTAL(9,\(letter)\(start + 1):\(letter)\(row))", cachedFen: total[index], row: row, column: first + index)
            }
            if chart { try sheet.write(formula: rate(row), cachedPercent: rateValue(total[0], total[1]), row: row, column: last) }
            try sheet.setRowOutline(row, level: depth)
            row += 1
            return total
        }
        let totals = try visit(rollup.root.code)
        let totalRow = row - 1
        // 抵销 and 合并数.
        try sheet.write("", row: row, column: 0, style: .totalText)
        try sheet.write("抵销（内部往来）", row: row, column: 1, style: .totalText)
        try sheet.write("", row: row, column: 2, style: .totalText)
        for (index, value) in eliminations.enumerated() { try sheet.write(fen: value, row: row, column: first + index, style: .totalMoney) }
        if chart { try sheet.write("", row: row, column: last, style: .text) }
        row += 1
        try sheet.write("", row: row, column: 0, style: .totalText)
        try sheet.write("合并数", row: row, column: 1, style: .totalText)
        try sheet.write("", row: row, column: 2, style: .totalText)
        for index in eliminations.indices {
            let letter = columnName(first + index)
            try sheet.write(formula: "=\(letter)\(totalRow + 1)+\(letter)\(row)", cachedFen: totals[index] + eliminations[index], row: row, column: first + index)
        }
        if chart {
            try sheet.write(formula: rate(row), cachedPercent: rateValue(totals[0] + eliminations[0], totals[1] + eliminations[1]), row: row, column: last)
            // The chart reads a plain table of the members beside the sheet (no subtotal rows).
            let tableColumn = last + 2
            try sheet.setColumns(tableColumn...tableColumn, width: 14)
            try sheet.write("图表数据", row: headerRow, column: tableColumn, style: .header)
            try sheet.write("预算支出", row: headerRow, column: tableColumn + 1, style: .header)
            try sheet.write("实际支出", row: headerRow, column: tableColumn + 2, style: .header)
            for (offset, member) in memberRows.enumerated() {
                let r = headerRow + 1 + offset
                try sheet.write(member.code, row: r, column: tableColumn, style: .text)
                for k in 0..<2 {
                    let letter = columnName(first + k)
                    try sheet.write(formula: "=\(letter)\(member.row + 1)", cachedFen: values[k].values[member.code] ?? 0, row: r, column: tableColumn + 1 + k, style: .money)
                }
            }
            let top = headerRow + 2, bottom = headerRow + 1 + memberRows.count
            func range(_ column: Int) -> String { "='\(name)'!$\(columnName(column))$\(top):$\(columnName(column))$\(bottom)" }
            let chart = try workbook.addColumnChart(title: "预算与实际支出", series: [
                .init(name: "预算支出", categories: range(tableColumn), values: range(tableColumn + 1)),
                .init(name: "实际支出", categories: range(tableColumn), values: range(tableColumn + 2)),
            ], yAxis: "元")
            try sheet.insert(chart, row: row + 2, column: 1)
        }
        sheet.freezePanes(row: headerRow + 1, column: 2)
        try sheet.setPrintLayout(landscape: true, repeatRows: headerRow...headerRow)
    }

    /// 内部往来对账: every balance pair and every month's flow that differs, with both amounts,
    /// the gap and the vouchers on each side, then the transfers that name no lower union; a
    /// single line 相符 only when there is none.
    static func reconciliation(_ workbook: Workbook, period: String, rollup: Rollup) throws {
        let sheet = try workbook.addWorksheet("内部往来对账")
        let headers = ["类别", "月份", "对应科目", "上级", "下级", "项目", "上级金额", "下级金额", "差额", "上级凭证", "下级凭证"]
        try sheet.setColumns(0...0, width: 14)
        try sheet.setColumns(1...1, width: 10)
        try sheet.setColumns(2...2, width: 24)
        try sheet.setColumns(3...5, width: 12)
        try sheet.setColumns(6...8, width: 15)
        try sheet.setColumns(9...10, width: 36)
        try sheet.merge("\(rollup.root.name)内部往来对账", rows: 0...0, columns: 0...(headers.count - 1), style: .title)
        try sheet.merge("期间：\(period)    单位：元    余额按对应科目、发生额按月和往来单位核对", rows: 1...1, columns: 0...(headers.count - 1), style: .subtitle)
        for (column, text) in headers.enumerated() { try sheet.write(text, row: 2, column: column, style: .header) }
        var row = 3
        func line(_ kind: String, _ month: String, _ pair: String, _ upper: String, _ lower: String, _ project: String?, _ amounts: (Int64, Int64)?,
                  _ upperVouchers: [String], _ lowerVouchers: [String]) throws {
            for (column, text) in [kind, month, pair, upper, lower, project ?? ""].enumerated() { try sheet.write(text, row: row, column: column, style: .text) }
            if let amounts {
                try sheet.write(fen: amounts.0, row: row, column: 6)
                try sheet.write(fen: amounts.1, row: row, column: 7)
                try sheet.write(formula: "=G\(row + 1)-H\(row + 1)", cachedFen: amounts.0 &- amounts.1, row: row, column: 8, style: .money)
            }
            try sheet.write(upperVouchers.isEmpty ? "无" : upperVouchers.joined(separator: "，"), row: row, column: 9, style: .text)
            try sheet.write(lowerVouchers.isEmpty ? "无" : lowerVouchers.joined(separator: "，"), row: row, column: 10, style: .text)
            row += 1
        }
        if rollup.isReconciled {
            try sheet.merge("内部往来余额和各月往来发生额全部相符", rows: row...row, columns: 0...(headers.count - 1), style: .text)
        }
        for d in rollup.differences {
            try line("余额", "", d.pair, d.upper, d.lower, d.project, (d.upperAmount, d.lowerAmount), d.upperVouchers, d.lowerVouchers)
        }
        for d in rollup.flowDifferences {
            try line("发生额", "\(d.period.year)年\(d.period.month)月", d.kind.pair, d.upper, d.lower, d.project, (d.upperAmount, d.lowerAmount),
                     d.upperVouchers, d.lowerVouchers)
        }
        for u in rollup.untaggedTransfers {
            try line("未标往来单位", "\(u.period.year)年\(u.period.month)月", u.account, u.organization, "", nil, (u.net, 0), u.vouchers, [])
        }
        sheet.freezePanes(row: 3, column: 0)
        try sheet.setPrintLayout(landscape: true, repeatRows: 2...2)
    }
}
