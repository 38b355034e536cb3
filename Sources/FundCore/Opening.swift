/// 建账: opening an organisation's book with the balances it brings from before (a paper book,
/// or another package's trial balance), once, before anything else is posted.
///
/// The opening is one voucher of its own word, 建 (建字第1号), reviewed by a second officer like
/// every voucher and dated the last day of the month before the book's first period (the
/// *opening month*). Being posted before the first period, the balances are what every form
/// reads as 年初余额 (期初) and never activity: no 本月数, no 本年累计, no turnover of the first
/// month. The opening month is closed by the opening itself, so it takes nothing else and is
/// never an "earlier month left open".
///
/// A book may start in any month. For a mid-year start (first period 2026-07) the balances are
/// those at the start of the first month, and they stand as the forms' 年初余额 of that year: the
/// book holds nothing earlier in it, so the 资产负债表 compares with the balances it was opened
/// with and the 收入支出表's 本年累计数 counts the months the book holds (docs/opening.md).
public enum Opening {
    /// The voucher word of the opening voucher (建账).
    public static let word = "建"

    /// The month the opening voucher is dated in: the one before the first period.
    public static func openingPeriod(firstPeriod: Period) -> Period { firstPeriod.previous }

    /// The opening voucher of `balances`, or why the opening is refused: no balance, an income
    /// or expenditure account (they have no balance after a month's close, so they cannot open
    /// one), a 321 balance without its project, or debits that do not equal credits.
    public static func draft(organization: String, firstPeriod: Period, balances: [OpeningBalance], preparer: String) throws(OpeningProblem) -> VoucherDraft {
        let lines = balances.filter { $0.netFen != 0 }
        guard !lines.isEmpty else { throw .empty(organization: organization) }
        var debitFen: Int64 = 0, creditFen: Int64 = 0
        for balance in lines {
            if let category = AccountCategory(code: balance.accountCode), category == .income || category == .expenditure {
                throw .incomeOrExpenditure(organization: organization, account: balance.accountCode, line: balance.line)
            }
            if balance.accountCode.hasPrefix("321"), (balance.project ?? "").trimmingWhitespace.isEmpty {
                throw .projectMissing(organization: organization, account: balance.accountCode, line: balance.line)
            }
            // Saturating: a total past Int64 cannot balance anyway, and the voucher's own limits
            // name the line too large.
            if balance.netFen > 0 {
                let (sum, overflow) = debitFen.addingReportingOverflow(balance.netFen)
                debitFen = overflow ? .max : sum
            } else {
                let (sum, overflow) = creditFen.addingReportingOverflow(balance.netFen == .min ? .max : -balance.netFen)
                creditFen = overflow ? .max : sum
            }
        }
        guard debitFen == creditFen else {
            throw .unbalanced(organization: organization, debit: Money(fen: debitFen), credit: Money(fen: creditFen))
        }
        let summary = "建账：\(firstPeriod.year)年\(firstPeriod.month)月期初余额"
        return VoucherDraft(organization: organization, date: openingPeriod(firstPeriod: firstPeriod).lastDay, word: word, summary: summary,
                            preparer: preparer, lines: lines.map { balance in
            VoucherLine(accountCode: balance.accountCode, side: balance.netFen > 0 ? .debit : .credit,
                        amount: Money(fen: balance.netFen > 0 ? balance.netFen : (balance.netFen == .min ? .max : -balance.netFen)),
                        summary: "期初余额", dimensions: Dimensions(project: balance.project.flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 }))
        })
    }
}

/// One opening balance: an account (and its project), its net balance (debit positive), and
/// the line of the file it came from (0 when entered by hand).
public struct OpeningBalance: Hashable, Sendable {
    public var accountCode: String
    /// Debit minus credit, in fen.
    public var netFen: Int64
    public var project: String?
    public var line: Int

    /// A balance as a file row or a form gives it.
    public init(accountCode: String, netFen: Int64, project: String? = nil, line: Int = 0) {
        self.accountCode = accountCode
        self.netFen = netFen
        self.project = project
        self.line = line
    }
}

/// Why an opening (建账) was refused.
public enum OpeningProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The organisation's book was opened already.
    case alreadyOpened(organization: String, firstPeriod: Period)
    /// The organisation has vouchers already: balances open a book, they do not join one.
    case activityPosted(organization: String, voucher: String)
    /// 借方合计 is not 贷方合计.
    case unbalanced(organization: String, debit: Money, credit: Money)
    /// An income or expenditure account has no balance to open with.
    case incomeOrExpenditure(organization: String, account: String, line: Int)
    /// A 321 工会资金结转 balance keeps its purpose, so it names its project.
    case projectMissing(organization: String, account: String, line: Int)
    /// No account has a balance.
    case empty(organization: String)

    /// The message a finance officer reads, with what to do and the rule id.
    public var description: String {
        let text = switch self {
        case let .alreadyOpened(organization, firstPeriod):
            "the book of \(organization) was opened already, from \(firstPeriod); correct an opening balance with an ordinary voucher through 年初余额调整"
        case let .activityPosted(organization, voucher):
            "\(organization) already has vouchers (\(voucher)); opening balances are entered before anything else, so open the book of a new organisation or correct the balances with ordinary vouchers"
        case let .unbalanced(organization, debit, credit):
            "the opening balances of \(organization) do not balance: debits \(debit.grouped), credits \(credit.grouped) (difference \(Money(fen: debit.fen &- credit.fen).grouped)); 借方合计 must equal 贷方合计"
        case let .incomeOrExpenditure(organization, account, line):
            "\(line > 0 ? "line \(line): " : "")\(account) is an income or expenditure account, which has no balance after a month's close; carry it into 321/322 本年收支结转 in the balances of \(organization)"
        case let .projectMissing(organization, account, line):
            "\(line > 0 ? "line \(line): " : "")the balance of \(account) (工会资金结转) of \(organization) keeps its purpose and needs its project; give the project in the 项目 column"
        case let .empty(organization):
            "no account has an opening balance for \(organization); give at least one debit and one credit balance"
        }
        return text + " [\(rule)]"
    }

    /// The rule's id, as the message prints it in brackets.
    public var rule: String {
        switch self {
        case .alreadyOpened: "opening-once"
        case .activityPosted: "opening-before-activity"
        case .unbalanced: "opening-unbalanced"
        case .incomeOrExpenditure: "opening-income-expenditure"
        case .projectMissing: "opening-needs-project"
        case .empty: "opening-empty"
        }
    }

    /// What kind of refusal it is.
    public var category: ErrorCategory {
        switch self {
        case .alreadyOpened, .activityPosted: .conflict
        case .unbalanced, .incomeOrExpenditure, .projectMissing, .empty: .invalidInput
        }
    }
}
