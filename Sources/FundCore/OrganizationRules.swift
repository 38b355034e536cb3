/// Rules of the organisation tree and of federation names (seed §II.1).
///
/// The tree runs county -> township (street, park) -> federation -> grassroots. A federation
/// may also sit directly under a county-level union (a city-level industry federation under a
/// city union is a federation under a union of county level or above), and a grassroots union
/// may sit under any union above it.
public enum OrganizationRules {
    /// The levels a parent of each level may have.
    public static let allowedParents: [OrganizationLevel: Set<OrganizationLevel>] = [
        .county: [.county],
        .township: [.county],
        .federation: [.county, .township],
        .grassroots: [.county, .township, .federation],
    ]

    /// The naming rule as the seed states it.
    public static let federationNameRule = "区域性、行业性工会联合会的名称为“行政区划名称 + 区域或行业名称 + 工会联合会”"

    /// Endings that make the middle of a federation's name an employer's (a grassroots union's
    /// name) or an occupation rather than a region or an industry. These word lists are
    /// FundLedger's reading of the rule, not text of it; see docs/organisations.md.
    public static let employerEndings = ["有限责任公司", "有限公司", "股份公司", "公司", "集团", "厂", "商场", "医院", "学校", "门店", "店"]
    public static let occupationEndings = ["快递员", "驾驶员", "员", "骑手", "司机", "师", "保姆", "护工"]

    /// The administrative division a union's name starts with: the name without its ending.
    public static func division(of unionName: String) -> String {
        for ending in ["总工会", "工会联合会", "工会委员会", "工会"] where unionName.hasSuffix(ending) {
            return String(unionName.dropLast(ending.count))
        }
        return unionName
    }

    /// Checks a parent's level.
    public static func checkParent(_ organization: Organization, parentLevel: OrganizationLevel?) throws(OrganizationError) {
        guard let parentLevel else {
            if organization.level != .county { throw .needsParent(organization.code, organization.level) }
            return
        }
        if !(allowedParents[organization.level] ?? []).contains(parentLevel) {
            throw .parentLevel(code: organization.code, level: organization.level, parent: parentLevel)
        }
    }

    /// Checks a federation's name against the divisions of the unions above it (nearest first).
    public static func checkFederationName(_ name: String, code: String, ancestorNames: [String]) throws(OrganizationError) {
        guard name.hasSuffix("工会联合会") else {
            throw .federationName(code: code, name: name, why: "it must end in 工会联合会")
        }
        let divisions = ancestorNames.map(division(of:)).filter { !$0.isEmpty }
        guard let division = divisions.filter({ name.hasPrefix($0) }).max(by: { $0.count < $1.count }) else {
            let expected = divisions.first.map { "such as \($0)" } ?? "of the union above it"
            throw .federationName(code: code, name: name, why: "it must start with the administrative division it belongs to, \(expected)")
        }
        let middle = String(name.dropFirst(division.count).dropLast("工会联合会".count))
        guard !middle.isEmpty else {
            throw .federationName(code: code, name: name, why: "it names no region or industry between \(division) and 工会联合会")
        }
        if let ending = employerEndings.first(where: { middle.hasSuffix($0) }) {
            throw .federationName(code: code, name: name, why: "\"\(middle)\" ends in \(ending), a grassroots union's (an employer's) name, not a region or an industry")
        }
        if let ending = occupationEndings.first(where: { middle.hasSuffix($0) }) {
            throw .federationName(code: code, name: name, why: "\"\(middle)\" ends in \(ending), an occupation, not a region or an industry; name the industry, such as 快递行业")
        }
    }
}
