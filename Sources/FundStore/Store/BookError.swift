import FundCore

/// Why the book refused an act. Each case is named after the rule it guards and says how to
/// put things right; a refused act leaves the book unchanged.
public enum BookError: Error, Sendable, CustomStringConvertible {
    case bookExists(path: String)
    case bookMissing(path: String)
    case notABook(path: String, reason: NotABookReason)
    /// `--book` names a database server (`postgresql://…`, any `scheme://`), not a file: this
    /// version works on a book only in a local SQLite file (a PostgreSQL book is for
    /// `fundledger copy` so far), and a URL is never taken for a path.
    /// `location` is the URL without its user, password and query, which are never shown.
    case bookURLNotSupported(scheme: String, location: String)
    case readOnly(path: String)
    case busy(path: String)
    case unknownOrganization(String)
    case duplicateOrganization(String)
    case unknownParent(organization: String, parent: String)
    case organization(OrganizationError)
    case chart(ChartError)
    case parentHasPostings(account: String, parent: String, organization: String)
    case voucherProblems(voucher: String, problems: [VoucherProblem])
    /// The voucher asked for is not in the book.
    case voucherNotFound(VoucherLookup)
    /// The voucher's status does not allow the act.
    case wrongStatus(voucher: String, status: VoucherStatus, act: VoucherAct)
    case periodClosed(organization: String, period: Period)
    case periodNotClosed(organization: String, period: Period)
    case periodAlreadyClosed(organization: String, period: Period)
    case closeOutOfOrder(organization: String, period: Period, open: Period)
    case reopenOutOfOrder(organization: String, period: Period, closed: Period)
    case unpostedVouchers(organization: String, period: Period, vouchers: [UnpostedVoucher])
    case periodUnbalanced(organization: String, period: Period, debits: Money, credits: Money)
    case missingReason
    /// A month's 期末结转 (or its red-ink cancellation) is a voucher like any other: another
    /// officer reviews it, named when the month is closed or reopened.
    case closingNeedsReviewer(organization: String, period: Period)
    case alreadyReversed(voucher: String, by: String)
    case cannotReverseRedInk(voucher: String)
    case reversalBeforeOriginal(voucher: String, date: LocalDate)
    case numberNotNext(organization: String, expected: VoucherRef, found: VoucherRef)
    case unknownCounterpart(String)
    case priorYearOpen(organization: String, year: Int)
    /// A year the book cannot hold a December of (outside 1900 to 9999).
    case yearOutOfRange(Int)
    /// A fixed asset that breaks the register's rules (code, name, cost, life).
    case fixedAsset(FixedAssetError)
    /// An asset code already in the organisation's register: each code is entered once.
    case duplicateAsset(organization: String, code: String)
    /// An act on a subsidy item broke one of its rules.
    case subsidy(SubsidyProblem)
    case noBudget(organization: String, year: Int)
    /// A change to a budget broke one of its rules.
    case budget(BudgetProblem)
    case budgetOverrun(voucher: String, overruns: [BudgetOverrun])
    case notPermitted(user: String, action: Action, organization: String?, roles: [RoleGrant])
    case access(AccessRefusal)
    /// A review committee or member refused (`CommitteeRefusal`).
    case committee(CommitteeRefusal)
    /// An act on a federation refused by the seed's rules (`FederationRefusal`).
    case federation(FederationRefusal)
    /// An act of the review committee's work refused (`ReviewRefusal`).
    case review(ReviewRefusal)
    /// An act on a month's pack sent up (报送, 签收, 退回) refused (`PackRefusal`).
    case pack(PackRefusal)
    /// A refusal of budgets and fixed assets not yet given a case of its own.
    /// A backup or a restore refused (`BackupRefusal`).
    case backup(BackupRefusal)
    /// A year-end act (结转转入, 单位内部调剂) refused, with its own rule id.
    case yearEndAct(YearEndActProblem)
    /// The database engine refused (`StorageFailure`).
    case storage(StorageFailure)
    /// A value in the file that FundLedger never writes: the file was changed outside it.
    case storedValueInvalid(table: String, column: String, value: String, row: String)
    /// A text holds a control or bidirectional character (`TextRules`); the field is named.
    case textRefused(field: String, character: String)
    /// A sum of amounts (a balance, a report's line or total) too large for Int64 fen, naming the
    /// organisation, the account and the months.
    case sumOverflow(SumOverflow)
    /// A voucher named in a form that does not say which voucher (a bare number, or 记-0003
    /// without its month); the message gives both forms a voucher is named by.
    case voucherName(VoucherNameProblem)
    /// Several vouchers reviewed or posted together, refused whole: every voucher that could not
    /// be taken, each with its own refusal. None of them was written.
    case batchRefused(act: VoucherBatchAct, failures: [VoucherBatchFailure])
    /// A seal key refused, or missing for a keyed book (`SealKeyRefusal`).
    case sealKey(SealKeyRefusal)
    /// An act of cash and bank refused (`CashRefusal`): cash or a bank account left in credit.
    case cash(CashRefusal)
    /// An attached form (附01–03) asked of an organisation that does not prepare it: a
    /// grassroots-chart union, or 附01 for a union without appropriations.
    case attachedFormNotDue(organization: String, form: AttachedForm, reason: AttachedFormNotDue)
    /// An act on a fixed asset (盘盈, 报废, 出售, 盘亏, their settlement) refused (`AssetActProblem`).
    case assetAct(AssetActProblem)
    /// An opening (建账) refused (`OpeningProblem`).
    case opening(OpeningProblem)

    public var isNotPermitted: Bool {
        if case .notPermitted = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case let .bookExists(path):
            return "a book already exists at \(path); open it as it is, or choose another path with --book"
        case let .bookMissing(path):
            return "there is no book at \(path); create one with `fundledger init --book \(path)`"
        case let .notABook(path, reason):
            return "\(path) is not a readable FundLedger book (\(reason)); restore it from a backup or point --book at the right file"
        case let .bookURLNotSupported(scheme, location):
            if BookLocation.isPostgreSQL(scheme) {
                return "\(location) is a PostgreSQL address, and this command writes: so far a book in PostgreSQL is made by `init` and `copy --from BOOK --to BOOK` and read by every command that only reads (reports, lists, exports, `verify`, `backup`), while a command that writes, and the desk, work on a SQLite book file only; give --book the path of a file such as ledgers/fundledger.sqlite, or copy the book into one first"
            }
            return "\(location) is a \(scheme) address, not a book file: this version keeps books in SQLite files (and copies them to and from PostgreSQL); give --book the path of a file such as ledgers/fundledger.sqlite"
        case let .readOnly(path):
            return "the book \(path) is read-only; make the file and its folder writable, or work on a copy"
        case let .busy(path):
            return "the book \(path) stayed locked by another writer for too long; wait for the other command to finish and run this one again"
        case let .unknownOrganization(code):
            return "there is no organisation \(code) in the book; list them with `fundledger org list` or add it with `fundledger org add`"
        case let .duplicateOrganization(code):
            return "organisation \(code) already exists; choose another code"
        case let .unknownParent(organization, parent):
            return "organisation \(organization) names the parent \(parent), which is not in the book; add the parent first"
        case let .organization(error):
            return error.description
        case let .chart(error):
            return error.description
        case let .parentHasPostings(account, parent, organization):
            return "cannot add detail account \(account): \(organization) already posted to \(parent); a detail account goes in before the first posting (move the balance with a voucher after a year-end close)"
        case let .voucherProblems(voucher, problems):
            return "voucher \(voucher) was refused:\n" + problems.map { "  - " + $0.description }.joined(separator: "\n")
        case let .voucherNotFound(reference):
            return "there is no voucher \(reference); list vouchers with `fundledger voucher list --org ORG`"
        case let .wrongStatus(voucher, status, act):
            return "voucher \(voucher) is \(status.rawValue) (\(status.chinese)) and cannot be \(act)"
        case let .periodClosed(organization, period):
            return "\(organization) has closed \(period) (已结账); nothing posts into a closed month. Date the voucher in an open month, or reopen \(period) with `fundledger reopen --org \(organization) --period \(period) --reason ...`"
        case let .periodNotClosed(organization, period):
            return "\(organization) has not closed \(period); there is nothing to reopen"
        case let .periodAlreadyClosed(organization, period):
            return "\(organization) has already closed \(period)"
        case let .closeOutOfOrder(organization, period, open):
            return "\(organization) cannot close \(period) while the earlier month \(open) with postings is open; close \(open) first"
        case let .reopenOutOfOrder(organization, period, closed):
            return "\(organization) cannot reopen \(period) while the later month \(closed) is closed; reopen \(closed) first"
        case let .unpostedVouchers(organization, period, vouchers):
            return "\(organization) cannot close \(period): \(vouchers.count) voucher(s) dated in it are not posted (\(vouchers.prefix(5).map(\.label).joined(separator: ", "))); post or delete them first"
        case let .periodUnbalanced(organization, period, debits, credits):
            return "\(organization) cannot close \(period): its debits \(debits) do not equal its credits \(credits); run `fundledger verify`"
        case let .closingNeedsReviewer(organization, period):
            return "closing \(organization) \(period) posts its 期末结转 voucher, which another officer reviews (审核); name them with --reviewer"
        case .missingReason:
            return "reopening a closed month needs a reason (--reason \"...\"); it is kept in the period log"
        case let .alreadyReversed(voucher, by):
            return "voucher \(voucher) was already reversed by \(by); a voucher is reversed once"
        case let .cannotReverseRedInk(voucher):
            return "voucher \(voucher) is itself a red-ink reversal; enter a new blue voucher instead of reversing a reversal"
        case let .reversalBeforeOriginal(voucher, date):
            return "a reversal of \(voucher) cannot be dated \(date), before the voucher it cancels; date it on or after the original"
        case let .numberNotNext(organization, expected, found):
            return "\(organization) voucher number \(found) does not continue the month: the next number is \(expected); numbers run from 1 without gaps or duplicates"
        case let .unknownCounterpart(code):
            return "the counterpart organisation \(code) is not in the book; add it or correct the code"
        case let .priorYearOpen(organization, year):
            return "\(organization) has income or expenditure balances left from \(year); carry \(year) forward first with `fundledger close-year --org \(organization) --year \(year)`"
        case let .yearOutOfRange(year):
            return "\(year) is not a year the book can keep; give a year from 1900 to 9999"
        case let .fixedAsset(error):
            return "the book refused the change: \(error.description)"
        case let .duplicateAsset(organization, code):
            return "the book refused the change: asset \(code) is already in the register of \(organization)"
        case let .subsidy(problem):
            return problem.description
        case let .noBudget(organization, year):
            return "\(organization) has no budget for \(year); import one with `fundledger budget import FILE`"
        case let .budget(problem):
            return "the book refused the change: \(problem)"
        case let .sumOverflow(overflow):
            return overflow.description
        case let .budgetOverrun(voucher, overruns):
            return "voucher \(voucher) would overrun its budget and this organisation refuses overruns:\n" + overruns.map { "  - " + $0.description }.joined(separator: "\n")
                + "\nadjust the budget first (`fundledger budget adjust`), or set the organisation to warn"
        case let .notPermitted(user, action, organization, roles):
            let has = roles.isEmpty ? "has no role in this book" : "is " + roles.map(\.description).joined(separator: ", ")
            let needs = action.roles.map(\.rawValue).sorted().joined(separator: " or ")
            return "\(user) may not \(action.phrase(organization)): \(user) \(has), and this needs \(needs)\(organization.map { " of \($0)" } ?? ""); ask the book's administrator (`fundledger user grant`), or act as someone who may (--as or FUNDLEDGER_USER) [not-permitted]"
        case let .access(refusal):
            return refusal.description
        case let .committee(refusal):
            return refusal.description
        case let .federation(refusal):
            return refusal.description
        case let .review(refusal):
            return refusal.description
        case let .pack(refusal):
            return refusal.description
        case let .backup(refusal):
            return refusal.description
        case let .yearEndAct(problem):
            return problem.description
        case let .sealKey(refusal):
            return refusal.description
        case let .cash(refusal):
            return refusal.description
        case let .assetAct(problem):
            return problem.description
        case let .opening(problem):
            return problem.description
        case let .storage(failure):
            return "the book refused the change: \(failure)"
        case let .storedValueInvalid(table, column, value, row):
            return "the book's table \(table) holds \(value) in \(column) (\(row)), which FundLedger never writes: the file was changed outside FundLedger; run `fundledger verify` and restore the book from a backup"
        case let .textRefused(field, character):
            return "\(field) holds the control character \(character); remove it (line breaks, tabs and direction marks are not kept in the books) [control-character]"
        case let .voucherName(problem):
            return problem.description
        case let .attachedFormNotDue(organization, form, reason):
            switch reason {
            case .countyLevelOnly:
                return "\(form.number) \(form.title) is prepared by county-level unions only; \(organization) keeps the grassroots chart [attached-form-not-due]"
            case .noAppropriations:
                return "\(organization) has no 40401 appropriation income and no 331/332 balance, so it does not prepare \(form.number) \(form.title) [attached-form-not-due]"
            }
        case let .batchRefused(act, failures):
            return "\(failures.count) of the vouchers cannot be \(act); none was \(act), fix these and run it again:\n"
                + failures.map { "  - \($0.voucher): " + $0.error.description.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ") + " [\($0.error.rule)]" }
                .joined(separator: "\n")
        }
    }
}

extension BookError {
    /// Runs a sum of FundCore: a `SumOverflow` comes out as `BookError.sumOverflow`.
    public static func summing<T>(_ body: () throws(SumOverflow) -> T) throws(BookError) -> T {
        do { return try body() } catch { throw .sumOverflow(error) }
    }
}
