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

    /// The vouchers behind a month's flows are read for many queries at once: each answer in
    /// its query's place, at most 20 by number, an empty one beside full ones.
    @Test func findsTheVouchersOfEachFlowQueryInOneRead() throws {
        let book = try InMemoryBook()
        for _ in 0..<22 { try book.post("2026-03-10", [("102", 1_00), ("211", -1_00)], summary: "应缴上级") }
        try book.post("2026-03-20", [("211", 5_00), ("102", -5_00)], summary: "上缴上级")
        try YearBalanceTests.post(book, "FED-01", LocalDate(parsing: "2026-03-25")!,
                                  [YearBalanceTests.line("102", 7_00), YearBalanceTests.line("401", -7_00, project: "XM-01")])
        let march = Period(year: 2026, month: 3)!, april = Period(year: 2026, month: 4)!
        func query(_ prefixes: [String], counterpart: String? = "CTY-01", project: String? = nil, period: Period = march,
                   debitsOnly: Bool = false, organization: String = "FED-01") -> FlowVoucherQuery {
            FlowVoucherQuery(organization: organization, accountPrefixes: prefixes, counterpart: counterpart, project: project,
                             period: period, debitsOnly: debitsOnly)
        }
        func refs(_ numbers: ClosedRange<Int>) -> [String] { numbers.map { "2026-03/记-" + String(repeating: "0", count: 4 - String($0).count) + String($0) } }
        let owed = query(["211"])
        let found = try book.admin.rollup.flowVouchers([
            owed, query(["211"], period: april), query(["211"], debitsOnly: true), owed,
            query(["4", "211"], counterpart: nil), query(["401"], counterpart: nil, project: "XM-01"), query(["401"], counterpart: nil, project: "XM-02"),
            query(["211"], organization: "CTY-01"),
        ])
        #expect(found.count == 8)
        #expect(found[0] == refs(1...20))  // 23 vouchers owe the parent: the first 20 by number
        #expect(found[1].isEmpty)
        #expect(found[2] == refs(23...23))
        #expect(found[3] == found[0])
        #expect(found[4] == refs(1...20))  // lines naming no counterpart, on either prefix
        #expect(found[5] == refs(24...24))
        #expect(found[6].isEmpty)
        #expect(found[7].isEmpty)
        #expect(try book.admin.rollup.flowVouchers([]).isEmpty)
        // Each organisation asked of is checked: 王芳 keeps FED-01's books, not the county's.
        #expect(try book.session("王芳").rollup.flowVouchers([owed]) == [refs(1...20)])
        #expect(bookError { _ = try book.session("王芳").rollup.flowVouchers([owed, query(["211"], organization: "CTY-01")]) }?.category == .notPermitted)
        #expect(bookError { _ = try book.admin.rollup.flowVouchers([query(["211"], organization: "NOPE")]) }?.rule == "unknown-org")
    }
}
