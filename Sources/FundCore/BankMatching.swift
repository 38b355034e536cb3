/// Matching a bank statement's rows to the book's 102 lines, as pure decisions: the store loads
/// what is not yet matched, asks for the pairs, and records them with who and when.
public enum BankMatching {
    /// The days a statement row and a book line may lie apart and still match automatically.
    public static let defaultDays = 3
    /// The most days `--days` takes: a wider window pairs unrelated movements of equal amounts.
    public static let maximumDays = 31

    /// A statement row or a book line not yet matched: its id, date and signed amount
    /// (received or debited positive, paid or credited negative).
    public struct Item: Hashable, Sendable {
        public var id: Int64
        public var date: LocalDate
        public var signedFen: Int64

        /// An item.
        public init(id: Int64, date: LocalDate, signedFen: Int64) {
            self.id = id
            self.date = date
            self.signedFen = signedFen
        }
    }

    /// A statement row paired with a book line.
    public struct Pair: Hashable, Sendable {
        public var statementLineID: Int64
        public var voucherLineID: Int64
    }

    /// Pairs each statement row with a book line of the same amount and direction dated at most
    /// `days` days apart, each used once: rows in date order (then id) take the nearest date, the
    /// earlier line on a tie, then the smaller id, so that the result never depends on the order
    /// the store read them in.
    public static func automatic(statement: [Item], book: [Item], days: Int) -> [Pair] {
        var open = Dictionary(grouping: book, by: \.signedFen).mapValues { $0.sorted { ($0.date, $0.id) < ($1.date, $1.id) } }
        var pairs: [Pair] = []
        for row in statement.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) {
            guard row.signedFen != 0, var candidates = open[row.signedFen], !candidates.isEmpty else { continue }
            var best: (index: Int, distance: Int)?
            for (index, line) in candidates.enumerated() {
                let distance = abs(line.date.daysSinceEpoch - row.date.daysSinceEpoch)
                guard distance <= days else { continue }
                if best == nil || distance < best!.distance { best = (index, distance) }
            }
            guard let chosen = best else { continue }
            pairs.append(Pair(statementLineID: row.id, voucherLineID: candidates[chosen.index].id))
            candidates.remove(at: chosen.index)
            open[row.signedFen] = candidates
        }
        return pairs
    }
}

/// What the 银行存款余额调节表 is made of for one bank account on one date: the book's balance
/// and the bank's, and every movement one side has and the other has not yet (by that date).
public struct BankReconciliationInput: Sendable {
    /// A movement on one side only: its date, the voucher or the bank's reference, the summary,
    /// and the signed amount (received positive).
    public struct Item: Hashable, Sendable {
        public var date: LocalDate
        public var reference: String
        public var summary: String
        public var signedFen: Int64

        /// An item.
        public init(date: LocalDate, reference: String, summary: String, signedFen: Int64) {
            self.date = date
            self.reference = reference
            self.summary = summary
            self.signedFen = signedFen
        }
    }

    public var accountCode: String
    public var date: LocalDate
    /// The first day the imported statements cover: book lines before it count as agreed.
    public var statementFrom: LocalDate
    /// 单位银行存款日记账余额 on `date` (debit minus credit).
    public var bookBalanceFen: Int64
    /// 银行对账单余额: the balance after the statement's last row dated on or before `date`.
    public var bankBalanceFen: Int64
    /// Statement rows not matched to a book line dated on or before `date`.
    public var bankOnly: [Item]
    /// Book lines (from `statementFrom`) not matched to a statement row dated on or before `date`.
    public var bookOnly: [Item]

    /// The input of a 调节表.
    public init(accountCode: String, date: LocalDate, statementFrom: LocalDate, bookBalanceFen: Int64, bankBalanceFen: Int64,
                bankOnly: [Item], bookOnly: [Item]) {
        self.accountCode = accountCode
        self.date = date
        self.statementFrom = statementFrom
        self.bookBalanceFen = bookBalanceFen
        self.bankBalanceFen = bankBalanceFen
        self.bankOnly = bankOnly
        self.bookOnly = bookOnly
    }
}
