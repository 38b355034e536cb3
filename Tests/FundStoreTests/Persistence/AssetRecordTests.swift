import FundCore
@testable import FundStore
import GRDB
import Testing

/// The register's records write their rows and read the same records back.
@Suite struct AssetRecordTests {
    @Test func fixedAssetAndDepreciationRecords() throws {
        let book = try InMemoryBook()
        let voucher = try book.post("2026-03-24", [("50702", 320_000), ("102", -320_000), ("162", 320_000), ("301", -320_000)])
        let organization = try book.store.database.read { db in try SQLiteStorage(db).organizationID("FED-01") }
        let asset = FixedAssetRecord(id: 41, organizationID: organization, code: "ZC-001", name: "投影仪", cost: Money(fen: 320_000), lifeMonths: 60,
                                     acquired: LocalDate(parsing: "2026-03-24")!, createdAt: "2026-03-25T08:00:00Z", createdBy: "王芳")
        try RecordRoundTripTests.roundTrip(asset, in: book) { $0.filter(FixedAssetRecord.Columns.id == 41) }
        try RecordRoundTripTests.roundTrip(DepreciationRecord(assetID: 41, period: Period(year: 2026, month: 3)!, voucherID: voucher.id, amount: Money(fen: 5_333)),
                                           in: book) { $0.filter(DepreciationRecord.Columns.assetID == 41) }
    }

    @Test func aTamperedAcquisitionDateIsAnErrorNamingTheTable() throws {
        let book = try InMemoryBook()
        try book.session("王芳").assets.addFixedAsset(FixedAsset(organization: "FED-01", code: "ZC-001", name: "投影仪", cost: Money(fen: 320_000),
                                                               lifeMonths: 60, acquired: LocalDate(parsing: "2026-03-24")!))
        // Behind the program's back, as anyone holding the file can.
        try book.store.database.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE fixed_asset SET acquired = '2026-13-99'")
        }
        guard case let .storedValueInvalid(table, column, value, row)? = bookError({ _ = try book.admin.assets.fixedAssets(organization: "FED-01") }) else {
            Issue.record("read a tampered register"); return
        }
        #expect(table == "fixed_asset" && column == "acquired" && value.contains("2026-13-99") && row == "id 1")
    }
}
