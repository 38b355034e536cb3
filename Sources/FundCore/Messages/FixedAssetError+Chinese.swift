extension FixedAssetError: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        switch self {
        case let .badCode(code): "资产编号“\(code)”须为 1 至 32 个字符 [bad-asset]"
        case let .badName(code): "资产 \(code) 需要名称 [bad-asset]"
        case let .badCost(code, cost): "资产 \(code) 的原值 \(cost) 须为正数且不超过单行限额 [bad-asset]"
        case let .badLife(code, months): "资产 \(code) 的使用年限 \(months) 个月须在 1 至 1200 个月之间 [bad-asset]"
        case let .lifeBelowMinimum(code, assetClass, months, years):
            "资产 \(code) 属“\(assetClass.chineseName)”类，最低使用年限为 \(years) 年（\(years * 12) 个月），卡片所填 \(months) 个月低于该年限；请至少填写 \(years * 12) 个月 [asset-minimum-life]"
        }
    }
}
