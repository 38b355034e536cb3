extension SubsidyError: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets. The reason is the
    /// check's own words.
    public var chinese: String {
        switch self {
        case let .badItem(code, why): "项目补贴 \(code) 无法登记：\(why) [subsidy]"
        }
    }
}
