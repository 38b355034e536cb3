import FundCore
import GRDB

/// Review committees and what their audits are measured against: the audit settings and the work
/// calendar.
extension Book {
    // MARK: - Committees

    /// Records a review committee elected on `committee.elected`, with its members; each member
    /// gets the committee role of the organisation. The term follows the union's.
    public func addCommittee(_ committee: Committee) throws {
        do throws(CommitteeError) { try committee.validate() } catch { throw BookError.committee(error.description) }
        try write { db in
            try authorize(db, .administer, organization: nil)
            let organizationID = try Book.organizationID(db, committee.organization)
            if let union = try Int.fetchOne(db, sql: "SELECT term_years FROM organization WHERE id = ?", arguments: [organizationID]),
               union != committee.termYears {
                throw BookError.committee("\(committee.organization)'s union committee serves \(union) years, so its review committee does too; give --term \(union)")
            }
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM committee WHERE organization_id = ? AND elected = ?",
                                arguments: [organizationID, committee.elected.description])! > 0 {
                throw BookError.committee("\(committee.organization) already has a review committee elected on \(committee.elected)")
            }
            try db.execute(sql: "INSERT INTO committee (organization_id, elected, term_years, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                           arguments: [organizationID, committee.elected.description, committee.termYears, Book.now(), user])
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
            let organizationID = try Book.organizationID(db, organization)
            guard let committee = try Book.committees(db, organizationID: organizationID, code: organization).last(where: { $0.committee.inTerm(member.start) }) else {
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
                       arguments: [member.name, organizationID, Book.now(), user])
    }

    static func committees(_ db: Database, organizationID: Int64, code: String) throws -> [(id: Int64, committee: Committee)] {
        var result: [(id: Int64, committee: Committee)] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, elected, term_years FROM committee WHERE organization_id = ? ORDER BY elected", arguments: [organizationID]) {
            let id: Int64 = row["id"]
            var members: [CommitteeMember] = []
            for member in try Row.fetchAll(db, sql: "SELECT name, office, start, end FROM committee_member WHERE committee_id = ? ORDER BY start, name", arguments: [id]) {
                let end: String? = member["end"]
                members.append(CommitteeMember(name: member["name"], office: CommitteeOffice(rawValue: member["office"])!,
                                               start: LocalDate(parsing: member["start"] as String)!, end: end.flatMap { LocalDate(parsing: $0) }))
            }
            func rank(_ member: CommitteeMember) -> Int { member.office == .chair ? 0 : member.office == .viceChair ? 1 : 2 }
            members.sort { (rank($0), $0.start, $0.name) < (rank($1), $1.start, $1.name) }
            let elected: String = row["elected"]
            result.append((id, Committee(organization: code, elected: LocalDate(parsing: elected)!, termYears: row["term_years"], members: members)))
        }
        return result
    }

    /// The organisation's committees, oldest first.
    public func committees(organization: String) throws -> [Committee] {
        try read { db in
            try authorize(db, .read, organization: organization)
            return try Book.committees(db, organizationID: try Book.organizationID(db, organization), code: organization).map(\.committee)
        }
    }

    /// The committee whose term covers most of `year` (the latest elected among those in term
    /// at some point of the year).
    static func committee(_ db: Database, organizationID: Int64, code: String, year: Int) throws -> (id: Int64, committee: Committee)? {
        let first = LocalDate(year: year, month: 1, day: 1)!, last = LocalDate(year: year, month: 12, day: 31)!
        return try committees(db, organizationID: organizationID, code: code).last { $0.committee.elected <= last && $0.committee.termEnd >= first }
    }

    // MARK: - Settings and calendar

    /// The audit settings of an organisation: the book's defaults, then its own.
    public func auditSettings(organization: String?) throws -> AuditSettings {
        try read { db in
            if let organization { try authorize(db, .read, organization: organization) }
            return try Book.auditSettings(db, organizationID: try organization.map { try Book.organizationID(db, $0) })
        }
    }

    static func auditSettings(_ db: Database, organizationID: Int64?) throws -> AuditSettings {
        var settings = AuditSettings()
        let rows = try Row.fetchAll(db, sql: """
            SELECT key, value FROM audit_setting WHERE organization_id IS NULL OR organization_id = ?
            ORDER BY organization_id IS NOT NULL
            """, arguments: [organizationID])
        for row in rows { try? settings.set(row["key"], row["value"]) }
        return settings
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
            let organizationID = try organization.map { try Book.organizationID(db, $0) }
            try db.execute(sql: "DELETE FROM audit_setting WHERE ifnull(organization_id, 0) = ? AND key = ?", arguments: [organizationID ?? 0, key])
            try db.execute(sql: "INSERT INTO audit_setting (organization_id, key, value) VALUES (?, ?, ?)", arguments: [organizationID, key, value])
        }
    }

    /// Loads public holidays and working weekends from CSV (date,kind,name; kind is holiday or
    /// workday, or 休 / 班). All or nothing; a date already listed is replaced.
    public func importCalendar(path: String) throws -> Int {
        let (file, records) = try Book.readCSVRecords(path: path)
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

    static func calendar(_ db: Database) throws -> WorkCalendar {
        var calendar = WorkCalendar()
        for row in try Row.fetchAll(db, sql: "SELECT date, kind FROM calendar_day") {
            let date = LocalDate(parsing: row["date"] as String)!
            if row["kind"] as String == "holiday" { calendar.holidays.insert(date) } else { calendar.workdays.insert(date) }
        }
        return calendar
    }

    public func calendar() throws -> WorkCalendar { try read { db in try Book.calendar(db) } }
}
