import Foundation
import FundCore
import GRDB

extension SQLiteBook {
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

    /// The committee whose term covers most of `year` (the latest elected among those in term
    /// at some point of the year).
    static func committee(_ db: Database, organizationID: Int64, code: String, year: Int) throws -> (id: Int64, committee: Committee)? {
        let first = LocalDate(year: year, month: 1, day: 1)!, last = LocalDate(year: year, month: 12, day: 31)!
        return try committees(db, organizationID: organizationID, code: code).last { $0.committee.elected <= last && $0.committee.termEnd >= first }
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

    static func calendar(_ db: Database) throws -> WorkCalendar {
        var calendar = WorkCalendar()
        for row in try Row.fetchAll(db, sql: "SELECT date, kind FROM calendar_day") {
            let date = LocalDate(parsing: row["date"] as String)!
            if row["kind"] as String == "holiday" { calendar.holidays.insert(date) } else { calendar.workdays.insert(date) }
        }
        return calendar
    }
}
