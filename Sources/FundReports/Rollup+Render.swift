import FundCore

extension Rollup {
    /// Columns: one per member, or one per level when `byLevel`.
    public func columns(byLevel: Bool) -> [(title: String, codes: [String])] {
        memberColumns(byLevel: byLevel).map { ($0.title, $0.positions.map { members[$0].code }) }
    }

    /// `columns(byLevel:)` with each column's members as positions in `members`.
    func memberColumns(byLevel: Bool) -> [(title: String, positions: [Int])] {
        if byLevel {
            return OrganizationLevel.allCases.compactMap { level in
                let positions = members.indices.filter { members[$0].level == level }
                return positions.isEmpty ? nil : (level.chinese, positions)
            }
        }
        return members.indices.map { (members[$0].code, [$0]) }
    }

    public func rendered(_ format: OutputFormat, byLevel: Bool = false) -> String {
        let columns = memberColumns(byLevel: byLevel)
        let lines = allLines.filter { entry in entry.line.isTotal || entry.line.sum != 0 || entry.line.elimination != 0 }
        func cells(_ line: Line, money: (Int64) -> String) -> [String] {
            columns.map { column in money(column.positions.reduce(0) { $0 + (line.values[member: $1] ?? 0) }) } + [money(line.elimination), money(line.consolidated)]
        }
        let period = month == 12 ? "\(year)年度" : "\(year)年1月至\(month)月"
        switch format {
        case .table:
            var text = "汇总表  \(root.name)（\(root.code)）及所属\(members.count - 1)个单位  \(period)  单位：元\n"
            text += Render.table(headers: ["部分", "项目"] + columns.map(\.title) + ["抵销", "合并数"],
                                 rows: lines.map { [$0.section, $0.line.label] + cells($0.line) { Money(fen: $0).grouped } },
                                 rightAligned: Set(2..<(4 + columns.count)))
            if isReconciled {
                text += "对账：内部往来余额和各月往来发生额全部相符\n"
                return text
            }
            if !differences.isEmpty {
                text += "余额对账差异（\(differences.count)）：\n"
                for d in differences {
                    text += "  \(d.pair) \(d.upper)→\(d.lower)\(d.project.map { " 项目 \($0)" } ?? "")：上级 \(Money(fen: d.upperAmount).grouped)，下级 \(Money(fen: d.lowerAmount).grouped)，差 \(Money(fen: d.upperAmount - d.lowerAmount).grouped)"
                    text += "；上级凭证 \(d.upperVouchers.isEmpty ? "无" : d.upperVouchers.joined(separator: "，"))；下级凭证 \(d.lowerVouchers.isEmpty ? "无" : d.lowerVouchers.joined(separator: "，"))\n"
                }
            }
            if !flowDifferences.isEmpty {
                text += "往来发生额对账差异（\(flowDifferences.count)），按月：\n"
                for d in flowDifferences { text += "  " + Rollup.text(d) + "\n" }
            }
            if !untaggedTransfers.isEmpty {
                text += "未标往来单位的内部往来（\(untaggedTransfers.count)）：\n"
                for u in untaggedTransfers { text += "  " + Rollup.text(u) + "\n" }
            }
            return text
        case .csv:
            return Render.csv(headers: ["section", "item"] + columns.map(\.title) + ["elimination", "consolidated"],
                              rows: lines.map { [$0.section, $0.line.label] + cells($0.line) { Money(fen: $0).description } })
        case .json:
            let rows = lines.map { entry in
                Render.jsonObject([("section", Render.jsonString(entry.section)), ("item", Render.jsonString(entry.line.label)),
                                   ("values", Render.jsonObject(zip(columns.map(\.title), cells(entry.line) { Render.jsonString(Money(fen: $0).description) }).map { ($0, $1) }, indent: "      ")),
                                   ("elimination", Render.jsonString(Money(fen: entry.line.elimination).description)),
                                   ("consolidated", Render.jsonString(Money(fen: entry.line.consolidated).description))], indent: "    ")
            }
            let flowDiffs = flowDifferences.map { d in
                Render.jsonObject([("kind", Render.jsonString(d.kind.rawValue)), ("pair", Render.jsonString(d.kind.pair)), ("month", Render.jsonString(d.period.description)),
                                   ("upper", Render.jsonString(d.upper)), ("lower", Render.jsonString(d.lower)),
                                   ("project", d.project.map(Render.jsonString) ?? "null"),
                                   ("upper_amount", Render.jsonString(Money(fen: d.upperAmount).description)),
                                   ("lower_amount", Render.jsonString(Money(fen: d.lowerAmount).description)),
                                   ("upper_vouchers", "[" + d.upperVouchers.map(Render.jsonString).joined(separator: ", ") + "]"),
                                   ("lower_vouchers", "[" + d.lowerVouchers.map(Render.jsonString).joined(separator: ", ") + "]")], indent: "    ")
            }
            let untagged = untaggedTransfers.map { u in
                Render.jsonObject([("organization", Render.jsonString(u.organization)), ("account", Render.jsonString(u.account)),
                                   ("month", Render.jsonString(u.period.description)), ("net", Render.jsonString(Money(fen: u.net).description)),
                                   ("vouchers", "[" + u.vouchers.map(Render.jsonString).joined(separator: ", ") + "]")], indent: "    ")
            }
            let diffs = differences.map { d in
                Render.jsonObject([("pair", Render.jsonString(d.pair)), ("upper", Render.jsonString(d.upper)), ("lower", Render.jsonString(d.lower)),
                                   ("project", d.project.map(Render.jsonString) ?? "null"),
                                   ("upper_amount", Render.jsonString(Money(fen: d.upperAmount).description)),
                                   ("lower_amount", Render.jsonString(Money(fen: d.lowerAmount).description)),
                                   ("upper_vouchers", "[" + d.upperVouchers.map(Render.jsonString).joined(separator: ", ") + "]"),
                                   ("lower_vouchers", "[" + d.lowerVouchers.map(Render.jsonString).joined(separator: ", ") + "]")], indent: "    ")
            }
            return Render.jsonObject([("report", Render.jsonString("rollup")), ("organization", Render.jsonString(root.code)),
                                      ("year", String(year)), ("month", String(month)),
                                      ("members", "[" + members.map { Render.jsonString($0.code) }.joined(separator: ", ") + "]"),
                                      ("rows", Render.jsonArray(rows, indent: "  ")), ("differences", Render.jsonArray(diffs, indent: "  ")),
                                      ("flow_differences", Render.jsonArray(flowDiffs, indent: "  ")), ("untagged_transfers", Render.jsonArray(untagged, indent: "  ")),
                                      ("reconciled", isReconciled ? "true" : "false")]) + "\n"
        }
    }

    /// One month's flow difference as a line a finance officer reads: month, pair, the two
    /// unions, both amounts, the gap and the vouchers on each side.
    public static func text(_ d: FlowDifference) -> String {
        "\(d.period.year)年\(d.period.month)月 \(d.kind.pair) \(d.upper)→\(d.lower)\(d.project.map { " 项目 \($0)" } ?? "")：上级 \(Money(fen: d.upperAmount).grouped)，下级 \(Money(fen: d.lowerAmount).grouped)，差 \(Money(fen: d.upperAmount &- d.lowerAmount).grouped)"
            + "；上级凭证 \(d.upperVouchers.isEmpty ? "无" : d.upperVouchers.joined(separator: "，"))；下级凭证 \(d.lowerVouchers.isEmpty ? "无" : d.lowerVouchers.joined(separator: "，"))"
    }

    /// One untagged movement as a line: union, month, account, amount and its vouchers.
    public static func text(_ u: UntaggedTransfer) -> String {
        "\(u.organization) \(u.period.year)年\(u.period.month)月 \(u.account) \(u.net >= 0 ? "借" : "贷") \(Money(fen: u.net == .min ? .max : Swift.abs(u.net)).grouped)，未标往来单位；凭证 \(u.vouchers.isEmpty ? "无" : u.vouchers.joined(separator: "，"))"
    }
}
