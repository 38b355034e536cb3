import FundCore

/// Review committees and what their audits are measured against: the audit settings and the work
/// calendar.
public struct CommitteeService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    // MARK: - Committees

    /// Records a review committee elected on `committee.elected`, with its members; each member
    /// gets the committee role of the organisation, which holds while the member serves. The term
    /// follows the union's; no officer of the organisation sits on it (independence).
    public func addCommittee(_ committee: Committee) throws {
        do throws(CommitteeError) { try committee.validate() } catch { throw BookError.committee(.invalid(error)) }
        try writing { storage in
            try authorize(storage, .administer, organization: nil)
            guard let union = try storage.organization(code: committee.organization), let organizationID = union.id else {
                throw BookError.unknownOrganization(committee.organization)
            }
            if let years = union.termYears, years != committee.termYears {
                throw BookError.committee(.termDiffersFromUnion(organization: committee.organization, unionTermYears: years))
            }
            if try storage.hasCommittee(organizationID: organizationID, elected: committee.elected) {
                throw BookError.committee(.alreadyElected(organization: committee.organization, elected: committee.elected))
            }
            let committeeID = try storage.insertCommittee(CommitteeRecord(organizationID: organizationID, elected: committee.elected,
                                                                          termYears: committee.termYears, createdAt: Store.now(), createdBy: user))
            for member in committee.members { try insertMember(storage, committeeID: committeeID, organizationID: organizationID, member) }
        }
    }

    /// Adds a member to the committee in term on the member's start date.
    public func addCommitteeMember(organization: String, _ member: CommitteeMember) throws {
        if let end = member.end, end < member.start {
            throw BookError.committee(.invalid(.memberDates(name: member.name, start: member.start, end: end)))
        }
        try writing { storage in
            try authorize(storage, .administer, organization: nil)
            let organizationID = try storage.organizationID(organization)
            guard let committee = try storage.committees(organizationID: organizationID, code: organization).last(where: { $0.committee.inTerm(member.start) }) else {
                throw BookError.committee(.noCommitteeInTerm(organization: organization, date: member.start))
            }
            try insertMember(storage, committeeID: committee.id, organizationID: organizationID, member)
        }
    }

    private func insertMember(_ storage: any BookStorage, committeeID: Int64, organizationID: Int64, _ member: CommitteeMember) throws {
        try checkText(["the member's name": member.name])
        if try storage.isCommitteeMember(committeeID: committeeID, name: member.name) {
            throw BookError.committee(.alreadyMember(name: member.name))
        }
        let organization = try storage.organization(id: organizationID)?.code ?? ""
        if CommitteeIndependence.isOfficer(try storage.grants(user: member.name), of: organization) {
            throw BookError.committee(.officerCannotSit(name: member.name, organization: organization))
        }
        try storage.insertCommitteeMember(CommitteeMemberRecord(committeeID: committeeID, name: member.name, office: member.office,
                                                                start: member.start, end: member.end))
        try storage.insertRole(UserRoleRecord(user: member.name, role: .committee, organizationID: organizationID, grantedAt: Store.now(), grantedBy: user))
    }

    /// The organisation's committees, oldest first.
    public func committees(organization: String) throws -> [Committee] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try storage.committees(organizationID: try storage.organizationID(organization), code: organization).map(\.committee)
        }
    }

    // MARK: - Settings and calendar

    /// The audit settings of an organisation: the book's defaults, then its own.
    public func auditSettings(organization: String?) throws -> AuditSettings {
        try reading { storage in
            if let organization { try authorize(storage, .read, organization: organization) }
            return try storage.auditSettings(for: try organization.map { try storage.organizationID($0) })
        }
    }

    /// Sets one audit setting, book-wide (an administrator) or for one organisation (its
    /// committee or an administrator; the number of signers of an opinion, an administrator only).
    public func setAuditSetting(organization: String?, key: String, value: String) throws {
        var probe = AuditSettings()
        do throws(AuditSettingError) { try probe.set(key, value) } catch { throw BookError.review(.badSetting(error)) }
        try writing { storage in
            // How many members sign an opinion is the book's rule for its committees, not one a
            // committee sets for itself.
            if let organization, key != "signers" {
                do { try authorize(storage, .audit, organization: organization) } catch { try authorize(storage, .administer, organization: nil) }
            } else {
                try authorize(storage, .administer, organization: nil)
            }
            let organizationID = try organization.map { try storage.organizationID($0) }
            try storage.replaceAuditSetting(AuditSettingRecord(organizationID: organizationID, key: key, value: value))
        }
    }

    /// Loads public holidays and working weekends from CSV (date,kind,name; kind is holiday or
    /// workday, or 休 / 班). All or nothing; a date already listed is replaced.
    public func importCalendar(path: String) throws -> Int {
        let (file, records) = try ImportFiles.readCSVRecords(path: path)
        var days: [CalendarDayRecord] = []
        var errors: [InputError] = []
        for record in records.dropFirst() {
            let fields = record.fields
            guard fields.count >= 2, let date = LocalDate(parsing: fields[0]) else {
                errors.append(InputError(file: file, line: record.line, column: "date", rule: "bad-calendar", message: "give a date as YYYY-MM-DD, then holiday or workday",
                                         chinese: "请写日期（YYYY-MM-DD），再写 holiday（休）或 workday（班）"))
                continue
            }
            let kind: CalendarDayRecord.Kind
            switch fields[1] {
            case "holiday", "休": kind = .holiday
            case "workday", "班": kind = .workday
            default:
                errors.append(InputError(file: file, line: record.line, column: "kind", rule: "bad-calendar", message: "\(fields[1]) is neither holiday (休) nor workday (班)",
                                         chinese: "“\(fields[1])”既不是 holiday（休）也不是 workday（班）"))
                continue
            }
            days.append(CalendarDayRecord(date: date, kind: kind, name: fields.count > 2 ? fields[2] : ""))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return try writing { storage in
            try authorize(storage, .administer, organization: nil)
            for day in days { try storage.replaceCalendarDay(day) }
            return days.count
        }
    }

    /// The work calendar the audit rules count working days by.
    public func calendar() throws -> WorkCalendar { try reading { storage in try storage.calendar() } }
}

extension Session {
    /// This session's CommitteeService.
    public var committees: CommitteeService { CommitteeService(session: self) }
}
