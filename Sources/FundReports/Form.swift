import FundCore

/// One row of a statutory form: a heading, an item with amounts, or a total that is a signed
/// sum of other rows of the same panel (written as a formula in workbooks).
public struct FormRow: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case heading, item, total, memo }

    public var label: String
    /// 行次, the printed line number.
    public var line: Int?
    public var kind: Kind
    public var indent: Int
    /// One amount per value column, in fen; nil leaves the cell blank.
    public var values: [Int64?]
    /// For totals: the rows (indices in the panel) summed, each with +1 or -1.
    public var terms: [Term]

    public struct Term: Hashable, Sendable {
        public let row: Int
        public let sign: Int64
        public init(row: Int, sign: Int64) {
            self.row = row
            self.sign = sign
        }
    }

    public init(label: String, line: Int? = nil, kind: Kind = .item, indent: Int = 0, values: [Int64?] = [], terms: [Term] = []) {
        self.label = label
        self.line = line
        self.kind = kind
        self.indent = indent
        self.values = values
        self.terms = terms
    }
}

/// A statutory form (工会01表, 工会02表): one or two panels of rows side by side, each panel with
/// a label column, a 行次 column and the value columns.
public struct Form: Sendable {
    public let number: String
    public let title: String
    public let organization: Organization
    public let periodText: String
    public let panelTitles: [String]
    public let valueColumns: [String]
    public var panels: [[FormRow]]
    /// Checks the form must pass, with what failed; empty when the form is consistent.
    public var failedChecks: [String] = []

    public init(number: String, title: String, organization: Organization, periodText: String, panelTitles: [String],
                valueColumns: [String], panels: [[FormRow]]) {
        self.number = number
        self.title = title
        self.organization = organization
        self.periodText = periodText
        self.panelTitles = panelTitles
        self.valueColumns = valueColumns
        self.panels = panels
        assignLineNumbers()
    }

    /// 行次 runs 1, 2, ... through every item, memo and total row of every panel.
    private mutating func assignLineNumbers() {
        var next = 1
        for p in panels.indices {
            for r in panels[p].indices where panels[p][r].kind != .heading {
                panels[p][r].line = next
                next += 1
            }
        }
    }

    /// The value of a row, by label, for tests and checks.
    public func value(_ label: String, column: Int = 0) -> Int64? {
        for panel in panels { if let row = panel.first(where: { $0.label == label }) { return row.values[column] } }
        return nil
    }
}

/// Builds a panel row by row, computing totals from the rows they sum.
struct PanelBuilder {
    var rows: [FormRow] = []
    let columns: Int
    /// What a total too large for Int64 fen is reported as (the organisation and the months).
    let overflow: SumOverflow

    init(columns: Int, overflow: SumOverflow) {
        self.columns = columns
        self.overflow = overflow
    }

    @discardableResult
    mutating func heading(_ label: String) -> Int {
        rows.append(FormRow(label: label, kind: .heading))
        return rows.count - 1
    }

    @discardableResult
    mutating func item(_ label: String, indent: Int = 1, _ values: [Int64], kind: FormRow.Kind = .item) -> Int {
        rows.append(FormRow(label: label, kind: kind, indent: indent, values: values.map { $0 }))
        return rows.count - 1
    }

    /// A total row followed by its parts, as forms print them (三、收入合计 above the income lines).
    /// Returns the index of the total row.
    @discardableResult
    mutating func totalAbove(_ label: String, parts: [(label: String, values: [Int64])]) throws(SumOverflow) -> Int {
        let totalRow = rows.count
        var values = [Int64](repeating: 0, count: columns)
        for part in parts { for c in 0..<columns { values[c] = try values[c].adding(part.values[c], or: overflow) } }
        rows.append(FormRow(label: label, kind: .total, values: values.map { $0 },
                            terms: parts.indices.map { FormRow.Term(row: totalRow + 1 + $0, sign: 1) }))
        for part in parts { item(part.label, indent: 1, part.values) }
        return totalRow
    }

    /// A total of `terms` (row index and sign), its values computed now.
    @discardableResult
    mutating func total(_ label: String, indent: Int = 0, _ terms: [(Int, Int64)]) throws(SumOverflow) -> Int {
        var values = [Int64](repeating: 0, count: columns)
        for (row, sign) in terms {
            for c in 0..<columns {
                let value = rows[row].values[c] ?? 0
                values[c] = try sign < 0 ? values[c].subtracting(value, or: overflow) : values[c].adding(value, or: overflow)
            }
        }
        rows.append(FormRow(label: label, kind: .total, indent: indent, values: values.map { $0 },
                            terms: terms.map { FormRow.Term(row: $0.0, sign: $0.1) }))
        return rows.count - 1
    }
}

extension Form {
    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .table:
            var text = "\(title)  \(number)\n编制单位：\(organization.name)    \(periodText)    单位：元\n"
            if let failed = failedChecks.first { text += "！ \(failed)\n" }
            for (index, panel) in panels.enumerated() {
                let cells = panel.map { row in
                    [String(repeating: "  ", count: row.indent) + row.label, row.line.map(String.init) ?? ""]
                        + row.values.map { $0.map { Money(fen: $0).grouped } ?? "" }
                }
                text += (index > 0 ? "\n" : "") + Render.table(headers: [panelTitles[index], "行次"] + valueColumns, rows: cells,
                                                               rightAligned: Set(1..<(2 + valueColumns.count)))
            }
            return text
        case .csv:
            let rows = panels.enumerated().flatMap { index, panel in
                panel.filter { $0.kind != .heading }.map { row in
                    [panelTitles[index], String(row.line ?? 0), row.label] + row.values.map { $0.map { Money(fen: $0).description } ?? "" }
                }
            }
            return Render.csv(headers: ["panel", "line", "item"] + valueColumns, rows: rows)
        case .json:
            let items = panels.enumerated().flatMap { index, panel in
                panel.filter { $0.kind != .heading }.map { row in
                    Render.jsonObject([("panel", Render.jsonString(panelTitles[index])), ("line", String(row.line ?? 0)),
                                       ("item", Render.jsonString(row.label)),
                                       ("values", "[" + row.values.map { $0.map { Render.jsonString(Money(fen: $0).description) } ?? "null" }.joined(separator: ", ") + "]")],
                                      indent: "    ")
                }
            }
            return Render.jsonObject([("form", Render.jsonString(number)), ("title", Render.jsonString(title)),
                                      ("organization", Render.jsonString(organization.code)), ("period", Render.jsonString(periodText)),
                                      ("columns", "[" + valueColumns.map(Render.jsonString).joined(separator: ", ") + "]"),
                                      ("rows", Render.jsonArray(items, indent: "  ")),
                                      ("failed_checks", "[" + failedChecks.map(Render.jsonString).joined(separator: ", ") + "]")]) + "\n"
        }
    }
}
