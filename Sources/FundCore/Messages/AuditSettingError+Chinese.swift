extension AuditSettingError: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        switch self {
        case let .unknownKey(key): "\(key) 不是审计设置项；设置项有 \(AuditSettings.keys.joined(separator: "、")) [review]"
        case let .badValue(key, value, expected): "\(key) = \(value) 无效；请给出 \(expected) [review]"
        }
    }
}
