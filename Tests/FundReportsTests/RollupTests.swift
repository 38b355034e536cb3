import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import FundTesting
import PropertyBased
import Testing

/// A county, two townships and three federations, posted by hand.
func handWorkedCounty() throws -> TestBook {
    let t = try TestBook.empty()
    let orgs: [Organization] = [
        Organization(code: "CTY", name: "某某县总工会", level: .county),
        Organization(code: "TWN-1", name: "某某县东关镇总工会", level: .township, parentCode: "CTY"),
        Organization(code: "TWN-2", name: "某某县西山乡总工会", level: .township, parentCode: "CTY"),
        Organization(code: "FED-A", name: "某某县东关镇五金产业工会联合会", level: .federation, parentCode: "TWN-1"),
        Organization(code: "FED-B", name: "某某县西山乡农业产业工会联合会", level: .federation, parentCode: "TWN-2"),
        Organization(code: "FED-C", name: "某某县快递行业工会联合会", level: .federation, parentCode: "CTY"),
    ]
    for org in orgs { try t.book.organizations.addOrganization(org) }
    for officer in ["甲", "乙"] { try t.book.access.grant(RoleGrant(user: officer, role: .officer)) }
    func post(_ org: String, _ date: String, _ lines: [(String, Int64, Dimensions)]) throws {
        let draft = VoucherDraft(organization: org, date: LocalDate(parsing: date)!, summary: "例", preparer: "甲", lines: lines.map {
            VoucherLine(accountCode: $0.0, side: $0.1 > 0 ? .debit : .credit, amount: Money(fen: Swift.abs($0.1)), dimensions: $0.2)
        })
        let voucher = try t.book.vouchers.addVoucher(draft)
        try t.book.store.session(as: "乙").vouchers.reviewVoucher(id: voucher.id, reviewer: "乙")
        try t.book.vouchers.postVoucher(id: voucher.id, bookkeeper: "丙")
    }
    let none = Dimensions()
    func to(_ code: String, _ project: String? = nil) -> Dimensions { Dimensions(project: project, counterpart: code) }
    try post("CTY", "2026-01-10", [("102", 100_000_00, none), ("402", -100_000_00, none)])
    try post("CTY", "2026-02-10", [("50801", 10_000_00, to("FED-A")), ("102", -10_000_00, none)])
    try post("CTY", "2026-03-10", [("50802", 6_000_00, to("FED-B", "P1")), ("102", -6_000_00, none)])
    try post("CTY", "2026-12-20", [("50802", 4_000_00, to("FED-C", "P2")), ("21201", -4_000_00, to("FED-C", "P2"))])
    try post("TWN-1", "2026-01-20", [("102", 20_000_00, none), ("402", -20_000_00, none)])
    try post("TWN-1", "2026-05-20", [("50102", 3_000_00, none), ("102", -3_000_00, none)])
    try post("TWN-2", "2026-04-20", [("102", 1_000_00, none), ("401", -1_000_00, none)])
    try post("FED-A", "2026-02-11", [("102", 10_000_00, none), ("40301", -10_000_00, to("CTY"))])
    try post("FED-A", "2026-09-11", [("50105", 7_000_00, none), ("102", -7_000_00, none)])
    try post("FED-B", "2026-03-12", [("102", 5_500_00, none), ("40302", -5_500_00, to("CTY", "P1"))])
    try post("FED-B", "2026-06-12", [("50301", 2_000_00, Dimensions(project: "P1")), ("102", -2_000_00, none)])
    try post("FED-C", "2026-12-21", [("13101", 4_000_00, to("CTY", "P2")), ("40302", -4_000_00, to("CTY", "P2"))])
    return t
}

@Suite struct RollupTests {
    /// Worked by hand:
    /// income: CTY 100,000 + TWN-1 20,000 + TWN-2 1,000 + FED-A 10,000 + FED-B 5,500 + FED-C 4,000 = 140,500.
    /// spending: CTY 10,000 + 6,000 + 4,000 = 20,000; TWN-1 3,000; FED-A 7,000; FED-B 2,000: 32,000.
    /// transfers matched: CTY→FED-A general 10,000 = 10,000; CTY→FED-B P1 6,000 against 5,500 → 5,500
    /// (500 listed for reconciliation); CTY→FED-C P2 4,000 = 4,000. Eliminated 19,500 from 403 and 508.
    /// consolidated income 140,500 - 19,500 = 121,000; spending 32,000 - 19,500 = 12,500;
    /// difference 108,500 both ways. 21201 (CTY→FED-C P2) 4,000 = 13101 4,000: eliminated from both.
    @Test func aHandWorkedCounty() throws {
        let t = try handWorkedCounty()
        let rollup = try Reports.rollup(t.book, organization: "CTY", year: 2026, month: nil)
        func line(_ label: String) -> Rollup.Line { rollup.allLines.first { $0.line.label == label }!.line }
        #expect(rollup.members.map(\.code) == ["CTY", "FED-C", "TWN-1", "FED-A", "TWN-2", "FED-B"])
        #expect(line("收入合计").sum == 140_500_00 && line("收入合计").elimination == -19_500_00 && line("收入合计").consolidated == 121_000_00)
        #expect(line("支出合计").sum == 32_000_00 && line("支出合计").consolidated == 12_500_00)
        #expect(line("收支差额").consolidated == 108_500_00 && line("收支差额").elimination == 0)
        // All 19,500 received is matched; the 500 given but not received stays in 补助下级支出
        // (and is listed for reconciliation below).
        #expect(line("上级补助收入").consolidated == 0 && line("补助下级支出").consolidated == 500_00)
        #expect(line("应付下级经费").consolidated == 0 && line("应收上级经费").consolidated == 0)
        #expect(line("资产总计").consolidated == line("负债合计").consolidated + line("净资产合计").consolidated)
        // The balances all match; the subsidy's shortfall is a flow of March.
        #expect(rollup.differences.isEmpty && rollup.flowDifferences.count == 1)
        let difference = rollup.flowDifferences[0]
        #expect(difference.kind == .earmarkedSubsidy && difference.period == Period(year: 2026, month: 3))
        #expect(difference.upper == "CTY" && difference.lower == "FED-B" && difference.project == "P1")
        #expect(difference.upperAmount == 6_000_00 && difference.lowerAmount == 5_500_00)
        #expect(difference.upperVouchers == ["2026-03/记-0001"] && difference.lowerVouchers == ["2026-03/记-0001"])
        // A township's roll-up has nothing to eliminate.
        let township = try Reports.rollup(t.book, organization: "TWN-1", year: 2026, month: nil)
        #expect(township.members.map(\.code) == ["TWN-1", "FED-A"])
        #expect(township.allLines.allSatisfy { $0.line.elimination == 0 })
        Golden.assert(rollup.rendered(.table), "Tests/FundReportsTests/Golden/rollup-hand-worked.txt")
    }

    struct Transfer: Sendable {
        var receiver: Int
        var given: Int64
        var shortfall: Int64
        var earmarked: Bool
    }

    /// Random transfers from the county to random federations, received in full or short.
    static let transfers = PropertyBased.zip(Gen.int(in: 0...2), Gen.int64(in: 1...1_000_000), Gen.int64(in: 0...3), Gen.int(in: 0...1))
        .map { (p: (Int, Int64, Int64, Int)) in Transfer(receiver: p.0, given: p.1 * 100, shortfall: p.2 == 0 ? p.1 * 10 : 0, earmarked: p.3 == 1) }
        .array(of: 0...12)

    @Test func consolidationRemovesExactlyTheMatchedTransfers() async throws {
        await propertyCheck(count: 12, input: RollupTests.transfers) { transfers in
            let t = try handWorkedCounty()
            let feds = ["FED-A", "FED-B", "FED-C"]
            var matched: Int64 = 0
            for (index, transfer) in transfers.enumerated() {
                let fed = feds[transfer.receiver], project = transfer.earmarked ? "R\(index)" : nil
                let received = transfer.given - transfer.shortfall
                try t.post("CTY", "2026-07-10", [(transfer.earmarked ? "50802" : "50801", transfer.given), ("102", -transfer.given)],
                           project: project, counterpart: fed)
                try t.post(fed, "2026-07-11", [("102", received), (transfer.earmarked ? "40302" : "40301", -received)], project: project, counterpart: "CTY")
                matched += received
            }
            let rollup = try Reports.rollup(t.book, organization: "CTY", year: 2026, month: nil)
            func line(_ label: String) -> Rollup.Line { rollup.allLines.first { $0.line.label == label }!.line }
            // The hand-worked 19,500 plus every random transfer, matched at what was received.
            #expect(line("收入合计").elimination == -(19_500_00 + matched))
            #expect(line("收入合计").consolidated == line("收入合计").sum - 19_500_00 - matched)
            #expect(line("支出合计").consolidated == line("支出合计").sum - 19_500_00 - matched)
            // Every member's own figures are its own 收入支出表's, untouched by consolidation.
            for member in rollup.members {
                let form = try Reports.incomeExpenditure(t.book, organization: member.code, year: 2026, month: nil)
                #expect(line("收入合计").values[member.code] ?? 0 == form.value("三、收入合计"))
                #expect(line("支出合计").values[member.code] ?? 0 == form.value("四、支出合计"))
            }
            // Flow differences are per pair key and month: transfers without a project to one
            // federation in one month share one.
            var shortfalls: [String: Int64] = [:]
            for (index, transfer) in transfers.enumerated() {
                shortfalls[feds[transfer.receiver] + (transfer.earmarked ? "/R\(index)" : "/general"), default: 0] += transfer.shortfall
            }
            #expect(rollup.flowDifferences.count == 1 + shortfalls.values.filter { $0 != 0 }.count)
        }
    }
}
