import Foundation
import FundCore
@testable import FundStore
import Testing

@Suite struct AssetServiceTests {
    static let projector = FixedAsset(organization: "FED-01", code: "ZC-001", name: "投影仪", cost: Money(fen: 320_000), lifeMonths: 60,
                                      acquired: LocalDate(parsing: "2026-03-24")!)
    static let desk = FixedAsset(organization: "FED-01", code: "ZC-002", name: "办公桌", cost: Money(fen: 1_000), lifeMonths: 3,
                                 acquired: LocalDate(parsing: "2026-02-01")!)

    @Test func keepsTheRegisterInCodeOrder() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳").assets
        try officer.addFixedAsset(Self.desk)
        try officer.addFixedAsset(Self.projector)
        #expect(try book.session("李强").assets.fixedAssets(organization: "FED-01") == [Self.projector, Self.desk])
        let created = try book.store.database.read { db in try SQLiteStorage(db).fixedAssets(organizationID: SQLiteStorage(db).organizationID("FED-01")) }
        #expect(created.map(\.createdBy) == ["王芳", "王芳"])
        #expect(bookError { try book.session("王芳").assets.addFixedAsset(FixedAsset(organization: "CTY-01", code: "X", name: "x", cost: Money(fen: 1),
                                                                                      lifeMonths: 1, acquired: Self.desk.acquired)) }?.category == .notPermitted)
    }

    @Test func aDuplicateCodeIsATypedRefusal() throws {
        let book = try InMemoryBook()
        try book.session("王芳").assets.addFixedAsset(Self.projector)
        let error = bookError { try book.session("王芳").assets.addFixedAsset(Self.projector) }
        guard case let .duplicateAsset(organization, code)? = error else { Issue.record("entered ZC-001 twice"); return }
        #expect(organization == "FED-01" && code == "ZC-001")
        #expect(error?.description == "the book refused the change: asset ZC-001 is already in the register of FED-01")
        #expect(error?.rule == "duplicate-asset" && error?.category == .conflict)
    }

    @Test func anAssetBreakingTheRulesIsATypedRefusal() throws {
        let book = try InMemoryBook()
        var asset = Self.projector
        asset.lifeMonths = 1201
        let error = bookError { try book.session("王芳").assets.addFixedAsset(asset) }
        guard case .fixedAsset(.badLife("ZC-001", 1201))? = error else { Issue.record("entered a life of 1201 months"); return }
        #expect(error?.description == "the book refused the change: asset ZC-001 life of 1201 months must be 1 to 1200 months")
        #expect(error?.rule == "bad-asset" && error?.category == .invalidInput)
        #expect(try book.admin.assets.fixedAssets(organization: "FED-01").isEmpty)
    }

    @Test func depreciatesEachMonthOnceWithTheLastMonthTakingTheRest() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳").assets
        try officer.addFixedAsset(Self.desk)
        try officer.addFixedAsset(Self.projector)
        #expect(try officer.depreciate(organization: "FED-01", period: Period(year: 2026, month: 1)!, reviewer: "李强") == nil)
        let march = try #require(try officer.depreciate(organization: "FED-01", period: Period(year: 2026, month: 3)!, reviewer: "李强"))
        #expect(march.status == .posted && march.draft.kind == .depreciation && march.draft.date.description == "2026-03-31")
        #expect(march.draft.lines.map(\.accountCode) == ["301", "163", "163"])
        #expect(march.draft.lines.map(\.amount.fen) == [5_333 + 333, 5_333, 333])
        #expect(march.bookkeeper == "王芳" && march.draft.preparer == "王芳")
        #expect(try officer.depreciate(organization: "FED-01", period: Period(year: 2026, month: 3)!, reviewer: "李强") == nil)
        let april = try #require(try officer.depreciate(organization: "FED-01", period: Period(year: 2026, month: 4)!, reviewer: "李强"))
        // The desk's third and last month takes what is left of its cost: 1,000 - 2 × 333.
        #expect(april.draft.lines.map(\.amount.fen) == [5_333 + 334, 5_333, 334])
        let charged = try book.store.database.read { db in
            try DepreciationRecord.order(DepreciationRecord.Columns.period, DepreciationRecord.Columns.assetID).fetchAll(db)
        }
        #expect(charged.map(\.amount.fen) == [333, 5_333, 334, 5_333])
        #expect(charged.map(\.voucherID) == [march.id, march.id, april.id, april.id])
    }

    @Test func importsAWholeFileOrNothing() throws {
        let book = try InMemoryBook()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("assets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.csv"), bad = folder.appendingPathComponent("bad.csv")
        try "单位,编号,名称,原值,使用月数,取得日期\nFED-01,ZC-010,电脑,6000.00,36,2026-01-05\nFED-01,ZC-011,打印机,1800.00,36,2026-01-05\n"
            .write(to: good, atomically: true, encoding: .utf8)
        try "org,code,name,cost,life_months,acquired\nFED-01,ZC-012,相机,abc,36,2026-01-05\n".write(to: bad, atomically: true, encoding: .utf8)
        let officer = book.session("王芳").assets
        #expect(throws: InputErrors.self) { try officer.importFixedAssets(path: bad.path) }
        #expect(try officer.importFixedAssets(path: good.path) == 2)
        #expect(try officer.fixedAssets(organization: "FED-01").map(\.code) == ["ZC-010", "ZC-011"])
    }
}
