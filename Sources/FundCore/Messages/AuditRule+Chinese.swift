extension AuditRule {
    /// What the rule checks, in Chinese, as the committee and the officer read it on the desk
    /// and in the working papers; the English `explanation` stays for `--lang en`.
    public var chineseExplanation: String { AuditRule.chineseExplanations[id] ?? explanation }

    /// The explanation in `language`.
    public func explanation(_ language: Language) -> String {
        language == .chinese ? chineseExplanation : explanation
    }

    /// The Chinese explanation of every rule, by rule id (a test checks that none is missing).
    static let chineseExplanations: [String: String] = [
        "receivable-aged": "135 其他应收款（借款、暂付款）挂账超过设定天数（设定项 receivable-days，未设时为 90 天）仍未清理：应凭发票报销冲账或收回欠款。",
        "remittance-late": "贷记 211 应付上级经费的款项未在设定天数内上缴（借 211、贷 102；设定项 remit-days，未设时为 30 天）。",
        "pass-down-late": "贷记 21202 应付下级转拨经费的款项未在设定天数内转拨下级（借 21202、贷 102；设定项 pass-down-days，未设时为 30 天）。",
        "asset-fund-mismatch": "年末（或审查截止日）301 资产基金不等于其对应的非货币性资产净额（141、151、161、162 减 163、171 减 172、181）。",
        "capital-without-card": "507 资本性支出（50705 大型修缮除外）中达到固定资产起点的购置，31 天内没有登记相应金额的固定资产卡片。",
        "suspense-open": "年末 182 待处理财产损溢仍有余额：待批准的盘亏、毁损或盘盈在结账前未处理完毕。",
        "forms-tie": "编制报表（工会01表、工会02表、科目余额表）所依据的年末数不平衡、与本年已记账分录不符，或期末结转凭证动用了收入支出表不结转的科目。",
        "unbudgeted-spending": "支出科目的支出不在已批准预算的任何项目之内（预算外支出）。",
        "deficit-budget": "已批准预算的支出超过收入项目与上年结转的可用结余（322 工会资金结余）之和，出现赤字预算。",
        "cash-in-credit": "101 库存现金某日日终出现贷方余额：付出的现金多于库存。现在记账时即被拒绝；作为历史导入或此前记账的账簿仍可能出现。",
        "cash-on-hand": "101 库存现金某日日终余额超过库存限额（设定项 cash-on-hand，未设时为 5,000.00 元）；超出部分应当日送存银行。",
        "federation-term-expired": "联合会任期（自成立起 3 年或 5 年）已满，未登记换届，也没有经批准的延期。",
        "federation-term-ending": "联合会任期在审查截止日后三个月内届满：应筹备换届或申请延期。",
        "federation-member-replacement": "以所在工会主席身份担任联合会委员的人员已不再担任该职务却仍在任：应按规定替补。",
        "subsidy-purpose": "标注了补贴项目的分录记入了项目批准用途以外的科目（违反专款专用）。",
        "subsidy-overspent": "按日期顺序，标注某项目的支出超过了该项目截至当时的到账金额。",
        "subsidy-window": "标注某项目的支出发生在使用期开始之前、截止日之后或结项之后。",
        "earmarked-untagged": "40302 专项补助收入未标注项目，无法追踪其用途。",
        "project-without-project": "支出分录标为项目支出，却未写明项目。",
        "budget-overrun": "本年某预算项目的支出超过批准（含调整后）的预算数。",
        "numbering": "同一月份、同一凭证字的凭证号未按 1、2、3……连续编号，存在断号或重号。",
        "reviewer-is-preparer": "凭证由制单人本人审核，或未经审核即记账（导入时未审核）。",
        "historical-people": "作为历史导入（--historical）的凭证所列制单人或审核人不是本账套用户；其签字只能以原账簿为准。",
        "no-attachments": "记账凭证（结转、折旧和红字冲销凭证除外）没有附原始单据。",
        "cash-limit": "从 101 库存现金支付的单笔金额超过设定的现金支付限额。",
        "round-sum": "达到设定金额的现金或银行付款恰为设定单位的整数倍（整数金额）。",
        "non-working-day": "凭证日期为设定日历中的周末或法定节假日。",
        "reversals": "本年的红字冲销凭证和结账后又反结账的月份，供经审会查看。",
        "welfare-cap": "福利类支出按会员人数平均后超过省里规定的年度标准。",
        "committee-missing": "独立核算的工会（联合会、乡镇或县级工会、基层工会）本年有一段时间没有在任的经费审查委员会。",
        "committee-independence": "经审会委员在被审年度内为该工会制单、审核或保管凭证。",
        "seal-broken": "已记账凭证与记账时生成的 SHA-256 封存值不再相符：凭证在 FundLedger 之外被改动。",
    ]
}
