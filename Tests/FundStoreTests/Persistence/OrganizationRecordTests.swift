import FundCore
@testable import FundStore
import GRDB
import Testing

/// The organisation and account records write their rows and read the same records back.
@Suite struct OrganizationRecordTests {
    @Test func organizationRecords() throws {
        let book = try InMemoryBook()
        let parent = try book.store.database.read { db in try SQLiteStorage(db).organizationID("CTY-01") }
        try RecordRoundTripTests.roundTrip(OrganizationRecord(id: 500, code: "FED-77", name: "某某县快递行业工会联合会", level: .federation, parentID: parent,
                                                              chart: .grassroots, independent: true, termYears: 5, termStart: LocalDate(parsing: "2025-03-01"),
                                                              budgetControl: .refuse, createdAt: "2026-05-01T08:00:00Z", createdBy: "admin"),
                                           in: book) { $0.filter(OrganizationRecord.Columns.id == 500) }
        try RecordRoundTripTests.roundTrip(OrganizationRecord(id: 501, code: "CTY-77", name: "另一县总工会", level: .county, parentID: nil, chart: .county,
                                                              independent: false, termYears: nil, termStart: nil, createdAt: "2026-05-01T08:00:00Z",
                                                              createdBy: "admin"), in: book) { $0.filter(OrganizationRecord.Columns.code == "CTY-77") }
    }

    @Test func accountRecords() throws {
        let book = try InMemoryBook()
        let (organization, parent) = try book.store.database.read { db in
            let storage = SQLiteStorage(db)
            return (try storage.organizationID("FED-01"), try storage.chart(organization: "FED-01").accountIDs["102"])
        }
        try RecordRoundTripTests.roundTrip(AccountRecord(id: 9000, chart: .grassroots, organizationID: organization, code: "10299", name: "建设银行",
                                                         parentID: parent), in: book) { $0.filter(AccountRecord.Columns.id == 9000) }
    }
}
