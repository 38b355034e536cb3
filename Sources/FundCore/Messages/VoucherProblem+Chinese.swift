extension VoucherProblem.Rule {
    /// What the rule asks, in Chinese, with how to put a voucher right.
    public var chinese: String {
        switch self {
        case .tooFewLines: "凭证至少要有一行借方和一行贷方"
        case .tooManyLines: "凭证行数超过上限；请拆成几张凭证（如 记字5号 1/2、2/2）"
        case .zeroAmount: "金额为零；请删去该行或填写金额"
        case .amountTooLarge: "金额超过限额；请拆成几行或几张凭证"
        case .redInkSign: "红字冲销凭证的每一行都应是原凭证对应行的负数"
        case .negativeAmount: "普通凭证不能有负数金额；请把金额记在另一方，或用 `voucher reverse` 红字冲销已记账凭证"
        case .unbalanced: "借贷不平衡；凭证借方合计须与贷方合计相等，精确到分"
        case .unknownAccount: "科目不在本单位的科目表中；请用 `fundledger account list --org 单位` 核对编码"
        case .notLeafAccount: "该科目下设有明细科目；请记入其明细科目"
        case .missingSummary: "凭证没有摘要；请用几个字说明经济业务"
        case .summaryTooLong: "摘要过长；请缩短"
        case .missingPreparer: "凭证没有制单人；请给出制单人姓名"
        case .reviewerIsPreparer: "制单人与审核人为同一人；审核须由另一人进行"
        case .badAttachments: "附件张数须为不超过上限的非负整数"
        case .badWord: "凭证字不可用；请用“记”等一至四个汉字"
        case .badTag: "标签的值不可用；请按格式填写"
        case .reversesNothing: "红字冲销凭证所冲销的原凭证不存在或未记账"
        case .reversalMismatch: "红字冲销凭证的行与原凭证不一致；应逐行照抄原凭证并改为负数"
        case .unknownCounterpart: "往来单位不在账套中；请先增设或更正代码"
        case .counterpartRequired: "应收下级经费、补助下级支出和支付应付下级经费的凭证行须注明往来单位（下级工会代码），以便与下级账簿逐月核对"
        case .periodClosed: "该月已结账，不能再记账；请把凭证日期改到未结账的月份，或先反结账"
        case .assetFundUnpaired: "固定资产与固定资产基金（资产基金）须同时、等额变动"
        case .capitalWithoutAsset: "资本性支出须同时登记固定资产"
        case .subsidyPurpose: "项目补贴只能用于批复的用途（专款专用）"
        case .subsidyOverspent: "项目补贴支出超过已到账金额"
        case .subsidyWindow: "项目补贴支出不在使用期内，或项目已结项"
        case .subsidySettled: "项目补贴已结项，不能再支出"
        case .subsidyNotApproved: "项目补贴尚未批复"
        case .subsidyOverApproved: "项目补贴金额超过批复金额"
        case .controlCharacter: "文字中含控制字符或方向字符；请删去（换行、制表符和方向标记不能记入账簿）"
        case .noReviewer: "凭证未经审核：须由制单人以外的另一名财务人员审核后方可记账（标注 reviewer:姓名，或用 `fundledger voucher review` 审核）"
        case .notAUser: "制单人或审核人不是本账套用户；请授予其本单位财务人员角色，或以 --historical 导入旧账历史"
        case .notAnOfficer: "制单人或审核人不是本单位的财务人员；只有本单位财务人员可制单、审核其凭证"
        case .reviewerNotActing: "审核须由审核人本人登记；不能代他人登记审核"
        case .basicClassMissing: "财政拨款收入的基本支出须注明人员经费或公用经费（按预算批复标注 class:人员经费 或 class:公用经费）"
        case .basicClassMisplaced: "人员经费、公用经费只用于 40401 财政拨款收入和 331 财政拨款结转中不带项目的基本支出行；支出行按科目自动归类"
        }
    }
}

extension VoucherProblem: LocalizedMessage {
    /// The Chinese text: the line at fault (unless the sentence names it), what is wrong with
    /// its facts in Chinese and how to fix it, and the English rule id in brackets.
    public var chinese: String {
        let line = lineIndex.flatMap { chineseMessage.contains("第 \($0 + 1) 行") ? nil : "第 \($0 + 1) 行：" } ?? ""
        return line + chineseMessage + " [" + rule.rawValue + "]"
    }
}
