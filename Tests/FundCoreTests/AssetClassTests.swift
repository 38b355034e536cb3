import FundCore
import Testing

@Suite struct AssetClassTests {
    static let acquired = LocalDate(year: 2026, month: 3, day: 1)!

    @Test func aCardShorterThanItsClassesMinimumIsRefusedNamingTheClassAndTheMinimum() {
        let laptop = FixedAsset(organization: "FED-01", code: "ZC-1", name: "笔记本电脑", cost: Money(fen: 600_000), lifeMonths: 36,
                                acquired: Self.acquired, assetClass: .computer)
        #expect(throws: FixedAssetError.lifeBelowMinimum(code: "ZC-1", assetClass: .computer, months: 36, minimumYears: 6)) { try laptop.validate() }
        let error = FixedAssetError.lifeBelowMinimum(code: "ZC-1", assetClass: .computer, months: 36, minimumYears: 6)
        #expect(error.rule == "asset-minimum-life")
        #expect(error.chinese.contains("计算机设备") && error.chinese.contains("6 年") && error.chinese.hasSuffix("[asset-minimum-life]"))
        var longer = laptop
        longer.lifeMonths = 72
        #expect(throws: Never.self) { try longer.validate() }
        // A card without a class is checked as before.
        longer.assetClass = nil
        longer.lifeMonths = 12
        #expect(throws: Never.self) { try longer.validate() }
    }

    @Test func theStandardsMinimumLives() {
        #expect(AssetClass.buildingConcrete.minimumYears == 50 && AssetClass.buildingBrick.minimumYears == 30)
        #expect(AssetClass.vehicle.minimumYears == 8 && AssetClass.furniture.minimumYears == 15 && AssetClass.machinery.minimumYears == 10)
        #expect(AssetClass.officeEquipment.minimumYears == 6 && AssetClass.fixtures.minimumYears == 5)
        #expect([AssetClass.land, .relics, .booksArchives, .nominal].allSatisfy { !$0.isDepreciated })
        #expect(AssetClass(input: "办公设备") == .officeEquipment && AssetClass(input: "Office-Equipment") == .officeEquipment && AssetClass(input: "房子") == nil)
    }

    @Test func aClassThatIsNotDepreciatedKeepsItsCost() {
        let relic = FixedAsset(organization: "FED-01", code: "WW-1", name: "会史陈列品", cost: Money(fen: 500_000), lifeMonths: 1,
                               acquired: Self.acquired, assetClass: .relics)
        #expect(relic.depreciation(in: Period(year: 2026, month: 3)!) == .zero)
        #expect(Depreciation.plan(organization: "FED-01", period: Period(year: 2026, month: 3)!, assets: [relic], chart: .standard(.grassroots), preparer: "王芳") == nil)
    }

    @Test func the182TwoStepEntriesPairWithTheAssetFund() {
        func problems(_ lines: [(String, Side, Int64)], chart: Chart = .standard(.grassroots)) -> [VoucherProblem.Rule] {
            let draft = VoucherDraft(organization: "FED-01", date: Self.acquired, summary: "资产", preparer: "王芳", lines: lines.map {
                VoucherLine(accountCode: $0.0, side: $0.1, amount: Money(fen: $0.2))
            })
            return VoucherRules.check(draft, chart: chart).map(\.rule)
        }
        // 盘盈: Dr 162 / Cr 182, then Dr 182 / Cr 301.
        #expect(problems([("162", .debit, 300_000), ("182", .credit, 300_000)]).isEmpty)
        #expect(problems([("182", .debit, 300_000), ("301", .credit, 300_000)]).isEmpty)
        // 报废: Dr 182 + Dr 163 / Cr 162, then Dr 301 / Cr 182; at county level against 30104.
        #expect(problems([("182", .debit, 200_000), ("163", .debit, 100_000), ("162", .credit, 300_000)]).isEmpty)
        #expect(problems([("30104", .debit, 200_000), ("182", .credit, 200_000)], chart: .standard(.county)).isEmpty)
        // A cash shortage through 182 touches no asset; a fixed asset bought from the bank still needs its fund.
        #expect(problems([("182", .debit, 5_000), ("101", .credit, 5_000)]).isEmpty)
        #expect(problems([("162", .debit, 300_000), ("102", .credit, 300_000)]) == [.assetFundUnpaired])
        // 182 that does not make up the difference does not pair.
        #expect(problems([("162", .debit, 300_000), ("182", .credit, 100_000), ("102", .credit, 200_000)]) == [.assetFundUnpaired])
    }

    @Test func everyDetailOf507IsCapitalSpending() {
        for code in ["50701", "50702", "50703", "50704", "50705", "50706", "50707"] {
            #expect(AssetFund.capitalPurchases[code] != nil, "\(code)")
            let draft = VoucherDraft(organization: "CTY-01", date: Self.acquired, summary: "购建", preparer: "王芳", lines: [
                VoucherLine(accountCode: code, side: .debit, amount: Money(fen: 200_000)), VoucherLine(accountCode: "102", side: .credit, amount: Money(fen: 200_000)),
            ])
            #expect(VoucherRules.check(draft, chart: .standard(.county)).map(\.rule) == [.capitalWithoutAsset], "\(code)")
            let paired = VoucherDraft(organization: "CTY-01", date: Self.acquired, summary: "购建", preparer: "王芳",
                                      lines: draft.lines + AssetFund.pairLines(for: draft, chart: .standard(.county)))
            #expect(VoucherRules.check(paired, chart: .standard(.county)).isEmpty, "\(code)")
        }
    }

    @Test func theActsVouchers() {
        let printer = FixedAsset(organization: "CTY-01", code: "ZC-9", name: "打印机", cost: Money(fen: 300_000), lifeMonths: 72, acquired: Self.acquired)
        let found = AssetActs.surplus(printer, date: Self.acquired, preparer: "王芳")
        #expect(found.lines.map { "\($0.accountCode) \($0.side == .debit ? "debit" : "credit") \($0.amount)" } == ["162 debit 3000.00", "182 credit 3000.00"])
        let scrapped = AssetActs.dispose(printer, act: .scrap, depreciated: Money(fen: 50_000), date: Self.acquired, preparer: "王芳")
        #expect(scrapped.lines.map { "\($0.accountCode) \($0.side == .debit ? "debit" : "credit") \($0.amount)" } == ["182 debit 2500.00", "163 debit 500.00", "162 credit 3000.00"])
        #expect(AssetActs.pendingValue(printer, act: .scrap, depreciated: Money(fen: 50_000)) == Money(fen: 250_000))
        let settled = AssetActs.settle(printer, act: .scrap, pending: Money(fen: 250_000), date: Self.acquired, chart: .standard(.county), preparer: "王芳")
        #expect(settled?.lines.map { "\($0.accountCode) \($0.side == .debit ? "debit" : "credit") \($0.amount)" } == ["30104 debit 2500.00", "182 credit 2500.00"])
        let approved = AssetActs.settle(printer, act: .surplus, pending: Money(fen: 300_000), date: Self.acquired, chart: .standard(.grassroots), preparer: "王芳")
        #expect(approved?.lines.map { "\($0.accountCode) \($0.side == .debit ? "debit" : "credit") \($0.amount)" } == ["182 debit 3000.00", "301 credit 3000.00"])
        // A fully depreciated card leaves nothing to settle.
        #expect(AssetActs.settle(printer, act: .scrap, pending: .zero, date: Self.acquired, chart: .standard(.county), preparer: "王芳") == nil)
        for draft in [found, scrapped, settled!, approved!] {
            #expect(VoucherRules.check(draft, chart: draft.lines.contains { $0.accountCode == "30104" } ? .standard(.county) : .standard(.grassroots)).isEmpty)
        }
    }
}
