import PropertyBased
import Testing
@testable import FundCore

/// Vouchers for tests, built from compact text: "102 D 100.00".
func line(_ code: String, _ side: Side, _ amount: String, project: String? = nil) -> VoucherLine {
    VoucherLine(accountCode: code, side: side, amount: try! Money(parsing: amount), dimensions: Dimensions(project: project))
}

func draft(_ lines: [VoucherLine], summary: String = "测试", preparer: String = "王芳", reviewer: String? = nil,
           reverses: VoucherRef? = nil) -> VoucherDraft {
    VoucherDraft(organization: "FED-01", date: LocalDate(year: 2026, month: 3, day: 5)!, summary: summary,
                 preparer: preparer, reviewer: reviewer, reverses: reverses, lines: lines)
}

@Suite struct VoucherRulesTests {
    let chart = Chart.standard(.grassroots)

    @Test func aBalancedVoucherPasses() {
        #expect(VoucherRules.check(draft([line("102", .debit, "5000"), line("40302", .credit, "5000")]), chart: chart).isEmpty)
    }

    /// Rule-order table: one broken voucher per rule, with the rule it must report first.
    @Test func eachRuleRefusesItsCase() {
        let big = String(Limits.lineAmountFen / 100 + 1)
        let cases: [(VoucherDraft, VoucherProblem.Rule)] = [
            (draft([line("102", .debit, "1")]), .tooFewLines),
            (draft(Array(repeating: line("102", .debit, "1"), count: 1000)), .tooManyLines),
            (draft([line("102", .debit, "0"), line("401", .credit, "0")]), .zeroAmount),
            (draft([line("102", .debit, big), line("401", .credit, big)]), .amountTooLarge),
            (draft([line("102", .debit, "-5"), line("401", .credit, "-5")]), .negativeAmount),
            (draft([line("102", .debit, "5"), line("401", .credit, "5")], reverses: VoucherRef(parsing: "2026-03/记-0001")), .redInkSign),
            (draft([line("999", .debit, "5"), line("401", .credit, "5")]), .unknownAccount),
            (draft([line("502", .debit, "5"), line("401", .credit, "5")]), .unknownAccount),
            (draft([line("403", .debit, "5"), line("102", .credit, "5")]), .notLeafAccount),
            (draft([line("102", .debit, "5.00"), line("401", .credit, "4.99")]), .unbalanced),
            (draft([line("102", .debit, "5"), line("401", .credit, "5")], summary: "  "), .missingSummary),
            (draft([line("102", .debit, "5"), line("401", .credit, "5")], summary: String(repeating: "长", count: 201)), .summaryTooLong),
            (draft([line("102", .debit, "5"), line("401", .credit, "5")], preparer: ""), .missingPreparer),
            (draft([line("102", .debit, "5"), line("401", .credit, "5")], reviewer: "王芳"), .reviewerIsPreparer),
        ]
        for (voucher, rule) in cases {
            let problems = VoucherRules.check(voucher, chart: chart)
            #expect(problems.first?.rule == rule, "expected \(rule), got \(problems.map(\.rule))")
        }
    }

    /// Every text of a voucher refuses control and bidirectional characters, naming the field;
    /// ordinary Chinese and ASCII punctuation pass.
    @Test(arguments: ["\u{0}", "\u{1F}", "\u{1E}", "\n", "\t", "\u{7F}", "\u{202E}", "\u{2066}"])
    func controlCharactersAreRefusedInEveryTextField(control: String) {
        let balanced = [line("102", .debit, "5"), line("401", .credit, "5")]
        var withLineSummary = balanced
        withLineSummary[1].summary = "会费" + control
        var withProject = balanced
        withProject[0].dimensions.project = "XB" + control
        let cases: [(VoucherDraft, String, Int?)] = [
            (draft(balanced, summary: "收到" + control + "会费"), "the summary", nil),
            (draft(balanced, preparer: "王" + control + "芳"), "the preparer", nil),
            (draft(balanced, reviewer: "李强" + control), "the reviewer", nil),
            (draft(withLineSummary), "line 2 summary", 1),
            (draft(withProject), "line 1 project", 0),
        ]
        for (voucher, field, lineIndex) in cases {
            let problems = VoucherRules.check(voucher, chart: chart).filter { $0.rule == .controlCharacter }
            #expect(problems.count == 1 && problems[0].message.hasPrefix(field) && problems[0].lineIndex == lineIndex, "\(field)")
        }
        #expect(VoucherRules.check(draft(balanced, summary: "收到5月会费（第2批）, \"全额\"; ok"), chart: chart).isEmpty)
    }

    @Test func problemsNameTheLineAndTheFix() {
        let problems = VoucherRules.check(draft([line("102", .debit, "5"), line("403", .credit, "5")]), chart: chart)
        #expect(problems.count == 1)
        #expect(problems[0].lineIndex == 1)
        #expect(problems[0].description == "account 403 上级补助收入 has detail accounts; post to one of them instead (40301 一般性转移支付补助, 40302 专项转移支付补助, ...) [not-leaf-account]")
    }

    @Test func aRedInkVoucherOfABalancedOneBalances() {
        let original = draft([line("50301", .debit, "1200"), line("102", .credit, "1200")])
        let red = draft(original.lines.map { $0.reversed() }, reverses: VoucherRef(parsing: "2026-03/记-0002"))
        #expect(VoucherRules.check(red, chart: chart).isEmpty)
        #expect(zip(original.lines, red.lines).allSatisfy { $0.signedFen == -$1.signedFen && $0.side == $1.side })
    }

    /// Leaf accounts outside the 资产基金 pairing rule, which has tests of its own.
    static let leaves = Chart.standard(.grassroots).accounts.map(\.code).filter {
        Chart.standard(.grassroots).isLeaf($0) && !(AssetFund.mirroredAssets + ["301"]).contains(String($0.prefix(3)))
            && AssetFund.capitalPurchases[$0] == nil
    }

    /// Random balanced vouchers: n-1 random lines, the last computed to balance.
    static func balancedVoucher(_ amounts: [Int64], accounts: [Int]) -> VoucherDraft {
        var lines: [VoucherLine] = []
        var net: Int64 = 0
        for (index, amount) in amounts.enumerated() {
            let side: Side = index % 2 == 0 ? .debit : .credit
            lines.append(VoucherLine(accountCode: leaves[accounts[index % accounts.count] % leaves.count], side: side, amount: Money(fen: amount)))
            net += side == .debit ? amount : -amount
        }
        if net != 0 {
            lines.append(VoucherLine(accountCode: "102", side: net > 0 ? .credit : .debit, amount: Money(fen: net.magnitude > 0 ? Int64(net.magnitude) : 1)))
        }
        return draft(lines)
    }

    @Test func randomBalancedVouchersPass() async {
        let amounts = Gen.oneOf(Gen.int64(in: 1...100), Gen.int64(in: 1...Limits.lineAmountFen / 1000)).array(of: 2...30)
        await propertyCheck(count: 300, input: amounts, Gen.int(in: 0...1000).array(of: 1...5)) { amounts, accounts in
            let voucher = VoucherRulesTests.balancedVoucher(amounts, accounts: accounts)
            #expect(VoucherRules.check(voucher, chart: chart).isEmpty)
        }
    }

    @Test func anyUnbalancedVoucherIsRefused() async {
        let amounts = Gen.int64(in: 1...1_000_000).array(of: 2...20)
        await propertyCheck(count: 300, input: amounts, Gen.int64(in: 1...1_000_000), Gen.int(in: 0...100)) { amounts, skew, which in
            var voucher = VoucherRulesTests.balancedVoucher(amounts, accounts: [0])
            let index = which % voucher.lines.count
            voucher.lines[index].amount = Money(fen: voucher.lines[index].amount.fen + skew)
            #expect(VoucherRules.check(voucher, chart: chart).map(\.rule).contains(.unbalanced))
        }
    }

    @Test func assetPurchasesCarryTheirFund() {
        let county = Chart.standard(.county)
        let paired = draft([line("50702", .debit, "3200"), line("102", .credit, "3200"), line("162", .debit, "3200"), line("301", .credit, "3200")])
        #expect(VoucherRules.check(paired, chart: chart).isEmpty)
        let unpaired = draft([line("162", .debit, "3200"), line("102", .credit, "3200")])
        #expect(VoucherRules.check(unpaired, chart: chart).map(\.rule) == [.assetFundUnpaired])
        let noAsset = draft([line("50702", .debit, "3200"), line("102", .credit, "3200")])
        #expect(VoucherRules.check(noAsset, chart: chart).map(\.rule) == [.capitalWithoutAsset])
        let small = draft([line("50702", .debit, "999.99"), line("102", .credit, "999.99")])
        #expect(VoucherRules.check(small, chart: chart).isEmpty)
        let depreciation = draft([line("301", .debit, "53.33"), line("163", .credit, "53.33")])
        #expect(VoucherRules.check(depreciation, chart: chart).isEmpty)
        let countyPurchase = draft([line("50702", .debit, "24000"), line("102", .credit, "24000"), line("162", .debit, "24000"), line("30104", .credit, "24000")])
        #expect(VoucherRules.check(countyPurchase, chart: county).isEmpty)
        var generated = noAsset
        generated.lines += AssetFund.pairLines(for: noAsset, chart: chart)
        #expect(VoucherRules.check(generated, chart: chart).isEmpty)
        #expect(AssetFund.pairLines(for: noAsset, chart: county).map(\.accountCode) == ["162", "30104"])
    }
}
