import FundCore

/// What `verify` checks that only the engine can: the file's own integrity, and the book's
/// invariants recomputed from the stored rows.
protocol VerifyStorage {
    /// How many organisations, posted vouchers and lines of posted vouchers the book holds.
    func verifyCounts() throws -> (organizations: Int, vouchers: Int, lines: Int)
    /// The problems of the file itself: SQLite's integrity check and the references (foreign
    /// keys) between rows.
    func fileProblems() throws -> [VerifyProblem]
    /// The problems of the stored rows that one pass over every voucher and line finds: each
    /// posted voucher's balance and line count (`vouchers`); then leaf accounts, the turnover
    /// aggregates recomputed from the lines, and the seal and event chains (`rest`).
    func rowProblems() throws -> (vouchers: [VerifyProblem], rest: [VerifyProblem])
    /// The problems of the posted vouchers' sequences, which read nothing the other row checks
    /// share: gapless numbering, and red ink against the originals. Their place in the report is
    /// between `rowProblems`' two parts.
    func sequenceProblems() throws -> [VerifyProblem]
    /// Spending at a subsidy's recipient, in the item's window and on its purpose, with no project
    /// tag: likely the item's money spent without saying so.
    func untaggedSubsidySpending() throws -> [VerifyProblem]
    /// Posted lines on 132 or 508, and debits on 212, that name no lower union (`counterpart-required`),
    /// per organisation and account, with their vouchers.
    func transfersWithoutCounterpart() throws -> [VerifyProblem]
    /// The head of every chain: each organisation's voucher seals and event chain, and the
    /// book's own event chain, in chain and organisation order.
    func chainHeads() throws -> [ChainHead]
    /// With the book's key, every seal and event whose tag is missing or wrong (the first of
    /// each chain); without it, a warning that a keyed book's tags went unchecked.
    func sealTagProblems(key: SealKey?) throws -> (problems: [VerifyProblem], warnings: [VerifyProblem])
    /// The hash of link `seq` of a chain; nil when the chain holds no such link.
    func chainHash(_ chain: ChainHead.Chain, organization: String?, seq: Int64) throws -> String?
}
