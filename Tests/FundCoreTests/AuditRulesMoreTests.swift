import FundCore
import Testing

/// The review rules beside the first set: cash, aging, balances, forms, budgets, committees,
/// each on a small book that breaks it and on one that does not.
@Suite struct AuditRulesMoreTests {
    typealias T = AuditRulesTests

    static func lines(_ id: Int64, _ date: String, _ lines: [(String, Int64)], kind: VoucherKind = .entry, counterpart: String? = nil) -> Voucher {
        T.voucher(id, date, lines.map { ($0.0, $0.1, String?.none, ExpenseType?.none) }, kind: kind).withCounterpart(counterpart)
    }

    static func input(_ vouchers: [Voucher], opening: [String: Int64] = [:], closing: [String: Int64]? = nil, earlier: [AgingLine] = [],
                      assets: [FixedAsset] = [], budget: [AuditedBudgetLine] = [], settings: AuditSettings = AuditSettings(),
                      organization: Organization = T.federation, committee: Committee? = T.committee, language: Language = .english) -> AuditInput {
        var input = T.input(vouchers, subsidies: [], budget: budget, committee: committee, settings: settings, language: language)
        input.organization = organization
        input.openingNets = opening
        input.closingNets = closing
        input.earlierLines = earlier
        input.assets = assets
        return input
    }

    // MARK: - Cash

    @Test func cashInCreditIsFoundFromTheDayItGoesNegativeUntilItRecovers() {
        let vouchers = [Self.lines(1, "2026-03-02", [("50101", 300_00), ("101", -300_00)]),
                        Self.lines(2, "2026-03-09", [("101", 500_00), ("102", -500_00)])]
        let found = T.found("cash-in-credit", Self.input(vouchers, opening: ["101": 100_00]))
        #expect(found.count == 1)
        #expect(found.first?.key == "101|2026-03-02")
        #expect(found.first?.amount == Money(fen: 200_00))
        #expect(found.first?.vouchers == [1, 2])
        #expect(found.first?.text.contains("until 2026-03-09") == true)
        // With enough cash at the start of the year, nothing.
        #expect(T.found("cash-in-credit", Self.input(vouchers, opening: ["101": 300_00])).isEmpty)
    }

    @Test func cashAboveTheOnHandLimitIsFoundOncePerMonth() {
        let vouchers = [Self.lines(1, "2026-04-01", [("101", 6_000_00), ("102", -6_000_00)]),
                        Self.lines(2, "2026-04-02", [("101", 1_000_00), ("102", -1_000_00)]),
                        Self.lines(3, "2026-04-03", [("102", 7_000_00), ("101", -7_000_00)])]
        let found = T.found("cash-on-hand", Self.input(vouchers))
        #expect(found.map(\.key) == ["101|2026-04"])
        #expect(found.first?.amount == Money(fen: 7_000_00))
        var settings = AuditSettings()
        try? settings.set("cash-on-hand", "8000.00")
        #expect(T.found("cash-on-hand", Self.input(vouchers, settings: settings)).isEmpty)
    }

    // MARK: - Aging

    @Test func aReceivableOpenLongerThanTheLimitIsAnIOU() {
        let advance = Self.lines(1, "2026-02-01", [("135", 800_00), ("101", -800_00)])
        let found = T.found("receivable-aged", Self.input([advance], opening: ["101": 1_000_00]))
        #expect(found.count == 1 && found.first?.amount == Money(fen: 800_00) && found.first?.vouchers == [1])
        // Settled within the year: nothing open at its end.
        let settled = Self.lines(2, "2026-02-20", [("50501", 800_00), ("135", -800_00)])
        #expect(T.found("receivable-aged", Self.input([advance, settled])).isEmpty)
        // Opened late in the year: not yet 90 days open.
        #expect(T.found("receivable-aged", Self.input([Self.lines(1, "2026-11-15", [("135", 800_00), ("101", -800_00)])])).isEmpty)
    }

    @Test func aReceivableFromAnEarlierYearKeepsItsFirstDay() {
        let earlier = AgingLine(date: T.day("2025-12-20"), accountCode: "135", signedFen: 500_00, voucherID: 9, label: "FED-12 2025-12/记-0003", summary: "借支差旅费")
        // 300.00 of it came back in January; 200.00 is still open at year end.
        let back = Self.lines(1, "2026-01-10", [("101", 300_00), ("135", -300_00)])
        let found = T.found("receivable-aged", Self.input([back], opening: ["135": 500_00], earlier: [earlier]))
        #expect(found.first?.amount == Money(fen: 200_00))
        #expect(found.first?.vouchers == [9])
    }

    @Test func moneyOwedUpwardMustBeRemittedInTime() {
        let owed = Self.lines(1, "2026-03-01", [("102", 1_000_00), ("211", -1_000_00)], counterpart: "CTY-01")
        let late = Self.lines(2, "2026-05-15", [("211", 1_000_00), ("102", -1_000_00)], counterpart: "CTY-01")
        let found = T.found("remittance-late", Self.input([owed, late]))
        #expect(found.count == 1 && found.first?.text.contains("only on 2026-05-15") == true)
        let onTime = Self.lines(2, "2026-03-20", [("211", 1_000_00), ("102", -1_000_00)], counterpart: "CTY-01")
        #expect(T.found("remittance-late", Self.input([owed, onTime])).isEmpty)
        // Still owed at year end.
        #expect(T.found("remittance-late", Self.input([owed])).first?.text.contains("is not remitted on 2026-12-31") == true)
    }

    @Test func moneyOwedDownwardMustBePassedDownInTime() {
        let owed = Self.lines(1, "2026-06-01", [("102", 2_000_00), ("21202", -2_000_00)], counterpart: "FED-01")
        #expect(T.found("pass-down-late", Self.input([owed])).count == 1)
        let passed = Self.lines(2, "2026-06-10", [("21202", 2_000_00), ("102", -2_000_00)], counterpart: "FED-01")
        #expect(T.found("pass-down-late", Self.input([owed, passed])).isEmpty)
    }

    // MARK: - Balances

    @Test func theAssetFundMirrorsTheNonCashAssets() {
        let purchase = Self.lines(1, "2026-04-01", [("162", 5_000_00), ("301", -5_000_00), ("50702", 5_000_00), ("102", -5_000_00)])
        #expect(T.found("asset-fund-mismatch", Self.input([purchase])).isEmpty)
        let unpaired = Self.lines(2, "2026-05-01", [("163", -100_00), ("510", 100_00)])
        let found = T.found("asset-fund-mismatch", Self.input([purchase, unpaired]))
        #expect(found.first?.amount == Money(fen: 100_00))
    }

    @Test func capitalSpendingNeedsAnAssetCard() {
        let purchase = Self.lines(1, "2026-04-01", [("162", 5_000_00), ("301", -5_000_00), ("50702", 5_000_00), ("102", -5_000_00)])
        #expect(T.found("capital-without-card", Self.input([purchase])).map(\.vouchers) == [[1]])
        let card = FixedAsset(organization: "FED-12", code: "ZC-01", name: "复印机", cost: Money(fen: 5_000_00), lifeMonths: 72, acquired: T.day("2026-04-03"))
        #expect(T.found("capital-without-card", Self.input([purchase], assets: [card])).isEmpty)
        // A repair (50705) and a purchase below the threshold make no card.
        let repair = Self.lines(2, "2026-06-01", [("50705", 9_000_00), ("102", -9_000_00)])
        let small = Self.lines(3, "2026-06-02", [("50702", 800_00), ("102", -800_00)])
        #expect(T.found("capital-without-card", Self.input([repair, small])).isEmpty)
    }

    @Test func suspenseIsDisposedOfBeforeTheYearEnds() {
        let loss = Self.lines(1, "2026-11-01", [("182", 300_00), ("141", -300_00)])
        #expect(T.found("suspense-open", Self.input([loss])).first?.amount == Money(fen: 300_00))
        let disposed = Self.lines(2, "2026-12-20", [("510", 300_00), ("182", -300_00)])
        #expect(T.found("suspense-open", Self.input([loss, disposed])).isEmpty)
    }

    @Test func formsTieToTheLedger() {
        let vouchers = [Self.lines(1, "2026-03-01", [("102", 1_000_00), ("401", -1_000_00)]),
                        Self.lines(2, "2026-03-31", [("401", 1_000_00), ("32203", -1_000_00)], kind: .closing)]
        let opening: [String: Int64] = ["102": 500_00, "322": -500_00]
        let tied: [String: Int64] = ["102": 1_500_00, "401": 0, "32203": -1_000_00, "322": -500_00]
        #expect(T.found("forms-tie", Self.input(vouchers, opening: opening, closing: tied)).isEmpty)
        // An aggregate off by a fen: the trial balance does not balance, and 102 differs from its lines.
        let off: [String: Int64] = ["102": 1_500_01, "401": 0, "32203": -1_000_00, "322": -500_00]
        #expect(T.found("forms-tie", Self.input(vouchers, opening: opening, closing: off)).map(\.key) == ["trial-balance", "ledger"])
        // A closing voucher that moves cash: 工会02表 no longer ties to the net assets.
        let stray = vouchers + [Self.lines(3, "2026-03-31", [("101", 10_00), ("32203", -10_00)], kind: .closing)]
        let strayClosing: [String: Int64] = ["102": 1_500_00, "401": 0, "32203": -1_010_00, "322": -500_00, "101": 10_00]
        #expect(T.found("forms-tie", Self.input(stray, opening: opening, closing: strayClosing)).map(\.key) == ["closing|3"])
        // Without the aggregates the rule is not run.
        #expect(T.found("forms-tie", Self.input(vouchers, opening: opening)).isEmpty)
    }

    // MARK: - Budgets

    @Test func spendingWithoutABudgetLineIsFound() {
        let budget = [AuditedBudgetLine(key: BudgetKey(account: "401"), budget: Money(fen: 5_000_00), actual: Money(fen: 0)),
                      AuditedBudgetLine(key: BudgetKey(account: "501"), budget: Money(fen: 3_000_00), actual: Money(fen: 0))]
        let vouchers = [Self.lines(1, "2026-03-01", [("50101", 1_000_00), ("102", -1_000_00)]),
                        Self.lines(2, "2026-03-02", [("50502", 400_00), ("102", -400_00)])]
        let found = T.found("unbudgeted-spending", Self.input(vouchers, budget: budget))
        #expect(found.map(\.key) == ["50502"] && found.first?.amount == Money(fen: 400_00))
        // No approved budget: the rule has nothing to compare with.
        #expect(T.found("unbudgeted-spending", Self.input(vouchers)).isEmpty)
    }

    @Test func aDeficitBudgetIsFoundUnlessTheSurplusCoversIt() {
        let budget = [AuditedBudgetLine(key: BudgetKey(account: "401"), budget: Money(fen: 5_000_00), actual: Money(fen: 0)),
                      AuditedBudgetLine(key: BudgetKey(account: "501"), budget: Money(fen: 6_000_00), actual: Money(fen: 0))]
        #expect(T.found("deficit-budget", Self.input([], budget: budget)).first?.amount == Money(fen: 1_000_00))
        #expect(T.found("deficit-budget", Self.input([], opening: ["322": -1_000_00], budget: budget)).isEmpty)
    }

    // MARK: - Committees

    @Test func everyIndependentUnionNeedsAReviewCommittee() {
        let grassroots = Organization(code: "GRS-01", name: "某某县顺达物流有限公司工会", level: .grassroots, parentCode: "FED-12", independent: true)
        #expect(T.found("committee-missing", Self.input([], organization: grassroots, committee: nil)).count == 1)
        let township = Organization(code: "TWN-03", name: "某某县东关镇总工会", level: .township, parentCode: "CTY-01", independent: true)
        #expect(T.found("committee-missing", Self.input([], organization: township, committee: nil)).count == 1)
        var notIndependent = township
        notIndependent.independent = false
        #expect(T.found("committee-missing", Self.input([], organization: notIndependent, committee: nil)).isEmpty)
    }

    @Test func theNewRulesStateTheirFindingsInChinese() {
        let vouchers = [Self.lines(1, "2026-03-02", [("50101", 300_00), ("101", -300_00)])]
        let text = T.found("cash-in-credit", Self.input(vouchers, language: .chinese)).first?.text ?? ""
        #expect(text.contains("贷方余额") && text.contains("300.00"), "\(text)")
        let advance = Self.lines(1, "2026-02-01", [("135", 800_00), ("101", -800_00)])
        let aged = T.found("receivable-aged", Self.input([advance], language: .chinese)).first?.text ?? ""
        #expect(aged.contains("白条抵库") && aged.contains("800.00"), "\(aged)")
    }

    @Test func theSettingsOfTheNewRulesReadAndPrint() throws {
        var settings = AuditSettings()
        try settings.set("receivable-days", "60")
        try settings.set("remit-days", "15")
        try settings.set("pass-down-days", "20")
        try settings.set("federation-budget-line", "refuse")
        #expect(settings.receivableDays == 60 && settings.remitDays == 15 && settings.passDownDays == 20 && settings.federationLineRefuses)
        #expect(throws: AuditSettingError.self) { try settings.set("remit-days", "0") }
        #expect(throws: AuditSettingError.self) { try settings.set("federation-budget-line", "maybe") }
        #expect(settings.entries.map(\.key) == AuditSettings.keys)
    }
}

extension Voucher {
    /// The voucher with every line naming `counterpart` (nil leaves it as it is).
    func withCounterpart(_ counterpart: String?) -> Voucher {
        guard let counterpart else { return self }
        var voucher = self
        voucher.draft.lines = voucher.draft.lines.map { line in
            var line = line
            line.dimensions.counterpart = counterpart
            return line
        }
        return voucher
    }
}
