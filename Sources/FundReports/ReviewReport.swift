import FundCore

/// 经审审查工作底稿: what the review committee's audit of one organisation's year found, with
/// the subsidy items it looked at and the opinion it gave.
public struct ReviewReport: Sendable {
    public static let title = "经审审查工作底稿"

    public struct AuditedItem: Sendable {
        public var item: SubsidyItem
        public var lines: [LedgerLine]
        /// Line positions (index in `lines`) that a finding names as outside purpose or window.
        public var flagged: Set<Int>

        public init(item: SubsidyItem, lines: [LedgerLine], flagged: Set<Int>) {
            self.item = item
            self.lines = lines
            self.flagged = flagged
        }
    }

    public var organization: Organization
    public var year: Int
    public var audits: [AuditRecord]
    public var findings: [FindingRecord]
    public var items: [AuditedItem]
    public var committee: Committee?
    public var opinion: OpinionRecord?

    public init(organization: Organization, year: Int, audits: [AuditRecord], findings: [FindingRecord], items: [AuditedItem],
                committee: Committee?, opinion: OpinionRecord?) {
        self.organization = organization
        self.year = year
        self.audits = audits
        self.findings = findings
        self.items = items
        self.committee = committee
        self.opinion = opinion
    }

    /// Findings per rule and status, in rule order.
    public func count(rule: String? = nil, severity: Severity? = nil, status: FindingStatus? = nil) -> Int {
        findings.filter { (rule == nil || $0.rule == rule) && (severity == nil || $0.severity == severity) && (status == nil || $0.status == status) }.count
    }
}
