import FundCore

/// Why an act of the funds review committee's work was refused: an audit setting, a finding's
/// answer or resolution, an opinion, or a report that needs an audit.
///
/// Wrapped as `BookError.review`; each case renders its message in `description` and says what
/// kind of refusal it is in `category`.
public enum ReviewRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// An audit setting with an unknown key or a value it cannot take.
    case badSetting(AuditSettingError)
    /// An answer to a finding says what was done.
    case emptyAnswer
    /// A reopened finding says why.
    case emptyReopenReason
    /// The finding named is not in the book.
    case findingNotFound(id: Int64)
    /// The act does not fit the finding's present status.
    case findingStatus(id: Int64, status: FindingStatus, act: String, allowed: Set<FindingStatus>)
    /// An opinion has text.
    case emptyOpinion
    /// An opinion is signed by at least one member.
    case noSigners
    /// An opinion follows an audit of its year.
    case notAudited(organization: String, year: Int)
    /// The review workbook reports an audit of its year.
    case reportNeedsAudit(organization: String, year: Int)
    /// One opinion per organisation and year, kept as recorded.
    case opinionExists(organization: String, year: Int)
    /// The opinion is the committee's, and none is in term on its date.
    case noCommitteeInTerm(organization: String, date: LocalDate)
    /// Only members serving on the date sign.
    case signerNotServing(name: String, organization: String, date: LocalDate)
    /// Whoever answered a finding cannot resolve or accept it.
    case answererCloses(id: Int64, user: String)
    /// An opinion is the committee's: at least the configured number of serving members sign it
    /// (the audit setting `signers`, 2 unless set).
    case tooFewSigners(organization: String, required: Int, signers: [String])
    /// A member signs the year's draft, and there is none yet.
    case noOpinionDraft(organization: String, year: Int)
    /// A member signs a draft once.
    case alreadySigned(name: String, organization: String, year: Int)
    /// An opinion covers January through a month of its year.
    case badCoverage(throughMonth: Int)

    /// The message a committee member or finance officer reads: what was refused and what to do.
    public var description: String {
        switch self {
        case let .badSetting(error):
            return error.description
        case .emptyAnswer:
            return "an answer needs text: say what was done or why the finding does not apply"
        case .emptyReopenReason:
            return "say why the finding is reopened"
        case let .findingNotFound(id):
            return "there is no finding #\(id); list them with `fundledger review findings`"
        case let .findingStatus(id, status, act, allowed):
            let allowed = allowed.map(\.rawValue).sorted().joined(separator: " or ")
            return "finding #\(id) is \(status.rawValue) (\(status.chinese)); it can be \(act) only when it is \(allowed)"
        case .emptyOpinion:
            return "an opinion needs its text"
        case .noSigners:
            return "an opinion is signed by the committee members who agree to it; give --signer NAME for each"
        case let .notAudited(organization, year):
            return "\(organization) \(year) has not been audited; run `fundledger review run` first"
        case let .reportNeedsAudit(organization, year):
            return "\(organization) \(year) has not been audited; run `fundledger review run --org \(organization) --year \(year)` first"
        case let .opinionExists(organization, year):
            return "\(organization) already has an opinion on \(year); a signed opinion is kept as recorded"
        case let .noCommitteeInTerm(organization, date):
            return "\(organization) has no review committee in term on \(date)"
        case let .signerNotServing(name, organization, date):
            return "\(name) is not a member of \(organization)'s review committee on \(date); only serving members sign its opinion"
        case let .answererCloses(id, user):
            return "\(user) answered finding #\(id) and cannot also resolve or accept it; another member of the committee judges the answer"
        case let .tooFewSigners(organization, required, signers):
            return "an opinion of \(organization)'s review committee is signed by at least \(required) serving members, and \(signers.count) (\(signers.joined(separator: ", "))) signed; give --signer NAME for each member who agrees"
        case let .noOpinionDraft(organization, year):
            return "\(organization) has no draft opinion on \(year) to sign; a committee member drafts it first"
        case let .alreadySigned(name, organization, year):
            return "\(name) has signed \(organization)'s draft opinion on \(year) already; each member signs once"
        case let .badCoverage(throughMonth):
            return "an opinion covers January through a month of its year (1 to 12), not through month \(throughMonth)"
        }
    }

    /// The rule's id, as messages print it in brackets.
    public var rule: String {
        switch self {
        case .tooFewSigners: "too-few-signers"
        case .noOpinionDraft: "no-opinion-draft"
        case .alreadySigned: "already-signed"
        case .badCoverage: "opinion-coverage"
        default: "review"
        }
    }

    /// What kind of refusal this is, for a caller that answers with a status.
    public var category: ErrorCategory {
        switch self {
        case .badSetting, .emptyAnswer, .emptyReopenReason, .emptyOpinion, .noSigners, .signerNotServing, .tooFewSigners, .badCoverage: .invalidInput
        case .findingNotFound, .noCommitteeInTerm, .noOpinionDraft: .notFound
        case .findingStatus, .notAudited, .reportNeedsAudit, .opinionExists, .answererCloses, .alreadySigned: .conflict
        }
    }
}
