extension CommitteeError: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        switch self {
        case let .badTerm(organization, years):
            "\(organization) 的经费审查委员会任期给的是 \(years) 年；经审会任期与同级工会相同，为 3 年或 5 年 [committee]"
        case let .memberDates(name, start, end):
            "委员 \(name) 的任职结束日期 \(end) 早于开始日期 \(start)；结束日期应不早于开始日期 [committee]"
        }
    }
}
