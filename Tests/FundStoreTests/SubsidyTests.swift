import Foundation
import FundCore
import FundTesting
import PropertyBased
import Testing
@testable import FundStore

@Suite struct SubsidyTests {
    static func item(_ code: String, approved: Int64 = 50_000_00, deadline: String = "2026-11-30") -> SubsidyItem {
        SubsidyItem(code: code, grantor: "CTY-01", recipient: "FED-01", title: "技能竞赛", purpose: "奖品和场地", accounts: ["50301"],
                    approved: Money(fen: approved), document: "某总工〔2026〕7号", documentDate: LocalDate(parsing: "2026-03-01"),
                    windowStart: LocalDate(parsing: "2026-03-01")!, deadline: LocalDate(parsing: deadline)!)
    }

    enum Step: Sendable {
        case disburse(Int64)
        case spend(Int64)
    }

    static let steps = PropertyBased.zip(Gen.int(in: 0...2), Gen.int64(in: 1...3_000_000))
        .map { (p: (Int, Int64)) -> Step in p.0 == 0 ? .disburse(p.1 * 10) : .spend(p.1) }
        .array(of: 1...15)

    /// Net of an account with a project in one book (debit minus credit), from the aggregates.
    static func net(_ t: TestBook, _ organization: String, _ prefix: String, _ project: String, through year: Int = 2026) throws -> Int64 {
        try t.book.yearEnd.fundBalances(organization: organization, through: year)
            .filter { $0.accountCode.hasPrefix(prefix) && $0.project == project }.reduce(0) { $0 + $1.netFen }
    }

    @Test func bothBooksAgreeWhateverHappens() async throws {
        await propertyCheck(count: 20, input: SubsidyTests.steps) { steps in
            let t = try TestBook()
            try t.book.subsidies.addSubsidy(SubsidyTests.item("XB-1"))
            var disbursed: Int64 = 0, spent: Int64 = 0
            for (index, step) in steps.enumerated() {
                let date = LocalDate(year: 2026, month: 3 + index % 8, day: 10)!
                let before = try t.bytes()
                switch step {
                case let .disburse(fen):
                    if disbursed + fen <= 50_000_00 {
                        _ = try t.book.subsidies.disburseSubsidy(code: "XB-1", amount: Money(fen: fen), date: date, reviewer: "李强")
                        disbursed += fen
                    } else {
                        #expect(throws: BookError.self) { try t.book.subsidies.disburseSubsidy(code: "XB-1", amount: Money(fen: fen), date: date, reviewer: "李强") }
                        #expect(try t.bytes() == before)
                    }
                case let .spend(fen):
                    let draft = VoucherDraft(organization: "FED-01", date: date, summary: "竞赛支出", preparer: "王芳", lines: [
                        VoucherLine(accountCode: "50301", side: .debit, amount: Money(fen: fen), dimensions: Dimensions(project: "XB-1")),
                        VoucherLine(accountCode: "102", side: .credit, amount: Money(fen: fen))])
                    if spent + fen <= disbursed {
                        let voucher = try t.book.vouchers.addVoucher(draft)
                        try t.book.store.session(as: "李强").vouchers.reviewVoucher(id: voucher.id, reviewer: "李强")
                        try t.book.vouchers.postVoucher(id: voucher.id, bookkeeper: "张会计")
                        spent += fen
                    } else {
                        #expect(throws: BookError.self) { try t.book.vouchers.addVoucher(draft) }
                        #expect(try t.bytes() == before)
                    }
                }
            }
            let (item, figures) = try #require(try t.book.subsidies.subsidies(organization: "CTY-01").first)
            #expect(item.status == (disbursed > 0 ? .disbursed : .approved))
            #expect(figures.disbursed == disbursed && figures.received == disbursed && figures.spent == spent)
            // The grantor's 50802 for the project mirrors the recipient's 40302.
            #expect(try SubsidyTests.net(t, "CTY-01", "50802", "XB-1") == -(try SubsidyTests.net(t, "FED-01", "40302", "XB-1")))
            _ = try t.book.subsidies.settleSubsidy(code: "XB-1", date: LocalDate(parsing: "2026-11-30")!, reviewer: "李强")
            let settled = try #require(try t.book.subsidies.subsidies(organization: "CTY-01").first)
            #expect(settled.0.status == .settled)
            #expect(settled.1.returned == disbursed - spent && settled.1.balance == 0)
            #expect(settled.1.received == settled.1.spent + settled.1.returned + settled.1.balance)
            #expect(try SubsidyTests.net(t, "CTY-01", "50802", "XB-1") == -(try SubsidyTests.net(t, "FED-01", "40302", "XB-1")))
            #expect(try SubsidyTests.net(t, "CTY-01", "50802", "XB-1") == spent)
            #expect(try t.book.verification.verify().problems.isEmpty)
        }
    }

    /// Approved in 2026, accrued at year end, carried in 321 with its project, paid and settled in 2027.
    @Test func anItemAcrossAYearEnd() throws {
        let t = try TestBook()
        try t.book.subsidies.addSubsidy(SubsidyTests.item("XB-2", approved: 20_000_00, deadline: "2027-06-30"))
        _ = try t.book.subsidies.disburseSubsidy(code: "XB-2", amount: Money(fen: 12_000_00), date: LocalDate(parsing: "2026-04-01")!, reviewer: "李强")
        try t.post("FED-01", "2026-05-01", [("50301", 5_000_00), ("102", -5_000_00)], project: "XB-2")
        _ = try t.book.subsidies.accrueSubsidy(code: "XB-2", amount: Money(fen: 8_000_00), date: LocalDate(parsing: "2026-12-31")!, reviewer: "李强")
        #expect(throws: BookError.self) {
            try t.book.subsidies.accrueSubsidy(code: "XB-2", amount: Money(fen: 1), date: LocalDate(parsing: "2026-12-31")!, reviewer: "李强")
        }
        _ = try t.book.yearEnd.closeYear(organization: "FED-01", year: 2026, reviewer: "李强")
        _ = try t.book.yearEnd.closeYear(organization: "CTY-01", year: 2026, reviewer: "李强")
        // 12,000 + 8,000 received, 5,000 spent: 15,000 carried as earmarked with the project.
        #expect(try SubsidyTests.net(t, "FED-01", "32104", "XB-2") == -15_000_00)
        #expect(throws: BookError.self) {
            try t.book.subsidies.disburseSubsidy(code: "XB-2", amount: Money(fen: 1_000_00), date: LocalDate(parsing: "2027-01-15")!, reviewer: "李强")
        }
        _ = try t.book.subsidies.disburseSubsidy(code: "XB-2", amount: Money(fen: 8_000_00), date: LocalDate(parsing: "2027-01-15")!, reviewer: "李强")
        #expect(try SubsidyTests.net(t, "CTY-01", "21201", "XB-2", through: 2027) == 0)
        #expect(try SubsidyTests.net(t, "FED-01", "13101", "XB-2", through: 2027) == 0)
        try t.post("FED-01", "2027-03-01", [("50301", 9_000_00), ("102", -9_000_00)], project: "XB-2")
        let refs = try t.book.subsidies.settleSubsidy(code: "XB-2", date: LocalDate(parsing: "2027-06-30")!, reviewer: "李强")
        #expect(refs.count == 2)
        let (item, figures) = try #require(try t.book.subsidies.subsidies(organization: "CTY-01").first)
        #expect(item.status == .settled)
        #expect(figures.disbursed == 20_000_00 && figures.received == 20_000_00 && figures.spent == 14_000_00 && figures.returned == 6_000_00)
        // The later-year return goes through 年初余额调整 in both books.
        let returned = try t.book.vouchers.vouchers(organization: "FED-01", period: Period(parsing: "2027-06")).last!
        #expect(returned.draft.lines.map(\.accountCode) == ["32101", "102"])
        #expect(try t.book.verification.verify().problems.isEmpty)
    }

    @Test func itemsAreCheckedWhenRecorded() throws {
        let t = try TestBook()
        var bad = SubsidyTests.item("XB-3")
        bad.accounts = ["102"]
        #expect(throws: BookError.self) { try t.book.subsidies.addSubsidy(bad) }
        var applied = SubsidyTests.item("XB-4")
        applied.document = nil
        applied.documentDate = nil
        try t.book.subsidies.addSubsidy(applied)
        #expect(throws: BookError.self) {
            try t.book.subsidies.disburseSubsidy(code: "XB-4", amount: Money(fen: 1), date: LocalDate(parsing: "2026-04-01")!, reviewer: "李强")
        }
        try t.book.subsidies.approveSubsidy(code: "XB-4", document: "某总工〔2026〕9号", date: LocalDate(parsing: "2026-04-01")!)
        #expect(try t.book.subsidies.subsidyLog(code: "XB-4").map(\.action) == ["apply", "approve"])
    }

    @Test func verifyNamesSpendingOnAnItemsPurposeWithoutItsTag() throws {
        let t = try TestBook()
        try t.book.subsidies.addSubsidy(SubsidyTests.item("XB-5"))
        _ = try t.book.subsidies.disburseSubsidy(code: "XB-5", amount: Money(fen: 10_000_00), date: LocalDate(parsing: "2026-04-01")!, reviewer: "李强")
        #expect(try t.book.verification.verify().warnings.filter { $0.check == "untagged-subsidy-spending" }.isEmpty)
        try t.post("FED-01", "2026-05-01", [("50301", 2_000_00), ("102", -2_000_00)])
        let warnings = try t.book.verification.verify().warnings.filter { $0.check == "untagged-subsidy-spending" }
        #expect(warnings.count == 1 && warnings[0].organization == "FED-01" && warnings[0].voucher == "2026-05/记-0001")
    }
}
