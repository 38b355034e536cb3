import FundCore
import GRDB

/// Review committees and what their audits are measured against: the audit settings and the work
/// calendar.
public struct CommitteeService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    // MARK: - Committees

    /// Records a review committee elected on `committee.elected`, with its members; each member
    /// gets the committee role of the organisation. The term follows the union's.
    public func addCommittee(_ committee: Committee) throws {
        do throws(CommitteeError) { try committee.validate() } catch { throw BookError.committee(error.description) }
        try write { db in
            try authorize(db, .administer, organization: nil)
            let organizationID = try SQLiteBook.organizationID(db, committee.organization)
            if let union = try Int.fetchOne(db, sql: "SELECT term_years FROM organization WHERE id = ?", arguments: [organizationID]),
               union != committee.termYears {
                throw BookError.committee("\(committee.organization)'s union committee serves \(union) years, so its review committee does too; give --term \(union)")
            }
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM committee WHERE organization_id = ? AND elected = ?",
                                arguments: [organizationID, committee.elected.description])! > 0 {
                throw BookError.committee("\(committee.organization) already has a review committee elected on \(committee.elected)")
            }
            try db.execute(sql: "INSERT INTO committee (organization_id, elected, term_years, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                           arguments: [organizationID, committee.elected.description, committee.termYears, Store.now(), user])
            let committeeID = db.lastInsertedRowID
            for member in committee.members { try insertMember(db, committeeID: committeeID, organizationID: organizationID, member) }
        }
    }

    /// Adds a member to the committee in term on the member's start date.
    public func addCommitteeMember(organization: String, _ member: CommitteeMember) throws {
        if let end = member.end, end < member.start {
            throw BookError.committee(CommitteeError.memberDates(name: member.name, start: member.start, end: end).description)
        }
        try write { db in
            try authorize(db, .administer, organization: nil)
            let organizationID = try SQLiteBook.organizationID(db, organization)
            guard let committee = try SQLiteBook.committees(db, organizationID: organizationID, code: organization).last(where: { $0.committee.inTerm(member.start) }) else {
                throw BookError.committee("\(organization) has no review committee in term on \(member.start); record the committee first (`fundledger committee add`)")
            }
            try insertMember(db, committeeID: committee.id, organizationID: organizationID, member)
        }
    }

    private func insertMember(_ db: Database, committeeID: Int64, organizationID: Int64, _ member: CommitteeMember) throws {
        if try Int.fetchOne(db, sql: "SELECT count(*) FROM committee_member WHERE committee_id = ? AND name = ?", arguments: [committeeID, member.name])! > 0 {
            throw BookError.committee("\(member.name) is already a member of this committee")
        }
        try db.execute(sql: "INSERT INTO committee_member (committee_id, name, office, start, end) VALUES (?, ?, ?, ?, ?)",
                       arguments: [committeeID, member.name, member.office.rawValue, member.start.description, member.end?.description])
        try db.execute(sql: "INSERT OR IGNORE INTO user_role (user, role, organization_id, granted_at, granted_by) VALUES (?, 'committee', ?, ?, ?)",
                       arguments: [member.name, organizationID, Store.now(), user])
    }

    /// The organisation's committees, oldest first.
    public func committees(organization: String) throws -> [Committee] {
        try read { db in
            try authorize(db, .read, organization: organization)
            return try SQLiteBook.committees(db, organizationID: try SQLiteBook.organizationID(db, organization), code: organization).map(\.committee)
        }
    }

    // MARK: - Settings and calendar

    /// The audit settings of an organisation: the book's defaults, then its own.
    public func auditSettings(organization: String?) throws -> AuditSettings {
        try read { db in
            if let organization { try authorize(db, .read, organization: organization) }
            return try SQLiteBook.auditSettings(db, organizationID: try organization.map { try SQLiteBook.organizationID(db, $0) })
        }
    }

    /// Sets one audit setting, book-wide (an administrator) or for one organisation (its
    /// committee or an administrator).
    public func setAuditSetting(organization: String?, key: String, value: String) throws {
        var probe = AuditSettings()
        do throws(AuditSettingError) { try probe.set(key, value) } catch { throw BookError.review(error.description) }
        try write { db in
            if let organization {
                do { try authorize(db, .audit, organization: organization) } catch { try authorize(db, .administer, organization: nil) }
            } else {
                try authorize(db, .administer, organization: nil)
            }
            let organizationID = try organization.map { try SQLiteBook.organizationID(db, $0) }
            try db.execute(sql: "DELETE FROM audit_setting WHERE ifnull(organization_id, 0) = ? AND key = ?", arguments: [organizationID ?? 0, key])
            try db.execute(sql: "INSERT INTO audit_setting (organization_id, key, value) VALUES (?, ?, ?)", arguments: [organizationID, key, value])
        }
    }

    /// Loads public holidays and working weekends from CSV (date,kind,name; kind is holiday or
    /// workday, or 休 / 班). All or nothing; a date already listed is replaced.
    public func importCalendar(path: String) throws -> Int {
        let (file, records) = try SQLiteBook.readCSVRecords(path: path)
        var days: [(date: LocalDate, kind: String, name: String)] = []
        var errors: [InputError] = []
        for record in records.dropFirst() {
            let fields = record.fields
            guard fields.count >= 2, let date = LocalDate(parsing: fields[0]) else {
                errors.append(InputError(file: file, line: record.line, column: "date", rule: "bad-calendar", message: "give a date as YYYY-MM-DD, then holiday or workday"))
                continue
            }
            let kind: String
            switch fields[1] {
            case "holiday", "休": kind = "holiday"
            case "workday", "班": kind = "workday"
            default:
                errors.append(InputError(file: file, line: record.line, column: "kind", rule: "bad-calendar", message: "\(fields[1]) is neither holiday (休) nor workday (班)"))
                continue
            }
            days.append((date, kind, fields.count > 2 ? fields[2] : ""))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return try write { db in
            try authorize(db, .administer, organization: nil)
            for day in days {
                try db.execute(sql: "INSERT OR REPLACE INTO calendar_day (date, kind, name) VALUES (?, ?, ?)", arguments: [day.date.description, day.kind, day.name])
            }
            return days.count
        }
    }

    public func calendar() throws -> WorkCalendar { try read { db in try SQLiteBook.calendar(db) } }
}

extension Session {
    /// This session's CommitteeService.
    public var committees: CommitteeService { CommitteeService(session: self) }
}
