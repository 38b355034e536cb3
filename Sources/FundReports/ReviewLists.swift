import FundCore

/// A list of rows with Chinese column titles for people and English keys for machines,
/// rendered as a terminal table, CSV or JSON (every value a string).
public struct Listing: Sendable {
    public let titles: [String]
    public let keys: [String]
    public let rows: [[String]]
    public let rightAligned: Set<Int>

    public init(titles: [String], keys: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        precondition(titles.count == keys.count && rows.allSatisfy { $0.count == keys.count }, "a listing's rows have one value per column")
        self.titles = titles
        self.keys = keys
        self.rows = rows
        self.rightAligned = rightAligned
    }

    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .table: Render.table(headers: titles, rows: rows, rightAligned: rightAligned)
        case .csv: Render.csv(headers: keys, rows: rows)
        case .json:
            Render.jsonArray(rows.map { row in Render.jsonObject(zip(keys, row).map { ($0, Render.jsonString($1)) }, indent: "  ") }) + "\n"
        }
    }
}

/// The lists of the review commands.
public enum ReviewLists {
    public static func rules() -> Listing {
        Listing(titles: ["规则", "名称", "Rule", "严重程度", "说明"], keys: ["id", "title", "english", "severity", "explanation"],
                rows: AuditRules.all.map { [$0.id, $0.chinese, $0.english, $0.severity.chinese, $0.explanation] })
    }

    public static func findings(_ findings: [FindingRecord]) -> Listing {
        Listing(titles: ["编号", "规则", "严重程度", "状态", "金额", "凭证", "问题"],
                keys: ["id", "rule", "severity", "status", "amount", "vouchers", "text"],
                rows: findings.map { f in
                    [String(f.id), f.rule, f.severity.chinese, f.status.chinese, f.amount.map { Render.amount($0.fen) } ?? "",
                     f.vouchers.prefix(5).joined(separator: " ") + (f.vouchers.count > 5 ? " …" : ""), f.text]
                }, rightAligned: [4])
    }

    public static func history(_ finding: FindingRecord) -> Listing {
        Listing(titles: ["时间（北京时间）", "人员", "动作", "审计", "说明"], keys: ["at", "by", "action", "audit", "text"],
                rows: finding.history.map { [BeijingTime.display($0.at), $0.by, $0.action, $0.audit.map { "#\($0)" } ?? "", $0.text] })
    }

    public static func committee(_ committees: [Committee]) -> Listing {
        Listing(titles: ["选举日期", "任期至", "职务", "姓名", "起", "止"], keys: ["elected", "term_end", "office", "name", "start", "end"],
                rows: committees.flatMap { c in
                    c.members.map { [c.elected.description, c.termEnd.description, $0.office.chinese, $0.name, $0.start.description, $0.end?.description ?? ""] }
                })
    }

    public static func roles(_ grants: [RoleGrant]) -> Listing {
        Listing(titles: ["用户", "角色", "", "组织"], keys: ["user", "role", "role_zh", "organization"],
                rows: grants.map { [$0.user, $0.role.rawValue, $0.role.chinese, $0.organization ?? "*"] })
    }

    public static func settings(_ settings: AuditSettings) -> Listing {
        Listing(titles: ["设置", "值"], keys: ["key", "value"], rows: settings.entries.map { [$0.key, $0.value] })
    }
}
