import FundCore
import FundStore
import FundTesting
import Testing

/// 期末结转 at every month's close (domain notes §2.6) and the year-end acts 结转转入 and 单位内部调剂.
@Suite struct MonthlyCloseTests {
    /// Posts one voucher whose lines carry their own dimensions.
    static func post(_ t: TestBook, org organization: String = "FED-01", _ date: String,
                     _ lines: [(String, Int64, Dimensions)]) throws {
        let draft = VoucherDraft(organization: organization, date: LocalDate(parsing: date)!, summary: "测试凭证", attachments: 1, preparer: "王芳",
                                 lines: lines.map { VoucherLine(accountCode: $0.0, side: $0.1 >= 0 ? .debit : .credit,
                                                                amount: Money(fen: Int64($0.1.magnitude)), dimensions: $0.2) })
        let voucher = try t.book.vouchers.addVoucher(draft)
        try t.book.store.session(as: "李强").vouchers.reviewVoucher(id: voucher.id, reviewer: "李强")
        _ = try t.book.vouchers.postVoucher(id: voucher.id, bookkeeper: "张会计")
    }

    static func balances(_ t: TestBook, _ organization: String = "FED-01", through month: String) throws -> [FundBalance] {
        try t.book.yearEnd.fundBalances(organization: organization, through: Period(parsing: month)!)
    }

    @Test func closingAMonthCarriesItsIncomeAndExpenditureByTheirPurpose() throws {
        let t = try TestBook()
        let xb = Dimensions(project: "XB-1"), own = Dimensions(project: "ZY-1")
        try Self.post(t, "2026-03-05", [("102", 50_000_00, xb), ("40302", -50_000_00, xb)])
        try Self.post(t, "2026-03-08", [("50301", 20_000_00, xb), ("102", -20_000_00, .none)])
        try Self.post(t, "2026-03-09", [("102", 4_860_00, .none), ("401", -4_860_00, .none)])
        // Spending on the union's own project closes to 32203, which carries no project.
        try Self.post(t, "2026-03-10", [("50105", 3_000_00, own), ("102", -3_000_00, .none)])
        try Self.post(t, "2026-04-02", [("102", 100_00, .none), ("401", -100_00, .none)])
        for month in ["2026-01", "2026-02"] { try t.book.periods.close(organization: "FED-01", period: Period(parsing: month)!, reviewer: "李强") }
        let carried = try t.book.periods.close(organization: "FED-01", period: Period(parsing: "2026-03")!, reviewer: "李强")
        #expect(carried.map(\.description) == ["2026-03/记-0005", "2026-03/记-0006"])
        let march = try t.book.vouchers.vouchers(organization: "FED-01", period: Period(parsing: "2026-03")).filter { $0.draft.kind == .closing }
        #expect(march.map(\.draft.summary) == ["结转2026年3月收入", "结转2026年3月支出"])
        #expect(march.allSatisfy { $0.draft.date == LocalDate(parsing: "2026-03-31") && $0.status == .posted })

        let after = try Self.balances(t, through: "2026-03")
        #expect(after.filter { CarryForward.closesAtPeriodEnd($0.accountCode) }.isEmpty, "4xx/5xx hold nothing after a closed month")
        #expect(Set(after) == [FundBalance(accountCode: "102", project: "XB-1", source: nil, netFen: 50_000_00),
                               FundBalance(accountCode: "102", project: nil, source: nil, netFen: -18_140_00),
                               FundBalance(accountCode: "32103", project: "XB-1", source: nil, netFen: -30_000_00),
                               FundBalance(accountCode: "32203", project: nil, source: nil, netFen: -1_860_00)])
        // April is still open: its income stands until April is closed.
        #expect(try Self.balances(t, through: "2026-04").contains(FundBalance(accountCode: "401", project: nil, source: nil, netFen: -100_00)))
        #expect(try t.book.verification.verify().problems.isEmpty)
    }

    @Test func reopeningAMonthCancelsItsClosingInRedAndClosingAgainCarriesAnew() throws {
        let t = try TestBook()
        try Self.post(t, "2026-01-09", [("102", 500_00, .none), ("401", -500_00, .none)])
        let january = Period(parsing: "2026-01")!
        let before = try Self.balances(t, through: "2026-01")
        try t.book.periods.close(organization: "FED-01", period: january, reviewer: "李强")
        try Self.post(t, "2026-02-03", [("50105", 100_00, .none), ("102", -100_00, .none)])
        try t.book.periods.close(organization: "FED-01", period: Period(parsing: "2026-02")!, reviewer: "李强")
        // February first, as before.
        #expect(bookError { try t.book.periods.reopen(organization: "FED-01", period: january, reason: "补记", reviewer: "李强") }?.rule == "reopen-out-of-order")
        try t.book.periods.reopen(organization: "FED-01", period: Period(parsing: "2026-02")!, reason: "补记2月支出", reviewer: "李强")
        try t.book.periods.reopen(organization: "FED-01", period: january, reason: "补记1月会费", reviewer: "李强")
        let vouchers = try t.book.vouchers.vouchers(organization: "FED-01", period: january)
        let red = vouchers.filter { $0.draft.reverses != nil }
        #expect(red.count == 1 && red[0].draft.kind == .closing && red[0].draft.summary == "注销1月31日\(red[0].draft.reverses!.chinese)期末结转凭证")
        #expect(try Self.balances(t, through: "2026-01") == before, "January's income stands again")
        try Self.post(t, "2026-01-20", [("102", 50_00, .none), ("401", -50_00, .none)])
        let again = try t.book.periods.close(organization: "FED-01", period: january, reviewer: "李强")
        #expect(again.count == 1)
        #expect(try Self.balances(t, through: "2026-01").filter { CarryForward.closesAtPeriodEnd($0.accountCode) }.isEmpty)
        #expect(try Self.balances(t, through: "2026-01").contains(FundBalance(accountCode: "32203", project: nil, source: nil, netFen: -550_00)))
        #expect(try t.book.verification.verify().problems.isEmpty)
    }

    /// 40402's 专项 part closes to 321 with its project, its other part to 322; 40401 and the
    /// spending tagged 财政拨款 close to 33103, keeping fund source, project and 基本/项目支出, and
    /// the 基本支出 part its class: 40401's as entered, the spending's by its account.
    @Test func countyAppropriationsAndNonLocalGrantsCloseWhereTheStandardSays() throws {
        let t = try TestBook()
        let grant = Dimensions(project: "FT-1"), basic = Dimensions(expenseType: .basic, fundSource: .appropriation)
        let personnel = Dimensions(expenseType: .basic, fundSource: .appropriation, basicClass: .personnel)
        let operating = Dimensions(expenseType: .basic, fundSource: .appropriation, basicClass: .operating)
        try Self.post(t, org: "CTY-01", "2026-01-05", [("102", 80_000_00, .none), ("40402", -80_000_00, grant)])
        try Self.post(t, org: "CTY-01", "2026-01-06", [("102", 10_000_00, .none), ("40402", -10_000_00, .none)])
        try Self.post(t, org: "CTY-01", "2026-01-07", [("102", 300_000_00, .none), ("40401", -240_000_00, personnel), ("40401", -60_000_00, operating)])
        try Self.post(t, org: "CTY-01", "2026-01-08", [("50601", 120_000_00, basic), ("50602", 10_000_00, basic), ("102", -130_000_00, .none)])
        try t.book.periods.close(organization: "CTY-01", period: Period(parsing: "2026-01")!, reviewer: "李强")
        let after = try Self.balances(t, "CTY-01", through: "2026-01")
        #expect(after.filter { CarryForward.closesAtPeriodEnd($0.accountCode) }.isEmpty)
        #expect(after.contains(FundBalance(accountCode: "32103", project: "FT-1", source: nil, netFen: -80_000_00)))
        #expect(after.contains(FundBalance(accountCode: "32203", project: nil, source: nil, netFen: -10_000_00)))
        #expect(after.contains(FundBalance(accountCode: "33103", project: nil, source: .appropriation, expense: .basic, basicClass: .personnel,
                                           netFen: -120_000_00)))
        #expect(after.contains(FundBalance(accountCode: "33103", project: nil, source: .appropriation, expense: .basic, basicClass: .operating,
                                           netFen: -50_000_00)))
        // The year end carries each class on to 33104; reopening the month cancels the split in red.
        _ = try t.book.yearEnd.closeYear(organization: "CTY-01", year: 2026, reviewer: "李强")
        let carried = try t.book.yearEnd.fundBalances(organization: "CTY-01", through: 2026).filter { $0.accountCode.hasPrefix("331") }
        #expect(Set(carried.map { "\($0.accountCode) \($0.basicClass?.rawValue ?? "-") \($0.netFen)" })
                == ["33104 personnel -12000000", "33104 operating -5000000"])
        #expect(try t.book.verification.verify().problems.isEmpty)
    }

    /// A 40401 line of 基本支出 names 人员经费 or 公用经费; a class anywhere else is refused.
    @Test func appropriationIncomeNamesItsBasicClass() throws {
        let t = try TestBook()
        let basic = Dimensions(expenseType: .basic, fundSource: .appropriation)
        let missing = bookError { try Self.post(t, org: "CTY-01", "2026-01-07", [("102", 100_00, .none), ("40401", -100_00, basic)]) }
        #expect(missing?.rule == "voucher-refused" && "\(missing!)".contains("[basic-class-missing]"))
        #expect(missing?.chinese.contains("人员经费或公用经费") == true)
        let misplaced = Dimensions(expenseType: .basic, fundSource: .appropriation, basicClass: .personnel)
        let refused = bookError { try Self.post(t, org: "CTY-01", "2026-01-08", [("50601", 100_00, misplaced), ("102", -100_00, .none)]) }
        #expect("\(refused.map { "\($0)" } ?? "")".contains("[basic-class-misplaced]"))
        let project = Dimensions(project: "XM-1", expenseType: .project, fundSource: .appropriation)
        try Self.post(t, org: "CTY-01", "2026-01-09", [("102", 100_00, .none), ("40401", -100_00, project)])
        #expect(try t.book.verification.verify().problems.isEmpty)
    }

    @Test func yearEndActsReleaseAndRepurposeWithADocumentAfterTheYearIsCarried() throws {
        let t = try TestBook()
        let xb = Dimensions(project: "XB-1")
        try Self.post(t, "2026-03-05", [("102", 50_000_00, .none), ("40302", -50_000_00, xb)])
        try Self.post(t, "2026-05-08", [("50301", 20_000_00, xb), ("102", -20_000_00, .none)])
        try Self.post(t, "2026-06-09", [("102", 8_000_00, .none), ("401", -8_000_00, .none)])
        func release(_ amount: Money?, document: String = "某工联发〔2026〕12号") throws -> YearEndSummary {
            try t.book.yearEnd.act(organization: "FED-01", YearEndActRequest(act: .transferIn, year: 2026, project: "XB-1", amount: amount,
                                                                             appropriation: false, document: document), reviewer: "李强")
        }
        #expect(bookError { _ = try release(nil) }?.rule == "year-not-carried")
        _ = try t.book.yearEnd.closeYear(organization: "FED-01", year: 2026, reviewer: "李强")
        #expect(bookError { _ = try release(nil, document: " ") }?.rule == "act-needs-document")
        #expect(bookError { _ = try release(Money(fen: 30_000_01)) }?.rule == "above-project-leftover")
        #expect(bookError { _ = try t.book.yearEnd.act(organization: "FED-01", YearEndActRequest(act: .transferIn, year: 2026, project: "XB-1",
                                                       amount: nil, appropriation: true, document: "x"), reviewer: "李强") }?.rule == "fund-account-not-in-chart")
        let released = try release(Money(fen: 10_000_00))
        #expect(released.vouchers.count == 2, "the act, then its clearing into 32205")
        var net = try t.netBalances()
        #expect(net["32104"] == -20_000_00 && net["32204"] == nil && net["32205"] == -18_000_00)

        let adjust = { (amount: Money) throws -> YearEndSummary in
            try t.book.yearEnd.act(organization: "FED-01", YearEndActRequest(act: .internalAdjustment, year: 2026, project: "XB-2", amount: amount,
                                                                             appropriation: false, document: "某工联发〔2026〕13号"), reviewer: "李强")
        }
        #expect(bookError { _ = try adjust(Money(fen: 18_000_01)) }?.rule == "above-free-surplus")
        _ = try adjust(Money(fen: 5_000_00))
        net = try t.netBalances()
        #expect(net["32205"] == -13_000_00 && net["32104"] == -25_000_00 && net["32202"] == nil && net["32102"] == nil)
        let projects = try t.book.yearEnd.fundBalances(organization: "FED-01", through: 2026).filter { $0.accountCode == "32104" }
        #expect(Set(projects.map(\.project)) == ["XB-1", "XB-2"])
        let act = try t.book.vouchers.vouchers(organization: "FED-01", period: Period(parsing: "2026-12")).first { $0.draft.summary.hasPrefix("结转转入") }
        #expect(act?.draft.summary == "结转转入：项目XB-1（某工联发〔2026〕12号）" && act?.draft.kind == .closing)
        // The acts belong to the year end: reopening the year cancels them too.
        _ = try t.book.yearEnd.reopenYear(organization: "FED-01", year: 2026, reason: "重做年终结转", reviewer: "李强")
        #expect(try t.netBalances().filter { $0.key.hasPrefix("32") }.isEmpty)
        #expect(try t.book.verification.verify().problems.isEmpty)
    }
}

/// Who signs the forms (第六十四条), kept per organisation.
@Suite struct FormSignerTests {
    @Test func theFormsCarryTheSignersTheOrganisationKeeps() throws {
        let t = try TestBook()
        try t.post("FED-01", "2026-01-09", [("102", 500_00), ("401", -500_00)])
        #expect(try t.book.signatures.signers(organization: "FED-01") == FormSigners())
        try t.book.signatures.setSigner(organization: "FED-01", role: .legalRepresentative, name: " 陈静 ")
        try t.book.signatures.setSigner(organization: "FED-01", role: .accountingHead, name: "刘敏")
        try t.book.signatures.setSigner(organization: "FED-01", role: .accountingHead, name: "王芳")
        try t.book.signatures.setSigner(organization: "FED-01", role: .accountingSupervisor, name: "李强")
        try t.book.signatures.setSigner(organization: "FED-01", role: .accountingSupervisor, name: "")
        let signers = try t.book.signatures.signers(organization: "FED-01")
        #expect(signers == FormSigners(legalRepresentative: "陈静", accountingHead: "王芳"))
        #expect(try t.book.signatures.signers(organization: "CTY-01") == FormSigners(), "each organisation keeps its own")
        #expect(bookError { try t.book.signatures.setSigner(organization: "FED-01", role: .accountingHead, name: "王\u{202E}芳") }?.rule == "control-character")
        #expect(bookError { try t.book.signatures.setSigner(organization: "NOPE", role: .accountingHead, name: "王芳") }?.category == .notFound)
    }
}
