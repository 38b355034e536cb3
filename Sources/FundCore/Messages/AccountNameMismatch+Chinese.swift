extension AccountNameMismatch: LocalizedMessage {
    /// The Chinese text: the code, the chart's name and the name given, and both fixes.
    public var chinese: String {
        "科目 \(code) 在科目表中名为“\(expected)”，而不是“\(given)”；请更正科目名称，或只写科目编码 [\(Self.rule)]"
    }
}
