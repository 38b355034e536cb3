extension PeopleProblem: LocalizedMessage {
    /// The Chinese text of the problem with its facts (the person, the duty 制单 or 审核, the
    /// organisation) and what to do, without the rule id (the voucher problem adds it).
    public var chineseMessage: String {
        switch self {
        case let .noReviewer(preparer):
            "凭证未经审核：\(preparer) 填制的凭证须由另一名财务人员审核后方可记账（标注 reviewer:姓名，或用 `fundledger voucher review` 审核）"
        case let .reviewerIsPreparer(name):
            "\(name) 既是制单人又是审核人；审核须由另一人进行"
        case let .notAUser(duty, name, organization):
            "\(duty.chinese)人 \(name) 不是本账套的用户；请授予其 \(organization) 的财务人员角色（`fundledger user grant \(name) officer --org \(organization)`），或以 --historical 导入旧账历史"
        case let .notAnOfficer(duty, name, organization):
            "\(duty.chinese)人 \(name) 不是 \(organization) 的财务人员；只有本单位财务人员可制单、审核其凭证"
        case let .reviewerNotActing(reviewer, user):
            "\(user) 不能代 \(reviewer) 登记审核；审核须由审核人本人登记（由 \(reviewer) 运行 `fundledger voucher review`）"
        }
    }

    /// The Chinese text with the English rule id in brackets.
    public var chinese: String { chineseMessage + " [" + rule.rawValue + "]" }
}
