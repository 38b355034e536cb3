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
    /// A desk password for a name that holds no role: it would open a login that may do nothing.
    case noRoleForPassword(user: String)
    /// Unlocking the desk login of a user who has no desk password: there is nothing to unlock.
    case noDeskPassword(user: String)

    /// The refusal that granting `grant` meets, if any.
    static func problem(granting grant: RoleGrant) -> AccessRefusal? {
        if grant.user.isEmpty { return .emptyName }
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
        }
    }
}
