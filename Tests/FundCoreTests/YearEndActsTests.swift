import FundCore
import Testing

/// The year-end acts (结转转入, 单位内部调剂) and the month's 期末结转 as pure decisions.
@Suite struct YearEndActsTests {
    static let carried = [FundBalance(accountCode: "32104", project: "XB-1", source: nil, netFen: -30_000_00),
                          FundBalance(accountCode: "32205", project: nil, source: nil, netFen: -8_000_00)]

    static func request(_ act: YearEndAct, _ amount: Int64?, project: String = "XB-1", appropriation: Bool = false,
                        document: String = "某工联发〔2026〕12号") -> YearEndActRequest {
        YearEndActRequest(act: act, year: 2026, project: project, amount: amount.map { Money(fen: $0) }, appropriation: appropriation, document: document)
    }

    /// Input -> the rule that refuses it, in the order the rules are checked.
    @Test func refusalsInOrder() {
        let open = Self.carried + [FundBalance(accountCode: "401", project: nil, source: nil, netFen: -1)]
        let table: [(YearEndActRequest, [FundBalance], Chart, String)] = [
            (Self.request(.transferIn, nil), open, .standard(.grassroots), "year-not-carried"),
            (Self.request(.transferIn, nil, appropriation: true), Self.carried, .standard(.grassroots), "fund-account-not-in-chart"),
            (Self.request(.transferIn, nil, document: "  "), Self.carried, .standard(.grassroots), "act-needs-document"),
            (Self.request(.transferIn, nil, project: "XB-9"), Self.carried, .standard(.grassroots), "act-needs-amount"),
            (Self.request(.transferIn, 30_000_01), Self.carried, .standard(.grassroots), "above-project-leftover"),
            (Self.request(.internalAdjustment, nil), Self.carried, .standard(.grassroots), "act-needs-amount"),
            (Self.request(.internalAdjustment, 8_000_01), Self.carried, .standard(.grassroots), "above-free-surplus"),
            (Self.request(.internalAdjustment, 1), [FundBalance(accountCode: "32205", project: nil, source: nil, netFen: Int64.min),
                                                   FundBalance(accountCode: "32201", project: nil, source: nil, netFen: -1)], .standard(.grassroots), "sum-overflow"),
        ]
        for (request, balances, chart, rule) in table {
            #expect(throws: YearEndActProblem.self) {
                _ = try YearEndActs.draft(organization: "FED-01", chart: chart, request: request, balances: balances, preparer: "王芳")
            }
            do {
                _ = try YearEndActs.draft(organization: "FED-01", chart: chart, request: request, balances: balances, preparer: "王芳")
            } catch {
                #expect(error.rule == rule, "\(request)")
            }
        }
    }

    @Test func theActsPostTheirPairOfLines() throws {
        let release = try YearEndActs.draft(organization: "FED-01", chart: .standard(.grassroots), request: Self.request(.transferIn, nil),
                                            balances: Self.carried, preparer: "王芳")
        #expect(release.kind == .closing && release.date == LocalDate(year: 2026, month: 12, day: 31))
        #expect(release.lines.map { [$0.accountCode, $0.side.rawValue, String($0.amount.fen), $0.dimensions.project ?? "-"] }
            == [["32104", "D", "3000000", "XB-1"], ["32204", "C", "3000000", "-"]])
        let adjust = try YearEndActs.draft(organization: "CTY-01", chart: .standard(.county), request: Self.request(.internalAdjustment, 500, appropriation: true),
                                           balances: [FundBalance(accountCode: "33205", project: nil, source: .appropriation, netFen: -600)], preparer: "王芳")
        #expect(adjust.lines.map { [$0.accountCode, $0.dimensions.project ?? "-", $0.dimensions.fundSource?.rawValue ?? "-"] }
            == [["33203", "-", "appropriation"], ["33102", "XB-1", "appropriation"]])
    }

    /// 322 carries no project; 331 keeps source, project and expense type; the vouchers are
    /// dated the month's last day.
    @Test func theMonthsClosingKeepsTheDetailsEachFundKeeps() throws {
        let balances = [FundBalance(accountCode: "50105", project: "ZY-1", source: nil, netFen: 300),
                        FundBalance(accountCode: "40302", project: "XB-1", source: nil, netFen: -500),
                        FundBalance(accountCode: "50601", project: "CZ-1", source: .appropriation, expense: .project, netFen: 200)]
        let drafts = try CarryForward.monthEnd(organization: "CTY-01", period: Period(year: 2026, month: 2)!, chart: .standard(.county),
                                               balances: balances, earmarked: ["XB-1"], preparer: "王芳")
        #expect(drafts.map(\.summary) == ["结转2026年2月收入", "结转2026年2月支出"])
        #expect(drafts.allSatisfy { $0.date == LocalDate(year: 2026, month: 2, day: 28) && $0.kind == .closing })
        let lines = drafts.flatMap(\.lines)
        #expect(lines.contains { $0.accountCode == "32103" && $0.dimensions.project == "XB-1" && $0.side == .credit && $0.amount.fen == 500 })
        #expect(lines.contains { $0.accountCode == "32203" && $0.dimensions.project == nil && $0.side == .debit && $0.amount.fen == 300 })
        #expect(lines.contains { $0.accountCode == "33103" && $0.dimensions.project == "CZ-1" && $0.dimensions.fundSource == .appropriation
            && $0.dimensions.expenseType == .project && $0.side == .debit })
        #expect(lines.contains { $0.accountCode == "50601" && $0.dimensions.expenseType == .project && $0.side == .credit })
    }
}
