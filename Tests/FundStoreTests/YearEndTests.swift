import Foundation
import FundCore
import FundTesting
import PropertyBased
import Testing
@testable import FundStore

@Suite struct YearEndTests {
    /// Income and expenditure accounts of the grassroots chart, each with whether a project
    /// makes it earmarked (40301 is general even with a project; 40302 always earmarked).
    static let incomes = ["401", "402", "40301", "40302", "405", "408"]
    static let expenses = ["50101", "50105", "50301", "50304", "50404", "50405", "50501", "50504", "510"]

    struct Flow: Sendable {
        var account: String
        var fen: Int64
        var project: String?
        var month: Int
    }

    static let flows = PropertyBased.zip(Gen.int(in: 0...14), Gen.int64(in: 1...5_000_000), Gen.int(in: 0...3), Gen.int(in: 1...12))
        .map { (parts: (Int, Int64, Int, Int)) -> Flow in
            let all = incomes + expenses
            let account = all[parts.0 % all.count]
            let project: String? = parts.2 == 0 ? nil : "XB-\(parts.2)"
            return Flow(account: account, fen: parts.1, project: account == "40302" ? (project ?? "XB-1") : project, month: parts.3)
        }.array(of: 1...25)

    /// The model: per fund, the year's income minus expenditure, by the rules of domain notes §2.6.
    /// A project is earmarked when the union received earmarked income for it (any income
    /// account but 401 and 40301); its spending then comes out of that earmarked money.
    static func surplus(_ flows: [Flow]) -> (earmarked: [String: Int64], unrestricted: Int64) {
        let earmarkedProjects = Set(flows.compactMap { flow in
            incomes.contains(flow.account) && !["401", "40301"].contains(flow.account) ? flow.project : nil
        })
        var earmarked: [String: Int64] = [:]
        var unrestricted: Int64 = 0
        for flow in flows {
            let signed = incomes.contains(flow.account) ? flow.fen : -flow.fen
            let general = ["401", "40301"].contains(flow.account)
            if let project = flow.project, !general, earmarkedProjects.contains(project) {
                earmarked[project, default: 0] += signed
            } else {
                unrestricted += signed
            }
        }
        return (earmarked.filter { $0.value != 0 }, unrestricted)
    }

    static func post(_ t: TestBook, _ flows: [Flow], year: Int = 2026) throws {
        for flow in flows {
            let date = String(format: "%04d-%02d-15", year, flow.month)
            if incomes.contains(flow.account) {
                try t.post("FED-01", date, [("102", flow.fen), (flow.account, -flow.fen)], project: flow.project)
            } else {
                try t.post("FED-01", date, [(flow.account, flow.fen), ("102", -flow.fen)], project: flow.project)
            }
        }
    }

    static func byProject(_ t: TestBook, _ code: String, year: Int = 2026) throws -> [String: Int64] {
        let balances = try t.book.reading { storage in try storage.fundBalances(organizationID: try storage.organizationID("FED-01"), through: year) }
        var result: [String: Int64] = [:]
        for balance in balances where balance.accountCode == code { result[balance.project ?? "", default: 0] += -balance.netFen }
        return result.filter { $0.value != 0 }
    }

    @Test func closingEmptiesIncomeAndExpenditureIntoTheRightFunds() async throws {
        await propertyCheck(count: 20, input: YearEndTests.flows) { flows in
            let t = try TestBook()
            try YearEndTests.post(t, flows)
            let before = try t.netBalances()
            let summary = try t.book.yearEnd.closeYear(organization: "FED-01", year: 2026, reviewer: "李强")
            let after = try t.netBalances()
            #expect(after.keys.allSatisfy { !CarryForward.closesAtPeriodEnd($0) }, "\(after)")
            let model = YearEndTests.surplus(flows)
            #expect(try YearEndTests.byProject(t, "32104").filter { !$0.key.isEmpty } == model.earmarked)
            #expect((after["32205"] ?? 0) == -model.unrestricted)
            #expect(try YearEndTests.byProject(t, "32104")[""] == nil)
            #expect(after["32103"] == nil && after["32203"] == nil)
            #expect(after["102"] == before["102"])
            // Again: nothing left to carry.
            #expect(try t.book.yearEnd.closeYear(organization: "FED-01", year: 2026, reviewer: "李强").alreadyDone)
            #expect(try t.book.verification.verify().problems.isEmpty)
            // Reopening cancels exactly the closing vouchers.
            let reopened = try t.book.yearEnd.reopenYear(organization: "FED-01", year: 2026, reason: "补记12月支出", reviewer: "李强")
            #expect(reopened.vouchers.count == summary.vouchers.count)
            #expect(try t.netBalances() == before)
        }
    }

    @Test func theNextYearOpensWithTheCarriedBalances() throws {
        let t = try TestBook()
        try YearEndTests.post(t, [Flow(account: "40302", fen: 50_000_00, project: "XB-1", month: 3),
                                  Flow(account: "50301", fen: 20_000_00, project: "XB-1", month: 5),
                                  Flow(account: "401", fen: 4_860_00, project: nil, month: 1),
                                  Flow(account: "50105", fen: 3_000_00, project: nil, month: 2)])
        #expect(throws: BookError.self) { try t.book.yearEnd.closeYear(organization: "FED-01", year: 2027, reviewer: "李强") }
        let summary = try t.book.yearEnd.closeYear(organization: "FED-01", year: 2026, reviewer: "李强")
        // Each open month is carried in its own month (期末结转), then the year is cleared into 累计.
        #expect(summary.vouchers.map(\.description) == ["2026-01/记-0002", "2026-02/记-0002", "2026-03/记-0002", "2026-05/记-0002", "2026-12/记-0001"])
        let january = try t.book.ledger.turnovers(organization: "FED-01", from: Period(parsing: "2027-01")!, to: Period(parsing: "2027-01")!)
        let opening = Dictionary(uniqueKeysWithValues: january.filter { $0.openingNetFen != 0 }.map { ($0.code, $0.openingNetFen) })
        // 102: 50,000 - 20,000 + 4,860 - 3,000 = 31,860; 32104 (XB-1): 30,000 credit; 32205: 1,860 credit.
        #expect(opening == ["102": 31_860_00, "32104": -30_000_00, "32205": -1_860_00])
        let closing = try t.book.vouchers.vouchers(organization: "FED-01").filter { $0.draft.kind == .closing }
        #expect(closing.count == 5 && closing.allSatisfy { $0.status == .posted })
        let march = closing.first { $0.draft.period == Period(parsing: "2026-03") }
        #expect(march?.draft.summary == "结转2026年3月收入" && march?.draft.date == LocalDate(parsing: "2026-03-31"))
        #expect(march?.draft.lines.contains { $0.accountCode == "32103" && $0.dimensions.project == "XB-1" && $0.amount.fen == 50_000_00 } == true)
        #expect(closing.last?.draft.summary == "结转2026年资金结转结余至累计")
    }

    @Test func closingNeedsDecemberOpenAndEveryVoucherPosted() throws {
        let t = try TestBook()
        try YearEndTests.post(t, [Flow(account: "401", fen: 100, project: nil, month: 12)])
        _ = try t.book.vouchers.addVoucher(VoucherDraft(organization: "FED-01", date: LocalDate(parsing: "2026-06-01")!, summary: "x",
                                               preparer: "王芳", lines: [line("102", .debit, 1), line("401", .credit, 1)]))
        #expect(throws: BookError.self) { try t.book.yearEnd.closeYear(organization: "FED-01", year: 2026, reviewer: "李强") }
        let draft = try t.book.vouchers.vouchers(organization: "FED-01", period: Period(parsing: "2026-06")).first!
        try t.book.vouchers.deleteDraft(id: draft.id)
        try t.book.periods.close(organization: "FED-01", period: Period(parsing: "2026-12")!, reviewer: "李强")
        #expect(throws: BookError.self) { try t.book.yearEnd.closeYear(organization: "FED-01", year: 2026, reviewer: "李强") }
    }

    @Test func appropriationsCloseTo331AtCountyLevel() throws {
        let t = try TestBook()
        try MonthlyCloseTests.post(t, org: "CTY-01", "2026-01-20", [("102", 300_000_00, .none),
                                    ("40401", -300_000_00, Dimensions(expenseType: .basic, basicClass: .personnel))])
        _ = try t.book.yearEnd.closeYear(organization: "CTY-01", year: 2026, reviewer: "李强")
        #expect(try t.netBalances("CTY-01") == ["102": 300_000_00, "33104": -300_000_00])
    }

    @Test func depreciationIsStraightLineFromTheMonthOfAcquisition() throws {
        let asset = FixedAsset(organization: "FED-01", code: "ZC-001", name: "投影仪", cost: Money(fen: 320_000), lifeMonths: 60,
                               acquired: LocalDate(parsing: "2026-03-24")!)
        #expect(asset.depreciation(in: Period(parsing: "2026-02")!) == .zero)
        #expect(asset.depreciation(in: Period(parsing: "2026-03")!) == Money(fen: 5_333))
        #expect(asset.depreciation(in: Period(parsing: "2031-02")!) == Money(fen: 320_000 - 5_333 * 59))
        #expect(asset.depreciation(in: Period(parsing: "2031-03")!) == .zero)
        let total = (0..<70).reduce(Int64(0)) { sum, index in
            sum + asset.depreciation(in: Period(key: 202603)!.advanced(by: index)).fen
        }
        #expect(total == 320_000)

        let t = try TestBook()
        try t.post("FED-01", "2026-03-24", [("50702", 320_000), ("102", -320_000), ("162", 320_000), ("301", -320_000)])
        try t.book.assets.addFixedAsset(asset)
        let voucher = try #require(try t.book.assets.depreciate(organization: "FED-01", period: Period(parsing: "2026-03")!, reviewer: "李强"))
        #expect(voucher.draft.kind == .depreciation && voucher.draft.date.description == "2026-03-31")
        #expect(voucher.draft.lines.map(\.accountCode) == ["301", "163"])
        #expect(try t.book.assets.depreciate(organization: "FED-01", period: Period(parsing: "2026-03")!, reviewer: "李强") == nil)
        #expect(try t.netBalances()["163"] == -5_333)
        #expect(try t.netBalances()["301"] == -320_000 + 5_333)
    }
}

extension Period {
    func advanced(by months: Int) -> Period {
        var period = self
        for _ in 0..<months { period = period.next }
        return period
    }
}

@Suite struct EarmarkingTests {
    /// A county's subsidy to a federation and its own budget project are paid from its own
    /// money: they carry projects, but close to 322, while the federation's subsidy closes to 321.
    @Test func projectsAreEarmarkedOnlyWhereEarmarkedMoneyCameIn() throws {
        let t = try TestBook()
        try t.post("CTY-01", "2026-01-08", [("102", 100_000_00), ("402", -100_000_00)])
        try t.post("CTY-01", "2026-03-06", [("50802", 50_000_00), ("102", -50_000_00)], project: "XB-1", counterpart: "FED-01")
        try t.post("FED-01", "2026-03-09", [("102", 50_000_00), ("40302", -50_000_00)], project: "XB-1")
        try t.post("FED-01", "2026-03-21", [("50301", 18_500_00), ("102", -18_500_00)], project: "XB-1")
        _ = try t.book.yearEnd.closeYear(organization: "CTY-01", year: 2026, reviewer: "李强")
        _ = try t.book.yearEnd.closeYear(organization: "FED-01", year: 2026, reviewer: "李强")
        #expect(try t.netBalances("CTY-01") == ["102": 50_000_00, "32205": -50_000_00])
        #expect(try t.netBalances("FED-01") == ["102": 31_500_00, "32104": -31_500_00])
    }
}
