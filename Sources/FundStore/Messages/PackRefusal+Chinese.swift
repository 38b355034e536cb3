import FundCore

extension PackRefusal: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        switch self {
        case let .alreadySent(organization, period, status):
            return "\(organization) \(period) 的月报已报送，当前状态为“\(status.chinese)”；只有被退回或反结账后才能重新报送 [pack-already-sent]"
        case let .notAwaiting(organization, period, status):
            let state = status.map { "当前状态为“\($0.chinese)”" } ?? "尚未报送"
            return "\(organization) \(period) 的月报\(state)；只有已报送、尚未签收或退回的月报才能签收或退回 [pack-not-awaiting]"
        case let .notSuperior(user, organization):
            return "\(user) 不是 \(organization) 上级单位的上级工会用户；月报由其上级工会签收或退回 [pack-not-superior]"
        }
    }
}
