/// The turnover of one account tagged with a subsidy item in one book, toward one counterpart,
/// as the balance aggregates hold it (closing vouchers left out).
public struct SubsidyBalance: Hashable, Sendable {
    public var organization: String
    public var accountCode: String
    public var counterpart: String?
    public var debitFen: Int64
    public var creditFen: Int64

    /// A turnover as the aggregates hold it.
    public init(organization: String, accountCode: String, counterpart: String?, debitFen: Int64, creditFen: Int64) {
        self.organization = organization
        self.accountCode = accountCode
        self.counterpart = counterpart
        self.debitFen = debitFen
        self.creditFen = creditFen
    }
}

extension SubsidyFigures {
    /// The item's figures from the turnovers of both books: what the grantor paid (50802 toward
    /// the recipient), what the recipient received (40302 credits) and spent (expenditure, and how
    /// much of it outside the purpose), with the returns linked to the item and its last activity.
    /// A same-year return debits 40302; `received` counts credits only, so the return is counted
    /// once, in `returnedFen`. A figure (or the balance) past Int64 fen throws `SumOverflow`
    /// naming the book and the account.
    public init(item: SubsidyItem, balances: [SubsidyBalance], returnedFen: Int64, lastActivity: LocalDate?) throws(SumOverflow) {
        self.init()
        let months = item.windowStart.period...max(item.windowStart.period, item.deadline.period)
        for balance in balances {
            let account = balance.accountCode
            let overflow = SumOverflow(organization: balance.organization, account: account, period: months)
            if balance.organization == item.grantor, account.hasPrefix("50802"), balance.counterpart == item.recipient {
                disbursed = try disbursed.adding(balance.debitFen, or: overflow)
            } else if balance.organization == item.recipient, account.hasPrefix("40302") {
                received = try received.adding(balance.creditFen, or: overflow)
            } else if balance.organization == item.recipient, AccountCategory(code: account) == .expenditure {
                let net = try balance.debitFen.subtracting(balance.creditFen, or: overflow)
                spent = try spent.adding(net, or: overflow)
                if !item.allows(account: account) { outsidePurpose = try outsidePurpose.adding(net, or: overflow) }
            }
        }
        returned = returnedFen
        self.lastActivity = lastActivity
        let overflow = SumOverflow(organization: item.recipient, account: nil, period: months)
        _ = try received.subtracting(spent, or: overflow).subtracting(returned, or: overflow)
    }
}
