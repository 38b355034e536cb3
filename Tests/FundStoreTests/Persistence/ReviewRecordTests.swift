import FundCore
@testable import FundStore
import GRDB
import Testing

/// The audit, finding, finding voucher, finding event, opinion and signer records write their
/// rows and read the same records back.
@Suite struct ReviewRecordTests {
    @Test func reviewRecords() throws {
        let book = try InMemoryBook()
        let voucher = try book.post("2026-03-10", [("102", 100), ("401", -100)])
        let organization = try book.store.database.read { db in try SQLiteStorage(db).organizationID("FED-01") }
        try RecordRoundTripTests.roundTrip(AuditRowRecord(id: 30, organizationID: organization, year: 2026, runAt: "2027-01-10T08:00:00Z", runBy: "陈静",
                                                          rules: ["cash-limit", "non-working-day"], vouchers: 1, sealSeq: 1, sealHash: String(repeating: "a", count: 64)),
                                           in: book) { $0.filter(AuditRowRecord.Columns.id == 30) }
        try RecordRoundTripTests.roundTrip(FindingRowRecord(id: 31, organizationID: organization, year: 2026, rule: "cash-limit", key: "v1", severity: .high,
                                                            amount: Money(fen: 250_000), text: "现金支付超过限额", status: .answered, firstAuditID: 30, lastAuditID: 30),
                                           in: book) { $0.filter(FindingRowRecord.Columns.id == 31) }
        try RecordRoundTripTests.roundTrip(FindingRowRecord(id: 32, organizationID: organization, year: 2026, rule: "term", key: "", severity: .low,
                                                            amount: nil, text: "届期", status: .open, firstAuditID: 30, lastAuditID: 30),
                                           in: book) { $0.filter(FindingRowRecord.Columns.id == 32) }
        try RecordRoundTripTests.roundTrip(FindingVoucherRecord(findingID: 31, voucherID: voucher.id), in: book) { $0.filter(FindingVoucherRecord.Columns.findingID == 31) }
        try RecordRoundTripTests.roundTrip(FindingEventRecord(id: 33, findingID: 31, auditID: 30, at: "2027-01-10T08:00:00Z", by: "陈静", action: .foundAgain, text: "再次发现"),
                                           in: book) { $0.filter(FindingEventRecord.Columns.id == 33) }
        try RecordRoundTripTests.roundTrip(FindingEventRecord(id: 34, findingID: 31, auditID: nil, at: "2027-01-11T08:00:00Z", by: "王芳", action: .answered, text: "已补"),
                                           in: book) { $0.filter(FindingEventRecord.Columns.id == 34) }
        let committee = try book.store.database.write { db -> Int64 in
            try SQLiteStorage(db).insertCommittee(CommitteeRecord(organizationID: organization, elected: LocalDate(parsing: "2026-01-01")!, termYears: 5,
                                                                  createdAt: "2026-01-02T08:00:00Z", createdBy: "admin"))
        }
        try RecordRoundTripTests.roundTrip(OpinionRowRecord(id: 35, organizationID: organization, year: 2026, committeeID: committee, auditID: 30, text: "同意",
                                                            recordedAt: "2027-01-15", recordedBy: "陈静"), in: book) { $0.filter(OpinionRowRecord.Columns.id == 35) }
        try RecordRoundTripTests.roundTrip(OpinionSignerRecord(opinionID: 35, name: "陈静", office: .chair), in: book) { $0.filter(OpinionSignerRecord.Columns.opinionID == 35) }
    }
}
