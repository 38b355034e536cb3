import FundCore

/// Why a grant or a revocation was refused.
public enum AccessRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// An administrator's role covers the whole book; it is never for one organisation.
    case administratorForOneOrganization
    /// A committee member's or a superior's role is for one organisation.
    case roleNeedsOrganization(Role)
    /// The last administrator of a book keeps the role.
    case lastAdministrator(user: String)
    /// The user does not have the role to revoke.
    case noSuchRole(RoleGrant)
    /// A role for a name that is empty once trimmed.
    case emptyName
    /// The committee role comes only from a seat on the committee (`fundledger committee
    /// add-member`), never from a grant.
    case committeeRoleFromMembership(user: String, organization: String?)
    /// An officer keeps the books its committee reviews: a member of an organisation's
    /// committee (serving, or to serve) is not made its officer.
    case memberCannotBeOfficer(user: String, organizations: [String])
    /// A desk password for a name that holds no role: it would open a login that may do nothing.
    case noRoleForPassword(user: String)
    /// Unlocking the desk login of a user who has no desk password: there is nothing to unlock.
    case noDeskPassword(user: String)

    /// The refusal that granting `grant` meets, if any.
    static func problem(granting grant: RoleGrant) -> AccessRefusal? {
        if grant.user.isEmpty { return .emptyName }
        if grant.role == .committee { return .committeeRoleFromMembership(user: grant.user, organization: grant.organization) }
        if grant.role == .administrator, grant.organization != nil { return .administratorForOneOrganization }
        if grant.role != .administrator, grant.role != .officer, grant.organization == nil { return .roleNeedsOrganization(grant.role) }
        return nil
    }

    public var description: String {
        switch self {
        case .administratorForOneOrganization:
            "an administrator's role covers the whole book; grant admin without --org"
        case let .roleNeedsOrganization(role):
            "a \(role.rawValue) role is for one organisation; give --org"
        case let .lastAdministrator(user):
            "\(user) is the book's last administrator; grant admin to someone else first"
        case let .noSuchRole(grant):
            "\(grant.user) has no role \(grant.description)"
        case .emptyName:
            "a role needs the user's name; give the name they act under with --as"
        case let .noRoleForPassword(user):
            "\(user) holds no role; grant a role before setting a desk password"
        case let .noDeskPassword(user):
            "\(user) has no desk password, so there is no login to unlock; set one with `fundledger user password`"
        case let .committeeRoleFromMembership(user, organization):
            "the committee role comes only from a seat on the review committee; add \(user) as a member (`fundledger committee add-member --org \(organization ?? "CODE") --name \(user)`) instead of granting the role"
        case let .memberCannotBeOfficer(user, organizations):
            "\(user) sits on the review committee of \(organizations.joined(separator: ", ")), which reviews the books an officer keeps; a committee member cannot also be its officer (independence)"
        }
    }

    /// The rule's id, as messages print it in brackets.
    public var rule: String {
        switch self {
        case .administratorForOneOrganization, .roleNeedsOrganization, .lastAdministrator, .noSuchRole, .emptyName,
             .noRoleForPassword, .noDeskPassword: "bad-role"
        case .committeeRoleFromMembership: "committee-role-from-membership"
        case .memberCannotBeOfficer: "committee-independence"
        }
    }

    /// What kind of refusal this is, for a caller that answers with a status.
    public var category: ErrorCategory {
        switch self {
        case .memberCannotBeOfficer: .conflict
        default: .invalidInput
        }
    }
}
