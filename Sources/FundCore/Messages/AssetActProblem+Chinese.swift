extension AssetActProblem: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        let text = switch self {
        case let .unknownAsset(organization, code):
            "\(organization) 的固定资产卡片中没有 \(code)；请用 `fundledger asset list --org \(organization)` 查看"
        case let .alreadyDisposed(organization, code, act):
            "\(organization) 的资产 \(code) 已经\(act.chinese)，不在账上；一项资产只能处置一次"
        case let .nothingPending(organization, code):
            "\(organization) 的资产 \(code) 没有待批准的待处理财产损溢（182）；请先办理盘盈或处置（`asset surplus`、`asset dispose`）"
        case let .actBeforeAcquired(code, date, acquired):
            "资产 \(code) 的业务日期 \(date) 早于 \(acquired)；请填写 \(acquired) 或以后的日期"
        }
        return text + " [\(rule)]"
    }
}
