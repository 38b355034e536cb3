/// Why the book refused an act of cash and bank: a posting that would leave cash or a bank
/// account in credit, a cashier's act, a bank statement or its matching. Each case is named after its rule and carries the facts the message gives.
public enum CashRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// Posting the voucher would leave 库存现金 (101 or a detail) in credit: cash on hand is never
    /// less than nothing, so a payment was booked before its receipt, or twice.
    case cashNegative(voucher: String, shortfall: CashShortfall)
    /// Posting the voucher would leave 银行存款 (102 or a detail) in credit, in an organisation that
    /// refuses bank overdrafts (`cash bank-credit --refuse`).
    case bankNegative(voucher: String, shortfall: CashShortfall)
    /// A cashier records receipts and payments only: one side of the voucher all 101/102.
    case cashierRecordsCashOnly(organization: String, user: String)
    /// A cashier records a voucher in their own name (制单 is the cashier).
    case cashierOwnName(user: String, preparer: String)
    /// 出纳确认 is for a voucher that receives or pays money (a 101 or 102 line).
    case notACashVoucher(voucher: String)
    /// A receipt or payment is confirmed once the voucher has been reviewed (审核后收付).
    case confirmUnreviewed(voucher: String)
    /// A voucher's receipt or payment is confirmed once, by one cashier.
    case alreadyConfirmed(voucher: String, cashier: String, at: String)
    /// The cashier does not also review what they pay (出纳不得兼任稽核).
    case cashierIsReviewer(voucher: String, name: String)
    /// A bank statement's 余额 on `line` does not follow from the row above it (`previous`; nil on
    /// the first row, whose opening would lie beyond the book's amounts) and the row's own
    /// 收入 or 支出 (`movement`, received positive): a row is missing, or a figure was mistyped.
    case statementBalanceBroken(file: String, line: Int, previous: Money?, movement: Money, stated: Money)
    /// A statement is imported for a bank account: a leaf account of 102 of the organisation.
    case notABankAccount(organization: String, account: String)
    /// The same statement was imported before for this account.
    case statementAlreadyImported(organization: String, account: String, statement: Int64, importedAt: String)
    /// The statement's dates overlap a statement imported before for the account, whose rows
    /// would then count twice.
    case statementOverlaps(organization: String, account: String, from: LocalDate, to: LocalDate, statement: Int64,
                           existingFrom: LocalDate, existingTo: LocalDate)
    /// A statement's opening balance is not the closing balance of the statement before it (or its
    /// closing not the opening of the one after): a statement between them is missing.
    case statementDoesNotContinue(organization: String, account: String, statement: Int64, expected: Money, found: Money)
    /// No statement row with this id in the organisation.
    case statementLineNotFound(organization: String, line: Int64)
    /// The statement row is matched already (unmatch it first).
    case statementLineMatched(line: Int64, voucher: String)
    /// The voucher's bank line is matched already to another statement row.
    case voucherLineMatched(voucher: String, line: Int64)
    /// The voucher has no posted line on the statement's account with the row's amount and direction.
    case matchDiffers(line: Int64, voucher: String, account: String, amount: Money, side: Side)
    /// The statement row has no match to undo.
    case statementLineUnmatched(line: Int64)
    /// The 调节表 needs a statement of the account with a row on or before the date.
    case noStatement(organization: String, account: String, date: LocalDate)
    /// The automatic match's window is 0 to `BankMatching.maximumDays` days.
    case matchDaysOutOfRange(days: Int)

    /// The message a finance officer reads, with what to do and the rule id.
    public var description: String {
        let text = switch self {
        case let .cashNegative(voucher, shortfall):
            "posting \(voucher) would leave 库存现金 \(shortfall.account) of \(shortfall.organization) in credit by \(shortfall.credit.grouped) \(shortfall.whenEnglish); cash on hand cannot be less than nothing: check the amount, date the payment after the receipt that funds it, or record the missing receipt first"
        case let .bankNegative(voucher, shortfall):
            "posting \(voucher) would leave 银行存款 \(shortfall.account) of \(shortfall.organization) in credit by \(shortfall.credit.grouped) \(shortfall.whenEnglish), and \(shortfall.organization) refuses bank overdrafts; check the amount and the date against the bank statement, or record the receipt first"
        case let .cashierRecordsCashOnly(organization, user):
            "\(user) is the cashier (出纳) of \(organization) and records only receipts and payments: one side of the voucher all 101 库存现金 / 102 银行存款; an officer (财务人员) records the others"
        case let .cashierOwnName(user, preparer):
            "\(user) records the voucher as cashier in their own name, not as \(preparer); give preparer \(user)"
        case let .notACashVoucher(voucher):
            "\(voucher) has no 101 库存现金 or 102 银行存款 line, so there is no receipt or payment for the cashier to confirm"
        case let .confirmUnreviewed(voucher):
            "\(voucher) has not been reviewed (审核) yet; the cashier receives or pays, and confirms it, after the review"
        case let .alreadyConfirmed(voucher, cashier, at):
            "\(voucher) was confirmed by the cashier \(cashier) at \(BeijingTime.display(at)); a receipt or payment is confirmed once"
        case let .cashierIsReviewer(voucher, name):
            "\(name) reviewed \(voucher) and cannot also confirm its receipt or payment as cashier (出纳不得兼任稽核); the cashier confirms it"
        case let .statementBalanceBroken(file, line, previous, movement, stated):
            if let previous {
                "\(file) line \(line): the balance \(stated.grouped) does not follow from the balance above it, \(previous.grouped), and the row's \(movement.fen >= 0 ? "receipt" : "payment") of \(Money(fen: movement.fen == .min ? .max : abs(movement.fen)).grouped); a row is missing or a figure is mistyped: export the statement again from the bank"
            } else {
                "\(file) line \(line): the balance \(stated.grouped) and the row's amount \(movement.grouped) give an opening balance beyond what the book can hold"
            }
        case let .notABankAccount(organization, account):
            "\(account) is not a bank account of \(organization): a statement is imported for 102 银行存款 or one of its details (a leaf account)"
        case let .statementAlreadyImported(organization, account, statement, importedAt):
            "this statement was imported for \(organization) \(account) at \(BeijingTime.display(importedAt)) (statement #\(statement)); it is not imported twice"
        case let .statementOverlaps(organization, account, from, to, statement, existingFrom, existingTo):
            "the statement runs from \(from) to \(to), over statement #\(statement) of \(organization) \(account) (\(existingFrom) to \(existingTo)); its rows would count twice: import only the days after \(existingTo)"
        case let .statementDoesNotContinue(organization, account, statement, expected, found):
            "the statement does not continue statement #\(statement) of \(organization) \(account): one ends at \(expected.grouped), the other starts at \(found.grouped); import the statement of the days between first"
        case let .statementLineNotFound(organization, line):
            "\(organization) has no bank statement row #\(line); `fundledger cash statement lines` lists them"
        case let .statementLineMatched(line, voucher):
            "statement row #\(line) is matched to \(voucher) already; unmatch it first"
        case let .voucherLineMatched(voucher, line):
            "the bank line of \(voucher) is matched to statement row #\(line) already; unmatch that row first"
        case let .matchDiffers(line, voucher, account, amount, side):
            "\(voucher) has no posted line on \(account) of \(amount.grouped) \(side == .debit ? "received (debit)" : "paid (credit)") like statement row #\(line); match the row with the voucher that booked that movement"
        case let .statementLineUnmatched(line):
            "statement row #\(line) is not matched to any voucher"
        case let .noStatement(organization, account, date):
            "\(organization) has no bank statement of \(account) with a row on or before \(date); import the bank's statement first (`fundledger cash statement import`)"
        case let .matchDaysOutOfRange(days):
            "--days \(days) is outside 0 to \(BankMatching.maximumDays): a wider window pairs unrelated movements of the same amount"
        }
        return text + " [\(rule)]"
    }

    /// The rule's id, as the message prints it in brackets.
    public var rule: String {
        switch self {
        case .cashNegative: "cash-negative"
        case .bankNegative: "bank-negative"
        case .cashierRecordsCashOnly: "cashier-cash-only"
        case .cashierOwnName: "cashier-own-name"
        case .notACashVoucher: "not-a-cash-voucher"
        case .confirmUnreviewed: "cash-confirm-unreviewed"
        case .alreadyConfirmed: "cash-already-confirmed"
        case .cashierIsReviewer: "cashier-is-reviewer"
        case .statementBalanceBroken: "statement-balance"
        case .notABankAccount: "not-a-bank-account"
        case .statementAlreadyImported: "statement-already-imported"
        case .statementOverlaps: "statement-overlaps"
        case .statementDoesNotContinue: "statement-continuity"
        case .statementLineNotFound: "statement-line-not-found"
        case .statementLineMatched: "statement-line-matched"
        case .voucherLineMatched: "voucher-line-matched"
        case .matchDiffers: "match-differs"
        case .statementLineUnmatched: "statement-line-unmatched"
        case .noStatement: "no-statement"
        case .matchDaysOutOfRange: "match-days"
        }
    }

    /// What kind of refusal it is.
    public var category: ErrorCategory {
        switch self {
        case .cashNegative, .bankNegative, .confirmUnreviewed, .alreadyConfirmed, .statementAlreadyImported, .statementOverlaps,
             .statementDoesNotContinue, .statementLineMatched, .voucherLineMatched, .statementLineUnmatched: .conflict
        case .cashierRecordsCashOnly, .cashierIsReviewer: .notPermitted
        case .cashierOwnName, .notACashVoucher, .statementBalanceBroken, .notABankAccount, .matchDiffers, .matchDaysOutOfRange: .invalidInput
        case .statementLineNotFound, .noStatement: .notFound
        }
    }
}
