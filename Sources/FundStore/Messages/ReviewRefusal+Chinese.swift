import FundCore

extension ReviewRefusal: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        switch self {
        case let .badSetting(error):
            return error.chinese
        case .emptyAnswer:
            return "答复需要内容：请说明做了什么，或该问题为何不适用 [review]"
        case .emptyReopenReason:
            return "请说明重新打开该问题的理由 [review]"
        case let .findingNotFound(id):
            return "没有审查问题 #\(id)；可用 `fundledger review findings` 查看 [review]"
        case let .findingStatus(id, status, act, allowed):
            let allowed = allowed.map(\.chinese).sorted().joined(separator: "或")
            let acts = ["answered": "答复", "resolved": "认定为已整改", "accepted": "认可", "reopened": "重新打开"]
            return "审查问题 #\(id) 的状态是“\(status.chinese)”；只有在“\(allowed)”状态下才能\(acts[act] ?? act) [review]"
        case .emptyOpinion:
            return "审查意见需要正文 [review]"
        case .noSigners:
            return "审查意见由同意的经审会委员签署；请为每位委员给出 --signer 姓名 [review]"
        case let .notAudited(organization, year):
            return "\(organization) \(year) 年尚未审计；请先运行 `fundledger review run` [review]"
        case let .reportNeedsAudit(organization, year):
            return "\(organization) \(year) 年尚未审计；请先运行 `fundledger review run --org \(organization) --year \(year)` [review]"
        case let .opinionExists(organization, year):
            return "\(organization) 已有 \(year) 年的审查意见；已签署的意见按原样保存 [review]"
        case let .noCommitteeInTerm(organization, date):
            return "\(organization) 在 \(date) 没有在任的经审会 [review]"
        case let .signerNotServing(name, organization, date):
            return "\(name) 在 \(date) 不是 \(organization) 经审会的委员；只有在任委员才能签署审查意见 [review]"
        case let .answererCloses(id, user):
            return "\(user) 答复了审查问题 #\(id)，不能再由其销号或认可；请由经审会另一位委员判断答复 [review]"
        case let .tooFewSigners(organization, required, signers):
            return "\(organization) 经审会审查意见须至少由 \(required) 名在任委员签署，现仅 \(signers.count) 人（\(signers.joined(separator: "、"))）签署；请为每位同意的委员给出 --signer 姓名 [too-few-signers]"
        case let .noOpinionDraft(organization, year):
            return "\(organization) \(year) 年尚无待签署的审查意见草稿；请先由一名经审会委员起草 [no-opinion-draft]"
        case let .alreadySigned(name, organization, year):
            return "\(name) 已签署 \(organization) \(year) 年的审查意见草稿；每位委员只签署一次 [already-signed]"
        case let .badCoverage(throughMonth):
            return "审查意见的审查期间为本年 1 月至某月（1 至 12），不能截至第 \(throughMonth) 月 [opinion-coverage]"
        }
    }
}
