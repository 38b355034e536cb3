import FundCore

/// Caches what posting many vouchers needs: organisation ids and charts. Organisations without
/// detail accounts of their own share their standard chart, so the cache grows with the number
/// of charts, not of organisations. An import keeps one context for its whole transaction, in
/// which nothing else writes, and so also caches what each posting would otherwise query (closed
/// months, the next numbers, the seal heads, the budget mode) and defers the balance turnovers.
struct PostingContext {
    typealias Entry = (id: Int64, chart: Chart, accountIDs: [String: Int64])
    var organizations: [String: (id: Int64, kind: ChartKind, ownDetails: Bool)] = [:]
    var standard: [ChartKind: (chart: Chart, accountIDs: [String: Int64])] = [:]
    var detailed: [String: Entry] = [:]
    var counterpartIDs: [String: Int64] = [:]
    var subsidies: [String: SubsidyItem?] = [:]
    /// Asked once for each organisation whose books the context writes (an import checks the
    /// user's roles this way); nil when the caller checked already.
    var authorize: ((any BookStorage, String) throws -> Void)?
    /// The voucher `insertDraft` last inserted (after red ink and counterparts were resolved),
    /// so that an import can post it without reading it back.
    var inserted: PostingTarget?
    /// Whether people who are not users of the book may be named on the vouchers posted, as
    /// historical people (`import --historical`).
    var allowsHistoricalPeople = false
    /// The roles of each person named on a voucher posted in this context.
    var peopleGrants: [String: [RoleGrant]] = [:]

    // An import's caches, valid for the length of its transaction, in which nothing else writes.
    /// Closed months per organisation.
    var closed: [Int64: Set<Int>] = [:]
    /// The next number of each series (organisation, month, word).
    var nextNumbers: [SeriesKey: Int] = [:]
    /// The head of each organisation's seal chain.
    var sealHeads: [Int64: SealHead] = [:]
    /// The id the next voucher an import inserts takes (the book's highest id plus one, read once).
    var nextVoucherID: Int64?
    /// Whether an organisation refuses postings over budget.
    var refusesOverBudget: [Int64: Bool] = [:]
    /// Turnovers not yet added to the balance table, by the table's key; flushed when they reach
    /// `maximumPending` keys, so that memory stays flat whatever the size of the import.
    var pending: [StoredBalanceKey: (debit: Int64, credit: Int64)] = [:]
    static let maximumPending = 50_000
    /// What the cash and bank check has read of each account, and each organisation's bank setting.
    var cash = CashCache()

    /// A numbering series: organisation, month and word.
    struct SeriesKey: Hashable {
        let organizationID: Int64
        let period: Int
        let word: String
    }

    /// A key of the balance table by row ids: a plan's `BalanceKey` with its account and
    /// counterpart resolved.
    struct StoredBalanceKey: Hashable {
        let organizationID: Int64
        let accountID: Int64
        let period: Int
        let project: String
        let source: String
        let closing: Bool
        let expense: String
        let counterpartID: Int64
        let basicClass: String
    }

    /// Adds a plan's balance changes (one per line) to the pending turnovers. A key whose
    /// turnover would pass Int64 is `BookError.sumOverflow` naming the organisation, the account
    /// and the month; the refusal rolls the whole transaction back.
    mutating func add(_ changes: [BalanceChange], of target: PostingTarget) throws {
        for (index, change) in changes.enumerated() {
            let key = StoredBalanceKey(organizationID: target.organizationID, accountID: target.accountIDs[index], period: change.key.period.key,
                                       project: change.key.project, source: change.key.source, closing: change.key.closing,
                                       expense: change.key.expense, counterpartID: target.counterpartIDs[index] ?? 0,
                                       basicClass: change.key.basicClass)
            var sums = pending[key] ?? (0, 0)
            let (debit, debitOverflow) = sums.debit.addingReportingOverflow(change.debitFen)
            let (credit, creditOverflow) = sums.credit.addingReportingOverflow(change.creditFen)
            if debitOverflow || creditOverflow {
                let account = index < target.draft.lines.count ? target.draft.lines[index].accountCode : nil
                throw BookError.sumOverflow(SumOverflow(organization: target.draft.organization, account: account, month: change.key.period))
            }
            sums.debit = debit
            sums.credit = credit
            pending[key] = sums
        }
    }
}

/// A voucher in the book about to be posted: its row ids next to its content, so that a plan's
/// changes (in codes) can be stored (by ids) without reading the voucher back.
struct PostingTarget {
    var id: Int64
    var organizationID: Int64
    /// The content as stored (for red ink, after its lines were matched to the original).
    var draft: VoucherDraft
    var reversesID: Int64?
    /// The account of each line, in line order.
    var accountIDs: [Int64]
    /// The counterpart organisation of each line, in line order.
    var counterpartIDs: [Int64?]
}
