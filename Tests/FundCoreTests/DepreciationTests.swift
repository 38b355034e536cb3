import Testing
@testable import FundCore

@Suite struct DepreciationTests {
    static func asset(_ code: String, fen: Int64, months: Int, acquired: String) -> FixedAsset {
        FixedAsset(organization: "FED-01", code: code, name: "资产" + code, cost: Money(fen: fen), lifeMonths: months,
                   acquired: LocalDate(parsing: acquired)!)
    }

    @Test func oneVoucherDebitsTheFundAndCreditsEachAsset() throws {
        let assets = [Self.asset("A", fen: 1_000, months: 3, acquired: "2026-01-31"), Self.asset("B", fen: 600, months: 6, acquired: "2026-03-01")]
        let plan = try #require(Depreciation.plan(organization: "FED-01", period: Period(year: 2026, month: 3)!, assets: assets,
                                                  chart: .standard(.grassroots), preparer: "王芳"))
        #expect(plan.draft.kind == .depreciation && plan.draft.date == LocalDate(year: 2026, month: 3, day: 31))
        #expect(plan.draft.summary == "计提2026年3月固定资产折旧" && plan.draft.preparer == "王芳" && plan.draft.organization == "FED-01")
        #expect(plan.draft.lines.map(\.accountCode) == ["301", "163", "163"])
        #expect(plan.draft.lines.map(\.side) == [.debit, .credit, .credit])
        // A's last month takes the remainder: 1,000 - 2 × 333.
        #expect(plan.draft.lines.map(\.amount.fen) == [334 + 100, 334, 100])
        #expect(plan.draft.lines.map(\.summary) == ["", "A 资产A", "B 资产B"])
        #expect(plan.charges == [Depreciation.Charge(assetCode: "A", amount: Money(fen: 334)), Depreciation.Charge(assetCode: "B", amount: Money(fen: 100))])
        #expect(VoucherRules.check(plan.draft, chart: .standard(.grassroots)).isEmpty)
    }

    @Test func assetsOutsideTheirLivesAreLeftOut() throws {
        let assets = [Self.asset("OLD", fen: 1_000, months: 2, acquired: "2025-01-01"), Self.asset("NEW", fen: 1_000, months: 2, acquired: "2026-05-01")]
        let april = Period(year: 2026, month: 4)!
        #expect(Depreciation.plan(organization: "FED-01", period: april, assets: assets, chart: .standard(.grassroots), preparer: "王芳") == nil)
        #expect(Depreciation.plan(organization: "FED-01", period: april, assets: [], chart: .standard(.grassroots), preparer: "王芳") == nil)
        let may = try #require(Depreciation.plan(organization: "FED-01", period: april.next, assets: assets, chart: .standard(.grassroots), preparer: "王芳"))
        #expect(may.charges.map(\.assetCode) == ["NEW"])
    }

    @Test func theWholeCostIsDepreciatedToTheFen() {
        let asset = Self.asset("C", fen: 100_001, months: 7, acquired: "2026-11-15")
        var period = Period(year: 2026, month: 10)!
        var total: Int64 = 0
        for _ in 0..<10 {
            total += Depreciation.plan(organization: "FED-01", period: period, assets: [asset], chart: .standard(.grassroots), preparer: "x")?
                .charges.first?.amount.fen ?? 0
            period = period.next
        }
        #expect(total == 100_001)
    }

    @Test func aCountyChartDebitsTheFixedAssetFundDetail() throws {
        let chart = Chart.standard(.county)
        let plan = try #require(Depreciation.plan(organization: "CTY-01", period: Period(year: 2026, month: 3)!,
                                                  assets: [Self.asset("A", fen: 1_200, months: 12, acquired: "2026-03-01")], chart: chart, preparer: "王芳"))
        #expect(plan.draft.lines.first?.accountCode == AssetFund.fundAccount(for: "162", chart: chart))
        #expect(plan.draft.lines.first?.accountCode != "301")
    }
}
