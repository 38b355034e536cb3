import FundCore

/// Why recording a review committee or one of its members was refused.
///
/// Wrapped as `BookError.committee`; each case renders its message in `description` and says what
/// kind of refusal it is in `category`.
public enum CommitteeRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The committee or a member is wrong in itself (its term, a member's dates).
    case invalid(CommitteeError)
    /// A review committee serves the term of its union's committee.
    case termDiffersFromUnion(organization: String, unionTermYears: Int)
    /// One committee per organisation and election date.
    case alreadyElected(organization: String, elected: LocalDate)
    /// A member joins the committee in term on the member's start date, and there is none.
    case noCommitteeInTerm(organization: String, date: LocalDate)
    /// A name appears once on a committee.
    case alreadyMember(name: String)
    /// An officer keeps the books the committee reviews, so does not sit on it (independence).
    case officerCannotSit(name: String, organization: String)

    /// The message a finance officer reads: what was refused and what to give instead.
    public var description: String {
        switch self {
        case let .invalid(error):
            error.description
        case let .termDiffersFromUnion(organization, years):
            "\(organization)'s union committee serves \(years) years, so its review committee does too; give --term \(years)"
        case let .alreadyElected(organization, elected):
            "\(organization) already has a review committee elected on \(elected)"
        case let .noCommitteeInTerm(organization, date):
            "\(organization) has no review committee in term on \(date); record the committee first (`fundledger committee add`)"
        case let .alreadyMember(name):
            "\(name) is already a member of this committee"
        case let .officerCannotSit(name, organization):
            "\(name) is an officer of \(organization) and keeps the books its review committee reviews; an officer cannot sit on the committee (independence): choose another member, or revoke the officer role first"
        }
    }

    /// The rule's id, as messages print it in brackets.
    public var rule: String {
        switch self {
        case .invalid, .termDiffersFromUnion, .alreadyElected, .noCommitteeInTerm, .alreadyMember: "committee"
        case .officerCannotSit: "committee-independence"
        }
    }

    /// What kind of refusal this is, for a caller that answers with a status.
    public var category: ErrorCategory {
        switch self {
        case .invalid, .termDiffersFromUnion: .invalidInput
        case .alreadyElected, .alreadyMember, .officerCannotSit: .conflict
        case .noCommitteeInTerm: .notFound
        }
    }
}
