/// The seed's own rules for federations (冀工办发〔2020〕43号, §II and §IV.1): who may sit on a
/// federation's committee (委员会, its governing committee, not the funds review committee),
/// its term and 换届, where its money comes from, and when a county union may support it
/// directly. Pure decisions: the store loads the facts, asks, and records or refuses.

/// An office on a federation's governing committee (委员会).
public enum FederationOffice: String, Sendable, CaseIterable, Codable {
    case chair
    case viceChair = "vice-chair"
    case member

    /// The office as the seed names it.
    public var chinese: String {
        switch self {
        case .chair: "主席"
        case .viceChair: "副主席"
        case .member: "委员"
        }
    }

    /// Accepts the English name or the Chinese title.
    public init?(parsing text: String) {
        if let office = FederationOffice(rawValue: text) { self = office; return }
        guard let office = FederationOffice.allCases.first(where: { $0.chinese == text }) else { return nil }
        self = office
    }
}

/// The post a committee member holds in the union or body they come from: what the seed's rules
/// on the committee's composition look at.
public enum FederationMemberPost: String, Sendable, CaseIterable, Codable {
    /// 工会主席 of a member union: the usual member, who sits because they head their union.
    case unionChair = "union-chair"
    /// 工会副主席 of a member union.
    case unionViceChair = "union-vice-chair"
    /// 行业协会或商会会长: may sit, but not as 主席 or 副主席.
    case associationPresident = "association-president"
    /// 行业协会或商会副会长: may sit, but not as 主席 or 副主席.
    case associationVicePresident = "association-vice-president"
    /// 企业行政主要负责人 (an enterprise's chief executive): may not sit at all.
    case enterpriseHead = "enterprise-head"
    /// 职工代表 or another member not sitting by a post.
    case worker

    /// The post in Chinese.
    public var chinese: String {
        switch self {
        case .unionChair: "工会主席"
        case .unionViceChair: "工会副主席"
        case .associationPresident: "行业协会（商会）会长"
        case .associationVicePresident: "行业协会（商会）副会长"
        case .enterpriseHead: "企业行政主要负责人"
        case .worker: "职工代表"
        }
    }

    /// Whether the member sits because they head their own union (and so is replaced when they
    /// no longer do).
    public var headsUnion: Bool { self == .unionChair || self == .unionViceChair }

    /// Accepts the English name or the Chinese post.
    public init?(parsing text: String) {
        if let post = FederationMemberPost(rawValue: text) { self = post; return }
        let aliases: [String: FederationMemberPost] = ["行业协会会长": .associationPresident, "商会会长": .associationPresident,
                                                      "行业协会副会长": .associationVicePresident, "商会副会长": .associationVicePresident]
        if let post = aliases[text] { self = post; return }
        guard let post = FederationMemberPost.allCases.first(where: { $0.chinese == text }) else { return nil }
        self = post
    }
}

/// A member of a federation's committee: who, from which union and in which post there, which
/// office on the committee, and from when to when. `leftPost` is the day the member stopped
/// holding the post they sit by (a new chair elected in their union).
public struct FederationMember: Hashable, Sendable {
    public var name: String
    public var fromUnion: String
    public var post: FederationMemberPost
    public var office: FederationOffice
    public var start: LocalDate
    public var end: LocalDate?
    public var leftPost: LocalDate?

    public init(name: String, fromUnion: String, post: FederationMemberPost, office: FederationOffice, start: LocalDate,
                end: LocalDate? = nil, leftPost: LocalDate? = nil) {
        self.name = name
        self.fromUnion = fromUnion
        self.post = post
        self.office = office
        self.start = start
        self.end = end
        self.leftPost = leftPost
    }

    /// Whether the member sits on `date`.
    public func serves(on date: LocalDate) -> Bool { start <= date && (end.map { date <= $0 } ?? true) }
}

/// A recorded act on a federation's term: a 换届 (a new term from its date) or an approved
/// extension (the term runs to its date).
public struct FederationTermAct: Hashable, Sendable {
    /// What was recorded.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case reElection = "re-election"
        case `extension`

        /// The act in Chinese.
        public var chinese: String { self == .reElection ? "换届" : "延期换届" }
    }

    public var kind: Kind
    /// The new term's first day (换届) or the last day the extended term runs to.
    public var date: LocalDate
    /// The new term's length (换届 only): 3 or 5 years.
    public var years: Int?
    /// The approving document (批复文号), required for an extension.
    public var document: String?

    public init(kind: Kind, date: LocalDate, years: Int? = nil, document: String? = nil) {
        self.kind = kind
        self.date = date
        self.years = years
        self.document = document
    }
}

/// A federation's current term: its start, length, last day and any approved extension.
public struct FederationTerm: Hashable, Sendable {
    public var start: LocalDate
    public var years: Int
    /// The last day of the term as elected.
    public var end: LocalDate
    /// The last day of an approved extension, if any.
    public var extendedTo: LocalDate?

    /// The day the term runs to, extension included.
    public var lastDay: LocalDate { max(end, extendedTo ?? end) }
}

/// How a federation's term stands on a day.
public enum FederationTermStanding: Hashable, Sendable {
    /// No term is recorded.
    case unknown
    /// In term, more than the warning period before its end.
    case inTerm(FederationTerm)
    /// Within the warning period (three months) before the term's last day: prepare the 换届.
    case ending(FederationTerm)
    /// The term's last day has passed without a 换届 or an approved extension.
    case expired(FederationTerm)
}

/// The facts of a federation the audit looks at: the townships it covers, its term acts, its
/// committee.
public struct FederationFacts: Hashable, Sendable {
    public var townships: [String]
    public var termActs: [FederationTermAct]
    public var members: [FederationMember]

    public init(townships: [String] = [], termActs: [FederationTermAct] = [], members: [FederationMember] = []) {
        self.townships = townships
        self.termActs = termActs
        self.members = members
    }
}

/// The seed's rules for federations.
public enum FederationRules {
    /// The warning period before a term ends: three months.
    public static let termWarningMonths = 3
    /// The most townships a federation is recorded as covering.
    public static let maximumTownships = 200

    /// The term's last day from its start: the same day `years` later (as `Organization.termEnd`).
    public static func termEnd(start: LocalDate, years: Int) -> LocalDate {
        LocalDate(year: start.year + years, month: start.month, day: min(start.day, 28))!
    }

    /// The federation's current term: the one recorded with the organisation, replaced by the
    /// latest 换届, extended by the latest approved extension after it.
    public static func term(of organization: Organization, acts: [FederationTermAct]) -> FederationTerm? {
        var current: FederationTerm?
        if let years = organization.termYears, let start = organization.termStart {
            current = FederationTerm(start: start, years: years, end: termEnd(start: start, years: years))
        }
        for act in acts.sorted(by: { $0.date < $1.date }) where act.kind == .reElection {
            guard let years = act.years else { continue }
            if let term = current, act.date <= term.start { continue }
            current = FederationTerm(start: act.date, years: years, end: termEnd(start: act.date, years: years))
        }
        guard var term = current else { return nil }
        for act in acts where act.kind == .extension && act.date > term.end && act.document != nil {
            term.extendedTo = max(term.extendedTo ?? act.date, act.date)
        }
        return term
    }

    /// How the term stands on `date`.
    public static func standing(of organization: Organization, acts: [FederationTermAct], on date: LocalDate) -> FederationTermStanding {
        guard let term = term(of: organization, acts: acts) else { return .unknown }
        if date > term.lastDay { return .expired(term) }
        if date >= warningStart(term.lastDay) { return .ending(term) }
        return .inTerm(term)
    }

    /// The first day of the warning period before `lastDay`.
    public static func warningStart(_ lastDay: LocalDate) -> LocalDate {
        var year = lastDay.year, month = lastDay.month - termWarningMonths
        if month < 1 { month += 12; year -= 1 }
        return LocalDate(year: year, month: month, day: min(lastDay.day, LocalDate.daysIn(year: year, month: month)))!
    }

    /// Checks a term act against the federation's term: a 换届 gives 3 or 5 years; an extension
    /// needs its document and a term to extend, and runs past the term's end.
    public static func checkTermAct(_ act: FederationTermAct, of organization: Organization, acts: [FederationTermAct]) throws(FederationRefusal) {
        guard organization.level == .federation else { throw .notAFederation(code: organization.code, level: organization.level) }
        switch act.kind {
        case .reElection:
            guard let years = act.years, years == 3 || years == 5 else { throw .badTermYears(federation: organization.code, years: act.years ?? 0) }
        case .extension:
            guard let document = act.document, !document.isEmpty else { throw .extensionWithoutDocument(federation: organization.code) }
            guard let term = term(of: organization, acts: acts) else { throw .noTerm(federation: organization.code) }
            guard act.date > term.end else { throw .extensionWithinTerm(federation: organization.code, until: act.date, termEnd: term.end) }
        }
    }

    /// Checks a committee member against the seed: a 行业协会/商会 会长 or 副会长 does not serve as
    /// 主席 or 副主席, and an enterprise's 行政主要负责人 does not serve at all.
    public static func checkMember(_ member: FederationMember, federation: String) throws(FederationRefusal) {
        if let end = member.end, end < member.start { throw .memberDates(name: member.name, start: member.start, end: end) }
        if member.post == .enterpriseHead { throw .enterpriseHeadAsMember(name: member.name, fromUnion: member.fromUnion, federation: federation) }
        if (member.post == .associationPresident || member.post == .associationVicePresident) && member.office != .member {
            throw .associationHeadAsChair(name: member.name, post: member.post, office: member.office, federation: federation)
        }
    }

    /// Members to be replaced (替补) on `date`: still sitting, but no longer holding the post in
    /// their union that they sit by.
    public static func membersToReplace(_ members: [FederationMember], on date: LocalDate) -> [FederationMember] {
        members.filter { member in
            guard let left = member.leftPost, left <= date, member.post.headsUnion else { return false }
            return member.serves(on: date)
        }
    }

    /// Whether a county union may support a federation directly (and run 一事一补 items for it):
    /// the federation sits directly under the county, or its upper union (township, street or
    /// park) does not manage funds independently, or it spans several townships or streets.
    public static func countyMaySupport(federation: Organization, upper: Organization?, townships: [String]) -> Bool {
        guard let upper, upper.level != .county else { return true }
        return !upper.independent || Set(townships).count >= 2
    }

    /// The federations under an upper union that have no line of their own (a line naming the
    /// federation as counterpart) in its budget, by code.
    public static func federationsWithoutLine(_ lines: [BudgetKey], federations: [Organization]) -> [String] {
        let named = Set(lines.filter { !$0.isIncome }.compactMap(\.counterpart))
        return federations.filter { $0.level == .federation && !named.contains($0.code) }.map(\.code).sorted()
    }

    /// Checks a township's name as typed: one line of 1 to 60 characters.
    public static func checkTownship(_ name: String, federation: String) throws(FederationRefusal) {
        guard !name.isEmpty, name.count <= 60, !name.contains(where: \.isNewline) else { throw .badTownship(federation: federation, township: name) }
    }
}

/// Why an act on a federation was refused (or, for a budget without a federation's line, what
/// is warned of): each case named after the seed's rule it guards.
public enum FederationRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The organisation is not a federation.
    case notAFederation(code: String, level: OrganizationLevel)
    /// A township name that cannot be recorded.
    case badTownship(federation: String, township: String)
    /// A 换届 without a term of 3 or 5 years.
    case badTermYears(federation: String, years: Int)
    /// An extension without its approving document.
    case extensionWithoutDocument(federation: String)
    /// An extension of a federation with no recorded term.
    case noTerm(federation: String)
    /// An extension that does not run past the term's end.
    case extensionWithinTerm(federation: String, until: LocalDate, termEnd: LocalDate)
    /// A member whose end is before their start.
    case memberDates(name: String, start: LocalDate, end: LocalDate)
    /// A 行业协会/商会 会长 or 副会长 given the office of 主席 or 副主席.
    case associationHeadAsChair(name: String, post: FederationMemberPost, office: FederationOffice, federation: String)
    /// An enterprise's 行政主要负责人 given a seat.
    case enterpriseHeadAsMember(name: String, fromUnion: String, federation: String)
    /// A member already on the committee.
    case alreadyMember(name: String, federation: String)
    /// No such member on the committee.
    case unknownMember(name: String, federation: String)
    /// A county subsidy item for a federation the county may not support directly, without a
    /// recorded exception.
    case countySupportNotAllowed(item: String, county: String, federation: String, upper: String)
    /// An exception to the county's direct support recorded without its document.
    case exceptionWithoutDocument(federation: String)
    /// An upper union's budget with no line for a federation under it.
    case federationWithoutBudgetLine(organization: String, year: Int, federations: [String])

    /// The rule id, in English, as the messages carry it.
    public var rule: String {
        switch self {
        case .notAFederation: "not-a-federation"
        case .badTownship: "bad-township"
        case .badTermYears, .extensionWithoutDocument, .noTerm, .extensionWithinTerm: "federation-term"
        case .memberDates, .alreadyMember, .unknownMember: "federation-member"
        case .associationHeadAsChair: "association-head-as-chair"
        case .enterpriseHeadAsMember: "enterprise-head-as-member"
        case .countySupportNotAllowed, .exceptionWithoutDocument: "county-support-not-allowed"
        case .federationWithoutBudgetLine: "federation-budget-line"
        }
    }

    /// The kind of refusal a server answers with.
    public var category: ErrorCategory {
        switch self {
        case .unknownMember: .notFound
        case .alreadyMember, .countySupportNotAllowed, .federationWithoutBudgetLine: .conflict
        default: .invalidInput
        }
    }

    public var description: String {
        switch self {
        case let .notAFederation(code, level):
            "\(code) is a \(level.rawValue) (\(level.chinese)), not a federation; townships, terms and committee members are recorded for federations"
        case let .badTownship(federation, township):
            "federation \(federation): \"\(township)\" is not a township name; give one line of 1 to 60 characters"
        case let .badTermYears(federation, years):
            "federation \(federation): a new term (换届) is 3 or 5 years (got \(years)); give --years 3 or 5"
        case let .extensionWithoutDocument(federation):
            "federation \(federation): an extension of the term is recorded with the document that approved it; give --document"
        case let .noTerm(federation):
            "federation \(federation) has no recorded term to extend; record its term first (org add --term-years/--term-start, or org term --re-election)"
        case let .extensionWithinTerm(federation, until, termEnd):
            "federation \(federation): an extension to \(until) does not run past the term's end, \(termEnd); give a later day"
        case let .memberDates(name, start, end):
            "committee member \(name) ends on \(end), before starting on \(start); give an end on or after the start"
        case let .associationHeadAsChair(name, post, office, federation):
            "\(name), \(post.rawValue) (\(post.chinese)), cannot be \(office.rawValue) (\(office.chinese)) of federation \(federation): a 行业协会 or 商会 会长 or 副会长 does not serve as its 主席 or 副主席; seat them as a member"
        case let .enterpriseHeadAsMember(name, fromUnion, federation):
            "\(name) of \(fromUnion) is an enterprise's chief executive (企业行政主要负责人) and cannot sit on the committee of federation \(federation)"
        case let .alreadyMember(name, federation):
            "\(name) already sits on the committee of federation \(federation)"
        case let .unknownMember(name, federation):
            "\(name) is not a member of the committee of federation \(federation)"
        case let .countySupportNotAllowed(item, county, federation, upper):
            "subsidy item \(item): county union \(county) may support federation \(federation) directly only where its upper union \(upper) does not manage funds independently or the federation spans several townships or streets; record the townships it covers (org townships) or an approved exception with its document (org exception)"
        case let .exceptionWithoutDocument(federation):
            "an exception for the county's direct support of federation \(federation) is recorded with the document that approved it; give --document"
        case let .federationWithoutBudgetLine(organization, year, federations):
            "the \(year) budget of \(organization) has no line for federation(s) \(federations.joined(separator: ", ")) under it: a federation's 建设和工作经费 is a line of its upper union's budget; add a line with the federation as counterpart"
        }
    }
}
