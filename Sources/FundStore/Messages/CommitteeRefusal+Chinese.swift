import FundCore

extension CommitteeRefusal: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        switch self {
        case let .invalid(error):
            error.chinese
        case let .termDiffersFromUnion(organization, years):
            "\(organization) 的工会委员会任期为 \(years) 年，经审会任期与之相同；请给出 --term \(years) [committee]"
        case let .alreadyElected(organization, elected):
            "\(organization) 已有 \(elected) 选举产生的经审会 [committee]"
        case let .noCommitteeInTerm(organization, date):
            "\(organization) 在 \(date) 没有在任的经审会；请先登记经审会（`fundledger committee add`） [committee]"
        case let .alreadyMember(name):
            "\(name) 已是本经审会委员 [committee]"
        case let .officerCannotSit(name, organization):
            "\(name) 是 \(organization) 的财务人员，不得兼任其经审会委员（独立性）；请另选委员，或先撤销其财务人员角色 [committee-independence]"
        }
    }
}
