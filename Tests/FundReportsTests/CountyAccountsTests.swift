import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import FundTesting
import Testing

/// A township on the grassroots chart that opens 212 and 508 of the county chart (domain notes
/// §2.10): its pass-downs and subsidies reach its forms and the roll-up's flow reconciliation.
@Suite struct CountyAccountsTests {
    /// Posts one voucher prepared by 甲 and reviewed by 乙, a counterpart per line (nil: none).
    @discardableResult
    private func post(_ t: TestBook, _ org: String, _ date: String, _ lines: [(String, Int64, String?)]) throws -> Voucher {
        let draft = VoucherDraft(organization: org, date: LocalDate(parsing: date)!, summary: "转拨", preparer: "甲", lines: lines.map {
            VoucherLine(accountCode: $0.0, side: $0.1 > 0 ? .debit : .credit, amount: Money(fen: Swift.abs($0.1)),
                        dimensions: Dimensions(counterpart: $0.2))
        })
        let voucher = try t.book.vouchers.addVoucher(draft)
        try t.book.store.session(as: "乙").vouchers.reviewVoucher(id: voucher.id, reviewer: "乙")
        return try t.book.vouchers.postVoucher(id: voucher.id, bookkeeper: "丙")
    }

    /// Worked by hand: the county passes 10,000 down to TWN-1 in July; TWN-1 keeps 6,000 (402)
    /// and holds 4,000 for the unions below (21202, both toward the county); it passes 3,000 down to FED-A, which books its 402 toward TWN-1,
    /// and in August gives FED-A a general subsidy of 1,000 (50801 ↔ 40301). 212 ends at 1,000
    /// 贷; 508 spends 1,000; every flow matches.
    @Test func aTownshipPassesDownThroughItsCountyAccounts() throws {
        let t = try handWorkedCounty()
        let opened = try t.book.organizations.openCountyAccount(code: "212", organization: "TWN-1", reason: "转拨基层工会拨缴经费")
        #expect(opened.map(\.code) == ["212", "21201", "21202"] && opened[0].name == "应付下级经费")
        try t.book.organizations.openCountyAccount(code: "50801", organization: "TWN-1", reason: "补助下级工会")
        try post(t, "CTY", "2026-07-09", [("21202", 10_000_00, "TWN-1"), ("102", -10_000_00, nil)])
        try post(t, "TWN-1", "2026-07-10", [("102", 10_000_00, nil), ("402", -6_000_00, "CTY"), ("21202", -4_000_00, "CTY")])
        try post(t, "TWN-1", "2026-07-15", [("21202", 3_000_00, "FED-A"), ("102", -3_000_00, nil)])
        try post(t, "FED-A", "2026-07-16", [("102", 3_000_00, nil), ("402", -3_000_00, "TWN-1")])
        try post(t, "TWN-1", "2026-08-01", [("50801", 1_000_00, "FED-A"), ("102", -1_000_00, nil)])
        try post(t, "FED-A", "2026-08-02", [("102", 1_000_00, nil), ("40301", -1_000_00, "TWN-1")])

        let trial = try Reports.trialBalance(t.book, organization: "TWN-1", year: 2026, month: nil)
        #expect(trial.rows.first { $0.code == "212" }?.closingCredit == 1_000_00)
        #expect(trial.rows.first { $0.code == "21202" }?.periodDebit == 3_000_00)
        #expect(trial.rows.first { $0.code == "508" }?.periodDebit == 1_000_00)
        #expect(trial.totals.closingDebit == trial.totals.closingCredit)
        let balance = try Reports.balanceSheet(t.book, organization: "TWN-1", year: 2026, month: nil)
        #expect(balance.value("应付下级经费", column: 1) == 1_000_00)
        #expect(balance.failedChecks.isEmpty)
        let income = try Reports.incomeExpenditure(t.book, organization: "TWN-1", year: 2026, month: nil)
        #expect(income.value("（八）补助下级支出") == 1_000_00)
        // A union that opened nothing keeps the rows empty.
        #expect(try Reports.balanceSheet(t.book, organization: "TWN-2", year: 2026, month: nil).value("应付下级经费", column: 1) == nil)

        let township = try Reports.rollup(t.book, organization: "TWN-1", year: 2026, month: nil)
        #expect(township.flowDifferences.isEmpty && township.untaggedTransfers.isEmpty)
        #expect(township.isReconciled)
        // In the county's roll-up the township's Cr 21202 toward the county is part of the 10,000
        // received, and its 1,000 still held for FED-A is owed to neither.
        let county = try Reports.rollup(t.book, organization: "CTY", year: 2026, month: nil)
        #expect(!county.flowDifferences.contains { $0.lower == "TWN-1" || $0.upper == "TWN-1" }, "\(county.flowDifferences)")
        #expect(!county.differences.contains { $0.upper == "TWN-1" || $0.lower == "TWN-1" }, "\(county.differences)")
        #expect(try t.book.verification.verify().problems.isEmpty)
        #expect(try t.book.organizations.countyAccountOpenings(organization: "TWN-1").map(\.code) == ["212", "50801"])
    }

    /// A pass-down the lower union never booked is named with the township's voucher.
    @Test func aPassDownWithoutItsReceiptIsNamed() throws {
        let t = try handWorkedCounty()
        try t.book.organizations.openCountyAccount(code: "212", organization: "TWN-1", reason: "转拨基层工会拨缴经费")
        try post(t, "TWN-1", "2026-07-10", [("102", 10_000_00, nil), ("402", -6_000_00, nil), ("21202", -4_000_00, nil)])
        try post(t, "TWN-1", "2026-07-15", [("21202", 4_000_00, "FED-A"), ("102", -4_000_00, nil)])
        let rollup = try Reports.rollup(t.book, organization: "TWN-1", year: 2026, month: nil)
        #expect(rollup.flowDifferences.map(\.kind) == [.passDown])
        let flow = rollup.flowDifferences[0]
        #expect(flow.upper == "TWN-1" && flow.lower == "FED-A" && flow.upperAmount == 4_000_00 && flow.lowerAmount == 0)
        #expect(flow.upperVouchers == ["2026-07/记-0002"])
        #expect(!rollup.isReconciled)
    }
}
