import FundCore

/// One row of a statutory form: a heading, an item with amounts, or a total that is a signed
/// sum of other rows of the same panel (written as a formula in workbooks). The 2021 forms have
/// no 行次 column: a row is known by its label.
public struct FormRow: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case heading, item, total, memo }

    public var label: String
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

    public init(label: String, kind: Kind = .item, indent: Int = 0, values: [Int64?] = [], terms: [Term] = []) {
        self.label = label
        self.kind = kind
        self.indent = indent
        self.values = values
        self.terms = terms
    }
}

/// A statutory form (工会01表, 工会02表) in the 2021 layout: one or two panels of rows side by
/// side, each panel with a label column and the value columns (no 行次); notes under the form
/// (the standard's footnote, memo breakdowns) and the signature line.
public struct Form: Sendable {
    public let number: String
    public let title: String
    public let organization: Organization
    public let periodText: String
    public let panelTitles: [String]
    public let valueColumns: [String]
    public var panels: [[FormRow]]
    /// Lines printed under the form: the standard's footnote and memo breakdowns (注：…).
    public var notes: [String] = []
    /// Who signs the form; the CLI and the workbooks fill what the book knows.
    public var signers = FormSigners()
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
    }

    /// The value of a row, by label, for tests and checks.
    public func value(_ label: String, column: Int = 0) -> Int64? {
        for panel in panels { if let row = panel.first(where: { $0.label == label }) { return row.values[column] } }
        return nil
    }

    /// The signature line as text: 法定代表人：…　主管会计工作的负责人：…　会计机构负责人：…　制表：…
    public var signatureLine: String {
        signers.boxes.map { "\($0.label)：\($0.name)" }.joined(separator: "    ")
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

    /// A total of `terms` (row index and sign), its values computed now; blank where every
    /// row it sums is blank (a chart without those accounts).
    @discardableResult
    mutating func total(_ label: String, indent: Int = 0, _ terms: [(Int, Int64)]) throws(SumOverflow) -> Int {
        var values = [Int64?](repeating: nil, count: columns)
        for (row, sign) in terms {
            for c in 0..<columns {
                guard let value = rows[row].values[c] else { continue }
                let sum = values[c] ?? 0
                values[c] = try sign < 0 ? sum.subtracting(value, or: overflow) : sum.adding(value, or: overflow)
            }
        }
        rows.append(FormRow(label: label, kind: .total, indent: indent, values: values,
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
                    [String(repeating: "  ", count: row.indent) + row.label] + row.values.map { $0.map { Money(fen: $0).grouped } ?? "" }
                }
                text += (index > 0 ? "\n" : "") + Render.table(headers: [panelTitles[index]] + valueColumns, rows: cells,
                                                               rightAligned: Set(1..<(1 + valueColumns.count)))
            }
            for note in notes { text += Render.terminalSafe(note) + "\n" }
            return text + Render.terminalSafe(signatureLine) + "\n"
        case .csv:
            let rows = panels.enumerated().flatMap { index, panel in
                panel.filter { $0.kind != .heading }.map { row in
                    [panelTitles[index], row.label] + row.values.map { $0.map { Money(fen: $0).description } ?? "" }
                }
            }
            return Render.csv(headers: ["panel", "item"] + valueColumns, rows: rows)
        case .json:
            let items = panels.enumerated().flatMap { index, panel in
                panel.filter { $0.kind != .heading }.map { row in
                    Render.jsonObject([("panel", Render.jsonString(panelTitles[index])),
                                       ("item", Render.jsonString(row.label)),
                                       ("values", "[" + row.values.map { $0.map { Render.jsonString(Money(fen: $0).description) } ?? "null" }.joined(separator: ", ") + "]")],
                                      indent: "    ")
                }
            }
            return Render.jsonObject([("form", Render.jsonString(number)), ("title", Render.jsonString(title)),
                                      ("organization", Render.jsonString(organization.code)), ("period", Render.jsonString(periodText)),
                                      ("columns", "[" + valueColumns.map(Render.jsonString).joined(separator: ", ") + "]"),
                                      ("rows", Render.jsonArray(items, indent: "  ")),
                                      ("notes", "[" + notes.map(Render.jsonString).joined(separator: ", ") + "]"),
                                      ("signatures", Render.jsonObject(signers.boxes.map { ($0.label, Render.jsonString($0.name)) }, indent: "  ")),
                                      ("failed_checks", "[" + failedChecks.map(Render.jsonString).joined(separator: ", ") + "]")]) + "\n"
        }
    }
}
