extension RoleGrant {
    /// The grant as a Chinese message names it: “FED-01 的财务人员”, “全部单位的账套管理员”.
    public var chinese: String {
        (organization.map { $0 + " 的" } ?? "全部单位的") + role.chinese + "（" + role.rawValue + "）"
    }
}

extension Action {
    /// What the action does, as a Chinese refusal says it: “记 FED-01 的账”.
    public func chinesePhrase(_ organization: String?) -> String {
        let books = organization.map { " " + $0 + " 的账" } ?? "整个账套"
        switch self {
        case .read: return "查阅" + books
        case .writeBooks: return "记" + books
        case .answerFinding: return "答复" + (organization.map { " " + $0 + " " } ?? "整个账套") + "的审查问题"
        case .audit: return "审计" + books + "（运行审计、处理问题、签署审查意见）"
        case .administer: return "管理账套（单位、用户、经审会、工作日历）"
        case .cashierWork: return "办理" + (organization.map { " " + $0 + " " } ?? "全部单位") + "的出纳工作（登记收付款凭证、出纳确认）"
        }
    }
}
