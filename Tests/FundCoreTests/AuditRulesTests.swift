import FundCore
import Testing

/// Each audit rule on a small inline book that breaks it, and on one that does not.
@Suite struct AuditRulesTests {
    static let federation = Organization(code: "FED-12", name: "某某县东关镇五金产业工会联合会", level: .federation, parentCode: "TWN-03", independent: true)
    static let item = SubsidyItem(code: "XB-1", grantor: "CTY-01", recipient: "FED-12", title: "劳动技能竞赛", purpose: "奖品", accounts: ["50301"],
                                  approved: Money(fen: 12_000_00), document: "某总工〔2026〕1号", documentDate: day("2026-03-15"),
                                  windowStart: day("2026-04-01"), deadline: day("2026-09-30"), status: .disbursed)

    static func day(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

    /// A posted voucher; lines are (account, signed fen, project, expense type).
    static func voucher(_ id: Int64, _ date: String, _ lines: [(String, Int64, String?, ExpenseType?)], number: Int? = nil, attachments: Int = 1,
                        preparer: String = "刘敏", reviewer: String? = "杨帆", kind: VoucherKind = .entry, reverses: Int64? = nil) -> Voucher {
        let draft = VoucherDraft(organization: "FED-12", date: day(date), summary: "凭证\(id)", attachments: attachments, preparer: preparer, reviewer: reviewer,
                                 reverses: reverses.map { _ in VoucherRef(period: day(date).period, word: "记", number: 1) }, kind: kind,
                                 lines: lines.map { code, fen, project, expense in
                                     VoucherLine(accountCode: code, side: fen >= 0 ? .debit : .credit, amount: Money(fen: abs(fen)),
                                                 dimensions: Dimensions(project: project, expenseType: expense))
                                 })
        return Voucher(id: id, draft: draft, status: .posted, number: number ?? 1, reviewer: reviewer, bookkeeper: "张会计",
                       reversesID: reverses, reversedByID: nil)
    }

    static func spend(_ id: Int64, _ date: String, _ account: String, _ fen: Int64, project: String? = "XB-1", from: String = "102") -> Voucher {
        voucher(id, date, [(account, fen, project, .project), (from, -fen, nil, nil)])
    }

    static func receive(_ id: Int64, _ date: String, _ fen: Int64, project: String? = "XB-1") -> Voucher {
        voucher(id, date, [("102", fen, nil, nil), ("40302", -fen, project, nil)])
    }

    static let committee = Committee(organization: "FED-12", elected: day("2025-01-01"), termYears: 3, members: [
        CommitteeMember(name: "陈静", office: .chair, start: day("2025-01-01")), CommitteeMember(name: "王磊", office: .member, start: day("2025-01-01"))])

    static func input(_ vouchers: [Voucher], subsidies: [AuditedSubsidy] = [AuditedSubsidy(item: item)], budget: [AuditedBudgetLine] = [],
                      reopened: [PeriodLogEntry] = [], committee: Committee? = committee, settings: AuditSettings = AuditSettings(),
                      calendar: WorkCalendar = WorkCalendar(), seals: [SealProblem] = [], language: Language = .english) -> AuditInput {
        var input = AuditInput(organization: federation, year: 2026, vouchers: vouchers, subsidies: subsidies, budget: budget, reopened: reopened,
                               committee: committee, settings: settings, calendar: calendar, sealProblems: seals)
        // The rules' facts are checked in the English texts; `chineseTextsStateTheSameFacts` checks the Chinese.
        input.language = language
        return input
    }

    static func found(_ rule: String, _ input: AuditInput) -> [FindingDraft] {
        do { return try AuditRules.rule(rule)!.check(input) } catch { Issue.record("\(error)"); return [] }
    }

    @Test func everyRuleHasAnIdTitlesAndAnExplanation() {
        #expect(AuditRules.all.count >= 15)
        #expect(Set(AuditRules.all.map(\.id)).count == AuditRules.all.count)
        for rule in AuditRules.all {
            #expect(!rule.chinese.isEmpty && !rule.english.isEmpty && !rule.explanation.isEmpty)
        }
    }

    /// The clean book every rule is tried on: received, then spent within purpose and window.
    static let clean = [receive(1, "2026-04-08", 12_000_00), spend(2, "2026-05-12", "50301", 3_000_00)]

    @Test func subsidySpendingPastInt64IsRefusedNotTrapped() {
        let half = Int64.max / 2 + 1
        let vouchers = [Self.receive(1, "2026-04-08", 12_000_00), Self.spend(2, "2026-05-12", "50301", half), Self.spend(3, "2026-05-13", "50301", half)]
        #expect(throws: SumOverflow.self) { try AuditRules.run(Self.input(vouchers)) }
    }

    @Test func aCleanBookFindsNothing() throws {
        let findings = try AuditRules.run(Self.input(Self.clean))
        #expect(findings.isEmpty, "\(findings.map(\.text))")
    }

    @Test func subsidyPurpose() {
        let bad = Self.clean + [Self.spend(3, "2026-05-13", "50502", 1_000_00)]
        #expect(Self.found("subsidy-purpose", Self.input(bad)).map(\.vouchers) == [[3]])
        #expect(Self.found("subsidy-purpose", Self.input(Self.clean)).isEmpty)
    }

    @Test func subsidyOverspent() {
        let early = [Self.spend(1, "2026-04-02", "50301", 2_000_00), Self.receive(2, "2026-04-08", 12_000_00)]
        let finding = Self.found("subsidy-overspent", Self.input(early))
        #expect(finding.map(\.vouchers) == [[1]])
        #expect(finding.first?.amount == Money(fen: 2_000_00))
        // Money received before the year counts.
        let carried = [AuditedSubsidy(item: Self.item, receivedBefore: 5_000_00, spentBefore: 1_000_00)]
        #expect(Self.found("subsidy-overspent", Self.input([Self.spend(1, "2026-04-02", "50301", 2_000_00)], subsidies: carried)).isEmpty)
        #expect(Self.found("subsidy-overspent", Self.input(Self.clean)).isEmpty)
    }

    @Test func subsidyWindowAndSettlement() {
        let before = Self.clean + [Self.spend(3, "2026-03-20", "50301", 500_00)]
        #expect(Self.found("subsidy-window", Self.input(before)).map(\.vouchers) == [[3]])
        let settled = [AuditedSubsidy(item: Self.item, settledOn: Self.day("2026-06-30"))]
        let after = Self.clean + [Self.spend(3, "2026-07-02", "50301", 500_00)]
        #expect(Self.found("subsidy-window", Self.input(after, subsidies: settled)).first?.text.contains("settled on 2026-06-30") == true)
        #expect(Self.found("subsidy-window", Self.input(after)).isEmpty)
    }

    @Test func earmarkedUntagged() {
        #expect(Self.found("earmarked-untagged", Self.input([Self.receive(1, "2026-04-08", 5_000_00, project: nil)])).count == 1)
        #expect(Self.found("earmarked-untagged", Self.input(Self.clean)).isEmpty)
    }

    @Test func projectWithoutProject() {
        #expect(Self.found("project-without-project", Self.input([Self.spend(1, "2026-04-08", "50501", 800_00, project: nil)])).count == 1)
        #expect(Self.found("project-without-project", Self.input(Self.clean)).isEmpty)
    }

    @Test func budgetOverrun() {
        let line = AuditedBudgetLine(key: BudgetKey(account: "503"), budget: Money(fen: 2_000_00), actual: Money(fen: 3_000_00))
        let finding = Self.found("budget-overrun", Self.input(Self.clean, budget: [line]))
        #expect(finding.first?.amount == Money(fen: 1_000_00))
        #expect(finding.first?.vouchers == [2])
        let within = AuditedBudgetLine(key: BudgetKey(account: "503"), budget: Money(fen: 3_000_00), actual: Money(fen: 3_000_00))
        #expect(Self.found("budget-overrun", Self.input(Self.clean, budget: [within])).isEmpty)
    }

    @Test func numbering() {
        let gap = [Self.voucher(1, "2026-04-08", [("102", 1_00, nil, nil), ("401", -1_00, nil, nil)], number: 1),
                   Self.voucher(2, "2026-04-09", [("102", 1_00, nil, nil), ("401", -1_00, nil, nil)], number: 3),
                   Self.voucher(3, "2026-04-10", [("102", 1_00, nil, nil), ("401", -1_00, nil, nil)], number: 3)]
        let finding = Self.found("numbering", Self.input(gap))
        #expect(finding.count == 1)
        #expect(finding.first?.text.contains("2 missing") == true)
        #expect(finding.first?.text.contains("3 used twice") == true)
        #expect(Self.found("numbering", Self.input(Self.clean)).isEmpty)
    }

    @Test func reviewerIsPreparer() {
        let same = Self.voucher(1, "2026-04-08", [("102", 1_00, nil, nil), ("401", -1_00, nil, nil)], preparer: "刘敏", reviewer: "刘敏")
        let none = Self.voucher(2, "2026-04-08", [("102", 1_00, nil, nil), ("401", -1_00, nil, nil)], number: 2, reviewer: nil)
        #expect(Self.found("reviewer-is-preparer", Self.input([same, none])).map(\.vouchers) == [[1], [2]])
        #expect(Self.found("reviewer-is-preparer", Self.input(Self.clean)).isEmpty)
    }

    @Test func noAttachments() {
        let bare = Self.voucher(1, "2026-04-08", [("50501", 1_00, nil, nil), ("102", -1_00, nil, nil)], attachments: 0)
        let closing = Self.voucher(2, "2026-12-31", [("401", 1_00, nil, nil), ("32202", -1_00, nil, nil)], attachments: 0, kind: .closing)
        #expect(Self.found("no-attachments", Self.input([bare, closing])).map(\.vouchers) == [[1]])
        #expect(Self.found("no-attachments", Self.input(Self.clean)).isEmpty)
    }

    @Test func cashLimit() {
        var settings = AuditSettings()
        settings.cashLimit = Money(fen: 1_000_00)
        let cash = Self.spend(1, "2026-05-12", "50301", 1_800_00, from: "101")
        #expect(Self.found("cash-limit", Self.input([cash], settings: settings)).count == 1)
        settings.cashLimit = Money(fen: 2_000_00)
        #expect(Self.found("cash-limit", Self.input([cash], settings: settings)).isEmpty)
    }

    @Test func roundSum() {
        let round = Self.voucher(1, "2026-06-18", [("50105", 13_000_00, nil, .basic), ("102", -13_000_00, nil, nil)])
        let odd = Self.voucher(2, "2026-06-18", [("50105", 13_020_00, nil, .basic), ("102", -13_020_00, nil, nil)])
        let transfer = Self.voucher(3, "2026-06-18", [("101", 20_000_00, nil, nil), ("102", -20_000_00, nil, nil)])
        #expect(Self.found("round-sum", Self.input([round, odd, transfer])).map(\.vouchers) == [[1]])
    }

    @Test func nonWorkingDay() {
        let saturday = Self.voucher(1, "2026-05-16", [("102", 1_00, nil, nil), ("401", -1_00, nil, nil)])
        let holiday = Self.voucher(2, "2026-10-02", [("102", 1_00, nil, nil), ("401", -1_00, nil, nil)])
        let workingSunday = Self.voucher(3, "2026-09-20", [("102", 1_00, nil, nil), ("401", -1_00, nil, nil)])
        let calendar = WorkCalendar(holidays: [Self.day("2026-10-02")], workdays: [Self.day("2026-09-20")])
        #expect(Self.found("non-working-day", Self.input([saturday, holiday, workingSunday], calendar: calendar)).map(\.vouchers) == [[1], [2]])
        #expect(Self.found("non-working-day", Self.input(Self.clean)).isEmpty)
    }

    @Test func reversalsAndReopenedMonths() {
        let original = Self.spend(2, "2026-05-12", "50301", 3_000_00)
        let red = Self.voucher(3, "2026-05-20", [("50301", -3_000_00, "XB-1", .project), ("102", 3_000_00, nil, nil)], reverses: 2)
        let reopen = PeriodLogEntry(organization: "FED-12", period: Period(year: 2026, month: 5)!, action: "reopen", at: "2026-06-02T08:00:00Z", by: "财务主管", reason: "补记")
        let found = Self.found("reversals", Self.input([original, red], reopened: [reopen]))
        #expect(found.count == 2)
        #expect(found.first?.vouchers == [3, 2])
        #expect(Self.found("reversals", Self.input(Self.clean)).isEmpty)
    }

    @Test func welfareCap() {
        var settings = AuditSettings()
        let gifts = Self.voucher(1, "2026-06-18", [("50105", 20_400_00, nil, .basic), ("102", -20_400_00, nil, nil)])
        // Without a cap (provinces differ) the rule does not run.
        #expect(Self.found("welfare-cap", Self.input([gifts], settings: settings)).isEmpty)
        settings.welfareCapPerMember = Money(fen: 1_500_00)
        settings.members = 12
        #expect(Self.found("welfare-cap", Self.input([gifts], settings: settings)).first?.amount == Money(fen: 2_400_00))
        settings.members = 14
        #expect(Self.found("welfare-cap", Self.input([gifts], settings: settings)).isEmpty)
    }

    /// The findings go into the 经审底稿 in Chinese by default, with the same facts as the English.
    @Test func chineseTextsStateTheSameFacts() {
        let gap = [Self.voucher(1, "2026-04-08", [("102", 1_00, nil, nil), ("401", -1_00, nil, nil)], number: 1),
                   Self.voucher(2, "2026-04-09", [("102", 1_00, nil, nil), ("401", -1_00, nil, nil)], number: 3),
                   Self.voucher(3, "2026-04-10", [("102", 1_00, nil, nil), ("401", -1_00, nil, nil)], number: 3)]
        let numbering = Self.found("numbering", Self.input(gap, language: .chinese)).first?.text ?? ""
        #expect(numbering.contains("缺 2 号") && numbering.contains("3 号重复"), "\(numbering)")
        let late = Committee(organization: "FED-12", elected: Self.day("2026-04-18"), termYears: 3)
        let missing = Self.found("committee-missing", Self.input(Self.clean, committee: late, language: .chinese)).first?.text ?? ""
        #expect(missing.contains("2026-01-01 至 2026-04-17（选举前）"), "\(missing)")
        let settled = [AuditedSubsidy(item: Self.item, settledOn: Self.day("2026-06-30"))]
        let after = Self.clean + [Self.spend(3, "2026-07-02", "50301", 500_00)]
        let window = Self.found("subsidy-window", Self.input(after, subsidies: settled, language: .chinese)).first?.text ?? ""
        #expect(window.contains("在项目 2026-06-30 结项之后"), "\(window)")
        for rule in AuditRules.all {
            #expect(AuditRules.title(rule.id, .chinese) == rule.chinese)
        }
        // No English words of the English twin are left in a Chinese finding.
        let all = (try? AuditRules.run(Self.input(gap, language: .chinese))) ?? []
        #expect(!all.isEmpty && all.allSatisfy { !$0.text.contains(" missing") && !$0.text.contains("used twice") && !$0.text.contains(" was ") })
    }

    @Test func committeeMissing() {
        #expect(Self.found("committee-missing", Self.input(Self.clean, committee: nil)).count == 1)
        let late = Committee(organization: "FED-12", elected: Self.day("2026-04-18"), termYears: 3)
        #expect(Self.found("committee-missing", Self.input(Self.clean, committee: late)).first?.text.contains("2026-01-01 to 2026-04-17") == true)
        #expect(Self.found("committee-missing", Self.input(Self.clean)).isEmpty)
    }

    @Test func committeeIndependence() {
        var keeping = Self.committee
        keeping.members.append(CommitteeMember(name: "杨帆", office: .member, start: Self.day("2025-01-01")))
        #expect(Self.found("committee-independence", Self.input(Self.clean, committee: keeping)).map(\.key) == ["杨帆"])
        #expect(Self.found("committee-independence", Self.input(Self.clean)).isEmpty)
    }

    @Test func sealBroken() {
        let problem = SealProblem(voucherID: 2, label: "FED-12 2026-05/记-0001", reason: "its lines, amounts or fields were changed after posting")
        #expect(Self.found("seal-broken", Self.input(Self.clean, seals: [problem])).map(\.vouchers) == [[2]])
        #expect(Self.found("seal-broken", Self.input(Self.clean)).isEmpty)
    }

    @Test func committeeTermsAndCalendarDays() {
        let committee = Committee(organization: "X", elected: Self.day("2024-02-29"), termYears: 3)
        #expect(committee.termEnd == Self.day("2027-02-27"))
        for days in [-1000, 0, 59, 60, 365, 20_000] {
            #expect(LocalDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        var settings = AuditSettings()
        #expect(throws: AuditSettingError.self) { try settings.set("cash-limit", "abc") }
        #expect(throws: AuditSettingError.self) { try settings.set("nothing", "1") }
        #expect(Access.permits([RoleGrant(user: "a", role: .superior, organization: "CTY-01")], .read, organization: "FED-12", ancestors: ["TWN-03", "CTY-01"]))
        #expect(!Access.permits([RoleGrant(user: "a", role: .superior, organization: "CTY-01")], .writeBooks, organization: "CTY-01"))
        #expect(!Access.permits([RoleGrant(user: "a", role: .officer, organization: "FED-11")], .read, organization: "FED-12", ancestors: ["TWN-03"]))
    }
}
