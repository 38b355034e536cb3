import FundCore
@testable import FundStore
import Testing

@Suite struct AssetActServiceTests {
    static let printer = FixedAsset(organization: "FED-01", code: "ZC-101", name: "复印机", cost: Money(fen: 720_000), lifeMonths: 72,
                                    acquired: LocalDate(parsing: "2026-01-10")!, assetClass: .officeEquipment)

    /// Net balances (debit minus credit) of FED-01 through 2026.
    static func balances(_ book: InMemoryBook) throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        for turnover in try book.admin.ledger.turnovers(organization: "FED-01", from: Period(year: 2026, month: 1)!, to: Period(year: 2026, month: 12)!) {
            result[turnover.code] = turnover.closingNetFen
        }
        return result.filter { $0.value != 0 }
    }

    @Test func aCardKeepsItsClassAndIsRefusedBelowTheClassesMinimum() throws {
        let book = try InMemoryBook()
        var short = Self.printer
        short.lifeMonths = 60
        let error = bookError { try book.session("王芳").assets.addFixedAsset(short) }
        guard case .fixedAsset(.lifeBelowMinimum("ZC-101", .officeEquipment, 60, 6))? = error else { Issue.record("a 5-year office machine"); return }
        #expect(error?.rule == "asset-minimum-life" && error?.category == .invalidInput)
        #expect(error?.chinese.contains("办公设备") == true)
        try book.session("王芳").assets.addFixedAsset(Self.printer)
        #expect(try book.admin.assets.fixedAssets(organization: "FED-01") == [Self.printer])
        // Land is not depreciated.
        try book.session("王芳").assets.addFixedAsset(FixedAsset(organization: "FED-01", code: "TD-1", name: "土地", cost: Money(fen: 9_000_000),
                                                               lifeMonths: 1, acquired: LocalDate(parsing: "2026-01-01")!, assetClass: .land))
        let voucher = try book.session("王芳").assets.depreciate(organization: "FED-01", period: Period(year: 2026, month: 1)!, reviewer: "李强")
        #expect(voucher?.draft.lines.map(\.summary) == ["", "ZC-101 复印机"])
    }

    @Test func aScrappedAssetLeavesTheRegisterThroughTheTwoStepsOf182() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳").assets
        try book.post("2026-01-10", [("50702", 720_000), ("102", -720_000), ("162", 720_000), ("301", -720_000)], summary: "购复印机")
        try officer.addFixedAsset(Self.printer)
        for month in 1...2 { _ = try officer.depreciate(organization: "FED-01", period: Period(year: 2026, month: month)!, reviewer: "李强") }
        let scrapped = try officer.dispose(organization: "FED-01", code: "ZC-101", act: .scrap, date: LocalDate(parsing: "2026-03-05")!, reviewer: "李强")
        #expect(scrapped.draft.lines.map { "\($0.accountCode) \($0.side == .debit ? "借" : "贷") \($0.amount)" } == ["182 借 7000.00", "163 借 200.00", "162 贷 7200.00"])
        #expect(try Self.balances(book)["182"] == 700_000 && Self.balances(book)["162"] == nil && Self.balances(book)["163"] == nil)
        // No depreciation from the month of disposal.
        #expect(try officer.depreciate(organization: "FED-01", period: Period(year: 2026, month: 3)!, reviewer: "李强") == nil)
        let (settled, act) = try officer.settle(organization: "FED-01", code: "ZC-101", date: LocalDate(parsing: "2026-03-20")!, reviewer: "李强")
        #expect(act == .scrap)
        #expect(settled.draft.lines.map { "\($0.accountCode) \($0.side == .debit ? "借" : "贷") \($0.amount)" } == ["301 借 7000.00", "182 贷 7000.00"])
        #expect(try Self.balances(book).keys.sorted() == ["102", "50702"])
        #expect(try book.admin.assets.fixedAssetActs(organization: "FED-01")["ZC-101"]
                == [AssetActEntry(act: .scrap, date: LocalDate(parsing: "2026-03-05")!, pending: Money(fen: 700_000), settledOn: LocalDate(parsing: "2026-03-20")!)])
        // Once, and only what waits.
        guard case .assetAct(.alreadyDisposed("FED-01", "ZC-101", .scrap))? = bookError({
            _ = try officer.dispose(organization: "FED-01", code: "ZC-101", act: .sale, date: LocalDate(parsing: "2026-04-01")!, reviewer: "李强")
        }) else { Issue.record("disposed twice"); return }
        let nothing = bookError { _ = try officer.settle(organization: "FED-01", code: "ZC-101", date: LocalDate(parsing: "2026-04-01")!, reviewer: "李强") }
        #expect(nothing?.rule == "asset-nothing-pending" && nothing?.category == .conflict)
        let verify = try book.admin.verification.verify()
        #expect(verify.problems.isEmpty, "\(verify.problems)")
    }

    @Test func aSurplusAddsTheCardAndReachesTheAssetFundOnceApproved() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳").assets
        var found = Self.printer
        found.code = "PY-1"
        found.acquired = LocalDate(parsing: "2026-06-30")!
        let voucher = try officer.recordSurplus(found, reviewer: "李强")
        #expect(voucher.draft.lines.map { "\($0.accountCode) \($0.side == .debit ? "借" : "贷") \($0.amount)" } == ["162 借 7200.00", "182 贷 7200.00"])
        #expect(voucher.reviewer == "李强" && voucher.status == .posted)
        let (settled, act) = try officer.settle(organization: "FED-01", code: "PY-1", date: LocalDate(parsing: "2026-07-02")!, reviewer: "李强")
        #expect(act == .surplus)
        #expect(settled.draft.lines.map(\.accountCode) == ["182", "301"])
        #expect(try Self.balances(book) == ["162": 720_000, "301": -720_000])
        #expect(try book.admin.assets.fixedAssets(organization: "FED-01").map(\.code) == ["PY-1"])
    }

    @Test func anActOnAnUnknownCardOrBeforeItWasAcquiredIsRefused() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳").assets
        let unknown = bookError { _ = try officer.dispose(organization: "FED-01", code: "NOPE", act: .loss, date: LocalDate(parsing: "2026-03-05")!, reviewer: "李强") }
        #expect(unknown?.rule == "asset-unknown" && unknown?.category == .notFound)
        try officer.addFixedAsset(Self.printer)
        let early = bookError { _ = try officer.dispose(organization: "FED-01", code: "ZC-101", act: .loss, date: LocalDate(parsing: "2026-01-01")!, reviewer: "李强") }
        #expect(early?.rule == "asset-act-before-acquired" && early?.category == .invalidInput)
        // Not depreciated at all: the whole cost waits on 182 (盘亏).
        let lost = try officer.dispose(organization: "FED-01", code: "ZC-101", act: .loss, date: LocalDate(parsing: "2026-01-31")!, reviewer: "李强")
        #expect(lost.draft.lines.map(\.accountCode) == ["182", "162"])
        #expect(bookError { _ = try book.session("李强").assets.dispose(organization: "FED-01", code: "ZC-101", act: .loss,
                                                                       date: LocalDate(parsing: "2026-01-31")!, reviewer: "李强") } != nil)
    }
}
