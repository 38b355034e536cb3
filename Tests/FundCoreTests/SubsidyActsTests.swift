import Testing
@testable import FundCore

/// Each subsidy act decided without a book: the accounts and dimensions it posts, and each rule
/// that refuses it, with its message and category.
@Suite struct SubsidyActsTests {
    static func day(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

    static func item(status: SubsidyStatus = .approved, approved: Int64 = 50_000_00) -> SubsidyItem {
        SubsidyItem(code: "XB-1", grantor: "CTY-01", recipient: "FED-01", title: "技能竞赛", purpose: "奖品", accounts: ["50301"],
                    approved: Money(fen: approved), document: "某总工〔2026〕7号", documentDate: day("2026-03-01"),
                    windowStart: day("2026-03-01"), deadline: day("2026-11-30"), status: status)
    }

    static func figures(disbursed: Int64 = 0, received: Int64 = 0, spent: Int64 = 0) -> SubsidyFigures {
        var figures = SubsidyFigures()
        figures.disbursed = disbursed
        figures.received = received
        figures.spent = spent
        return figures
    }

    /// The lines of a voucher as "account side amount project counterpart expense".
    static func shape(_ voucher: SubsidyActVoucher) -> [String] {
        voucher.draft.lines.map { line in
            [line.accountCode, line.side.rawValue, String(line.amount.fen), line.dimensions.project ?? "-", line.dimensions.counterpart ?? "-",
             line.dimensions.expenseType?.rawValue ?? "-"].joined(separator: " ")
        }
    }

    func problem(_ act: () throws(SubsidyProblem) -> SubsidyActPlan) -> SubsidyProblem? {
        do throws(SubsidyProblem) { _ = try act(); return nil } catch { return error }
    }

    @Test func aTranchePostsTheGrantorsExpenseAndTheRecipientsIncome() throws {
        let plan = try SubsidyActs.disburse(Self.item(), figures: Self.figures(), accrued: .zero, amount: Money(fen: 10_000_00),
                                            date: Self.day("2026-04-01"), preparer: "钱进", reviewer: "孙会计")
        #expect(plan.action == .disburse && plan.status == .disbursed)
        #expect(plan.vouchers.map(\.side) == [.grantor, .recipient] && plan.vouchers.allSatisfy { $0.role == .disburse })
        #expect(plan.vouchers.map(\.draft.organization) == ["CTY-01", "FED-01"])
        #expect(Self.shape(plan.vouchers[0]) == ["50802 D 1000000 XB-1 FED-01 project", "102 C 1000000 - - -"])
        #expect(Self.shape(plan.vouchers[1]) == ["102 D 1000000 - - -", "40302 C 1000000 XB-1 CTY-01 -"])
        #expect(plan.vouchers[0].draft.summary == "拨付FED-01技能竞赛（XB-1）" && plan.vouchers[0].draft.preparer == "钱进")
        #expect(plan.vouchers[1].draft.reviewer == "孙会计")
        let refs = [VoucherRef(parsing: "2026-04/记-0001")!, VoucherRef(parsing: "2026-04/记-0002")!]
        #expect(plan.logDetail(posted: refs) == "10000.00 2026-04/记-0001 2026-04/记-0002")
    }

    @Test func aPaymentAfterAnAccrualSettlesThePayableExactly() throws {
        let item = Self.item(status: .disbursed, approved: 20_000_00)
        let figures = Self.figures(disbursed: 20_000_00, received: 20_000_00)
        let plan = try SubsidyActs.disburse(item, figures: figures, accrued: Money(fen: 8_000_00), amount: Money(fen: 8_000_00),
                                            date: Self.day("2027-01-15"), preparer: "钱进", reviewer: "孙会计")
        #expect(Self.shape(plan.vouchers[0]) == ["21201 D 800000 XB-1 FED-01 -", "102 C 800000 - - -"])
        #expect(Self.shape(plan.vouchers[1]) == ["102 D 800000 - - -", "13101 C 800000 XB-1 CTY-01 -"])
        #expect(problem { () throws(SubsidyProblem) in
            try SubsidyActs.disburse(item, figures: figures, accrued: Money(fen: 8_000_00), amount: Money(fen: 1_000_00),
                                     date: Self.day("2027-01-15"), preparer: "钱进", reviewer: "孙会计")
        } == .accruedFirst(code: "XB-1", accrued: Money(fen: 8_000_00)))
    }

    @Test func paymentsAreRefusedByRuleInOrder() {
        func pay(_ item: SubsidyItem, _ fen: Int64, disbursed: Int64 = 0) -> SubsidyProblem? {
            problem { () throws(SubsidyProblem) in
                try SubsidyActs.disburse(item, figures: Self.figures(disbursed: disbursed), accrued: .zero, amount: Money(fen: fen),
                                         date: Self.day("2026-04-01"), preparer: "钱进", reviewer: "孙会计")
            }
        }
        #expect(pay(Self.item(status: .applied), 0) == .notPayable(code: "XB-1", status: .applied))
        #expect(pay(Self.item(status: .settled), 100) == .notPayable(code: "XB-1", status: .settled))
        #expect(pay(Self.item(), 0) == .trancheNotPositive(code: "XB-1"))
        #expect(pay(Self.item(), 1, disbursed: 50_000_00) == .payingOverApproved(code: "XB-1", amount: Money(fen: 1), approved: Money(fen: 50_000_00)))
        #expect(pay(Self.item(status: .disbursed), 1, disbursed: 49_999_99) == nil)
    }

    @Test func anAccrualPostsThePayableAndTheReceivable() throws {
        let plan = try SubsidyActs.accrue(Self.item(status: .disbursed), figures: Self.figures(disbursed: 12_000_00), amount: Money(fen: 8_000_00),
                                          date: Self.day("2026-12-31"), preparer: "钱进", reviewer: "孙会计")
        #expect(plan.action == .accrue && plan.status == .disbursed)
        #expect(Self.shape(plan.vouchers[0]) == ["50802 D 800000 XB-1 FED-01 project", "21201 C 800000 XB-1 FED-01 -"])
        #expect(Self.shape(plan.vouchers[1]) == ["13101 D 800000 XB-1 CTY-01 -", "40302 C 800000 XB-1 CTY-01 -"])
        #expect(problem { () throws(SubsidyProblem) in
            try SubsidyActs.accrue(Self.item(), figures: Self.figures(disbursed: 50_000_00), amount: Money(fen: 1),
                                   date: Self.day("2026-12-31"), preparer: "钱进", reviewer: "孙会计")
        } == .accruingOverApproved(code: "XB-1", amount: Money(fen: 1), approved: Money(fen: 50_000_00)))
        #expect(problem { () throws(SubsidyProblem) in
            try SubsidyActs.accrue(Self.item(status: .applied), figures: Self.figures(), amount: Money(fen: 1),
                                   date: Self.day("2026-12-31"), preparer: "钱进", reviewer: "孙会计")
        } == .notAccruable(code: "XB-1", status: .applied))
    }

    @Test func settlementReturnsTheBalanceInTheYearOfPaymentOrThroughNetAssets() throws {
        let figures = Self.figures(disbursed: 10_000_00, received: 10_000_00, spent: 7_000_00)
        let same = try SubsidyActs.settle(Self.item(status: .disbursed), figures: figures, firstPaid: Self.day("2026-04-01"),
                                          date: Self.day("2026-11-30"), preparer: "钱进", reviewer: "孙会计")
        #expect(same.status == .settled && same.vouchers.map(\.side) == [.recipient, .grantor] && same.vouchers.allSatisfy { $0.role == .return })
        #expect(Self.shape(same.vouchers[0]) == ["40302 D 300000 XB-1 CTY-01 -", "102 C 300000 - - -"])
        #expect(Self.shape(same.vouchers[1]) == ["102 D 300000 - - -", "50802 C 300000 XB-1 FED-01 project"])
        let later = try SubsidyActs.settle(Self.item(status: .disbursed), figures: figures, firstPaid: Self.day("2026-04-01"),
                                           date: Self.day("2027-06-30"), preparer: "钱进", reviewer: "孙会计")
        #expect(Self.shape(later.vouchers[0]) == ["32101 D 300000 XB-1 CTY-01 -", "102 C 300000 - - -"])
        #expect(Self.shape(later.vouchers[1]) == ["102 D 300000 - - -", "32201 C 300000 XB-1 FED-01 -"])
        #expect(later.logDetail(posted: [VoucherRef(parsing: "2027-06/记-0003")!, VoucherRef(parsing: "2027-06/记-0004")!])
                == "2027-06-30: returned 3000.00 2027-06/记-0003 2027-06/记-0004")
        let nothing = try SubsidyActs.settle(Self.item(), figures: Self.figures(), firstPaid: nil, date: Self.day("2026-11-30"),
                                             preparer: "钱进", reviewer: "孙会计")
        #expect(nothing.vouchers.isEmpty && nothing.status == .settled && nothing.logDetail(posted: []) == "2026-11-30: nothing to return")
        #expect(problem { () throws(SubsidyProblem) in
            try SubsidyActs.settle(Self.item(status: .settled), figures: figures, firstPaid: nil, date: Self.day("2026-11-30"),
                                   preparer: "钱进", reviewer: "孙会计")
        } == .alreadySettled(code: "XB-1"))
    }

    @Test func registrationAndApproval() throws {
        var applied = Self.item(status: .applied)
        applied.document = nil
        applied.documentDate = nil
        let plan = try SubsidyActs.register(applied, codeTaken: false)
        #expect(plan.action == .apply && plan.status == .applied && plan.logDetail(posted: []) == "50000.00 ")
        let withDocument = try SubsidyActs.register(Self.item(status: .applied), codeTaken: false)
        #expect(withDocument.action == .approve && withDocument.status == .approved)
        #expect(problem { () throws(SubsidyProblem) in try SubsidyActs.register(Self.item(), codeTaken: true) } == .duplicateCode(code: "XB-1"))
        var bad = Self.item()
        bad.accounts = ["102"]
        guard case .invalidItem? = problem({ () throws(SubsidyProblem) in try SubsidyActs.register(bad, codeTaken: true) }) else {
            Issue.record("registered an item with a balance-sheet purpose"); return
        }
        #expect(try SubsidyActs.approve(applied, document: "某总工〔2026〕9号").logDetail(posted: []) == "某总工〔2026〕9号")
        #expect(problem { () throws(SubsidyProblem) in try SubsidyActs.approve(Self.item(), document: "x") }
                == .notAwaitingApproval(code: "XB-1", status: .approved))
    }

    @Test func payingOrAccruingPastInt64IsOverApprovedNotATrap() {
        let item = Self.item()
        let figures = Self.figures(disbursed: Int64.max)
        #expect(problem { () throws(SubsidyProblem) in
            try SubsidyActs.disburse(item, figures: figures, accrued: .zero, amount: Money(fen: 1), date: Self.day("2026-05-06"), preparer: "王芳", reviewer: "李强")
        } == .payingOverApproved(code: "XB-1", amount: Money(fen: 1), approved: item.approved))
        #expect(problem { () throws(SubsidyProblem) in
            try SubsidyActs.accrue(item, figures: figures, amount: Money(fen: 1), date: Self.day("2026-12-31"), preparer: "王芳", reviewer: "李强")
        } == .accruingOverApproved(code: "XB-1", amount: Money(fen: 1), approved: item.approved))
    }

    @Test func figuresComeFromBothBooksTurnovers() throws {
        let item = Self.item()
        let figures = try SubsidyFigures(item: item, balances: [
            SubsidyBalance(organization: "CTY-01", accountCode: "50802", counterpart: "FED-01", debitFen: 900, creditFen: 100),
            SubsidyBalance(organization: "CTY-01", accountCode: "50802", counterpart: "OTHER", debitFen: 5, creditFen: 0),
            SubsidyBalance(organization: "FED-01", accountCode: "40302", counterpart: "CTY-01", debitFen: 100, creditFen: 900),
            SubsidyBalance(organization: "FED-01", accountCode: "50301", counterpart: nil, debitFen: 300, creditFen: 0),
            SubsidyBalance(organization: "FED-01", accountCode: "50105", counterpart: nil, debitFen: 50, creditFen: 0),
        ], returnedFen: 100, lastActivity: Self.day("2026-05-01"))
        #expect(figures.disbursed == 900 && figures.received == 900 && figures.spent == 350 && figures.outsidePurpose == 50)
        #expect(figures.returned == 100 && figures.balance == 450 && figures.lastActivity == Self.day("2026-05-01"))
    }

    /// The messages are the ones the book always printed; each names its category.
    @Test func everyProblemHasItsMessageAndCategory() {
        let fifty = Money(fen: 50_000_00), one = Money(fen: 1_000_00)
        let table: [(SubsidyProblem, String, ErrorCategory)] = [
            (.invalidItem(.badItem("XB-1", "it needs a title")), "subsidy item XB-1 cannot be recorded: it needs a title", .invalidInput),
            (.duplicateCode(code: "XB-1"), "subsidy item XB-1 already exists; choose another code", .conflict),
            (.unknownItem(code: "XB-9"), "there is no subsidy item XB-9; list them with `fundledger subsidy list --org GRANTOR`", .notFound),
            (.notAwaitingApproval(code: "XB-1", status: .approved), "subsidy item XB-1 is 已批准, not awaiting approval", .conflict),
            (.notPayable(code: "XB-1", status: .applied), "subsidy item XB-1 is 已申请; only an approved item is paid", .conflict),
            (.trancheNotPositive(code: "XB-1"), "a tranche of subsidy item XB-1 must be a positive amount", .invalidInput),
            (.accruedFirst(code: "XB-1", accrued: one), "subsidy item XB-1 has 1,000.00 accrued at year end (21201/13101); pay exactly that first", .conflict),
            (.payingOverApproved(code: "XB-1", amount: one, approved: fifty), "paying 1,000.00 would take subsidy item XB-1 over the approved 50,000.00", .conflict),
            (.notAccruable(code: "XB-1", status: .settled), "subsidy item XB-1 is 已结项; only an approved item is accrued", .conflict),
            (.accruingOverApproved(code: "XB-1", amount: one, approved: fifty), "accruing 1,000.00 would take subsidy item XB-1 over the approved 50,000.00", .conflict),
            (.alreadySettled(code: "XB-1"), "subsidy item XB-1 is already settled", .conflict),
        ]
        for (problem, message, category) in table {
            #expect(problem.description == message)
            #expect(problem.category == category, "\(problem)")
        }
    }
}
