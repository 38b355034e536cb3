/// The level of a union organisation in the county tree.
public enum OrganizationLevel: String, Codable, Sendable, CaseIterable {
    /// 县级工会 (county union, or any union of county level and above).
    case county
    /// 乡镇/街道/园区工会 (township, street or park union).
    case township
    /// 区域性、行业性工会联合会 (regional or industry federation).
    case federation
    /// 基层工会 (grassroots union of one employer).
    case grassroots

    public var chinese: String {
        switch self {
        case .county: "县级工会"
        case .township: "乡镇（街道）工会"
        case .federation: "工会联合会"
        case .grassroots: "基层工会"
        }
    }

    /// The chart the rule gives an organisation of this level: county-and-above unions keep the
    /// 45-account chart; everyone else, federations included, the grassroots chart.
    public var defaultChart: ChartKind { self == .county ? .county : .grassroots }
}

/// A union organisation whose books the ledger keeps.
public struct Organization: Hashable, Sendable {
    public var code: String
    public var name: String
    public var level: OrganizationLevel
    public var parentCode: String?
    public var chart: ChartKind
    /// 独立管理经费: the organisation manages its own funds (and then needs a review committee).
    public var independent: Bool
    /// A federation's term of office (届期): 3 or 5 years from `termStart`.
    public var termYears: Int?
    public var termStart: LocalDate?

    public init(code: String, name: String, level: OrganizationLevel, parentCode: String? = nil,
                chart: ChartKind? = nil, independent: Bool = false, termYears: Int? = nil, termStart: LocalDate? = nil) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.chart = chart ?? level.defaultChart
        self.independent = independent
        self.termYears = termYears
        self.termStart = termStart
    }

    /// The last day of the term, if the term is known.
    public var termEnd: LocalDate? {
        guard let termYears, let termStart else { return nil }
        return LocalDate(year: termStart.year + termYears, month: termStart.month, day: min(termStart.day, 28))
    }

    /// Checks the fields a person typed: a code of letters, digits and '-', a name.
    public func validate() throws(OrganizationError) {
        let allowed = code.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
        guard !code.isEmpty, code.count <= 32, allowed else { throw .badCode(code) }
        guard !name.isEmpty, name.count <= 100, !name.contains(where: \.isNewline) else { throw .badName(code: code, name: name) }
        if parentCode == code { throw .ownParent(code) }
        if let termYears, termYears != 3 && termYears != 5 { throw .badTerm(code: code, years: termYears) }
        if (termYears == nil) != (termStart == nil) { throw .badTerm(code: code, years: termYears ?? 0) }
    }
}

/// Why an organisation was refused: its code, its name, its level under its parent, its term.
public enum OrganizationError: Error, Equatable, Sendable, CustomStringConvertible {
    case badCode(String)
    case badName(code: String, name: String)
    case ownParent(String)
    case badTerm(code: String, years: Int)
    case needsParent(String, OrganizationLevel)
    case parentLevel(code: String, level: OrganizationLevel, parent: OrganizationLevel)
    case federationName(code: String, name: String, why: String)

    public var description: String {
        switch self {
        case let .badCode(code):
            return "organisation code \"\(code)\" is not usable: use 1 to 32 ASCII letters, digits, '-' or '_', such as FED-01"
        case let .badName(code, name):
            return "organisation \(code) has an unusable name \"\(name)\": give a name of 1 to 100 characters on one line"
        case let .ownParent(code):
            return "organisation \(code) cannot be its own parent; give the code of the union above it"
        case let .badTerm(code, years):
            return "organisation \(code): a term is 3 or 5 years with its start date (got \(years) years); give both --term-years and --term-start"
        case let .needsParent(code, level):
            return "organisation \(code) is a \(level.rawValue) (\(level.chinese)) and needs the union above it; give --parent"
        case let .parentLevel(code, level, parent):
            let allowed = (OrganizationRules.allowedParents[level] ?? []).map { $0.rawValue }.sorted().joined(separator: " or ")
            return "organisation \(code) is a \(level.rawValue) (\(level.chinese)) and cannot sit under a \(parent.rawValue) (\(parent.chinese)); its parent is a \(allowed) union"
        case let .federationName(code, name, why):
            return "federation \(code) cannot be named \"\(name)\": \(why). The rule: \(OrganizationRules.federationNameRule)"
        }
    }
}
