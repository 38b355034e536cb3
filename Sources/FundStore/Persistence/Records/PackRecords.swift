import FundCore

/// A row of `pack_event`: one act on a closed month's pack, with who did it and when.
struct PackEventRecord: Hashable, Sendable {
    var id: Int64?
    var organizationID: Int64
    var period: Period
    var action: PackAction
    var at: String
    var by: String
    var reason: String?
}

/// A row of `opinion_draft`: the committee's opinion on a year before enough members signed it.
struct OpinionDraftRecord: Hashable, Sendable {
    var organizationID: Int64
    var year: Int
    var throughMonth: Int
    var conclusion: OpinionConclusion
    var text: String
    var draftedAt: String
    var draftedBy: String
}

/// A row of `opinion_signature`: a member who signed the year's draft, in the member's own login.
struct OpinionSignatureRecord: Hashable, Sendable {
    var organizationID: Int64
    var year: Int
    var name: String
    var signedAt: String
}
