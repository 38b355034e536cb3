/// What posting a voucher (记账) does to the book, decided before anything is written: the number
/// it takes, what each line adds to the turnover balances, and the next link of its
/// organisation's seal chain. Ordinary posting, an import, subsidy acts and year-end vouchers all
/// post through this one plan, so that they cannot drift apart; the store loads the inputs, asks
/// for the plan, and applies it.
public struct PostingPlan: Hashable, Sendable {
    /// The number the voucher gets: the month's next in its word's series.
    public var number: Int
    /// What each line adds to the balances, one change per line in line order.
    public var balanceChanges: [BalanceChange]
    /// The seal the voucher gets.
    public var seal: SealLink
    /// Whether a line pays a subsidy item (a 508 debit tagged with a project), so that the store
    /// marks approved items paid.
    public var paysSubsidy: Bool

    /// What the plan is made from: the voucher as it will be posted and what the book holds now.
    public struct Input: Sendable {
        /// The voucher's row id.
        public var voucherID: Int64
        /// The voucher's content (for red ink, after its lines were matched to the original).
        public var draft: VoucherDraft
        /// The voucher a red-ink voucher cancels.
        public var reversesID: Int64?
        /// The number the voucher must get (an import names it); nil takes the next one.
        public var requestedNumber: Int?
        /// The next free number of the voucher's series (organisation, month, word).
        public var nextNumber: Int
        /// Whether the organisation has closed the voucher's month.
        public var monthClosed: Bool
        /// The head of the organisation's seal chain before this voucher.
        public var sealHead: SealHead
        /// Who posts it.
        public var bookkeeper: String
        /// When it is posted, as stored.
        public var postedAt: String
        /// The duties held by historical people (`VoucherPeople`), sealed with the voucher.
        public var historicalDuties: Set<VoucherDuty> = []

        /// Collects what a plan needs.
        public init(voucherID: Int64, draft: VoucherDraft, reversesID: Int64?, requestedNumber: Int?, nextNumber: Int,
                    monthClosed: Bool, sealHead: SealHead, bookkeeper: String, postedAt: String) {
            self.voucherID = voucherID
            self.draft = draft
            self.reversesID = reversesID
            self.requestedNumber = requestedNumber
            self.nextNumber = nextNumber
            self.monthClosed = monthClosed
            self.sealHead = sealHead
            self.bookkeeper = bookkeeper
            self.postedAt = postedAt
        }
    }

    /// Decides how `input` posts, or names why it cannot: a closed month first, then a requested
    /// number that does not continue the month.
    public static func make(_ input: Input) throws(PostingProblem) -> PostingPlan {
        let draft = input.draft
        if input.monthClosed { throw .periodClosed(organization: draft.organization, period: draft.period) }
        let number = input.nextNumber
        if let requested = input.requestedNumber, requested != number {
            throw .numberNotNext(organization: draft.organization,
                                 expected: VoucherRef(period: draft.period, word: draft.word, number: number),
                                 found: VoucherRef(period: draft.period, word: draft.word, number: requested))
        }
        var changes: [BalanceChange] = []
        changes.reserveCapacity(draft.lines.count)
        var lines: [[SealField]] = []
        lines.reserveCapacity(draft.lines.count)
        var pays = false
        for (index, line) in draft.lines.enumerated() {
            changes.append(BalanceChange(line, period: draft.period, kind: draft.kind))
            lines.append(SealPayload.line(line, position: index + 1))
            if line.side == .debit, line.amount.fen > 0, line.dimensions.project != nil, line.accountCode.hasPrefix("508") { pays = true }
        }
        let fields = SealPayload.fields(organization: draft.organization, voucherID: input.voucherID, draft: draft, number: number,
                                        bookkeeper: input.bookkeeper, status: .posted, reversesID: input.reversesID, postedAt: input.postedAt,
                                        historical: VoucherPeople.mark(input.historicalDuties))
        let seal = SealLink(seq: input.sealHead.seq + 1, previous: input.sealHead.hash, version: SealPayload.currentVersion, payload: SealPayload.bytes(fields, lines))
        return PostingPlan(number: number, balanceChanges: changes, seal: seal, paysSubsidy: pays)
    }
}

/// The last link of an organisation's seal chain: its sequence number and hash (the genesis
/// hash at sequence 0 before the first voucher is posted).
public struct SealHead: Hashable, Sendable {
    public var seq: Int64
    public var hash: String

    /// A chain's head.
    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// The head of a chain with no seal yet.
    public static let genesis = SealHead(seq: 0, hash: SealPayload.genesis)
}

/// The seal a voucher gets when it is posted: its place in the chain, the hash of the link
/// before it, and the canonical payload in its version. The hash of `previous` and `payload`
/// (SHA-256) is taken by the store, which owns the cryptography; FundCore stays free of it.
public struct SealLink: Hashable, Sendable {
    public var seq: Int64
    public var previous: String
    /// The payload version (`SealPayload.currentVersion` for every new seal).
    public var version: Int
    public var payload: [UInt8]

    /// A link of the chain.
    public init(seq: Int64, previous: String, version: Int, payload: [UInt8]) {
        self.seq = seq
        self.previous = previous
        self.version = version
        self.payload = payload
    }
}

/// Where a line's turnover is kept: the balance table's key, in codes. Closing vouchers (and
/// their reversals) are kept apart so that reports of a year's activity can leave out the
/// carry-forward while balances include it. An absent dimension is the empty string.
public struct BalanceKey: Hashable, Sendable {
    public var accountCode: String
    public var period: Period
    public var project: String
    public var source: String
    public var closing: Bool
    public var expense: String
    /// The counterpart organisation's code, or the empty string.
    public var counterpart: String
    /// 人员经费 or 公用经费 (`BasicClass.rawValue`) on 40401 and 331 lines, or the empty string.
    public var basicClass: String

    /// A key of the balance table.
    public init(accountCode: String, period: Period, project: String, source: String, closing: Bool, expense: String, counterpart: String,
                basicClass: String = "") {
        self.accountCode = accountCode
        self.period = period
        self.project = project
        self.source = source
        self.closing = closing
        self.expense = expense
        self.counterpart = counterpart
        self.basicClass = basicClass
    }
}

/// What one line adds to the balances: debits and credits kept apart, each the line's amount as
/// written (a red-ink line adds a negative amount to its own side).
public struct BalanceChange: Hashable, Sendable {
    public var key: BalanceKey
    public var debitFen: Int64
    public var creditFen: Int64

    /// A change to one key.
    public init(key: BalanceKey, debitFen: Int64, creditFen: Int64) {
        self.key = key
        self.debitFen = debitFen
        self.creditFen = creditFen
    }

    /// The change a line of a voucher of `kind` dated in `period` makes.
    public init(_ line: VoucherLine, period: Period, kind: VoucherKind) {
        let d = line.dimensions
        key = BalanceKey(accountCode: line.accountCode, period: period, project: d.project ?? "", source: d.fundSource?.rawValue ?? "",
                         closing: kind == .closing, expense: d.expenseType?.rawValue ?? "", counterpart: d.counterpart ?? "",
                         basicClass: d.basicClass?.rawValue ?? "")
        debitFen = line.side == .debit ? line.amount.fen : 0
        creditFen = line.side == .credit ? line.amount.fen : 0
    }
}

/// Why a voucher cannot be posted as it stands.
public enum PostingProblem: Error, Hashable, Sendable {
    /// The organisation has closed the voucher's month (已结账).
    case periodClosed(organization: String, period: Period)
    /// The number the voucher names does not continue its month's series.
    case numberNotNext(organization: String, expected: VoucherRef, found: VoucherRef)
}
