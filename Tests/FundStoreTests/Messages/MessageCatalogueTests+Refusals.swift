import FundCore
@testable import FundStore
import Testing

/// One sample of every case of each refusal a `BookError` wraps (FundCore's input and rule errors,
/// the store's access, committee, federation, review, pack and backup refusals), numbered so that
/// `check` sees that no case lacks a sample.
extension MessageCatalogueTests {
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
                                            .duplicate("102"), .badName(code: "10201", name: "a/b"),
                                            .countyAccountNotAllowed(code: "201", chart: .grassroots), .openingReasonMissing(code: "212"),
                                            .openingReasonTooLong(code: "212", limit: 200)]
    static func number(_ error: ChartError) -> Int {
        switch error {
        case .malformedCode: 0
        case .levelOneNotAllowed: 1
        case .unknownParent: 2
        case .duplicate: 3
        case .badName: 4
        case .countyAccountNotAllowed: 5
        case .openingReasonMissing: 6
        case .openingReasonTooLong: 7
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

    static let assetErrors: [FixedAssetError] = [.badCode(""), .badName("A1"), .badCost("A1", Money(fen: -1)), .badLife("A1", 0),
                                                  .lifeBelowMinimum(code: "A1", assetClass: .officeEquipment, months: 36, minimumYears: 6)]
    static func number(_ error: FixedAssetError) -> Int {
        switch error {
        case .badCode: 0
        case .badName: 1
        case .badCost: 2
        case .badLife: 3
        case .lifeBelowMinimum: 4
        }
    }

    static let assetActProblems: [AssetActProblem] = [
        .unknownAsset(organization: "FED-01", code: "A1"), .alreadyDisposed(organization: "FED-01", code: "A1", act: .scrap),
        .nothingPending(organization: "FED-01", code: "A1"), .actBeforeAcquired(code: "A1", date: day, acquired: day),
    ]
    static func number(_ problem: AssetActProblem) -> Int {
        switch problem {
        case .unknownAsset: 0
        case .alreadyDisposed: 1
        case .nothingPending: 2
        case .actBeforeAcquired: 3
        }
    }

    static let openingProblems: [OpeningProblem] = [
        .alreadyOpened(organization: "FED-01", firstPeriod: period), .activityPosted(organization: "FED-01", voucher: "2026-05/记-0001"),
        .unbalanced(organization: "FED-01", debit: Money(fen: 2), credit: Money(fen: 1)),
        .incomeOrExpenditure(organization: "FED-01", account: "401", line: 3), .projectMissing(organization: "FED-01", account: "32104", line: 4),
        .empty(organization: "FED-01"),
    ]
    static func number(_ problem: OpeningProblem) -> Int {
        switch problem {
        case .alreadyOpened: 0
        case .activityPosted: 1
        case .unbalanced: 2
        case .incomeOrExpenditure: 3
        case .projectMissing: 4
        case .empty: 5
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

    static let federationRefusals: [FederationRefusal] = [
        .notAFederation(code: "CTY-01", level: .county), .badTownship(federation: "FED-01", township: ""), .badTermYears(federation: "FED-01", years: 4),
        .extensionWithoutDocument(federation: "FED-01"), .noTerm(federation: "FED-01"),
        .extensionWithinTerm(federation: "FED-01", until: day, termEnd: day), .memberDates(name: "张伟", start: day, end: day),
        .associationHeadAsChair(name: "张伟", post: .associationPresident, office: .chair, federation: "FED-01"),
        .enterpriseHeadAsMember(name: "刘总", fromUnion: "某某物流有限公司", federation: "FED-01"), .alreadyMember(name: "张伟", federation: "FED-01"),
        .unknownMember(name: "张伟", federation: "FED-01"),
        .countySupportNotAllowed(item: "XB-1", county: "CTY-01", federation: "FED-03", upper: "TWN-02"), .exceptionWithoutDocument(federation: "FED-03"),
        .federationWithoutBudgetLine(organization: "CTY-01", year: 2026, federations: ["FED-01"]),
    ]
    static func number(_ refusal: FederationRefusal) -> Int {
        switch refusal {
        case .notAFederation: 0
        case .badTownship: 1
        case .badTermYears: 2
        case .extensionWithoutDocument: 3
        case .noTerm: 4
        case .extensionWithinTerm: 5
        case .memberDates: 6
        case .associationHeadAsChair: 7
        case .enterpriseHeadAsMember: 8
        case .alreadyMember: 9
        case .unknownMember: 10
        case .countySupportNotAllowed: 11
        case .exceptionWithoutDocument: 12
        case .federationWithoutBudgetLine: 13
        }
    }

    static let reviewRefusals: [ReviewRefusal] = [
        .badSetting(settingErrors[0]), .emptyAnswer, .emptyReopenReason, .findingNotFound(id: 9),
        .findingStatus(id: 9, status: .open, act: "resolved", allowed: [.answered]), .emptyOpinion, .noSigners,
        .notAudited(organization: "FED-01", year: 2026), .reportNeedsAudit(organization: "FED-01", year: 2026),
        .opinionExists(organization: "FED-01", year: 2026), .noCommitteeInTerm(organization: "FED-01", date: day),
        .signerNotServing(name: "王磊", organization: "FED-01", date: day), .answererCloses(id: 9, user: "刘敏"),
        .tooFewSigners(organization: "FED-01", required: 2, signers: ["陈静"]),
        .noOpinionDraft(organization: "FED-01", year: 2026), .alreadySigned(name: "陈静", organization: "FED-01", year: 2026), .badCoverage(throughMonth: 13),
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
        case .noOpinionDraft: 14
        case .alreadySigned: 15
        case .badCoverage: 16
        }
    }

    static let packRefusals: [PackRefusal] = [
        .alreadySent(organization: "FED-01", period: period, status: .sent), .notAwaiting(organization: "FED-01", period: period, status: nil),
        .notSuperior(user: "王芳", organization: "FED-01"),
    ]
    static func number(_ refusal: PackRefusal) -> Int {
        switch refusal {
        case .alreadySent: 0
        case .notAwaiting: 1
        case .notSuperior: 2
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
        .statementBalanceBroken(file: "对账单.csv", line: 3, previous: Money(fen: 109_500), movement: Money(fen: -5_000), stated: Money(fen: 104_000)),
        .notABankAccount(organization: "FED-01", account: "101"),
        .statementAlreadyImported(organization: "FED-01", account: "102", statement: 1, importedAt: "2026-05-31T06:34:20Z"),
        .statementOverlaps(organization: "FED-01", account: "102", from: day, to: day, statement: 1, existingFrom: day, existingTo: day),
        .statementDoesNotContinue(organization: "FED-01", account: "102", statement: 1, expected: Money(fen: 99_500), found: Money(fen: 0)),
        .statementLineNotFound(organization: "FED-01", line: 9), .statementLineMatched(line: 9, voucher: "FED-01 2026-05/记-0003"),
        .voucherLineMatched(voucher: "FED-01 2026-05/记-0003", line: 9),
        .matchDiffers(line: 9, voucher: "FED-01 2026-05/记-0003", account: "102", amount: Money(fen: 500), side: .credit),
        .statementLineUnmatched(line: 9), .noStatement(organization: "FED-01", account: "102", date: day), .matchDaysOutOfRange(days: 99),
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
        case .statementBalanceBroken: 8
        case .notABankAccount: 9
        case .statementAlreadyImported: 10
        case .statementOverlaps: 11
        case .statementDoesNotContinue: 12
        case .statementLineNotFound: 13
        case .statementLineMatched: 14
        case .voucherLineMatched: 15
        case .matchDiffers: 16
        case .statementLineUnmatched: 17
        case .noStatement: 18
        case .matchDaysOutOfRange: 19
        }
    }

    static let backupRefusals: [BackupRefusal] = [
        .wholeBookNeeded(user: "王芳", roles: [grant]), .backupMissing(path: "b.sqlite"), .backupUnreadable(path: "b.sqlite"),
        .backupNotABook(path: "b.sqlite", reason: .noChart), .folderMissing(folder: "x", file: "x/b.sqlite"),
        .folderNotWritable(folder: "x", file: "x/b.sqlite"), .strayLog(path: "b.sqlite-wal"),
        .partNotReadable(user: "王芳", root: "CTY-01", organization: "FED-01", roles: [grant]),
        .partNotSelfContained(root: "FED-01", table: "subsidy_voucher", parent: "voucher"),
        .partFailsVerify(root: "FED-01", problems: 2, first: VerifyProblem(check: "balance", organization: "FED-01", voucher: nil, message: "差额")),
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
        case .partNotReadable: 7
        case .partNotSelfContained: 8
        case .partFailsVerify: 9
        }
    }

}
