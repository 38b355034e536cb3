import FundCore

/// What a run of the audit did to the findings of the year.
public struct AuditOutcome: Sendable {
    /// The audit as recorded, with the head of the seal chain it saw.
    public var audit: AuditRecord
    /// Findings recorded for the first time.
    public var new: Int
    /// Findings seen by an earlier audit and found again (a resolved one is reopened).
    public var again: Int
    /// Earlier findings this audit no longer found; they are noted, never deleted.
    public var notFoundAgain: Int
    /// Every finding of the year after the audit, in rule order.
    public var findings: [FindingRecord]
}
