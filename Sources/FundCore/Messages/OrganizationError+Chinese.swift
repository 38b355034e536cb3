extension OrganizationError: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        switch self {
        case let .badCode(code):
            return "单位代码“\(code)”不可用：请用 1 至 32 个英文字母、数字、“-”或“_”，如 FED-01 [bad-org]"
        case let .badName(code, name):
            return "单位 \(code) 的名称“\(name)”不可用：名称为一行、1 至 100 个字符 [bad-org]"
        case let .ownParent(code):
            return "单位 \(code) 不能以自己为上级；请用 --parent 给出上一级工会的代码 [bad-org]"
        case let .badTerm(code, years):
            return "单位 \(code)：任期为 3 年或 5 年并有起始日期（给出的是 \(years) 年）；请同时给出 --term-years 和 --term-start [bad-org]"
        case let .needsParent(code, level):
            return "单位 \(code) 是\(level.chinese)（\(level.rawValue)），须有上一级工会；请给出 --parent [bad-org]"
        case let .parentLevel(code, level, parent):
            let allowed = (OrganizationRules.allowedParents[level] ?? []).map(\.chinese).sorted().joined(separator: "或")
            return "单位 \(code) 是\(level.chinese)，不能隶属于\(parent.chinese)；其上级应为\(allowed) [bad-org]"
        case let .federationName(code, name, why):
            return "工会联合会 \(code) 不能命名为“\(name)”：\(why)。规则：名称为“行政区划名称 + 区域或行业名称 + 工会联合会”，不得为职业名称或基层工会名称 [bad-org]"
        }
    }
}
