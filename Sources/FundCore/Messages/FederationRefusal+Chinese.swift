extension FederationRefusal: LocalizedMessage {
    /// The Chinese text of the refusal (or warning), with the English rule id in brackets.
    public var chinese: String {
        switch self {
        case let .notAFederation(code, level):
            "\(code) 是\(level.chinese)，不是工会联合会；覆盖乡镇、任期和委员会委员只为工会联合会登记 [\(rule)]"
        case let .badTownship(federation, township):
            "工会联合会 \(federation)：“\(township)”不是可用的乡镇（街道）名称；请给出一行 1 至 60 个字符的名称 [\(rule)]"
        case let .badTermYears(federation, years):
            "工会联合会 \(federation)：换届后的任期为 3 年或 5 年（给出的是 \(years) 年）；请给出 --years 3 或 5 [\(rule)]"
        case let .extensionWithoutDocument(federation):
            "工会联合会 \(federation)：延期换届须登记批准文件；请给出 --document 批复文号 [\(rule)]"
        case let .noTerm(federation):
            "工会联合会 \(federation) 未登记任期，无从延期；请先登记任期（org add --term-years/--term-start，或 org term --re-election） [\(rule)]"
        case let .extensionWithinTerm(federation, until, termEnd):
            "工会联合会 \(federation)：延期至 \(until) 未超过任期届满日 \(termEnd)；请给出更晚的日期 [\(rule)]"
        case let .memberDates(name, start, end):
            "委员会委员 \(name) 的离任日 \(end) 早于就任日 \(start)；请给出不早于就任日的离任日 [\(rule)]"
        case let .associationHeadAsChair(name, post, office, federation):
            "\(name) 是\(post.chinese)，不能担任工会联合会 \(federation) 的\(office.chinese)：行业协会、商会的会长、副会长不得担任联合会主席、副主席；可作为委员 [\(rule)]"
        case let .enterpriseHeadAsMember(name, fromUnion, federation):
            "\(name)（\(fromUnion)）是企业行政主要负责人，不得担任工会联合会 \(federation) 委员会委员 [\(rule)]"
        case let .alreadyMember(name, federation):
            "\(name) 已是工会联合会 \(federation) 委员会委员 [\(rule)]"
        case let .unknownMember(name, federation):
            "\(name) 不是工会联合会 \(federation) 委员会委员 [\(rule)]"
        case let .countySupportNotAllowed(item, county, federation, upper):
            "项目补贴 \(item)：只有在上级工会 \(upper) 不独立管理经费、或联合会跨多个乡镇（街道）时，县级工会 \(county) 才可直接支持工会联合会 \(federation)；请登记其覆盖的乡镇（org townships），或登记经批准的例外及其文号（org exception） [\(rule)]"
        case let .exceptionWithoutDocument(federation):
            "县级工会直接支持工会联合会 \(federation) 的例外须登记批准文件；请给出 --document 批复文号 [\(rule)]"
        case let .federationWithoutBudgetLine(organization, year, federations):
            "\(organization) \(year) 年预算中没有所属工会联合会 \(federations.joined(separator: "、")) 的预算行：联合会的建设和工作经费列入上级工会预算；请增加以该联合会为往来单位的预算行 [\(rule)]"
        }
    }
}
