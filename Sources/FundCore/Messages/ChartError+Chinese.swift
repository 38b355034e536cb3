extension ChartError: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        switch self {
        case let .malformedCode(code):
            "科目编码“\(code)”格式不对：一级科目为以 1 至 5 开头的 3 位数字，每下一级再加 2 位（至多 \(AccountCode.maximumLevel) 级） [bad-account]"
        case let .levelOneNotAllowed(code):
            "科目 \(code) 将成为新的一级科目；一级科目由工会会计制度统一规定，不得增设（工会会计制度 总说明）。请在已有科目下增设明细科目，如 \(code)01 [bad-account]"
        case let .unknownParent(code, parent):
            "科目 \(code) 没有上级科目：科目表中没有 \(parent)；请先增设 \(parent)，或选用已有科目下的编码 [bad-account]"
        case let .duplicate(code):
            "科目 \(code) 已在本科目表中；请另选编码 [bad-account]"
        case let .badName(code, name):
            "科目 \(code) 的名称“\(name)”不可用：名称不能为空，不能含“/”“:”或连续两个空格 [bad-account]"
        case let .countyAccountNotAllowed(code, chart):
            chart == .county
                ? "科目 \(code) 已在县级以上工会会计科目表中；只有使用基层工会会计科目的单位才需增设县级科目 [county-account-not-allowed]"
                : "基层工会只可按县级以上工会会计科目增设 132 应收下级经费、212 应付下级经费、508 补助下级支出及其明细科目，用于转拨下级经费、补助下级等特殊业务；科目 \(code) 不在其列 [county-account-not-allowed]"
        case let .openingReasonMissing(code):
            "请用 --reason 说明需要科目 \(code) 的业务，如“转拨基层工会拨缴经费” [opening-reason-missing]"
        case let .openingReasonTooLong(code, limit):
            "增设科目 \(code) 的理由超过 \(limit) 个字；请简要写明业务 [opening-reason-too-long]"
        }
    }
}
