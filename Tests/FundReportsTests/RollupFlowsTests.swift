import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import FundTesting
import Testing

/// Posts one voucher with a counterpart and project per line (nil: none), prepared by 甲 and
/// reviewed by 乙 as in the hand-worked county.
@discardableResult
private func post(_ t: TestBook, _ org: String, _ date: String, _ lines: [(String, Int64, String?)], project: String? = nil) throws -> Voucher {
    let draft = VoucherDraft(organization: org, date: LocalDate(parsing: date)!, summary: "往来", preparer: "甲", lines: lines.map {
        VoucherLine(accountCode: $0.0, side: $0.1 > 0 ? .debit : .credit, amount: Money(fen: Swift.abs($0.1)),
                    dimensions: Dimensions(project: project, counterpart: $0.2))
    })
    let voucher = try t.book.vouchers.addVoucher(draft)
    try t.book.store.session(as: "乙").vouchers.reviewVoucher(id: voucher.id, reviewer: "乙")
    return try t.book.vouchers.postVoucher(id: voucher.id, bookkeeper: "丙")
}

/// The refusal of the book `body` threw, if it threw one.
private func bookError(_ body: () throws -> Void) -> BookError? {
    do { try body() } catch let error as BookError { return error } catch { return nil }
    return nil
}

/// The hand-worked county with the flows between its levels: a remittance received, one never
/// received, and a pass-down the lower union booked without its counterpart.
func handWorkedCountyWithFlows() throws -> TestBook {
    let t = try handWorkedCounty()
    // FED-A collects 5,000 itself, keeps 3,000 and remits 2,000 to TWN-1 (211 names no one: its parent).
    try post(t, "FED-A", "2026-05-05", [("102", 5_000_00, nil), ("402", -3_000_00, nil), ("211", -2_000_00, nil)])
    try post(t, "FED-A", "2026-05-15", [("211", 2_000_00, nil), ("102", -2_000_00, nil)])
    try post(t, "TWN-1", "2026-05-16", [("102", 2_000_00, nil), ("402", -2_000_00, "FED-A")])
    // FED-C remits 1,200 to the county in June; the county never books the receipt.
    try post(t, "FED-C", "2026-06-10", [("102", 3_000_00, nil), ("402", -1_800_00, nil), ("211", -1_200_00, "CTY")])
    try post(t, "FED-C", "2026-06-20", [("211", 1_200_00, "CTY"), ("102", -1_200_00, nil)])
    // The county's tax-collected receipt holds a lump for the lower unions; 8,000 is passed to
    // TWN-2, which books it as 402 without naming the county.
    try post(t, "CTY", "2026-04-05", [("102", 50_000_00, nil), ("402", -30_000_00, nil), ("21202", -20_000_00, nil)])
    try post(t, "CTY", "2026-04-15", [("21202", 8_000_00, "TWN-2"), ("102", -8_000_00, nil)])
    try post(t, "TWN-2", "2026-04-16", [("102", 8_000_00, nil), ("402", -8_000_00, nil)])
    return t
}

@Suite struct RollupFlowsTests {
    /// Worked by hand, month by month:
    /// March: CTY→FED-B 50802 P1 given 6,000, received 5,500 (the subsidy short by 500);
    /// April: CTY passed 8,000 down to TWN-2 (2026-04/记-0002); TWN-2 names no one on its 402,
    ///   so the likely match (2026-04/记-0002, untagged) is shown on its side;
    /// May: FED-A's 2,000 on 211 is received by TWN-1 toward FED-A: matched;
    /// June: FED-C remitted 1,200 (2026-06/记-0002); the county booked nothing: listed.
    /// Every year-end balance pair matches: only the flows tell.
    @Test func eachFlowDifferenceIsNamedWithTheVouchersOnBothSides() throws {
        let t = try handWorkedCountyWithFlows()
        let rollup = try Reports.rollup(t.book, organization: "CTY", year: 2026, month: nil)
        #expect(rollup.differences.isEmpty)
        #expect(!rollup.isReconciled && rollup.untaggedTransfers.isEmpty)
        let flows = rollup.flowDifferences
        #expect(flows.map(\.kind) == [.earmarkedSubsidy, .passDown, .remittance])
        #expect(flows.map(\.period.month) == [3, 4, 6])
        let subsidy = flows[0]
        #expect(subsidy.upper == "CTY" && subsidy.lower == "FED-B" && subsidy.project == "P1")
        #expect(subsidy.upperAmount == 6_000_00 && subsidy.lowerAmount == 5_500_00)
        #expect(subsidy.upperVouchers == ["2026-03/记-0001"] && subsidy.lowerVouchers == ["2026-03/记-0001"])
        let passDown = flows[1]
        #expect(passDown.upper == "CTY" && passDown.lower == "TWN-2" && passDown.upperAmount == 8_000_00 && passDown.lowerAmount == 0)
        #expect(passDown.upperVouchers == ["2026-04/记-0002"] && passDown.lowerVouchers == ["（未标往来单位）2026-04/记-0002"])
        let remittance = flows[2]
        #expect(remittance.upper == "CTY" && remittance.lower == "FED-C" && remittance.upperAmount == 0 && remittance.lowerAmount == 1_200_00)
        #expect(remittance.upperVouchers.isEmpty && remittance.lowerVouchers == ["2026-06/记-0002"])
        let text = rollup.rendered(.table)
        #expect(!text.contains("相符"))
        Golden.assert(text, "Tests/FundReportsTests/Golden/rollup-flows.txt")
        // Through May only the March and April differences exist; the township's own roll-up
        // holds FED-A's remittance, matched.
        #expect(try Reports.rollup(t.book, organization: "CTY", year: 2026, month: 5).flowDifferences.map(\.period.month) == [3, 4])
        let township = try Reports.rollup(t.book, organization: "TWN-1", year: 2026, month: nil)
        #expect(township.isReconciled && township.rendered(.table).contains("全部相符"))
    }

    /// Once the county books FED-C's remittance and TWN-2 names the county on its 402 (a
    /// correction by red ink and a new voucher), only the subsidy's 500 is left.
    @Test func correctedFlowsLeaveOnlyTheRealDifference() throws {
        let t = try handWorkedCountyWithFlows()
        try post(t, "CTY", "2026-06-21", [("102", 1_200_00, nil), ("402", -1_200_00, "FED-C")])
        let untagged = try t.book.vouchers.voucher(organization: "TWN-2", reference: "2026-04/记-0002")
        let red = try t.book.vouchers.reverseVoucher(id: untagged.id, date: LocalDate(parsing: "2026-04-30")!, preparer: "甲")
        try t.book.store.session(as: "乙").vouchers.reviewVoucher(id: red.id, reviewer: "乙")
        try t.book.vouchers.postVoucher(id: red.id, bookkeeper: "丙")
        try post(t, "TWN-2", "2026-04-30", [("102", 8_000_00, nil), ("402", -8_000_00, "CTY")])
        let rollup = try Reports.rollup(t.book, organization: "CTY", year: 2026, month: nil)
        #expect(rollup.flowDifferences.map(\.kind) == [.earmarkedSubsidy])
    }

    /// A subsidy to a lower union, a receivable from one or a pass-down must name it; a 212
    /// credit may hold a lump for the lower unions; a line toward the upper union may leave it implied.
    @Test func aTransferToALowerUnionMustNameIt() throws {
        let t = try handWorkedCounty()
        for lines in [[("50801", 1_000_00, nil), ("102", -1_000_00, nil)], [("132", 1_000_00, nil), ("402", -1_000_00, nil)],
                      [("21202", 1_000_00, nil), ("102", -1_000_00, nil)]] as [[(String, Int64, String?)]] {
            let error = bookError { try post(t, "CTY", "2026-08-01", lines) }
            guard case let .voucherProblems(_, problems) = error else { Issue.record("\(String(describing: error))"); continue }
            #expect(problems.map(\.rule) == [.counterpartRequired] && problems[0].lineIndex == 0)
            #expect(error!.text(.chinese).contains("往来单位"))
        }
        try post(t, "CTY", "2026-08-01", [("102", 1_000_00, nil), ("21202", -1_000_00, nil)])
        try post(t, "FED-A", "2026-08-02", [("102", 1_000_00, nil), ("211", -1_000_00, nil)])
        #expect(try t.book.verification.verify().warnings.allSatisfy { $0.check != "transfer-without-counterpart" })
    }

    /// Lines without counterpart on 132 and 508 and debits on 212 are named with their month;
    /// a 212 credit and a 402 without counterpart are not.
    @Test func untaggedTransfersAreNamed() throws {
        let p = Period(year: 2026, month: 3)!
        let members = [Organization(code: "CTY", name: "某某县总工会", level: .county),
                       Organization(code: "FED", name: "某某县快递行业工会联合会", level: .federation, parentCode: "CTY")]
        let flows = [RollupFlow(organization: "CTY", account: "50801", project: nil, counterpart: nil, period: p, debit: 700, credit: 0),
                     RollupFlow(organization: "CTY", account: "50802", project: "X", counterpart: nil, period: p, debit: 300, credit: 0),
                     RollupFlow(organization: "CTY", account: "21202", project: nil, counterpart: nil, period: p, debit: 0, credit: 900),
                     RollupFlow(organization: "CTY", account: "402", project: nil, counterpart: nil, period: p, debit: 0, credit: 900),
                     RollupFlow(organization: "FED", account: "40301", project: nil, counterpart: "CTY", period: p, debit: 0, credit: 700)]
        let (differences, untagged) = try FlowReconciliation.reconcile(flows: flows, members: members)
        #expect(untagged.map { "\($0.organization) \($0.account) \($0.net)" } == ["CTY 50801 700", "CTY 50802 300"])
        #expect(differences.count == 1 && differences[0].kind == .generalSubsidy && differences[0].upperAmount == 0 && differences[0].lowerAmount == 700)
    }
}
