/// One account's movement in one month, from the aggregates.
public struct MonthlyTurnover: Hashable, Sendable {
    public let code: String
    public let month: Int
    public let debitFen: Int64
    public let creditFen: Int64

    public init(code: String, month: Int, debitFen: Int64, creditFen: Int64) {
        self.code = code
        self.month = month
        self.debitFen = debitFen
        self.creditFen = creditFen
    }
}

/// Activity of one account in a range of months, split the ways the forms need: earmarked or
/// not (by the carry-forward rule), and excluding the year-end closing vouchers.
public struct AccountActivity: Hashable, Sendable {
    public let code: String
    public let project: String?
    public let source: FundSource?
    public let debitFen: Int64
    public let creditFen: Int64
    public var netFen: Int64 { debitFen - creditFen }
    /// Debit minus credit, or nil when the difference does not fit in Int64 fen.
    public var netIfRepresentable: Int64? {
        let (net, overflow) = debitFen.subtractingReportingOverflow(creditFen)
        return overflow ? nil : net
    }

    public init(code: String, project: String?, source: FundSource?, debitFen: Int64, creditFen: Int64) {
        self.code = code
        self.project = project
        self.source = source
        self.debitFen = debitFen
        self.creditFen = creditFen
    }
}

/// Turnovers of one account over a range of months, straight from the balance aggregates.
public struct AccountTurnover: Hashable, Sendable {
    public let code: String
    /// Debit minus credit of every posting before the range.
    public var openingNetFen: Int64
    /// Debit turnover in the range; red-ink lines reduce it.
    public var debitFen: Int64
    public var creditFen: Int64

    public init(code: String, openingNetFen: Int64, debitFen: Int64, creditFen: Int64) {
        self.code = code
        self.openingNetFen = openingNetFen
        self.debitFen = debitFen
        self.creditFen = creditFen
    }

    public var closingNetFen: Int64 { openingNetFen + debitFen - creditFen }
    /// Opening plus debits less credits, or nil when that does not fit in Int64 fen.
    public var closingNetIfRepresentable: Int64? {
        let (withDebits, o1) = openingNetFen.addingReportingOverflow(debitFen)
        let (net, o2) = withDebits.subtractingReportingOverflow(creditFen)
        return o1 || o2 ? nil : net
    }
}
