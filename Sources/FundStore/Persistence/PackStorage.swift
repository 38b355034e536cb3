import FundCore

/// The month's packs sent up and received, and the committee's opinion drafts with their
/// signatures.
protocol PackStorage {
    /// Appends an act on a pack.
    func appendPackEvent(_ event: PackEventRecord) throws
    /// The acts on the organisation's packs, oldest first.
    func packEvents(organizationID: Int64) throws -> [PackEventRecord]
    /// The year's opinion draft, if any.
    func opinionDraft(organizationID: Int64, year: Int) throws -> OpinionDraftRecord?
    /// Puts a draft in place of the year's draft, removing the old draft's signatures.
    func replaceOpinionDraft(_ draft: OpinionDraftRecord) throws
    /// Records a signature of the year's draft.
    func insertOpinionSignature(_ signature: OpinionSignatureRecord) throws
    /// The signatures of the year's draft, in the order given.
    func opinionSignatures(organizationID: Int64, year: Int) throws -> [OpinionSignatureRecord]
}
