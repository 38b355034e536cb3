import FundCore

/// Why an act on a month's pack (报送, 签收, 退回) was refused. Wrapped as `BookError.pack`.
public enum PackRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// A month is sent once; again only after it was returned or reopened.
    case alreadySent(organization: String, period: Period, status: PackStatus)
    /// Only a pack sent and not yet received or returned is received or returned.
    case notAwaiting(organization: String, period: Period, status: PackStatus?)
    /// A pack is received or returned by a superior of an organisation above the sender.
    case notSuperior(user: String, organization: String)

    /// The message an officer or a superior reads.
    public var description: String {
        switch self {
        case let .alreadySent(organization, period, status):
            return "\(organization) \(period) was sent already and is \(status.rawValue); a month is sent again only after it is returned or reopened [pack-already-sent]"
        case let .notAwaiting(organization, period, status):
            let state = status.map { "is \($0.rawValue)" } ?? "was never sent"
            return "\(organization) \(period) \(state); only a pack sent and not yet received or returned can be received or returned [pack-not-awaiting]"
        case let .notSuperior(user, organization):
            return "\(user) is not a superior of an organisation above \(organization); the union above it receives or returns its packs [pack-not-superior]"
        }
    }

    /// The rule's id, as messages print it in brackets.
    public var rule: String {
        switch self {
        case .alreadySent: "pack-already-sent"
        case .notAwaiting: "pack-not-awaiting"
        case .notSuperior: "pack-not-superior"
        }
    }

    /// What kind of refusal this is.
    public var category: ErrorCategory {
        switch self {
        case .alreadySent, .notAwaiting: .conflict
        case .notSuperior: .notPermitted
        }
    }
}
