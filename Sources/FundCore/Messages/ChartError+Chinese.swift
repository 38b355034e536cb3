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
        }
    }
}
