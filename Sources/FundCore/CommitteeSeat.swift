/// A seat one person holds on a review committee: the organisation, the committee's term and the
/// member's own dates. The committee role comes from seats alone (`Access.effectiveGrants`), and
/// the independence rule (`CommitteeIndependence`) looks at them.
public struct CommitteeSeat: Hashable, Sendable {
    public var organization: String
    /// The day the committee was elected, and its term in years (3 or 5).
    public var elected: LocalDate
    public var termYears: Int
    public var member: CommitteeMember

    public init(organization: String, elected: LocalDate, termYears: Int, member: CommitteeMember) {
        self.organization = organization
        self.elected = elected
        self.termYears = termYears
        self.member = member
    }

    private var committee: Committee { Committee(organization: organization, elected: elected, termYears: termYears) }

    /// Whether the member acts for the committee on `date`: within their own dates and within the
    /// committee's term. A member whose end has passed, or whose committee's term is over, no
    /// longer acts as one.
    public func serves(on date: LocalDate) -> Bool { member.serves(on: date) && committee.inTerm(date) }

    /// Whether the seat is held on `date` or later (not over yet): a member to be, or serving.
    public func holds(onOrAfter date: LocalDate) -> Bool { (member.end.map { $0 >= date } ?? true) && committee.termEnd >= date }
}

extension Access {
    /// The roles a user holds on `date`: the roles granted, except that a committee role holds
    /// only for an organisation on whose committee the user serves that day. A committee role
    /// granted (or left behind) without a serving seat gives nothing.
    public static func effectiveGrants(_ granted: [RoleGrant], seats: [CommitteeSeat], on date: LocalDate) -> [RoleGrant] {
        granted.filter { grant in
            grant.role != .committee || seats.contains { $0.organization == grant.organization && $0.serves(on: date) }
        }
    }
}

/// The independence of a review committee: an officer (财务人员) of an organisation keeps its
/// books, so cannot also sit on the committee that reviews them. Checked both ways: when a member
/// is added, and when the officer role is granted to someone with a seat.
public enum CommitteeIndependence {
    /// Whether `grants` make their holder an officer of `organization` (an officer of every
    /// organisation included).
    public static func isOfficer(_ grants: [RoleGrant], of organization: String) -> Bool {
        grants.contains { $0.role == .officer && ($0.organization == nil || $0.organization == organization) }
    }

    /// The organisations whose committee the officer role `grant` would break: those where the
    /// grantee holds a seat on `date` or later (all of them, for an officer of every organisation).
    public static func conflicts(granting grant: RoleGrant, seats: [CommitteeSeat], on date: LocalDate) -> [String] {
        guard grant.role == .officer else { return [] }
        let held = seats.filter { $0.holds(onOrAfter: date) && (grant.organization == nil || $0.organization == grant.organization) }
        return Array(Set(held.map(\.organization))).sorted()
    }
}

extension PersonStanding {
    /// What `grants` make of a person named on a voucher of `organization`.
    public init(grants: [RoleGrant], organization: String) {
        if CommitteeIndependence.isOfficer(grants, of: organization) {
            self = .officer
        } else {
            self = grants.isEmpty ? .notAUser : .userWithoutOfficerRole
        }
    }
}
