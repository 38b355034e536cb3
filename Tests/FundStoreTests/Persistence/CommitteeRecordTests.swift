import FundCore
@testable import FundStore
import GRDB
import Testing

/// The committee, member, audit setting and calendar records write their rows and read the
/// same records back.
@Suite struct CommitteeRecordTests {
    @Test func committeeRecords() throws {
        let book = try InMemoryBook()
        let organization = try book.store.database.read { db in try SQLiteStorage(db).organizationID("FED-01") }
        try RecordRoundTripTests.roundTrip(CommitteeRecord(id: 40, organizationID: organization, elected: LocalDate(parsing: "2026-01-01")!, termYears: 5,
                                                           createdAt: "2026-01-02T08:00:00Z", createdBy: "admin"),
                                           in: book) { $0.filter(CommitteeRecord.Columns.id == 40) }
        try RecordRoundTripTests.roundTrip(CommitteeMemberRecord(committeeID: 40, name: "陈静", office: .viceChair, start: LocalDate(parsing: "2026-01-01")!,
                                                                 end: LocalDate(parsing: "2028-06-30")), in: book) { $0.filter(CommitteeMemberRecord.Columns.name == "陈静") }
        try RecordRoundTripTests.roundTrip(CommitteeMemberRecord(committeeID: 40, name: "王磊", office: .member, start: LocalDate(parsing: "2026-02-01")!, end: nil),
                                           in: book) { $0.filter(CommitteeMemberRecord.Columns.name == "王磊") }
    }

    @Test func settingAndCalendarRecords() throws {
        let book = try InMemoryBook()
        let organization = try book.store.database.read { db in try SQLiteStorage(db).organizationID("FED-01") }
        try RecordRoundTripTests.roundTrip(AuditSettingRecord(organizationID: organization, key: "members", value: "120"),
                                           in: book) { $0.filter(AuditSettingRecord.Columns.key == "members") }
        try RecordRoundTripTests.roundTrip(AuditSettingRecord(organizationID: nil, key: "cash-limit", value: "2000.00"),
                                           in: book) { $0.filter(AuditSettingRecord.Columns.key == "cash-limit") }
        try RecordRoundTripTests.roundTrip(CalendarDayRecord(date: LocalDate(parsing: "2026-10-01")!, kind: .holiday, name: "国庆节"),
                                           in: book) { $0.filter(CalendarDayRecord.Columns.date == "2026-10-01") }
        try RecordRoundTripTests.roundTrip(CalendarDayRecord(date: LocalDate(parsing: "2026-10-11")!, kind: .workday, name: ""),
                                           in: book) { $0.filter(CalendarDayRecord.Columns.date == "2026-10-11") }
    }
}
