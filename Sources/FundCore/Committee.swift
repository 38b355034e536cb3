/// A member's office on a funds review committee (经费审查委员会).
public enum CommitteeOffice: String, Sendable, CaseIterable, Codable {
    case chair
    case viceChair = "vice-chair"
    case member

    public var chinese: String {
        switch self {
        case .chair: "主任"
        case .viceChair: "副主任"
        case .member: "委员"
        }
    }

    /// Accepts the English name or the Chinese title.
    public init?(parsing text: String) {
        if let office = CommitteeOffice(rawValue: text) { self = office; return }
        guard let office = CommitteeOffice.allCases.first(where: { $0.chinese == text }) else { return nil }
        self = office
    }
}

/// A member of a review committee: name, office and the part of the term they serve.
public struct CommitteeMember: Hashable, Sendable {
    public var name: String
    public var office: CommitteeOffice
    public var start: LocalDate
    public var end: LocalDate?

    public init(name: String, office: CommitteeOffice, start: LocalDate, end: LocalDate? = nil) {
        self.name = name
        self.office = office
        self.start = start
        self.end = end
    }

    public func serves(on date: LocalDate) -> Bool { start <= date && (end.map { date <= $0 } ?? true) }

    /// Whether the member served on any day from `from` to `to`.
    public func serves(from: LocalDate, to: LocalDate) -> Bool { start <= to && (end.map { $0 >= from } ?? true) }
}

/// The funds review committee of one organisation for one term. Elected by the same congress as
/// the union's committee, its term follows the union's (3 or 5 years).
public struct Committee: Hashable, Sendable {
    public var organization: String
    public var elected: LocalDate
    public var termYears: Int
    public var members: [CommitteeMember]

    public init(organization: String, elected: LocalDate, termYears: Int, members: [CommitteeMember] = []) {
        self.organization = organization
        self.elected = elected
        self.termYears = termYears
        self.members = members
    }

    /// The last day of the term.
    public var termEnd: LocalDate {
        let year = elected.year + termYears
        let day = min(elected.day, LocalDate.daysIn(year: year, month: elected.month))
        let anniversary = LocalDate(year: year, month: elected.month, day: day)!
        return LocalDate(daysSinceEpoch: anniversary.daysSinceEpoch - 1)
    }

    public func inTerm(_ date: LocalDate) -> Bool { elected <= date && date <= termEnd }

    public func validate() throws(CommitteeError) {
        guard [3, 5].contains(termYears) else { throw .badTerm(organization: organization, years: termYears) }
        for member in members {
            if let end = member.end, end < member.start { throw .memberDates(name: member.name, start: member.start, end: end) }
        }
    }
}

/// Why a committee or a member was refused: the term, the offices, the dates.
public enum CommitteeError: Error, Equatable, Sendable, CustomStringConvertible {
    case badTerm(organization: String, years: Int)
    case memberDates(name: String, start: LocalDate, end: LocalDate)

    public var description: String {
        switch self {
        case let .badTerm(organization, years):
            "the review committee of \(organization) is given a term of \(years) years; a committee's term follows its union's, 3 or 5 years"
        case let .memberDates(name, start, end):
            "committee member \(name) ends on \(end), before starting on \(start); give an end on or after the start"
        }
    }
}

extension LocalDate {
    /// The date `days` days after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        self.init(checkedDaysSinceEpoch: days)!
    }

    /// The date `days` days after 1970-01-01, or nil outside the years a book keeps (a date
    /// serial read from a file).
    public init?(checkedDaysSinceEpoch days: Int) {
        // Civil-from-days (proleptic Gregorian), the inverse of `daysSinceEpoch`.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }
}

/// Working days: Monday to Friday, except public holidays, plus the weekend days declared
/// working days (调休). The holidays and working weekends are data, loaded per year.
public struct WorkCalendar: Hashable, Sendable {
    public var holidays: Set<LocalDate>
    public var workdays: Set<LocalDate>

    public init(holidays: Set<LocalDate> = [], workdays: Set<LocalDate> = []) {
        self.holidays = holidays
        self.workdays = workdays
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        if workdays.contains(date) { return true }
        if holidays.contains(date) { return false }
        return date.weekday <= 5
    }

    /// Whether the calendar has any entry in `year` (a year with none is weekends only).
    public func covers(year: Int) -> Bool {
        holidays.contains { $0.year == year } || workdays.contains { $0.year == year }
    }
}
