import FundCore

/// The Chinese statement of each check `verify` makes, keyed by the check's id.
public enum VerifyCheckText {
    /// What the check found wrong and what to do, or nil for an id not (yet) given a text (the
    /// message then shows the check's own words alone).
    public static func chinese(_ check: String) -> String? {
        switch check {
        case "balance": "余额汇总与凭证行重新计算的结果不一致；账套在 FundLedger 之外被改动，请从备份恢复"
        case "foreign-key": "数据库外键检查发现问题；请从备份恢复"
        case "integrity": "数据库完整性检查发现问题；请从备份恢复"
        case "leaf-account": "凭证记入了设有明细科目的上级科目"
        case "numbering": "凭证号断号或重号"
        case "reversal": "红字冲销凭证与原凭证不符"
        case "review-committee": "独立管理经费的工会联合会未设经审会；请登记经审会（`fundledger committee add`）"
        case "seal": "已记账凭证与记账时的 SHA-256 封签不符：凭证在 FundLedger 之外被改动"
        case "term": "任期信息不完整或已到期；请更新任期"
        case "untagged-subsidy-spending": "项目补贴的支出未标注项目"
        case "transfer-without-counterpart": "应收下级经费、补助下级支出或支付应付下级经费的凭证行未注明往来单位，无法与下级账簿核对；请红字冲销后注明往来单位重记"
        case "voucher-balance": "凭证借贷不平衡"
        case "year-balance": "年度余额汇总与凭证行重新计算的结果不一致；账套在 FundLedger 之外被改动，请从备份恢复"
        default: nil
        }
    }

    /// Every check id given a text here, for the test that checks each has one.
    public static let known = ["balance", "foreign-key", "integrity", "leaf-account", "numbering", "reversal", "review-committee",
                               "seal", "term", "transfer-without-counterpart", "untagged-subsidy-spending", "voucher-balance", "year-balance"]
}

extension VerifyProblem: LocalizedMessage {
    /// The organisation and voucher, the check's Chinese text with the facts as the check stated
    /// them, and the check's id in brackets.
    public var chinese: String {
        var place = ""
        if let organization { place += organization }
        if let voucher { place += (place.isEmpty ? "" : " ") + voucher }
        let text = chineseMessage ?? VerifyCheckText.chinese(check).map { $0 + "（" + message + "）" } ?? message
        return (place.isEmpty ? "" : place + "：") + text + " [" + check + "]"
    }
}
