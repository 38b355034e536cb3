/// The state of a finding: open -> answered (the finance officer's response) -> resolved or
/// accepted (by the committee).
public enum FindingStatus: String, Sendable, CaseIterable {
    case open, answered, resolved, accepted

    /// The status as the review workbook and lists name it.
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

    public init(at: String, by: String, action: String, text: String, audit: Int64? = nil) {
        self.at = at
        self.by = by
        self.action = action
        self.text = text
        self.audit = audit
    }
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

    public init(id: Int64, organization: String, year: Int, rule: String, severity: Severity, status: FindingStatus, amount: Money? = nil,
                text: String, vouchers: [String], firstAudit: Int64, lastAudit: Int64, history: [FindingEvent]) {
        self.id = id
        self.organization = organization
        self.year = year
        self.rule = rule
        self.severity = severity
        self.status = status
        self.amount = amount
        self.text = text
        self.vouchers = vouchers
        self.firstAudit = firstAudit
        self.lastAudit = lastAudit
        self.history = history
    }
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

    public init(id: Int64, organization: String, year: Int, runAt: String, runBy: String, rules: [String], vouchers: Int, sealSeq: Int64,
                sealHash: String) {
        self.id = id
        self.organization = organization
        self.year = year
        self.runAt = runAt
        self.runBy = runBy
        self.rules = rules
        self.vouchers = vouchers
        self.sealSeq = sealSeq
        self.sealHash = sealHash
    }
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

    public init(organization: String, year: Int, text: String, recordedAt: String, recordedBy: String, audit: Int64,
                signers: [(name: String, office: CommitteeOffice)]) {
        self.organization = organization
        self.year = year
        self.text = text
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.audit = audit
        self.signers = signers
    }

    public static func == (lhs: OpinionRecord, rhs: OpinionRecord) -> Bool {
        lhs.organization == rhs.organization && lhs.year == rhs.year && lhs.text == rhs.text && lhs.audit == rhs.audit
            && lhs.signers.map(\.name) == rhs.signers.map(\.name)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(organization); hasher.combine(year) }
}
