/// A sum of amounts that does not fit in Int64 fen: every line is within
/// `Limits.lineAmountFen`, but enough of them on one account (or in one report's total) add up
/// to more than 92,233,720,368,547,758.07 yuan. Reports, ledgers, exports, the roll-up, the
/// year-end and budgets throw it instead of wrapping or trapping.
public struct SumOverflow: Error, Hashable, Sendable, CustomStringConvertible {
    /// The organisation whose figures were being added up.
    public var organization: String
    /// The account whose sum overflowed; nil for a total over several accounts.
    public var account: String?
    /// The months the sum covers (one month, or a range of them).
    public var period: ClosedRange<Period>

    /// The sum of `account` (nil: a total over accounts) of `organization` over `period`.
    public init(organization: String, account: String?, period: ClosedRange<Period>) {
        self.organization = organization
        self.account = account
        self.period = period
    }

    /// The sum of `account` of `organization` in one month.
    public init(organization: String, account: String?, month: Period) {
        self.init(organization: organization, account: account, period: month...month)
    }

    /// The sum of `account` of `organization` over the twelve months of `year`, or nil when the
    /// year is outside the book's range.
    public init(organization: String, account: String?, year: Int) {
        let first = Period(year: min(max(year, 1900), 9999), month: 1) ?? Period(year: 1900, month: 1)!
        let last = Period(year: first.year, month: 12) ?? first
        self.init(organization: organization, account: account, period: first...last)
    }

    /// The months as the message prints them: "2026-05" or "2026-01 to 2026-12".
    public var periodText: String {
        period.lowerBound == period.upperBound ? period.lowerBound.description : "\(period.lowerBound) to \(period.upperBound)"
    }

    /// The sentence `BookError` prints after its prefix.
    public var description: String {
        let what = account.map { "the sum of account \($0)" } ?? "the total over the accounts"
        return "\(what) of \(organization) in \(periodText) is too large to hold exactly (more than 92,233,720,368,547,758.07 yuan); "
            + "correct the lines that are too large, or spread the amounts over several organisations or years"
    }
}

extension Int64 {
    /// `self + other`, or `overflow` thrown when the sum does not fit.
    @inline(__always)
    public func adding(_ other: Int64, or overflow: @autoclosure () -> SumOverflow) throws(SumOverflow) -> Int64 {
        let (sum, overflowed) = addingReportingOverflow(other)
        if overflowed { throw overflow() }
        return sum
    }

    /// `self - other`, or `overflow` thrown when the difference does not fit.
    @inline(__always)
    public func subtracting(_ other: Int64, or overflow: @autoclosure () -> SumOverflow) throws(SumOverflow) -> Int64 {
        let (difference, overflowed) = subtractingReportingOverflow(other)
        if overflowed { throw overflow() }
        return difference
    }

    /// `-self`, or `overflow` thrown for `Int64.min`.
    @inline(__always)
    public func negated(or overflow: @autoclosure () -> SumOverflow) throws(SumOverflow) -> Int64 {
        if self == .min { throw overflow() }
        return -self
    }
}

extension Sequence {
    /// The sum of `value` over the elements, or `overflow` thrown when it does not fit.
    public func sumOfFen(_ value: (Element) throws(SumOverflow) -> Int64, or overflow: @autoclosure () -> SumOverflow) throws(SumOverflow) -> Int64 {
        var total: Int64 = 0
        for element in self { total = try total.adding(try value(element), or: overflow()) }
        return total
    }
}
