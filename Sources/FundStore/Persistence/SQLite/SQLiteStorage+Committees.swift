import FundCore
import GRDB

extension SQLiteStorage: CommitteeStorage {
    func hasCommittee(organizationID: Int64, elected: LocalDate) throws -> Bool {
        try CommitteeRecord.filter(CommitteeRecord.Columns.organizationID == organizationID && CommitteeRecord.Columns.elected == elected.description)
            .fetchCount(db) > 0
    }

    func insertCommittee(_ committee: CommitteeRecord) throws -> Int64 {
        try committee.insert(db)
        return db.lastInsertedRowID
    }

    func committees(organizationID: Int64) throws -> [CommitteeRecord] {
        try CommitteeRecord.filter(CommitteeRecord.Columns.organizationID == organizationID).order(CommitteeRecord.Columns.elected).fetchAll(db)
    }

    func committeeMembers(committeeID: Int64) throws -> [CommitteeMemberRecord] {
        try CommitteeMemberRecord.filter(CommitteeMemberRecord.Columns.committeeID == committeeID)
            .order(CommitteeMemberRecord.Columns.start, CommitteeMemberRecord.Columns.name).fetchAll(db)
    }

    func isCommitteeMember(committeeID: Int64, name: String) throws -> Bool {
        try CommitteeMemberRecord.filter(CommitteeMemberRecord.Columns.committeeID == committeeID && CommitteeMemberRecord.Columns.name == name)
            .fetchCount(db) > 0
    }

    func insertCommitteeMember(_ member: CommitteeMemberRecord) throws {
        try member.insert(db)
    }

    func auditSettings(organizationID: Int64?) throws -> [AuditSettingRecord] {
        try AuditSettingRecord.fetchAll(db, sql: """
            SELECT * FROM audit_setting WHERE organization_id IS NULL OR organization_id = ?
            ORDER BY organization_id IS NOT NULL
            """, arguments: [organizationID])
    }

    func replaceAuditSetting(_ setting: AuditSettingRecord) throws {
        try db.execute(sql: "DELETE FROM audit_setting WHERE ifnull(organization_id, 0) = ? AND key = ?", arguments: [setting.organizationID ?? 0, setting.key])
        try setting.insert(db)
    }

    func replaceCalendarDay(_ day: CalendarDayRecord) throws {
        try day.insert(db, onConflict: .replace)
    }

    func calendarDays() throws -> [CalendarDayRecord] {
        try CalendarDayRecord.fetchAll(db)
    }
}

extension SQLiteStorage {
    func committeeSeats(name: String) throws -> [CommitteeSeat] {
        try CommitteeSeatRow.fetchAll(db.cachedStatement(sql: """
            SELECT o.code, c.elected, c.term_years, m.*
            FROM committee_member m JOIN committee c ON c.id = m.committee_id JOIN organization o ON o.id = c.organization_id
            WHERE m.name = ? ORDER BY o.code, c.elected
            """), arguments: [name]).map(\.seat)
    }
}

/// A member's row with its committee's organisation and term.
private struct CommitteeSeatRow: FetchableRecord {
    let seat: CommitteeSeat

    init(row: Row) throws {
        let member = try CommitteeMemberRecord(row: row)
        seat = CommitteeSeat(organization: row["code"], elected: try row.storedDate(CommitteeRecord.Columns.elected, in: CommitteeRecord.databaseTableName),
                             termYears: row["term_years"], member: member.member)
    }
}
