extension SumOverflow: LocalizedMessage {
    /// The Chinese text, with the English rule id in brackets.
    public var chinese: String {
        let months = period.lowerBound == period.upperBound ? period.lowerBound.description : "\(period.lowerBound) 至 \(period.upperBound)"
        let what = account.map { "科目 \($0) 的合计" } ?? "各科目的总计"
        return "\(organization) 在 \(months) \(what)过大，无法精确保存（超过 92,233,720,368,547,758.07 元）；请更正金额过大的行，或把金额分到几个单位或年度 [sum-overflow]"
    }
}
