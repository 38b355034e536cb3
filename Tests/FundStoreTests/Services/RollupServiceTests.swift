import FundCore
@testable import FundStore
import Testing

@Suite struct RollupServiceTests {
    @Test func readsTheTreeWithItsBalances() throws {
        let book = try InMemoryBook()
        try book.post("2026-03-10", [("102", 100_00), ("211", -100_00)], summary: "应缴上级")
        try book.post("2026-04-10", [("102", 20_00), ("401", -20_00)])
        let data = try book.admin.rollup.rollupData(root: "CTY-01", year: 2026, month: 3)
        #expect(data.members.map(\.code) == ["CTY-01", "FED-01"])
        #expect(data.balances.contains(RollupBalance(organization: "FED-01", account: "211", project: nil, counterpart: nil,
                                                     closingNet: -100_00, activityNet: -100_00)))
        #expect(!data.balances.contains { $0.account == "401" })
        #expect(data.budgets.isEmpty)
        #expect(try book.admin.rollup.rollupData(root: "FED-01", year: 2026, month: 12).members.map(\.code) == ["FED-01"])
        #expect(bookError { _ = try book.admin.rollup.rollupData(root: "NOPE", year: 2026, month: 12) }?.rule == "unknown-org")
        #expect(bookError { _ = try book.session("王芳").rollup.rollupData(root: "CTY-01", year: 2026, month: 12) }?.category == .notPermitted)
    }

    @Test func findsTheVouchersOfAMirrorPair() throws {
        let book = try InMemoryBook()
        try book.post("2026-03-10", [("102", 100_00), ("211", -100_00)], summary: "应缴上级")
        // A 211 line without a counterpart is owed to the parent.
        #expect(try book.admin.rollup.pairVouchers(organization: "FED-01", accountPrefix: "211", counterpart: "CTY-01", project: nil) == ["2026-03/记-0001"])
        #expect(try book.admin.rollup.pairVouchers(organization: "FED-01", accountPrefix: "102", counterpart: "CTY-01", project: nil).isEmpty)
    }
}
