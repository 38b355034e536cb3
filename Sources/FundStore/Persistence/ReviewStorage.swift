import FundCore

/// The review committee's work: what an audit reads, the audits run, their findings with their
/// history, and the committee's opinions.
protocol ReviewStorage {
    /// The organisation's posted vouchers dated in `year`, in date and number order.
    func postedVouchers(organizationID: Int64, year: Int) throws -> [Voucher]
    /// The subsidy items the organisation received, with what it received and spent on each
    /// before `year` and when it last settled each.
    func auditedSubsidies(organizationID: Int64, year: Int) throws -> [AuditedSubsidy]
    /// The lines of the organisation's approved budget for `year` against the year's actuals;
    /// empty without an approved budget.
    func auditedBudget(organizationID: Int64, organization: String, year: Int) throws -> [AuditedBudgetLine]

    /// Records an audit and returns its row id.
    func insertAudit(_ audit: AuditRowRecord) throws -> Int64
    /// The audits of an organisation's year, oldest first.
    func audits(organizationID: Int64, year: Int) throws -> [AuditRowRecord]
    /// The row id of the latest audit of an organisation's year.
    func latestAuditID(organizationID: Int64, year: Int) throws -> Int64?

    /// The finding with row id `id`.
    func finding(id: Int64) throws -> FindingRowRecord?
    /// The finding of a rule about one subject of an organisation's year.
    func finding(organizationID: Int64, year: Int, rule: String, key: String) throws -> FindingRowRecord?
    /// The findings of an organisation's year, by row id.
    func findings(organizationID: Int64, year: Int) throws -> [FindingRowRecord]
    /// Records a finding and returns its row id.
    func insertFinding(_ finding: FindingRowRecord) throws -> Int64
    /// Stores the finding's text, amount, status and latest audit.
    func updateFinding(_ finding: FindingRowRecord) throws
    /// Names a voucher in a finding; a voucher already named stays named once.
    func linkFindingVoucher(_ link: FindingVoucherRecord) throws
    /// The vouchers a finding names, as labels ("FED-01 2026-03/记-0002"), by row id.
    func findingVoucherLabels(findingID: Int64) throws -> [String]
    /// The ids of the vouchers a finding concerns, in id order.
    func findingVoucherIDs(findingID: Int64) throws -> [Int64]
    /// Appends a step to a finding's history.
    func appendFindingEvent(_ event: FindingEventRecord) throws
    /// A finding's history, oldest first.
    func findingEvents(findingID: Int64) throws -> [FindingEventRecord]

    /// The opinion on an organisation's year.
    func opinion(organizationID: Int64, year: Int) throws -> OpinionRowRecord?
    /// Records an opinion and returns its row id.
    func insertOpinion(_ opinion: OpinionRowRecord) throws -> Int64
    /// Records a signer of an opinion.
    func insertOpinionSigner(_ signer: OpinionSignerRecord) throws
    /// The signers of an opinion: the chair, vice-chairs, then members, each by name.
    func opinionSigners(opinionID: Int64) throws -> [OpinionSignerRecord]
}
