/// Why a year cannot be carried forward (年终结转) or reopened yet, as a value the store turns into
/// its refusal.
public enum YearEndProblem: Hashable, Sendable {
    /// December is closed (已结账): the closing vouchers, dated 31 December, could not post.
    case decemberClosed(Period)
    /// Vouchers of the year are not posted; they are named "#id date", in id order.
    case unpostedVouchers(december: Period, vouchers: [UnpostedVoucher])
    /// Income or expenditure is left from `year`, an earlier year not yet carried forward.
    case priorYearOpen(year: Int)
}

/// A voucher that is not posted yet, as a month or year close that it stops names it (#id date).
public struct UnpostedVoucher: Hashable, Sendable {
    /// The voucher's row id, as the refusal names it (#id).
    public let id: Int64
    /// The voucher's date, YYYY-MM-DD.
    public let date: String

    /// The voucher as the store found it.
    public init(id: Int64, date: String) {
        self.id = id
        self.date = date
    }

    /// How a refusal names it.
    public var label: String { "#" + String(id) + " " + date }
}

/// The year end's decisions besides the carry-forward itself (`CarryForward`), as pure
/// functions: whether the year may be closed or reopened, and the red-ink vouchers that cancel a
/// carry-forward. The store loads what they need, calls them, and applies the result.
public enum YearEnd {
    /// What both `close-year` and `reopen-year` require: December still open, and every voucher
    /// dated in the year posted. December's closure is checked first.
    public static func problem(december: Period, decemberClosed: Bool, unposted: [UnpostedVoucher]) -> YearEndProblem? {
        if decemberClosed { return .decemberClosed(december) }
        if !unposted.isEmpty { return .unpostedVouchers(december: december, vouchers: unposted) }
        return nil
    }

    /// The income or expenditure account whose balance shows whether an earlier year was left
    /// open: the first, in the order given, that `close-year` would empty. Nil when the year has
    /// nothing to carry.
    public static func accountToCheckForEarlierYears(_ balances: [FundBalance]) -> String? {
        balances.first { CarryForward.closesAtPeriodEnd($0.accountCode) && $0.netFen != 0 }?.accountCode
    }

    /// The problem when that account still holds `earlierNetFen` (debit minus credit) from the
    /// years before `year`: the previous year must be carried forward first.
    public static func problem(year: Int, earlierNetFen: Int64) -> YearEndProblem? {
        earlierNetFen != 0 ? .priorYearOpen(year: year - 1) : nil
    }

    /// The red-ink voucher (红字冲销) that cancels closing voucher `ref` of `organization`: the
    /// same date and kind, every line negated on its own side.
    public static func cancellation(of original: VoucherDraft, ref: VoucherRef, organization: String, preparer: String) -> VoucherDraft {
        VoucherDraft(organization: organization, date: original.date, summary: "注销\(ref.chinese)年终结转凭证",
                     preparer: preparer, reverses: ref, kind: .closing, lines: original.lines.map { $0.reversed() })
    }

    /// The red-ink voucher that cancels month closing voucher `ref` (期末结转) when its month is
    /// reopened: the same date and kind, every line negated on its own side.
    public static func monthCancellation(of original: VoucherDraft, ref: VoucherRef, organization: String, preparer: String) -> VoucherDraft {
        VoucherDraft(organization: organization, date: original.date,
                     summary: "注销\(original.date.month)月\(original.date.day)日\(ref.chinese)期末结转凭证",
                     preparer: preparer, reverses: ref, kind: .closing, lines: original.lines.map { $0.reversed() })
    }

    /// Whether a closing voucher carries income or expenditure (期末结转), as opposed to the year
    /// end's clearing into 累计 or a year-end act: reopening its month cancels it.
    public static func carriesIncomeOrExpenditure(_ draft: VoucherDraft) -> Bool {
        draft.lines.contains { CarryForward.closesAtPeriodEnd($0.accountCode) }
    }
}
