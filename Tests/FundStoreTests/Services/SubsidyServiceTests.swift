import FundCore
import GRDB
@testable import FundStore
import Testing

/// The subsidy service against a book in memory: each act posts in both books, is logged as the
/// session's user, and each rule refuses with its typed problem (rule id `subsidy`).
@Suite struct SubsidyServiceTests {
    static func day(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

    static func item(_ code: String = "XB-1", document: String? = "某总工〔2026〕7号", approved: Int64 = 50_000_00) -> SubsidyItem {
        SubsidyItem(code: code, grantor: "CTY-01", recipient: "FED-01", title: "技能竞赛", purpose: "奖品和场地", accounts: ["50301"],
                    approved: Money(fen: approved), document: document, documentDate: document == nil ? nil : day("2026-03-01"),
                    windowStart: day("2026-03-01"), deadline: day("2027-06-30"))
    }

    /// A book with 钱进 keeping the county union's books and 孙会计 reviewing its subsidy acts
    /// (both also keep the federation's, where each act posts its other half).
    static func book() throws -> InMemoryBook {
        let book = try InMemoryBook()
        // An act posts in both books, so whoever prepares and reviews it keeps both.
        for officer in ["钱进", "孙会计"] {
            for organization in ["CTY-01", "FED-01"] { try book.admin.access.grant(RoleGrant(user: officer, role: .officer, organization: organization)) }
        }
        return book
    }

    /// The problem a refused act met, if the book refused it as a subsidy rule.
    static func problem(_ body: () throws -> Void) -> SubsidyProblem? {
        guard case let .subsidy(problem)? = bookError(body) else { return nil }
        return problem
    }

    @Test func anItemIsPaidSpentAndSettledInBothBooks() throws {
        let book = try Self.book()
        let grantor = book.session("钱进").subsidies
        try grantor.addSubsidy(Self.item())
        let paid = try grantor.disburseSubsidy(code: "XB-1", amount: Money(fen: 10_000_00), date: Self.day("2026-04-01"), reviewer: "孙会计")
        #expect(paid.map(\.description) == ["2026-04/记-0001", "2026-04/记-0001"])
        let spend = VoucherDraft(organization: "FED-01", date: Self.day("2026-05-01"), summary: "竞赛奖品", attachments: 1, preparer: "王芳", lines: [
            VoucherLine(accountCode: "50301", side: .debit, amount: Money(fen: 4_000_00), dimensions: Dimensions(project: "XB-1")),
            VoucherLine(accountCode: "102", side: .credit, amount: Money(fen: 4_000_00))])
        let voucher = try book.session("王芳").vouchers.addVoucher(spend)
        try book.session("李强").vouchers.reviewVoucher(id: voucher.id, reviewer: "李强")
        try book.session("王芳").vouchers.postVoucher(id: voucher.id, bookkeeper: "王芳")
        let (item, figures) = try #require(try grantor.subsidies(organization: "CTY-01").first)
        #expect(item.status == .disbursed && figures.disbursed == 10_000_00 && figures.received == 10_000_00 && figures.spent == 4_000_00)
        #expect(figures.lastActivity == Self.day("2026-05-01"))
        // The recipient's officer reads the item through the recipient's books.
        #expect(try book.session("王芳").subsidies.subsidy(code: "XB-1").status == .disbursed)
        #expect(try book.session("王芳").subsidies.subsidies(organization: "FED-01", asRecipient: true).map(\.0.code) == ["XB-1"])
        let lines = try book.session("王芳").subsidies.subsidyLines(code: "XB-1")
        #expect(lines.map { "\($0.organization) \($0.line.accountCode) \($0.line.side.rawValue) \($0.line.amountFen)" }
                == ["CTY-01 50802 D 1000000", "FED-01 40302 C 1000000", "FED-01 50301 D 400000"])
        let returned = try grantor.settleSubsidy(code: "XB-1", date: Self.day("2026-11-30"), reviewer: "孙会计")
        #expect(returned.count == 2)
        let settled = try #require(try grantor.subsidies(organization: "CTY-01").first)
        #expect(settled.0.status == .settled && settled.1.returned == 6_000_00 && settled.1.balance == 0)
        let log = try grantor.subsidyLog(code: "XB-1")
        #expect(log.map(\.action) == ["approve", "disburse", "settle"] && log.allSatisfy { $0.by == "钱进" })
        #expect(log[1].detail == "10000.00 2026-04/记-0001 2026-04/记-0001")
        #expect(log[2].detail.hasPrefix("2026-11-30: returned 6000.00 "))
        #expect(Self.problem { _ = try grantor.settleSubsidy(code: "XB-1", date: Self.day("2026-12-01"), reviewer: "孙会计") }
                == .alreadySettled(code: "XB-1"))
    }

    @Test func onlyTheGrantorsOfficerActsOnAnItem() throws {
        let book = try Self.book()
        try book.session("钱进").subsidies.addSubsidy(Self.item())
        let refusal = bookError { _ = try book.session("王芳").subsidies.disburseSubsidy(code: "XB-1", amount: Money(fen: 1), date: Self.day("2026-04-01"), reviewer: "李强") }
        #expect(refusal?.category == .notPermitted)
        #expect(bookError { try book.session("王芳").subsidies.addSubsidy(Self.item("XB-2")) }?.category == .notPermitted)
    }

    /// One act per rule, in the order a finance officer meets them; each is `subsidy` with its
    /// own category, and a refused act leaves the item as it was.
    @Test func everyRefusalIsTypedWithItsRuleAndCategory() throws {
        let book = try Self.book()
        let grantor = book.session("钱进").subsidies
        try grantor.addSubsidy(Self.item("XB-A", document: nil, approved: 20_000_00))
        try grantor.addSubsidy(Self.item("XB-B", approved: 20_000_00))
        var bad = Self.item("XB-C")
        bad.title = " "
        let april = Self.day("2026-04-01")
        let cases: [(String, () throws -> Void, SubsidyProblem, ErrorCategory)] = [
            ("unknown", { _ = try grantor.subsidy(code: "XB-9") }, .unknownItem(code: "XB-9"), .notFound),
            ("duplicate", { try grantor.addSubsidy(Self.item("XB-A")) }, .duplicateCode(code: "XB-A"), .conflict),
            ("invalid", { try grantor.addSubsidy(bad) }, .invalidItem(.badItem("XB-C", "it needs a title")), .invalidInput),
            ("not awaiting approval", { try grantor.approveSubsidy(code: "XB-B", document: "x", date: april) },
             .notAwaitingApproval(code: "XB-B", status: .approved), .conflict),
            ("not payable", { _ = try grantor.disburseSubsidy(code: "XB-A", amount: Money(fen: 1), date: april, reviewer: "孙会计") },
             .notPayable(code: "XB-A", status: .applied), .conflict),
            ("not accruable", { _ = try grantor.accrueSubsidy(code: "XB-A", amount: Money(fen: 1), date: april, reviewer: "孙会计") },
             .notAccruable(code: "XB-A", status: .applied), .conflict),
            ("zero tranche", { _ = try grantor.disburseSubsidy(code: "XB-B", amount: .zero, date: april, reviewer: "孙会计") },
             .trancheNotPositive(code: "XB-B"), .invalidInput),
            ("over approved", { _ = try grantor.disburseSubsidy(code: "XB-B", amount: Money(fen: 20_000_01), date: april, reviewer: "孙会计") },
             .payingOverApproved(code: "XB-B", amount: Money(fen: 20_000_01), approved: Money(fen: 20_000_00)), .conflict),
            ("accrual over approved", { _ = try grantor.accrueSubsidy(code: "XB-B", amount: Money(fen: 20_000_01), date: april, reviewer: "孙会计") },
             .accruingOverApproved(code: "XB-B", amount: Money(fen: 20_000_01), approved: Money(fen: 20_000_00)), .conflict),
        ]
        for (name, act, expected, category) in cases {
            let error = bookError(act)
            #expect(error?.rule == "subsidy", "\(name)")
            #expect(error?.category == category, "\(name)")
            guard case let .subsidy(problem)? = error else { Issue.record("\(name): \(String(describing: error))"); continue }
            #expect(problem == expected, "\(name)")
            #expect(error?.description == expected.description, "\(name)")
        }
        _ = try grantor.accrueSubsidy(code: "XB-B", amount: Money(fen: 5_000_00), date: Self.day("2026-12-31"), reviewer: "孙会计")
        let error = bookError { _ = try grantor.disburseSubsidy(code: "XB-B", amount: Money(fen: 1_000_00), date: Self.day("2027-01-15"), reviewer: "孙会计") }
        #expect(error?.rule == "subsidy" && error?.category == .conflict)
        guard case .subsidy(.accruedFirst(code: "XB-B", accrued: Money(fen: 5_000_00)))? = error else { Issue.record("paid past an accrual"); return }
        #expect(try grantor.subsidyLog(code: "XB-B").map(\.action) == ["approve", "accrue"])
    }

    @Test func aTamperedStatusIsAnErrorNamingTheTable() throws {
        let book = try Self.book()
        try book.session("钱进").subsidies.addSubsidy(Self.item())
        try book.store.database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE subsidy_item SET status = 'lost'")
        }
        guard case let .storedValueInvalid(table, column, value, _)? = bookError({ _ = try book.session("钱进").subsidies.subsidy(code: "XB-1") }) else {
            Issue.record("read a tampered subsidy item"); return
        }
        #expect(table == "subsidy_item" && column == "status" && value.contains("lost"))
    }
}
