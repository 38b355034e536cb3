import FundCore
@testable import FundStore
import Testing

/// Every case of every typed refusal has a Chinese text that names its English rule id and
/// differs from the English one. Each enum has a sample of every case here, and an exhaustive
/// `switch` (no `default:`) numbering its cases: a new case does not compile here until it is
/// numbered, and the test fails until a sample of it is added, so no case goes without a text.
@Suite struct MessageCatalogueTests {
    static let period = Period(year: 2026, month: 5)!
    static let day = LocalDate(year: 2026, month: 5, day: 31)!
    static let ref = VoucherRef(period: period, word: "记", number: 3)
    static let grant = RoleGrant(user: "王芳", role: .officer, organization: "FED-01")
    static let key = BudgetKey(account: "501")
    static let overflow = SumOverflow(organization: "FED-01", account: "102", month: period)

    static let bookErrors: [BookError] = [
        .bookExists(path: "b.sqlite"), .bookMissing(path: "b.sqlite"), .notABook(path: "b.sqlite", reason: .folder), .readOnly(path: "b.sqlite"),
        .busy(path: "b.sqlite"), .unknownOrganization("NOPE"), .duplicateOrganization("FED-01"), .unknownParent(organization: "FED-01", parent: "NOPE"),
        .organization(organizationErrors[0]), .chart(chartErrors[0]), .parentHasPostings(account: "10201", parent: "102", organization: "FED-01"),
        .voucherProblems(voucher: "FED-01 2026-05/记-0003", problems: [VoucherProblem(.unbalanced, "debits 1.00 do not equal credits 0.99", chinese: "借方合计 1.00 与贷方合计 0.99 不等")]),
        .voucherNotFound(.id(12)), .wrongStatus(voucher: "#12", status: .posted, act: .delete), .periodClosed(organization: "FED-01", period: period),
        .periodNotClosed(organization: "FED-01", period: period), .periodAlreadyClosed(organization: "FED-01", period: period),
        .closeOutOfOrder(organization: "FED-01", period: period, open: period.previous),
        .reopenOutOfOrder(organization: "FED-01", period: period, closed: period.next),
        .unpostedVouchers(organization: "FED-01", period: period, vouchers: [UnpostedVoucher(id: 3, date: "2026-05-06")]),
        .periodUnbalanced(organization: "FED-01", period: period, debits: Money(fen: 2), credits: Money(fen: 1)), .missingReason,
        .alreadyReversed(voucher: "#3", by: "#4"), .cannotReverseRedInk(voucher: "#4"), .reversalBeforeOriginal(voucher: "#3", date: day),
        .numberNotNext(organization: "FED-01", expected: ref, found: VoucherRef(period: period, word: "记", number: 5)),
        .unknownCounterpart("NOPE"), .priorYearOpen(organization: "FED-01", year: 2025), .yearOutOfRange(10000),
        .fixedAsset(assetErrors[0]), .duplicateAsset(organization: "FED-01", code: "A1"), .subsidy(subsidyProblems[0]),
        .noBudget(organization: "FED-01", year: 2026), .budget(budgetProblems[0]),
        .budgetOverrun(voucher: "#3", overruns: [BudgetOverrun(key: key, spent: Money(fen: 3), budgeted: Money(fen: 2))]),
        .notPermitted(user: "王芳", action: .audit, organization: "FED-01", roles: [grant]), .access(accessRefusals[0]),
        .committee(committeeRefusals[1]), .review(reviewRefusals[1]), .backup(backupRefusals[1]), .storage(.diskFull),
        .storedValueInvalid(table: "user_role", column: "role", value: "emperor", row: "user 陈静"),
        .textRefused(field: "摘要", character: "U+202E"), .sumOverflow(overflow),
        .voucherName(.bareNumber(number: 8, period: nil)),
        .batchRefused(act: .review, failures: [VoucherBatchFailure(voucher: "FED-01 #3", error: .missingReason)]),
        .sealKey(.keyRequired(path: "b.sqlite")), .yearEndAct(.missingDocument(act: .transferIn)),
        .closingNeedsReviewer(organization: "FED-01", period: period),
        .attachedFormNotDue(organization: "FED-01", form: .appropriations, reason: .countyLevelOnly), .federation(federationRefusals[7]),
        .bookURLNotSupported(scheme: "postgresql", location: "postgresql://db.example/union"),
        .assetAct(assetActProblems[0]), .opening(openingProblems[0]),
        .pack(.notAwaiting(organization: "FED-01", period: period, status: .received)), .cash(cashRefusals[0]),
    ]
    static func number(_ error: BookError) -> Int {
        switch error {
        case .bookExists: 0
        case .bookMissing: 1
        case .notABook: 2
        case .readOnly: 3
        case .busy: 4
        case .unknownOrganization: 5
        case .duplicateOrganization: 6
        case .unknownParent: 7
        case .organization: 8
        case .chart: 9
        case .parentHasPostings: 10
        case .voucherProblems: 11
        case .voucherNotFound: 12
        case .wrongStatus: 13
        case .periodClosed: 14
        case .periodNotClosed: 15
        case .periodAlreadyClosed: 16
        case .closeOutOfOrder: 17
        case .reopenOutOfOrder: 18
        case .unpostedVouchers: 19
        case .periodUnbalanced: 20
        case .missingReason: 21
        case .alreadyReversed: 22
        case .cannotReverseRedInk: 23
        case .reversalBeforeOriginal: 24
        case .numberNotNext: 25
        case .unknownCounterpart: 26
        case .priorYearOpen: 27
        case .yearOutOfRange: 28
        case .fixedAsset: 29
        case .duplicateAsset: 30
        case .subsidy: 31
        case .noBudget: 32
        case .budget: 33
        case .budgetOverrun: 34
        case .notPermitted: 35
        case .access: 36
        case .committee: 37
        case .review: 38
        case .backup: 39
        case .storage: 40
        case .storedValueInvalid: 41
        case .textRefused: 42
        case .sumOverflow: 43
        case .voucherName: 44
        case .batchRefused: 45
        case .sealKey: 46
        case .yearEndAct: 47
        case .closingNeedsReviewer: 48
        case .attachedFormNotDue: 49
        case .bookURLNotSupported: 50
        case .federation: 51
        case .assetAct: 52
        case .opening: 53
        case .pack: 54
        case .cash: 55
        }
    }

    /// Whether `text` holds a Chinese character.
    static func isChinese(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    /// Every sample is Chinese, ends with a rule id in brackets, and differs from its English text;
    /// the samples number every case from 0 to the count of cases.
    static func check<T: LocalizedMessage>(_ samples: [T], _ count: Int, _ number: (T) -> Int, rule: (T) -> String?,
                                           sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Set(samples.map(number)) == Set(0..<count), "a case has no sample", sourceLocation: sourceLocation)
        for sample in samples {
            let chinese = sample.text(.chinese)
            #expect(isChinese(chinese), "no Chinese: \(chinese)", sourceLocation: sourceLocation)
            #expect(chinese != sample.text(.english), "\(chinese)", sourceLocation: sourceLocation)
            #expect(sample.text(.english) == sample.description, sourceLocation: sourceLocation)
            let id = rule(sample)
            #expect(chinese.hasSuffix("]") && (id.map { chinese.contains("[" + $0 + "]") } ?? chinese.contains(" [")),
                    "no rule id: \(chinese)", sourceLocation: sourceLocation)
        }
    }

    @Test func everyRefusalOfTheBookHasAChineseTextWithItsRuleId() {
        Self.check(Self.bookErrors, 56, Self.number, rule: { error in
            // A budget overrun lists its lines after the rule's sentence; the rule id closes the first line.
            if case .voucherProblems = error { return nil }
            if case .budgetOverrun = error { return nil }
            return error.rule
        })
        #expect(Self.bookErrors.allSatisfy { $0.text(.chinese).contains("[") })
    }

    @Test func everyWrappedRefusalHasAChineseText() {
        Self.check(Self.organizationErrors, 7, Self.number, rule: { _ in "bad-org" })
        Self.check(Self.chartErrors, 8, Self.number, rule: { $0.rule })
        Self.check(Self.moneyErrors, 9, Self.number, rule: { _ in "bad-amount" })
        Self.check(Self.assetErrors, 5, Self.number, rule: { $0.rule })
        Self.check(Self.assetActProblems, 4, Self.number, rule: { $0.rule })
        Self.check(Self.openingProblems, 6, Self.number, rule: { $0.rule })
        Self.check(Self.committeeErrors, 2, Self.number, rule: { _ in "committee" })
        Self.check(Self.subsidyProblems, 11, Self.number, rule: { _ in "subsidy" })
        Self.check(Self.budgetLineProblems, 5, Self.number, rule: { _ in nil })
        Self.check(Self.budgetProblems, 5, Self.number, rule: { _ in nil })
        Self.check(Self.settingErrors, 2, Self.number, rule: { _ in "review" })
        Self.check(Self.cashRefusals, 20, Self.number, rule: { $0.rule })
        Self.check(Self.accessRefusals, 9, Self.number, rule: {
            switch $0 { case .committeeRoleFromMembership, .memberCannotBeOfficer: $0.rule; default: "bad-role" }
        })
        Self.check(Self.committeeRefusals, 6, Self.number, rule: { if case .officerCannotSit = $0 { "committee-independence" } else { "committee" } })
        Self.check(Self.reviewRefusals, 17, Self.number, rule: { $0.rule })
        Self.check(Self.packRefusals, 3, Self.number, rule: { $0.rule })
        Self.check(Self.backupRefusals, 10, Self.number, rule: { $0.rule })
        Self.check(Self.federationRefusals, 14, Self.number, rule: { $0.rule })
    }

    @Test func everyVoucherRuleAndInputRuleHasAChineseText() {
        for rule in VoucherProblem.Rule.allCases {
            let problem = VoucherProblem(rule, line: 0, "the facts", chinese: rule.chinese)
            #expect(Self.isChinese(rule.chinese) && problem.chinese.hasSuffix("[\(rule.rawValue)]"), "\(problem.chinese)")
        }
        for rule in InputRuleText.known {
            let error = InputError(file: "a.csv", line: 2, column: "日期", rule: rule, message: "the facts", chineseMessage: nil)
            #expect(InputRuleText.chinese(rule) != nil && Self.isChinese(error.chinese) && error.chinese.hasSuffix("[\(rule)]"), "\(rule)")
        }
        #expect(Set(InputRuleText.known).count == InputRuleText.known.count)
        for check in VerifyCheckText.known {
            let problem = VerifyProblem(check: check, organization: "FED-01", voucher: nil, message: "the facts")
            #expect(VerifyCheckText.chinese(check) != nil && Self.isChinese(problem.chinese) && problem.chinese.hasSuffix("[\(check)]"), "\(check)")
        }
    }

    @Test func anImportErrorFromTheBookKeepsTheBooksChineseText() {
        let error = BookError.periodClosed(organization: "FED-01", period: Self.period)
        let input = InputError(file: "a.journal", line: 3, rule: error.rule, message: error.description, chineseMessage: error.chinese)
        #expect(input.text(.chinese) == "a.journal:3：" + error.chinese)
        #expect(input.text(.english) == "a.journal:3: " + error.description + " [period-closed]")
    }

    @Test func beijingTimeIsEightHoursAheadOfTheStoredUTC() {
        #expect(BeijingTime.display("2026-05-31T06:34:20Z") == "2026-05-31 14:34:20")
        #expect(BeijingTime.display("2026-05-31T20:00:00Z") == "2026-06-01 04:00:00")
        #expect(BeijingTime.display("2026-12-31T16:00:00Z") == "2027-01-01 00:00:00")
        #expect(BeijingTime.display("2028-02-28T16:00:01Z") == "2028-02-29 00:00:01")
        #expect(BeijingTime.day("2026-05-31T20:00:00Z") == "2026-06-01")
        // A value FundLedger did not write is shown as it is.
        #expect(BeijingTime.display("yesterday") == "yesterday")
        #expect(BeijingTime.display("2026-05-31T25:00:00Z") == "2026-05-31T25:00:00Z")
    }

    @Test func theLanguageComesFromTheCommandLineThenTheLocale() {
        #expect(Language.resolve(arguments: ["org", "list"], environment: [:]) == .chinese)
        #expect(Language.resolve(arguments: ["org", "list"], environment: ["LANG": "en_US.UTF-8"]) == .english)
        #expect(Language.resolve(arguments: ["org", "list"], environment: ["LANG": "C.UTF-8"]) == .chinese)
        #expect(Language.resolve(arguments: ["org", "list"], environment: ["LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"]) == .chinese)
        #expect(Language.resolve(arguments: ["--lang", "en", "org", "list"], environment: [:]) == .english)
        #expect(Language.resolve(arguments: ["org", "list", "--lang=zh"], environment: ["LANG": "en_US.UTF-8"]) == .chinese)
        #expect(Language.resolve(arguments: ["org", "list", "--", "--lang", "en"], environment: [:]) == .chinese)
    }
}
