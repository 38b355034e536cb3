import FundCore

extension TrialBalance {
    /// The report as text in one of the output formats.
    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .table:
            let title = "\(TrialBalance.title)  \(organization.name)（\(organization.code)）  \(periodText)  单位：元\n"
            var cells = rows.map { row in
                [row.code, String(repeating: "  ", count: row.level - 1) + row.name] + row.amounts.map { Render.amount($0) }
            }
            cells.append(["", totals.name] + totals.amounts.map { Render.amount($0, blankZero: false) })
            return title + Render.table(headers: TrialBalance.headers, rows: cells, rightAligned: Set(2...7))
        case .csv:
            let cells = (rows + [totals]).map { row in
                [row.code, row.name, String(row.level)] + row.amounts.map { Money(fen: $0).description }
            }
            return Render.csv(headers: TrialBalance.keys, rows: cells)
        case .json:
            func object(_ row: TrialBalanceRow, indent: String) -> String {
                var pairs: [(String, String)] = [("code", Render.jsonString(row.code)), ("name", Render.jsonString(row.name)),
                                                 ("level", String(row.level))]
                for (key, value) in zip(TrialBalance.keys.dropFirst(3), row.amounts) {
                    pairs.append((key, Render.jsonString(Money(fen: value).description)))
                }
                return Render.jsonObject(pairs, indent: indent)
            }
            let body: [(String, String)] = [
                ("report", Render.jsonString("trial-balance")),
                ("organization", Render.jsonString(organization.code)),
                ("organization_name", Render.jsonString(organization.name)),
                ("from", Render.jsonString(from.description)),
                ("to", Render.jsonString(to.description)),
                ("accounts", Render.jsonArray(rows.map { object($0, indent: "    ") }, indent: "  ")),
                ("totals", object(totals, indent: "  ")),
            ]
            return Render.jsonObject(body) + "\n"
        }
    }
}
