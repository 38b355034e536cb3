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
    /// once, in `returnedFen`.
    public init(item: SubsidyItem, balances: [SubsidyBalance], returnedFen: Int64, lastActivity: LocalDate?) {
        self.init()
        for balance in balances {
            let account = balance.accountCode
            if balance.organization == item.grantor, account.hasPrefix("50802"), balance.counterpart == item.recipient {
                disbursed += balance.debitFen
            } else if balance.organization == item.recipient, account.hasPrefix("40302") {
                received += balance.creditFen
            } else if balance.organization == item.recipient, AccountCategory(code: account) == .expenditure {
                spent += balance.debitFen - balance.creditFen
                if !item.allows(account: account) { outsidePurpose += balance.debitFen - balance.creditFen }
            }
        }
        returned = returnedFen
        self.lastActivity = lastActivity
    }
}
