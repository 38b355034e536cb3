import FundCore

/// Review committees and their members, the audit settings and the work calendar.
protocol CommitteeStorage {
    /// Whether the organisation has a committee elected on `elected`.
    func hasCommittee(organizationID: Int64, elected: LocalDate) throws -> Bool
    /// Records a committee and returns its row id.
    func insertCommittee(_ committee: CommitteeRecord) throws -> Int64
    /// The organisation's committees, oldest election first.
    func committees(organizationID: Int64) throws -> [CommitteeRecord]
    /// The members of a committee, by start date and name.
    func committeeMembers(committeeID: Int64) throws -> [CommitteeMemberRecord]
    /// Whether `name` is a member of the committee.
    func isCommitteeMember(committeeID: Int64, name: String) throws -> Bool
    /// Records a member.
    func insertCommitteeMember(_ member: CommitteeMemberRecord) throws
    /// Every seat `name` holds or held on any organisation's committee, for the committee role
    /// (`Access.effectiveGrants`) and independence (`CommitteeIndependence`).
    func committeeSeats(name: String) throws -> [CommitteeSeat]
    /// The book-wide audit settings, then those of the organisation (nil: book-wide only).
    func auditSettings(organizationID: Int64?) throws -> [AuditSettingRecord]
    /// Sets an audit setting, replacing the one with the same key and scope.
    func replaceAuditSetting(_ setting: AuditSettingRecord) throws
    /// Records a day of the calendar, replacing the entry for the same date.
    func replaceCalendarDay(_ day: CalendarDayRecord) throws
    /// Every day of the calendar.
    func calendarDays() throws -> [CalendarDayRecord]
}

extension CommitteeStorage {
    /// The organisation's committees with their members (chair, vice-chairs, then members), oldest
    /// first, each with its row id.
    func committees(organizationID: Int64, code: String) throws -> [(id: Int64, committee: Committee)] {
        try committees(organizationID: organizationID).compactMap { record in
            guard let id = record.id else { return nil }
            var members = try committeeMembers(committeeID: id).map(\.member)
            func rank(_ member: CommitteeMember) -> Int { member.office == .chair ? 0 : member.office == .viceChair ? 1 : 2 }
            members.sort { (rank($0), $0.start, $0.name) < (rank($1), $1.start, $1.name) }
            return (id, Committee(organization: code, elected: record.elected, termYears: record.termYears, members: members))
        }
    }

    /// The committee whose term covers most of `year` (the latest elected among those in term
    /// at some point of the year).
    func committee(organizationID: Int64, code: String, year: Int) throws -> (id: Int64, committee: Committee)? {
        guard let first = LocalDate(year: year, month: 1, day: 1), let last = LocalDate(year: year, month: 12, day: 31) else { return nil }
        return try committees(organizationID: organizationID, code: code).last { $0.committee.elected <= last && $0.committee.termEnd >= first }
    }

    /// The audit settings of an organisation: the defaults, then the book's, then its own. A
    /// stored value the settings no longer accept is left at the default.
    func auditSettings(for organizationID: Int64?) throws -> AuditSettings {
        var settings = AuditSettings()
        for record in try auditSettings(organizationID: organizationID) { try? settings.set(record.key, record.value) }
        return settings
    }

    /// The work calendar: the holidays and working weekends loaded.
    func calendar() throws -> WorkCalendar {
        var calendar = WorkCalendar()
        for day in try calendarDays() {
            switch day.kind {
            case .holiday: calendar.holidays.insert(day.date)
            case .workday: calendar.workdays.insert(day.date)
            }
        }
        return calendar
    }
}
