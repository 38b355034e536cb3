/// The rules of cash and bank (库存现金 101, 银行存款 102) as pure decisions. Cash on hand can
/// never be less than nothing, so a voucher whose posting would leave 101 (or one of its details)
/// in credit on its date, or on any later day already posted, is refused; a bank account in
/// credit is an overdraft a union should not run but may show for a day between a payment and a
/// receipt in transit, so 102 only warns unless the organisation asks for refusal.
public enum CashRules {
    /// Whether `code` is 101 or one of its details, 102 or one of its details, or neither.
    public static func kind(of code: String) -> CashAccountKind? {
        if code.hasPrefix("101") { return .cash }
        if code.hasPrefix("102") { return .bank }
        return nil
    }

    /// What a voucher's lines do to each cash or bank account they touch, debit minus credit, in
    /// fen; accounts of no other kind are left out.
    public static func netChanges(_ lines: [VoucherLine], organization: String, period: Period) throws(SumOverflow) -> [String: Int64] {
        var changes: [String: Int64] = [:]
        for line in lines where kind(of: line.accountCode) != nil {
            let (sum, overflow) = (changes[line.accountCode] ?? 0).addingReportingOverflow(line.signedFen)
            if overflow { throw SumOverflow(organization: organization, account: line.accountCode, month: period) }
            changes[line.accountCode] = sum
        }
        return changes
    }

    /// The first day on which `account` would be in credit once `change` is added on `date`:
    /// `position` is what the book holds before the voucher (the balance before `date` and the
    /// net turnover of each day from `date` on). Nil when every day stays at zero or above, or
    /// when `change` takes nothing away (a receipt never causes a shortfall, and an account
    /// already in credit is named by the audit, not by every receipt that follows).
    public static func shortfall(organization: String, account: String, date: LocalDate, change: Int64,
                                 position: CashPosition) throws(SumOverflow) -> CashShortfall? {
        guard change < 0 else { return nil }
        func add(_ a: Int64, _ b: Int64, _ day: LocalDate) throws(SumOverflow) -> Int64 {
            let (sum, overflow) = a.addingReportingOverflow(b)
            if overflow { throw SumOverflow(organization: organization, account: account, month: day.period) }
            return sum
        }
        var balance = position.opening
        for (day, net) in position.days where day < date { balance = try add(balance, net, day) }
        var days = position.days.keys.filter { $0 > date }.sorted()
        days.insert(date, at: 0)
        for day in days {
            balance = try add(balance, position.days[day] ?? 0, day)
            let after = try add(balance, change, day)
            if after < 0 {
                return CashShortfall(organization: organization, account: account, kind: kind(of: account) ?? .cash,
                                     voucherDate: date, date: day, balance: Money(fen: after))
            }
        }
        return nil
    }
}

/// Which of the two money accounts a code is.
public enum CashAccountKind: String, Sendable, Hashable, CaseIterable {
    /// 库存现金 (101).
    case cash
    /// 银行存款 (102).
    case bank

    /// The account's name in the chart.
    public var chinese: String { self == .cash ? "库存现金" : "银行存款" }
}

/// What the book holds of one cash or bank account before a voucher is posted: the balance at
/// the start of the voucher's date (debit minus credit, in fen), and each later day's net
/// turnover, the voucher's date included.
public struct CashPosition: Hashable, Sendable {
    /// The balance before the first day of `days`.
    public var opening: Int64
    /// Net turnover (debit minus credit) of each day with postings.
    public var days: [LocalDate: Int64]

    /// A position.
    public init(opening: Int64, days: [LocalDate: Int64]) {
        self.opening = opening
        self.days = days
    }
}

/// A day on which a cash or bank account would be (or is) in credit: the account, the voucher's
/// date, the day, and the balance it would have that day (negative: a credit balance).
public struct CashShortfall: Hashable, Sendable, CustomStringConvertible {
    public var organization: String
    public var account: String
    public var kind: CashAccountKind
    /// The date of the voucher that causes it.
    public var voucherDate: LocalDate
    /// The first day the balance is in credit (the voucher's date, or a later day already posted).
    public var date: LocalDate
    /// The balance that day, below zero.
    public var balance: Money

    /// A shortfall.
    public init(organization: String, account: String, kind: CashAccountKind, voucherDate: LocalDate, date: LocalDate, balance: Money) {
        self.organization = organization
        self.account = account
        self.kind = kind
        self.voucherDate = voucherDate
        self.date = date
        self.balance = balance
    }

    /// The credit balance as a positive amount, as a ledger prints it (贷 200.00).
    public var credit: Money { Money(fen: balance.fen == Int64.min ? Int64.max : -balance.fen) }

    /// The day, said the way the message says it: on the voucher's date, or on a later day.
    var whenEnglish: String { date == voucherDate ? "on \(date)" : "on \(date) (a later day already posted)" }
    var whenChinese: String { date == voucherDate ? "\(date)" : "\(date)（其后已记账的日期）" }

    /// The shortfall as a warning sentence.
    public var description: String {
        "\(organization) \(kind.chinese) \(account) would be in credit by \(credit.grouped) \(whenEnglish) [\(kind == .cash ? "cash-negative" : "bank-negative")]"
    }
}

/// Whether a bank account (102) that would go into credit only warns (the default) or refuses
/// the voucher: the organisation's setting.
public enum BankCreditMode: String, Sendable, Hashable, CaseIterable {
    case warn
    case refuse
}

extension CashRules {
    /// Whether a voucher is a receipt or payment (收款凭证, 付款凭证) a cashier may record: it has a
    /// 101 or 102 line, and every line on one side of it is 101 or 102, so that the other side is
    /// only the counterparts of the money received or paid (a transfer between 101 and 102
    /// included).
    public static func isCashVoucher(_ lines: [VoucherLine]) -> Bool {
        guard lines.contains(where: { kind(of: $0.accountCode) != nil }) else { return false }
        return [Side.debit, .credit].contains { side in
            let these = lines.filter { $0.side == side }
            return !these.isEmpty && these.allSatisfy { kind(of: $0.accountCode) != nil }
        }
    }

    /// Whether a voucher has a 101 or 102 line, so that a cashier confirms its receipt or payment.
    public static func movesCash(_ lines: [VoucherLine]) -> Bool {
        lines.contains { kind(of: $0.accountCode) != nil }
    }

    /// What the book knows of the preparer of a voucher: an officer of the organisation, or its
    /// cashier preparing a receipt or payment (who stands as an officer for that voucher only).
    public static func preparerStanding(grants: [RoleGrant], organization: String, lines: [VoucherLine]) -> PersonStanding {
        let standing = PersonStanding(grants: grants, organization: organization)
        guard standing == .userWithoutOfficerRole, isCashVoucher(lines),
              grants.contains(where: { $0.role == .cashier && ($0.organization == nil || $0.organization == organization) }) else { return standing }
        return .officer
    }
}

/// A cashier's confirmation that a voucher's money was received or paid (出纳确认): who and when
/// (stored in UTC), shown in the 出纳 box of the printed voucher.
public struct CashConfirmation: Hashable, Sendable {
    public var voucherID: Int64
    public var cashier: String
    public var confirmedAt: String

    /// A confirmation.
    public init(voucherID: Int64, cashier: String, confirmedAt: String) {
        self.voucherID = voucherID
        self.cashier = cashier
        self.confirmedAt = confirmedAt
    }
}
