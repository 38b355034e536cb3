import FundCore
@testable import FundStore
import GRDB
import Testing

/// The records of vouchers, their lines, balances, seals and import batches write their row and
/// read the same record back.
@Suite struct PostingRecordTests {
    static let march = Period(year: 2026, month: 3)!

    @Test func voucherAndLineRecords() throws {
        let book = try InMemoryBook()
        let posted = try book.post("2026-03-07", [("102", 300), ("401", -300)])
        let (organization, account, counterpart) = try book.store.database.read { db in
            (try SQLiteStorage(db).organizationID("FED-01"),
             try Int64.fetchOne(db, sql: "SELECT account_id FROM voucher_line WHERE voucher_id = ? AND position = 1", arguments: [posted.id]) ?? 0,
             try SQLiteStorage(db).organizationID("CTY-01"))
        }
        try book.store.database.write { db in
            try ImportBatchRecord(id: 5, file: "a.journal", importedAt: "2026-03-01T08:00:00Z", importedBy: "王芳", voucherCount: 1).insert(db)
        }
        // A voucher is inserted as a draft (a trigger): drafts round-trip, a posted one is read back.
        try RecordRoundTripTests.roundTrip(VoucherRecord(id: 800, organizationID: organization, date: LocalDate(parsing: "2026-03-05")!, period: Self.march,
                                                         word: "记", number: nil, summary: "收到会费", attachments: 2, preparer: "王芳", reviewer: nil,
                                                         bookkeeper: nil, status: .draft, kind: .entry, reversesID: nil, importID: 5,
                                                         createdAt: "2026-03-05T08:00:00Z", postedAt: nil),
                                           in: book) { $0.filter(VoucherRecord.Columns.id == 800) }
        try RecordRoundTripTests.roundTrip(VoucherRecord(id: 801, organizationID: organization, date: LocalDate(parsing: "2026-03-06")!, period: Self.march,
                                                         word: "转", number: nil, summary: "草稿", attachments: 0, preparer: "王芳", reviewer: "李强",
                                                         bookkeeper: nil, status: .reviewed, kind: .closing, reversesID: 800, importID: nil,
                                                         createdAt: "2026-03-06T08:00:00Z", postedAt: nil),
                                           in: book) { $0.filter(VoucherRecord.Columns.id == 801) }
        let record = try book.store.database.read { db in try VoucherRecord.fetchOne(db, key: posted.id) }
        #expect(record?.status == .posted && record?.number == 1 && record?.bookkeeper == "王芳" && record?.postedAt != nil
                    && record?.date == LocalDate(parsing: "2026-03-07") && record?.period == Self.march && record?.reviewer == "李强")
        try RecordRoundTripTests.roundTrip(VoucherLineRecord(id: 900, voucherID: 800, position: 1, accountID: account, side: .debit, amountFen: 500_00,
                                                             summary: "会费", project: "XB-1", expenseType: .project, economicClass: "30201",
                                                             counterpartID: counterpart, fundSource: .appropriation),
                                           in: book) { $0.filter(VoucherLineRecord.Columns.id == 900) }
        try RecordRoundTripTests.roundTrip(VoucherLineRecord(id: 901, voucherID: 801, position: 1, accountID: account, side: .credit, amountFen: -1,
                                                             summary: "", project: nil, expenseType: nil, economicClass: nil,
                                                             counterpartID: nil, fundSource: nil),
                                           in: book) { $0.filter(VoucherLineRecord.Columns.id == 901) }
    }

    @Test func balanceSealAndImportRecords() throws {
        let book = try InMemoryBook()
        let voucher = try book.post("2026-03-02", [("102", 300), ("401", -300)])
        let (organization, account) = try book.store.database.read { db in
            (try SQLiteStorage(db).organizationID("FED-01"), try Int64.fetchOne(db, sql: "SELECT account_id FROM voucher_line WHERE voucher_id = ? AND position = 1", arguments: [voucher.id]) ?? 0)
        }
        try RecordRoundTripTests.roundTrip(BalanceRecord(organizationID: organization, accountID: account, period: Self.march, project: "XB-1", source: "union",
                                                         closing: true, expense: "basic", counterpartID: 0, debitFen: 7, creditFen: -3),
                                           in: book) { $0.filter(BalanceRecord.Columns.accountID == account && BalanceRecord.Columns.closing == true) }
        // The seal the posting wrote reads back as the record of its row.
        let seal = try book.store.database.read { db in try VoucherSealRecord.filter(VoucherSealRecord.Columns.voucherID == voucher.id).fetchOne(db) }
        #expect(seal?.seq == 1 && seal?.previous == SealPayload.genesis && seal?.hash.count == 64)
        try RecordRoundTripTests.roundTrip(VoucherSealRecord(voucherID: 9_999, organizationID: organization, seq: 99, previous: SealPayload.genesis,
                                                             hash: String(repeating: "f", count: 64)),
                                           in: book) { $0.filter(VoucherSealRecord.Columns.voucherID == 9_999) }
        try RecordRoundTripTests.roundTrip(ImportBatchRecord(id: 3, file: "a.journal b.csv", importedAt: "2026-03-01T08:00:00Z", importedBy: "王芳", voucherCount: 12),
                                           in: book) { $0.filter(ImportBatchRecord.Columns.id == 3) }
    }

    /// A stored word FundLedger never writes is an error naming the table, not a trap.
    @Test func aStoredSideThatIsNoneIsRefused() throws {
        let book = try InMemoryBook()
        let voucher = try book.session("王芳").vouchers.addVoucher(VoucherServiceTests.draft("2026-03-02", [("102", 300), ("401", -300)]))
        let error = bookError {
            _ = try book.store.database.write { db in
                try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
                try db.execute(sql: "UPDATE voucher_line SET side = 'X' WHERE voucher_id = ?", arguments: [voucher.id])
                return try SQLiteStorage(db).voucher(id: voucher.id)
            }
        }
        guard case .storedValueInvalid("voucher_line", "side", _, _) = error else { Issue.record("expected stored-value-invalid, got \(String(describing: error))"); return }
        #expect(error?.category == .storage)
    }
}
