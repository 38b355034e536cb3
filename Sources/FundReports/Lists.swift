import FundCore

/// The organisations of a book, in tree order.
public struct OrganizationList: Sendable {
    public let organizations: [Organization]
    public init(organizations: [Organization]) { self.organizations = organizations }

    public static let keys = ["code", "name", "level", "parent", "chart", "independent"]

    public func rendered(_ format: OutputFormat) -> String {
        let depth = depths()
        switch format {
        case .table:
            let rows = organizations.map { o in
                [String(repeating: "  ", count: depth[o.code] ?? 0) + o.code, o.name, o.level.chinese, o.parentCode ?? "",
                 o.chart.rawValue, o.independent ? "是" : ""]
            }
            return Render.table(headers: ["编码", "名称", "级别", "上级", "科目表", "独立管理经费"], rows: rows)
        case .csv:
            return Render.csv(headers: OrganizationList.keys, rows: organizations.map {
                [$0.code, $0.name, $0.level.rawValue, $0.parentCode ?? "", $0.chart.rawValue, $0.independent ? "yes" : "no"]
            })
        case .json:
            let items = organizations.map { o in
                Render.jsonObject([("code", Render.jsonString(o.code)), ("name", Render.jsonString(o.name)),
                                   ("level", Render.jsonString(o.level.rawValue)),
                                   ("parent", o.parentCode.map(Render.jsonString) ?? "null"),
                                   ("chart", Render.jsonString(o.chart.rawValue)), ("independent", o.independent ? "true" : "false")],
                                  indent: "  ")
            }
            return Render.jsonArray(items) + "\n"
        }
    }

    private func depths() -> [String: Int] {
        var parent: [String: String] = [:]
        for o in organizations { parent[o.code] = o.parentCode }
        var result: [String: Int] = [:]
        for o in organizations {
            var depth = 0
            var current = o.parentCode
            while let code = current, depth < 16 { depth += 1; current = parent[code] }
            result[o.code] = depth
        }
        return result
    }
}

/// A chart of accounts as a list.
public struct AccountList: Sendable {
    public let chart: Chart
    public init(chart: Chart) { self.chart = chart }

    public func rendered(_ format: OutputFormat) -> String {
        let rows = chart.accounts.map { a in
            (a, chart.isLeaf(a.code), chart.fullName(a.code) ?? a.name)
        }
        switch format {
        case .table:
            return "\(chart.kind.chinese)\n" + Render.table(
                headers: ["科目编码", "科目名称", "级次", "类别", "余额方向", "末级"],
                rows: rows.map { a, leaf, _ in
                    [a.code, String(repeating: "  ", count: a.level - 1) + a.name, String(a.level), a.category.chinese,
                     a.normalSide.chinese, leaf ? "是" : ""]
                })
        case .csv:
            return Render.csv(headers: ["code", "name", "full_name", "level", "category", "normal_side", "leaf"], rows: rows.map { a, leaf, full in
                [a.code, a.name, full, String(a.level), a.category.rawValue, a.normalSide == .debit ? "debit" : "credit", leaf ? "yes" : "no"]
            })
        case .json:
            return Render.jsonArray(rows.map { a, leaf, full in
                Render.jsonObject([("code", Render.jsonString(a.code)), ("name", Render.jsonString(a.name)),
                                   ("full_name", Render.jsonString(full)), ("level", String(a.level)),
                                   ("category", Render.jsonString(a.category.rawValue)),
                                   ("normal_side", Render.jsonString(a.normalSide == .debit ? "debit" : "credit")),
                                   ("leaf", leaf ? "true" : "false")], indent: "  ")
            }) + "\n"
        }
    }
}
