import FundCore

/// Subsidy items (项目补贴), their log, the vouchers their acts posted, and the figures both
/// books show for them.
protocol SubsidyStorage {
    /// The item with `code`, if there is one.
    func subsidyItem(code: String) throws -> StoredSubsidyItem?
    /// Records an item; its row id.
    func insertSubsidyItem(_ record: SubsidyItemRecord) throws -> Int64
    /// Marks an item approved under its document.
    func approveSubsidyItem(id: Int64, document: String, date: LocalDate) throws
    /// Sets an item's status.
    func setSubsidyStatus(id: Int64, _ status: SubsidyStatus) throws
    /// The codes of the items an organisation granted (or received, with `asRecipient`), in order.
    func subsidyCodes(organizationID: Int64, asRecipient: Bool) throws -> [String]
    /// How many items the organisation granted are in `status`.
    func subsidyCount(grantorID: Int64, status: SubsidyStatus) throws -> Int
    /// The turnovers tagged with the item in its two books, by organisation, account and counterpart.
    func subsidyBalances(item: SubsidyItem) throws -> [SubsidyBalance]
    /// What settlement vouchers returned to the grantor for the item (the recipient's 102 credits).
    func subsidyReturnedFen(code: String) throws -> Int64
    /// The last date a posted voucher of either book moved money tagged with the item.
    func subsidyLastActivity(item: SubsidyItem) throws -> LocalDate?
    /// What the grantor owes the recipient on 21201 for the item (a year-end accrual not yet paid).
    func subsidyAccruedFen(item: SubsidyItem) throws -> Int64
    /// The date of the first voucher that paid the item, if any.
    func subsidyFirstPayment(itemID: Int64) throws -> LocalDate?
    /// The posted lines of one book tagged with `project`, in date order (closing vouchers left out).
    func subsidyLines(organization: String, project: String) throws -> [LedgerLine]
    /// Appends to an item's log.
    func appendSubsidyLog(_ entry: SubsidyLogRecord) throws
    /// An item's log, oldest first.
    func subsidyLog(itemID: Int64) throws -> [SubsidyLogRecord]
    /// Links a posted voucher to the item whose act posted it.
    func linkSubsidyVoucher(_ link: SubsidyVoucherRecord) throws
}

extension SubsidyStorage {
    /// The item's figures from the aggregates of both books, plus the returns linked to it.
    func subsidyFigures(item: SubsidyItem) throws -> SubsidyFigures {
        let balances = try subsidyBalances(item: item), returned = try subsidyReturnedFen(code: item.code), last = try subsidyLastActivity(item: item)
        return try BookError.summing { () throws(SumOverflow) in
            try SubsidyFigures(item: item, balances: balances, returnedFen: returned, lastActivity: last)
        }
    }
}
