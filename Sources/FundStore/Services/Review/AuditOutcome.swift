import FundCore

/// What a run of the audit did to the findings of the year.
public struct AuditOutcome: Sendable {
    public var audit: AuditRecord
    public var new: Int
    public var again: Int
    public var notFoundAgain: Int
    public var findings: [FindingRecord]
}
