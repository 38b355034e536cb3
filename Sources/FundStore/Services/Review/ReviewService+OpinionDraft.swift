import FundCore

/// The committee's opinion drafted by one member and signed by each member in the member's own
/// login: the signatures rest on who is logged in, never on names typed by someone else. Once as
/// many serving members as the audit setting `signers` asks have signed, the opinion is recorded
/// by `recordOpinion`'s rules (an audit of the year, a committee in term, serving signers) and
/// kept as recorded.
extension ReviewService {
    /// A committee member drafts the year's opinion: the months it covers, the conclusion and
    /// the text. A new draft replaces an unrecorded one and clears its signatures (a signature is
    /// on a text). It needs an audit of the year; a recorded opinion is never redrafted.
    public func draftOpinion(organization: String, year: Int, throughMonth: Int, conclusion: OpinionConclusion, text: String) throws {
        guard (1...12).contains(throughMonth) else { throw BookError.review(.badCoverage(throughMonth: throughMonth)) }
        guard !text.trimmingWhitespace.isEmpty else { throw BookError.review(.emptyOpinion) }
        try checkText(["the opinion": text])
        try writing { storage in
            try authorize(storage, .audit, organization: organization)
            let organizationID = try storage.organizationID(organization)
            guard try storage.latestAuditID(organizationID: organizationID, year: year) != nil else {
                throw BookError.review(.notAudited(organization: organization, year: year))
            }
            if try storage.opinion(organizationID: organizationID, year: year) != nil {
                throw BookError.review(.opinionExists(organization: organization, year: year))
            }
            try storage.replaceOpinionDraft(OpinionDraftRecord(organizationID: organizationID, year: year, throughMonth: throughMonth,
                                                               conclusion: conclusion, text: text, draftedAt: Store.now(), draftedBy: user))
        }
    }

    /// The session's user signs the year's draft, as a member serving today. When the signatures
    /// reach the number required the opinion is recorded, dated today, and returned.
    @discardableResult
    public func signOpinion(organization: String, year: Int) throws -> OpinionRecord? {
        let recorded = try writing { storage -> Bool in
            try authorize(storage, .audit, organization: organization)
            let organizationID = try storage.organizationID(organization)
            if try storage.opinion(organizationID: organizationID, year: year) != nil {
                throw BookError.review(.opinionExists(organization: organization, year: year))
            }
            guard let draft = try storage.opinionDraft(organizationID: organizationID, year: year) else {
                throw BookError.review(.noOpinionDraft(organization: organization, year: year))
            }
            let today = Store.today()
            let serving = try storage.committees(organizationID: organizationID, code: organization)
                .last(where: { $0.committee.inTerm(today) })?.committee.members.contains { $0.name == user && $0.serves(on: today) } ?? false
            guard serving else { throw BookError.review(.signerNotServing(name: user, organization: organization, date: today)) }
            let signatures = try storage.opinionSignatures(organizationID: organizationID, year: year)
            if signatures.contains(where: { $0.name == user }) {
                throw BookError.review(.alreadySigned(name: user, organization: organization, year: year))
            }
            try storage.insertOpinionSignature(OpinionSignatureRecord(organizationID: organizationID, year: year, name: user, signedAt: Store.now()))
            let names = signatures.map(\.name) + [user]
            guard names.count >= (try storage.auditSettings(for: organizationID).signers) else { return false }
            try recordOpinion(storage, organization: organization, year: year,
                              text: OpinionDraft.recordedText(year: year, throughMonth: draft.throughMonth, conclusion: draft.conclusion, text: draft.text),
                              signers: names, on: today)
            return true
        }
        guard recorded else { return nil }
        return try opinion(organization: organization, year: year)
    }

    /// The year's draft with its signatures; nil when none was drafted.
    public func opinionDraft(organization: String, year: Int) throws -> OpinionDraft? {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let organizationID = try storage.organizationID(organization)
            guard let draft = try storage.opinionDraft(organizationID: organizationID, year: year) else { return nil }
            let signatures = try storage.opinionSignatures(organizationID: organizationID, year: year)
            return OpinionDraft(organization: organization, year: year, throughMonth: draft.throughMonth, conclusion: draft.conclusion, text: draft.text,
                                draftedAt: draft.draftedAt, draftedBy: draft.draftedBy,
                                signatures: signatures.map { OpinionDraft.Signature(name: $0.name, at: $0.signedAt) },
                                required: try storage.auditSettings(for: organizationID).signers)
        }
    }
}
