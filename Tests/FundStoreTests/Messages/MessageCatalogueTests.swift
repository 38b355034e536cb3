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

    static let organizationErrors: [OrganizationError] = [
        .badCode("?"), .badName(code: "FED-01", name: ""), .ownParent("FED-01"), .badTerm(code: "FED-01", years: 4),
        .needsParent("FED-01", .federation), .parentLevel(code: "FED-01", level: .federation, parent: .grassroots),
        .federationName(code: "FED-01", name: "司机", why: "an occupation"),
    ]
    static func number(_ error: OrganizationError) -> Int {
        switch error {
        case .badCode: 0
        case .badName: 1
        case .ownParent: 2
        case .badTerm: 3
        case .needsParent: 4
        case .parentLevel: 5
        case .federationName: 6
        }
    }

    static let chartErrors: [ChartError] = [.malformedCode("9"), .levelOneNotAllowed("199"), .unknownParent(code: "10901", parent: "109"),
                                            .duplicate("102"), .badName(code: "10201", name: "a/b")]
    static func number(_ error: ChartError) -> Int {
        switch error {
        case .malformedCode: 0
        case .levelOneNotAllowed: 1
        case .unknownParent: 2
        case .duplicate: 3
        case .badName: 4
        }
    }

    static let moneyErrors: [MoneyError] = [.empty, .invalidCharacter(text: "1e5", character: "e"), .misplacedSign(text: "1-"),
                                            .tooManyDecimals(text: "1.234"), .noDigits(text: "."), .outOfRange(text: "1e30"),
                                            .overflow(operation: "1 + 2"), .ambiguousGrouping(text: "1,23"),
                                            .invalidInputCharacter(text: "五百元", character: "五")]
    static func number(_ error: MoneyError) -> Int {
        switch error {
        case .empty: 0
        case .invalidCharacter: 1
        case .misplacedSign: 2
        case .tooManyDecimals: 3
        case .noDigits: 4
        case .outOfRange: 5
        case .overflow: 6
        case .ambiguousGrouping: 7
        case .invalidInputCharacter: 8
        }
    }

    static let assetErrors: [FixedAssetError] = [.badCode(""), .badName("A1"), .badCost("A1", Money(fen: -1)), .badLife("A1", 0)]
    static func number(_ error: FixedAssetError) -> Int {
        switch error {
        case .badCode: 0
        case .badName: 1
        case .badCost: 2
        case .badLife: 3
        }
    }

    static let committeeErrors: [CommitteeError] = [.badTerm(organization: "FED-01", years: 4), .memberDates(name: "陈静", start: day, end: day)]
    static func number(_ error: CommitteeError) -> Int {
        switch error {
        case .badTerm: 0
        case .memberDates: 1
        }
    }

    static let subsidyProblems: [SubsidyProblem] = [
        .invalidItem(.badItem("XB-1", "no title")), .duplicateCode(code: "XB-1"), .unknownItem(code: "XB-1"),
        .notAwaitingApproval(code: "XB-1", status: .approved), .notPayable(code: "XB-1", status: .applied), .trancheNotPositive(code: "XB-1"),
        .accruedFirst(code: "XB-1", accrued: Money(fen: 100)), .payingOverApproved(code: "XB-1", amount: Money(fen: 2), approved: Money(fen: 1)),
        .notAccruable(code: "XB-1", status: .settled), .accruingOverApproved(code: "XB-1", amount: Money(fen: 2), approved: Money(fen: 1)),
        .alreadySettled(code: "XB-1"),
    ]
    static func number(_ problem: SubsidyProblem) -> Int {
        switch problem {
        case .invalidItem: 0
        case .duplicateCode: 1
        case .unknownItem: 2
        case .notAwaitingApproval: 3
        case .notPayable: 4
        case .trancheNotPositive: 5
        case .accruedFirst: 6
        case .payingOverApproved: 7
        case .notAccruable: 8
        case .accruingOverApproved: 9
        case .alreadySettled: 10
        }
    }

    static let budgetLineProblems: [BudgetLineProblem] = [
        .unknownAccount(account: "999", chart: .grassroots), .notIncomeOrExpenditure(account: "102", name: "银行存款"),
        .negativeAmount(key: key, amount: Money(fen: -1)), .overlap(key, BudgetKey(account: "50101")), .amountTooLarge(key: key, amount: Money(fen: Int64.max)),
    ]
    static func number(_ problem: BudgetLineProblem) -> Int {
        switch problem {
        case .unknownAccount: 0
        case .notIncomeOrExpenditure: 1
        case .negativeAmount: 2
        case .overlap: 3
        case .amountTooLarge: 4
        }
    }

    static let budgetProblems: [BudgetProblem] = [
        .alreadyApproved(organization: "FED-01", year: 2026), .notApproved(organization: "FED-01", year: 2026),
        .invalidLine(budgetLineProblems[0]), .lineBelowZero(key: key, amount: Money(fen: -1)), .adjustmentTooLarge(key: key, amount: Money(fen: Int64.max)),
    ]
    static func number(_ problem: BudgetProblem) -> Int {
        switch problem {
        case .alreadyApproved: 0
        case .notApproved: 1
        case .invalidLine: 2
        case .lineBelowZero: 3
        case .adjustmentTooLarge: 4
        }
    }

    static let settingErrors: [AuditSettingError] = [.unknownKey("x"), .badValue(key: "cash-limit", value: "-1", expected: "an amount")]
    static func number(_ error: AuditSettingError) -> Int {
        switch error {
        case .unknownKey: 0
        case .badValue: 1
        }
    }

    static let accessRefusals: [AccessRefusal] = [.administratorForOneOrganization, .roleNeedsOrganization(.committee),
                                                  .lastAdministrator(user: "admin"), .noSuchRole(grant), .emptyName,
                                                  .committeeRoleFromMembership(user: "陈静", organization: "FED-01"),
                                                  .memberCannotBeOfficer(user: "陈静", organizations: ["FED-01"]),
                                                  .noRoleForPassword(user: "王芳"), .noDeskPassword(user: "王芳")]
    static func number(_ refusal: AccessRefusal) -> Int {
        switch refusal {
        case .administratorForOneOrganization: 0
        case .roleNeedsOrganization: 1
        case .lastAdministrator: 2
        case .noSuchRole: 3
        case .emptyName: 4
        case .committeeRoleFromMembership: 5
        case .memberCannotBeOfficer: 6
        case .noRoleForPassword: 7
        case .noDeskPassword: 8
        }
    }

    static let committeeRefusals: [CommitteeRefusal] = [
        .invalid(committeeErrors[0]), .termDiffersFromUnion(organization: "FED-01", unionTermYears: 5),
        .alreadyElected(organization: "FED-01", elected: day), .noCommitteeInTerm(organization: "FED-01", date: day), .alreadyMember(name: "陈静"),
        .officerCannotSit(name: "李强", organization: "FED-01"),
    ]
    static func number(_ refusal: CommitteeRefusal) -> Int {
        switch refusal {
        case .invalid: 0
        case .termDiffersFromUnion: 1
        case .alreadyElected: 2
        case .noCommitteeInTerm: 3
        case .alreadyMember: 4
        case .officerCannotSit: 5
        }
    }

    static let reviewRefusals: [ReviewRefusal] = [
        .badSetting(settingErrors[0]), .emptyAnswer, .emptyReopenReason, .findingNotFound(id: 9),
        .findingStatus(id: 9, status: .open, act: "resolved", allowed: [.answered]), .emptyOpinion, .noSigners,
        .notAudited(organization: "FED-01", year: 2026), .reportNeedsAudit(organization: "FED-01", year: 2026),
        .opinionExists(organization: "FED-01", year: 2026), .noCommitteeInTerm(organization: "FED-01", date: day),
        .signerNotServing(name: "王磊", organization: "FED-01", date: day), .answererCloses(id: 9, user: "刘敏"),
        .tooFewSigners(organization: "FED-01", required: 2, signers: ["陈静"]),
    ]
    static func number(_ refusal: ReviewRefusal) -> Int {
        switch refusal {
        case .badSetting: 0
        case .emptyAnswer: 1
        case .emptyReopenReason: 2
        case .findingNotFound: 3
        case .findingStatus: 4
        case .emptyOpinion: 5
        case .noSigners: 6
        case .notAudited: 7
        case .reportNeedsAudit: 8
        case .opinionExists: 9
        case .noCommitteeInTerm: 10
        case .signerNotServing: 11
        case .answererCloses: 12
        case .tooFewSigners: 13
        }
    }

    static let shortfall = CashShortfall(organization: "FED-01", account: "101", kind: .cash, voucherDate: day, date: day, balance: Money(fen: -20000))
    static let cashRefusals: [CashRefusal] = [
        .cashNegative(voucher: "FED-01 2026-05/记-0003", shortfall: shortfall),
        .bankNegative(voucher: "FED-01 #12", shortfall: CashShortfall(organization: "FED-01", account: "10201", kind: .bank, voucherDate: LocalDate(year: 2026, month: 5, day: 20)!,
                                                                     date: day, balance: Money(fen: -1))),
        .cashierRecordsCashOnly(organization: "FED-01", user: "张出纳"), .cashierOwnName(user: "张出纳", preparer: "王芳"),
        .notACashVoucher(voucher: "FED-01 2026-05/记-0003"), .confirmUnreviewed(voucher: "FED-01 #12"),
        .alreadyConfirmed(voucher: "FED-01 2026-05/记-0003", cashier: "张出纳", at: "2026-05-31T06:34:20Z"),
        .cashierIsReviewer(voucher: "FED-01 2026-05/记-0003", name: "李强"),
    ]
    static func number(_ refusal: CashRefusal) -> Int {
        switch refusal {
        case .cashNegative: 0
        case .bankNegative: 1
        case .cashierRecordsCashOnly: 2
        case .cashierOwnName: 3
        case .notACashVoucher: 4
        case .confirmUnreviewed: 5
        case .alreadyConfirmed: 6
        case .cashierIsReviewer: 7
        }
    }

    static let backupRefusals: [BackupRefusal] = [
        .wholeBookNeeded(user: "王芳", roles: [grant]), .backupMissing(path: "b.sqlite"), .backupUnreadable(path: "b.sqlite"),
        .backupNotABook(path: "b.sqlite", reason: .noChart), .folderMissing(folder: "x", file: "x/b.sqlite"),
        .folderNotWritable(folder: "x", file: "x/b.sqlite"), .strayLog(path: "b.sqlite-wal"),
    ]
    static func number(_ refusal: BackupRefusal) -> Int {
        switch refusal {
        case .wholeBookNeeded: 0
        case .backupMissing: 1
        case .backupUnreadable: 2
        case .backupNotABook: 3
        case .folderMissing: 4
        case .folderNotWritable: 5
        case .strayLog: 6
        }
    }

    static let bookErrors: [BookError] = [
        .bookExists(path: "b.sqlite"), .bookMissing(path: "b.sqlite"), .notABook(path: "b.sqlite", reason: .folder), .readOnly(path: "b.sqlite"),
        .busy(path: "b.sqlite"), .unknownOrganization("NOPE"), .duplicateOrganization("FED-01"), .unknownParent(organization: "FED-01", parent: "NOPE"),
        .organization(organizationErrors[0]), .chart(chartErrors[0]), .parentHasPostings(account: "10201", parent: "102", organization: "FED-01"),
        .voucherProblems(voucher: "FED-01 2026-05/记-0003", problems: [VoucherProblem(.unbalanced, "debits 1.00 do not equal credits 0.99")]),
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
        .closingNeedsReviewer(organization: "FED-01", period: period), .cash(cashRefusals[0]),
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
        case .cash: 49
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
        Self.check(Self.bookErrors, 50, Self.number, rule: { error in
            // A budget overrun lists its lines after the rule's sentence; the rule id closes the first line.
            if case .voucherProblems = error { return nil }
            if case .budgetOverrun = error { return nil }
            return error.rule
        })
        #expect(Self.bookErrors.allSatisfy { $0.text(.chinese).contains("[") })
    }

    @Test func everyWrappedRefusalHasAChineseText() {
        Self.check(Self.organizationErrors, 7, Self.number, rule: { _ in "bad-org" })
        Self.check(Self.chartErrors, 5, Self.number, rule: { _ in "bad-account" })
        Self.check(Self.moneyErrors, 9, Self.number, rule: { _ in "bad-amount" })
        Self.check(Self.assetErrors, 4, Self.number, rule: { _ in "bad-asset" })
        Self.check(Self.committeeErrors, 2, Self.number, rule: { _ in "committee" })
        Self.check(Self.subsidyProblems, 11, Self.number, rule: { _ in "subsidy" })
        Self.check(Self.budgetLineProblems, 5, Self.number, rule: { _ in nil })
        Self.check(Self.budgetProblems, 5, Self.number, rule: { _ in nil })
        Self.check(Self.settingErrors, 2, Self.number, rule: { _ in "review" })
        Self.check(Self.cashRefusals, 8, Self.number, rule: { $0.rule })
        Self.check(Self.accessRefusals, 9, Self.number, rule: {
            switch $0 { case .committeeRoleFromMembership, .memberCannotBeOfficer: $0.rule; default: "bad-role" }
        })
        Self.check(Self.committeeRefusals, 6, Self.number, rule: { if case .officerCannotSit = $0 { "committee-independence" } else { "committee" } })
        Self.check(Self.reviewRefusals, 14, Self.number, rule: { if case .tooFewSigners = $0 { "too-few-signers" } else { "review" } })
        Self.check(Self.backupRefusals, 7, Self.number, rule: { $0.rule })
    }

    @Test func everyVoucherRuleAndInputRuleHasAChineseText() {
        for rule in VoucherProblem.Rule.allCases {
            let problem = VoucherProblem(rule, line: 0, "the facts")
            #expect(Self.isChinese(problem.chinese) && problem.chinese.hasSuffix("[\(rule.rawValue)]"), "\(problem.chinese)")
        }
        for rule in InputRuleText.known {
            let error = InputError(file: "a.csv", line: 2, column: "日期", rule: rule, message: "the facts")
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
