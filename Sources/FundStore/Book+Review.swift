import FundCore
import GRDB

/// The state of a finding: open -> answered (the finance officer's response) -> resolved or
/// accepted (by the committee).
public enum FindingStatus: String, Sendable, CaseIterable {
    case open, answered, resolved, accepted

    public var chinese: String {
        switch self {
        case .open: "待答复"
        case .answered: "已答复"
        case .resolved: "已整改"
        case .accepted: "已认可"
        }
    }
}

/// One step in a finding's history.
public struct FindingEvent: Hashable, Sendable {
    public var at: String
    public var by: String
    public var action: String
    public var text: String
    public var audit: Int64?
}

/// A finding as the book keeps it, with the vouchers it names and its history.
public struct FindingRecord: Hashable, Sendable {
    public var id: Int64
    public var organization: String
    public var year: Int
    public var rule: String
    public var severity: Severity
    public var status: FindingStatus
    public var amount: Money?
    public var text: String
    public var vouchers: [String]
    public var firstAudit: Int64
    public var lastAudit: Int64
    public var history: [FindingEvent]
}

/// One run of the audit rules.
public struct AuditRecord: Hashable, Sendable {
    public var id: Int64
    public var organization: String
    public var year: Int
    public var runAt: String
    public var runBy: String
    public var rules: [String]
    public var vouchers: Int
    public var sealSeq: Int64
    public var sealHash: String
}

/// What a run of the audit did to the findings of the year.
public struct AuditOutcome: Sendable {
    public var audit: AuditRecord
    public var new: Int
    public var again: Int
    public var notFoundAgain: Int
    public var findings: [FindingRecord]
}

/// The committee's opinion (审查意见) on a year's final accounts, with who signed it.
public struct OpinionRecord: Hashable, Sendable {
    public var organization: String
    public var year: Int
    public var text: String
    public var recordedAt: String
    public var recordedBy: String
    public var audit: Int64
    public var signers: [(name: String, office: CommitteeOffice)]

    public static func == (lhs: OpinionRecord, rhs: OpinionRecord) -> Bool {
        lhs.organization == rhs.organization && lhs.year == rhs.year && lhs.text == rhs.text && lhs.audit == rhs.audit
            && lhs.signers.map(\.name) == rhs.signers.map(\.name)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(organization); hasher.combine(year) }
}
