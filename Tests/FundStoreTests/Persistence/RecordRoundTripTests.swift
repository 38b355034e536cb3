import FundCore
@testable import FundStore
import GRDB
import Testing

/// Every record type writes its row and reads the same record back: one mapping per table, in
/// both directions.
@Suite struct RecordRoundTripTests {
    /// Inserts `record`, reads back the row `filter` selects, and compares.
    static func roundTrip<R: FetchableRecord & PersistableRecord & Equatable>(_ record: R, in book: InMemoryBook,
                                                                              _ filter: @escaping (QueryInterfaceRequest<R>) -> QueryInterfaceRequest<R>) throws {
        let read = try book.store.database.write { db -> R? in
            try record.insert(db)
            return try filter(R.all()).fetchOne(db)
        }
        #expect(read == record, "\(R.self) read back differs")
    }

    @Test func accessRecords() throws {
        let book = try InMemoryBook()
        let organization = try book.store.database.read { db in try SQLiteStorage(db).organizationID("FED-01") }
        try Self.roundTrip(UserRoleRecord(user: "陈静", role: .committee, organizationID: organization, grantedAt: "2026-05-01T08:00:00Z", grantedBy: "admin"),
                           in: book) { $0.filter(UserRoleRecord.Columns.user == "陈静") }
        try Self.roundTrip(UserRoleRecord(user: "全局", role: .officer, organizationID: nil, grantedAt: "2026-05-01T08:00:00Z", grantedBy: "admin"),
                           in: book) { $0.filter(UserRoleRecord.Columns.user == "全局") }
        try Self.roundTrip(AccessLogRecord(id: 900, at: "2026-05-01T08:00:00Z", user: "某人", outcome: .refused, action: "write-books",
                                           organization: nil, detail: "拒绝"), in: book) { $0.filter(AccessLogRecord.Columns.id == 900) }
    }

    @Test func periodRecords() throws {
        let book = try InMemoryBook()
        let organization = try book.store.database.read { db in try SQLiteStorage(db).organizationID("FED-01") }
        try Self.roundTrip(PeriodCloseRecord(organizationID: organization, period: Period(year: 2026, month: 5)!, closedAt: "2026-06-01T08:00:00Z", closedBy: "王芳"),
                           in: book) { $0.filter(PeriodCloseRecord.Columns.period == 202605) }
        try Self.roundTrip(PeriodLogRecord(id: 7, organizationID: organization, period: Period(year: 2026, month: 5)!, action: .reopen,
                                           at: "2026-06-02T08:00:00Z", by: "王芳", reason: "补记"), in: book) { $0.filter(PeriodLogRecord.Columns.id == 7) }
    }
}
