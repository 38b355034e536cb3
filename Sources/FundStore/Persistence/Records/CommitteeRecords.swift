import FundCore

/// A row of `committee`: a funds review committee elected for one term.
struct CommitteeRecord: Hashable, Sendable {
    var id: Int64?
    var organizationID: Int64
    var elected: LocalDate
    var termYears: Int
    var createdAt: String
    var createdBy: String
}

/// A row of `committee_member`: one member of a committee, with the office held and when.
struct CommitteeMemberRecord: Hashable, Sendable {
    var committeeID: Int64
    var name: String
    var office: CommitteeOffice
    var start: LocalDate
    var end: LocalDate?

    /// The member as FundCore knows it.
    var member: CommitteeMember { CommitteeMember(name: name, office: office, start: start, end: end) }
}

/// A row of `audit_setting`: one threshold of the audit rules, book-wide (no organisation) or
/// for one organisation.
struct AuditSettingRecord: Hashable, Sendable {
    var organizationID: Int64?
    var key: String
    var value: String
}

/// A row of `calendar_day`: a public holiday or a weekend declared a working day (调休).
struct CalendarDayRecord: Hashable, Sendable {
    /// Whether the day is off or worked.
    enum Kind: String, Sendable {
        case holiday, workday
    }

    var date: LocalDate
    var kind: Kind
    var name: String
}
