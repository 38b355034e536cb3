import PropertyBased
import Testing
@testable import FundCore

/// 331 财政拨款结转 by 基本支出 (人员经费, 公用经费) and 项目支出: the class entered on 40401, the
/// class of a 财政拨款 expense account, and how the closing vouchers carry both to 33103 and on
/// to 33104.
@Suite struct BasicClassTests {
    static let chart = Chart.standard(.county)
    static let january = Period(year: 2026, month: 1)!

    static func net(_ drafts: [VoucherDraft]) -> [String: Int64] {
        var net: [String: Int64] = [:]
        for draft in drafts {
            for line in draft.lines {
                net[line.accountCode + "|" + (line.dimensions.basicClass?.rawValue ?? ""), default: 0] += line.signedFen
            }
        }
        return net
    }

    @Test func theMonthlyCloseCarriesEachClassTo33103() throws {
        let balances = [
            FundBalance(accountCode: "40401", project: nil, source: .appropriation, expense: .basic, basicClass: .personnel, netFen: -240_000_00),
            FundBalance(accountCode: "40401", project: nil, source: .appropriation, expense: .basic, basicClass: .operating, netFen: -60_000_00),
            FundBalance(accountCode: "40401", project: "XM-1", source: .appropriation, expense: .project, netFen: -50_000_00),
            FundBalance(accountCode: "50601", project: nil, source: .appropriation, expense: .basic, netFen: 86_000_00),
            FundBalance(accountCode: "50603", project: nil, source: .appropriation, netFen: 4_000_00),
            FundBalance(accountCode: "50602", project: nil, source: .appropriation, expense: .basic, netFen: 12_000_00),
            FundBalance(accountCode: "50404", project: "XM-1", source: .appropriation, expense: .project, netFen: 20_000_00),
            FundBalance(accountCode: "50602", project: nil, source: .union, expense: .basic, netFen: 3_000_00),
        ]
        let drafts = try CarryForward.monthEnd(organization: "CTY-01", period: Self.january, chart: Self.chart, balances: balances,
                                               earmarked: [], preparer: "王芳")
        let lines = drafts.flatMap(\.lines).filter { $0.accountCode == "33103" }
        var signed: [String: Int64] = [:]
        for line in lines { signed[(line.dimensions.basicClass?.rawValue ?? "-") + "|" + (line.dimensions.project ?? ""), default: 0] += line.signedFen }
        #expect(signed["personnel|"] == -240_000_00 + 86_000_00 + 4_000_00)
        #expect(signed["operating|"] == -60_000_00 + 12_000_00)
        #expect(signed["-|XM-1"] == -50_000_00 + 20_000_00)
        // Every classed line is 基本支出 of 财政拨款 without a project; expense lines carry no class.
        for line in drafts.flatMap(\.lines) where line.dimensions.basicClass != nil {
            #expect(line.dimensions.expenseType == .basic && line.dimensions.project == nil)
            #expect(line.accountCode == "33103" || line.accountCode == "40401")
        }
        #expect(drafts.flatMap(\.lines).filter { $0.accountCode.hasPrefix("5") }.allSatisfy { $0.dimensions.basicClass == nil })
        // The union's own spending goes to 32203, with no class.
        #expect(drafts.flatMap(\.lines).contains { $0.accountCode == "32203" && $0.dimensions.basicClass == nil && $0.signedFen == 3_000_00 })
    }

    @Test func aProvinceSplitMovesAnAccountBetweenTheClasses() {
        let spending = FundBalance(accountCode: "50602", project: nil, source: .appropriation, netFen: 100)
        #expect(CarryForward.basicClass(of: spending) == .operating)
        #expect(CarryForward.basicClass(of: spending, classes: BasicExpenseClasses(personnelAccounts: ["50601", "50602"])) == .personnel)
        #expect(CarryForward.basicClass(of: FundBalance(accountCode: "50602", project: nil, source: .union, netFen: 100)) == nil)
        #expect(CarryForward.basicClass(of: FundBalance(accountCode: "50602", project: nil, source: .appropriation, expense: .project, netFen: 100)) == nil)
        #expect(CarryForward.basicClass(of: FundBalance(accountCode: "40401", project: nil, source: nil, netFen: -100)) == nil,
                "40401 entered before classes were kept stays unclassified")
    }

    @Test func theYearEndCarriesEachClassOnTo33104() throws {
        let balances = [
            FundBalance(accountCode: "33103", project: nil, source: .appropriation, expense: .basic, basicClass: .personnel, netFen: -150_000_00),
            FundBalance(accountCode: "33103", project: nil, source: .appropriation, expense: .basic, basicClass: .operating, netFen: -48_000_00),
            FundBalance(accountCode: "33101", project: nil, source: .appropriation, expense: .basic, basicClass: .operating, netFen: 1_000_00),
            FundBalance(accountCode: "33103", project: "XM-1", source: .appropriation, expense: .project, netFen: -30_000_00),
        ]
        let drafts = try CarryForward.yearEnd(organization: "CTY-01", year: 2026, chart: Self.chart, balances: balances, preparer: "王芳")
        let net = Self.net(drafts)
        #expect(net["33104|personnel"] == -150_000_00 && net["33104|operating"] == -47_000_00 && net["33104|"] == -30_000_00)
        #expect(net["33103|personnel"] == 150_000_00 && net["33101|operating"] == -1_000_00)
    }

    @Test func classesAreRefusedWhereTheyMeanNothingAndRequiredOn40401() {
                // Rule order, table of input and result.
        #expect(Self.classRules(Dimensions(expenseType: .basic)) == [.basicClassMissing])
        #expect(Self.classRules(Dimensions()) == [.basicClassMissing])
        #expect(Self.classRules(Dimensions(expenseType: .basic, basicClass: .personnel)).isEmpty)
        #expect(Self.classRules(Dimensions(expenseType: .project)).isEmpty)
        #expect(Self.classRules(Dimensions(project: "XM-1")).isEmpty)
        #expect(Self.classRules(Dimensions(project: "XM-1", expenseType: .basic, basicClass: .operating)) == [.basicClassMisplaced])
        #expect(Self.classRules(Dimensions(expenseType: .project, basicClass: .operating)) == [.basicClassMisplaced])
        #expect(Self.classRules(Dimensions(basicClass: .operating)) == [.basicClassMisplaced])
        #expect(Self.classRules(Dimensions(expenseType: .basic, basicClass: .personnel), account: "50601") == [.basicClassMisplaced])
        #expect(Self.classRules(Dimensions(expenseType: .basic, basicClass: .personnel), account: "33101").isEmpty)
        #expect(Self.classRules(Dimensions(expenseType: .basic), account: "40402").isEmpty)
    }

    /// The rules `basicClasses` finds in a two-line voucher whose second line is `account` with `dimensions`.
    static func classRules(_ dimensions: Dimensions, account: String = "40401") -> [VoucherProblem.Rule] {
        let draft = VoucherDraft(organization: "CTY-01", date: LocalDate(year: 2026, month: 1, day: 5)!, summary: "收到财政拨款", preparer: "王芳",
                                 lines: [VoucherLine(accountCode: "102", side: .debit, amount: Money(fen: 100)),
                                         VoucherLine(accountCode: account, side: .credit, amount: Money(fen: 100), dimensions: dimensions)])
        return VoucherRules.basicClasses(draft, chart).map(\.rule)
    }

    @Test func theTagsReadTheClassInEnglishOrChineseAndImplyBasic() throws {
        let text = """
            2026-01-20 * 收到财政拨款  ; org:CTY-01
                102              300.00
                40401           -240.00  ; class:人员经费
                40401            -60.00  ; class:operating, source:appropriation
            """
        let entries = try parse(text)
        let lines = try #require(entries.first).draft.lines
        #expect(lines[1].dimensions.basicClass == .personnel && lines[1].dimensions.expenseType == .basic)
        #expect(lines[2].dimensions.basicClass == .operating && lines[2].dimensions.fundSource == .appropriation)
        #expect(JournalWriter.tagList(lines[1]).contains("class:personnel"))
        #expect(throws: InputError.self) { try parse("2026-01-20 * x ; org:CTY-01\n    102  1\n    40401  -1 ; class:工资") }
    }

    /// Random months of a county's appropriation: after the close, income and expenditure are
    /// zero, and 33103 holds each class as a slow model sums it from the balances.
    @Test func closingLeavesIncomeAndExpenditureZeroAndTheClassesSumTo331Basic() async {
        let accounts = ["40401", "50601", "50603", "50602", "50501", "50404", "50702"]
        let balance = PropertyBased.zip(Gen.int(in: 0...(accounts.count - 1)), Gen.int(in: 0...3), Gen.int64(in: 1...5_000_000_00))
            .map { (parts: (Int, Int, Int64)) -> FundBalance in
                let code = accounts[parts.0], kind = parts.1
                if code == "40401" {
                    switch kind {
                    case 0: return FundBalance(accountCode: code, project: nil, source: .appropriation, expense: .basic, basicClass: .personnel, netFen: -parts.2)
                    case 1: return FundBalance(accountCode: code, project: nil, source: .appropriation, expense: .basic, basicClass: .operating, netFen: -parts.2)
                    case 2: return FundBalance(accountCode: code, project: "XM-\(parts.2 % 3)", source: .appropriation, expense: .project, netFen: -parts.2)
                    default: return FundBalance(accountCode: code, project: nil, source: nil, netFen: parts.2)
                    }
                }
                switch kind {
                case 0, 1: return FundBalance(accountCode: code, project: nil, source: .appropriation, expense: kind == 0 ? .basic : nil, netFen: parts.2)
                case 2: return FundBalance(accountCode: code, project: "XM-\(parts.2 % 3)", source: .appropriation, expense: .project, netFen: parts.2)
                default: return FundBalance(accountCode: code, project: nil, source: .union, netFen: -parts.2)
                }
            }
        await propertyCheck(count: 200, input: balance.array(of: 1...30)) { balances in
            try Self.checkClose(balances)
        }
    }

    /// The property of one random month's balances.
    static func checkClose(_ balances: [FundBalance]) throws {
        do {
            let drafts = try CarryForward.monthEnd(organization: "CTY-01", period: Self.january, chart: Self.chart, balances: balances,
                                                   earmarked: [], preparer: "王芳")
            var after: [String: Int64] = [:]
            for b in balances { after[b.accountCode + "|" + (b.basicClass?.rawValue ?? "") + "|" + (b.project ?? ""), default: 0] += b.netFen }
            for line in drafts.flatMap(\.lines) {
                after[line.accountCode + "|" + (line.dimensions.basicClass?.rawValue ?? "") + "|" + (line.dimensions.project ?? ""), default: 0] += line.signedFen
            }
            for (key, net) in after where key.hasPrefix("4") || key.hasPrefix("5") { #expect(net == 0, "\(key)") }
            // The model: 40401 by its own class, 财政拨款 basic spending by its account's class;
            // 33103 takes over each balance with its sign (the emptying line has the other).
            var model: [BasicClass: Int64] = [:]
            for b in balances where b.project == nil && b.expense != .project {
                if b.accountCode == "40401", let own = b.basicClass { model[own, default: 0] += b.netFen }
                if b.accountCode.hasPrefix("5"), b.source == .appropriation {
                    model[BasicExpenseClasses.standard.isPersonnel(b.accountCode) ? .personnel : .operating, default: 0] += b.netFen
                }
            }
            let lines331 = drafts.flatMap(\.lines).filter { $0.accountCode == "33103" }
            for basicClass in BasicClass.allCases {
                let carried = lines331.filter { $0.dimensions.basicClass == basicClass }.reduce(Int64(0)) { $0 + $1.signedFen }
                #expect(carried == (model[basicClass] ?? 0), "\(basicClass)")
            }
            let basic331 = lines331.filter { $0.dimensions.expenseType == .basic && $0.dimensions.project == nil }.reduce(Int64(0)) { $0 + $1.signedFen }
            let classed = lines331.filter { $0.dimensions.basicClass != nil }.reduce(Int64(0)) { $0 + $1.signedFen }
            // 40401 entered without a class (kind 3 above) is the only basic money left unclassified.
            let unclassified = balances.filter { $0.accountCode == "40401" && $0.basicClass == nil && $0.project == nil }.reduce(Int64(0)) { $0 + $1.netFen }
            #expect(basic331 == classed, "every 331 basic line carries a class")
            #expect(lines331.filter { $0.dimensions.basicClass == nil && $0.dimensions.project == nil }.reduce(Int64(0)) { $0 + $1.signedFen } == unclassified)
            #expect(drafts.allSatisfy { $0.lines.reduce(Int64(0)) { $0 + $1.signedFen } == 0 })
        }
    }
}
