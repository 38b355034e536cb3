import FundCore

/// A row of `audit`: one run of the audit rules over an organisation's year, with the head of
/// its seal chain at the time. (FundCore's `AuditRecord` is the audit as reports read it.)
struct AuditRowRecord: Hashable, Sendable {
    var id: Int64?
    var organizationID: Int64
    var year: Int
    var runAt: String
    var runBy: String
    var rules: [String]
    var vouchers: Int
    var sealSeq: Int64
    var sealHash: String

    /// The audit as FundCore knows it.
    func audit(id: Int64, organization: String) -> AuditRecord {
        AuditRecord(id: id, organization: organization, year: year, runAt: runAt, runBy: runBy, rules: rules, vouchers: vouchers,
                    sealSeq: sealSeq, sealHash: sealHash)
    }
}

/// A row of `finding`: what the rules found about one subject of an organisation's year, and
/// where it stands. (FundCore's `FindingRecord` adds the vouchers and the history.)
struct FindingRowRecord: Hashable, Sendable {
    var id: Int64?
    var organizationID: Int64
    var year: Int
    var rule: String
    var key: String
    var severity: Severity
    var amount: Money?
    var text: String
    var status: FindingStatus
    var firstAuditID: Int64
    var lastAuditID: Int64
}

/// A row of `finding_voucher`: a voucher a finding names.
struct FindingVoucherRecord: Hashable, Sendable {
    var findingID: Int64
    var voucherID: Int64
}

/// A row of `finding_event`: one step of a finding's history (append-only).
struct FindingEventRecord: Hashable, Sendable {
    /// What happened to the finding.
    enum Action: String, Sendable {
        case found
        case foundAgain = "found-again"
        case notFound = "not-found"
        case answered, resolved, accepted, reopened
    }

    var id: Int64?
    var findingID: Int64
    var auditID: Int64?
    var at: String
    var by: String
    var action: Action
    var text: String

    /// The step as FundCore knows it.
    var event: FindingEvent { FindingEvent(at: at, by: by, action: action.rawValue, text: text, audit: auditID) }
}

/// A row of `opinion`: the committee's opinion on a year's final accounts, kept as recorded.
/// (FundCore's `OpinionRecord` adds who signed it.)
struct OpinionRowRecord: Hashable, Sendable {
    var id: Int64?
    var organizationID: Int64
    var year: Int
    var committeeID: Int64
    var auditID: Int64
    var text: String
    var recordedAt: String
    var recordedBy: String
}

/// A row of `opinion_signer`: a member who signed an opinion, with the office held.
struct OpinionSignerRecord: Hashable, Sendable {
    var opinionID: Int64
    var name: String
    var office: CommitteeOffice
}
