import FundCore
@testable import FundStore
import GRDB
import Testing

/// The subsidy tables' records write their rows and read the same records back.
@Suite struct SubsidyRecordTests {
    @Test func subsidyRecords() throws {
        let book = try InMemoryBook()
        let (grantor, recipient) = try book.store.database.read { db in
            (try SQLiteStorage(db).organizationID("CTY-01"), try SQLiteStorage(db).organizationID("FED-01"))
        }
        let item = SubsidyItem(code: "XB-7", grantor: "CTY-01", recipient: "FED-01", title: "职工书屋", purpose: "购书", accounts: ["50304", "50301"],
                               approved: Money(fen: 12_345_67), document: "某总工〔2026〕3号", documentDate: LocalDate(parsing: "2026-02-01"),
                               windowStart: LocalDate(parsing: "2026-02-01")!, deadline: LocalDate(parsing: "2026-12-31")!, status: .approved)
        let record = SubsidyItemRecord(id: 40, item: item, grantorID: grantor, recipientID: recipient, createdAt: "2026-02-01T08:00:00Z", createdBy: "钱进")
        try RecordRoundTripTests.roundTrip(record, in: book) { $0.filter(SubsidyItemRecord.Columns.id == 40) }
        #expect(record.item(grantor: "CTY-01", recipient: "FED-01") == item)
        var applied = SubsidyItemRecord(id: 41, item: item, grantorID: grantor, recipientID: recipient, createdAt: "2026-02-01T08:00:00Z", createdBy: "钱进")
        applied.code = "XB-8"
        applied.status = .applied
        applied.document = nil
        applied.documentDate = nil
        try RecordRoundTripTests.roundTrip(applied, in: book) { $0.filter(SubsidyItemRecord.Columns.id == 41) }
        try RecordRoundTripTests.roundTrip(SubsidyLogRecord(id: 900, itemID: 40, at: "2026-02-01T08:00:00Z", by: "钱进", action: .accrue, detail: "100.00 x"),
                                           in: book) { $0.filter(SubsidyLogRecord.Columns.id == 900) }
        let voucher = try book.post("2026-03-10", [("102", 100), ("401", -100)])
        try RecordRoundTripTests.roundTrip(SubsidyVoucherRecord(itemID: 40, voucherID: voucher.id, role: .return, side: .recipient), in: book) {
            $0.filter(SubsidyVoucherRecord.Columns.itemID == 40)
        }
    }
}
