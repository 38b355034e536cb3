extension SubsidyProblem: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        switch self {
        case let .invalidItem(error):
            error.chinese
        case let .duplicateCode(code):
            "项目补贴 \(code) 已存在；请另选编号 [subsidy]"
        case let .unknownItem(code):
            "没有项目补贴 \(code)；可用 `fundledger subsidy list --org 拨款单位` 查看 [subsidy]"
        case let .notAwaitingApproval(code, status):
            "项目补贴 \(code) 的状态是“\(status.chinese)”，不在待批复状态 [subsidy]"
        case let .notPayable(code, status):
            "项目补贴 \(code) 的状态是“\(status.chinese)”；只有已批复的项目才能拨付 [subsidy]"
        case let .trancheNotPositive(code):
            "项目补贴 \(code) 的每笔拨付须为正数金额 [subsidy]"
        case let .accruedFirst(code, accrued):
            "项目补贴 \(code) 年末已预提 \(accrued.grouped)（21201/13101）；请先按这一金额拨付 [subsidy]"
        case let .payingOverApproved(code, amount, approved):
            "拨付 \(amount.grouped) 将使项目补贴 \(code) 超过批复金额 \(approved.grouped) [subsidy]"
        case let .notAccruable(code, status):
            "项目补贴 \(code) 的状态是“\(status.chinese)”；只有已批复的项目才能预提 [subsidy]"
        case let .accruingOverApproved(code, amount, approved):
            "预提 \(amount.grouped) 将使项目补贴 \(code) 超过批复金额 \(approved.grouped) [subsidy]"
        case let .alreadySettled(code):
            "项目补贴 \(code) 已结项 [subsidy]"
        }
    }
}
