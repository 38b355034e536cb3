/// Why the book refused an act of cash and bank: a posting that would leave cash or a bank
/// account in credit. Each case is named after its rule and carries the facts the message gives.
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
        }
    }

    /// What kind of refusal it is.
    public var category: ErrorCategory {
        switch self {
        case .cashNegative, .bankNegative, .confirmUnreviewed, .alreadyConfirmed: .conflict
        case .cashierRecordsCashOnly, .cashierIsReviewer: .notPermitted
        case .cashierOwnName, .notACashVoucher: .invalidInput
        }
    }
}
