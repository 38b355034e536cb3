import FundCore

/// Users and their roles: granting, revoking, listing, and the access log of grants,
/// revocations and refusals. The policy is `Access` in FundCore; the session applies it to its
/// user before every read and write (`Session.authorize`).
public struct AccessService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Grants a role. Only an administrator may; the grant is logged. The committee role is
    /// never granted (it comes with a seat on the committee), and the officer role is not
    /// granted to a member of that organisation's committee (independence).
    public func grant(_ grant: RoleGrant) throws {
        try writing { storage in try self.grant(grant, in: storage) }
    }

    /// `grant` inside a transaction that is already open.
    private func grant(_ grant: RoleGrant, in storage: any BookStorage) throws {
        var grant = grant
        grant.user = PersonName.normalized(grant.user)
        try checkText(["the user's name": grant.user])
        try authorize(storage, .administer, organization: nil)
        let organizationID = try grant.organization.map { try storage.organizationID($0) }
        if let refusal = AccessRefusal.problem(granting: grant) { throw BookError.access(refusal) }
        let conflicts = CommitteeIndependence.conflicts(granting: grant, seats: try storage.committeeSeats(name: grant.user), on: Store.today())
        if !conflicts.isEmpty { throw BookError.access(.memberCannotBeOfficer(user: grant.user, organizations: conflicts)) }
        let now = Store.now()
        try storage.insertRole(UserRoleRecord(user: grant.user, role: grant.role, organizationID: organizationID, grantedAt: now, grantedBy: user))
        try storage.appendAccessLog(AccessLogRecord(at: now, user: grant.user, outcome: .granted, action: grant.role.rawValue,
                                                    organization: grant.organization, detail: "by \(user)"))
    }

    /// Grants the roles listed in a CSV file (user,role,org; an empty org is every
    /// organisation), all or nothing, each under the rules of `grant`: how a book set up for
    /// many unions learns who keeps which books. Returns how many roles were granted.
    public func importRoles(path: String) throws -> Int {
        let (file, records) = try ImportFiles.readCSVRecords(path: path)
        var grants: [(line: Int, grant: RoleGrant)] = []
        var errors: [InputError] = []
        for record in records.dropFirst() {
            let fields = record.fields
            guard fields.count >= 2, let role = Role(rawValue: fields[1]) else {
                errors.append(InputError(file: file, line: record.line, column: "role", rule: "bad-role",
                                         message: "give user,role,org with a role of \(Role.allCases.map(\.rawValue).joined(separator: ", "))",
                                         chinese: "请按 user,role,org 填写，角色为 \(Role.allCases.map(\.rawValue).joined(separator: "、")) 之一"))
                continue
            }
            let organization = fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil
            grants.append((record.line, RoleGrant(user: fields[0], role: role, organization: organization)))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        try writing { storage in
            for (line, grant) in grants {
                do { try self.grant(grant, in: storage) } catch let error as BookError {
                    throw InputErrors([InputError(file: file, line: line, rule: error.rule, message: error.description, chineseMessage: error.chinese)])
                }
            }
        }
        return grants.count
    }

    /// Takes a role away. Only an administrator may, and the last administrator stays.
    public func revoke(_ grant: RoleGrant) throws {
        var grant = grant
        grant.user = PersonName.normalized(grant.user)
        try writing { storage in
            try authorize(storage, .administer, organization: nil)
            let organizationID = try grant.organization.map { try storage.organizationID($0) }
            if grant.role == .administrator, try storage.administratorCount(excluding: grant.user) == 0 {
                throw BookError.access(.lastAdministrator(user: grant.user))
            }
            guard try storage.deleteRole(user: grant.user, role: grant.role, organizationID: organizationID) else {
                throw BookError.access(.noSuchRole(grant))
            }
            try storage.appendAccessLog(AccessLogRecord(at: Store.now(), user: grant.user, outcome: .revoked, action: grant.role.rawValue,
                                                        organization: grant.organization, detail: "by \(user)"))
        }
    }

    /// Every role in the book, by user. Administrators see all; others see their own.
    public func roles() throws -> [RoleGrant] {
        try reading { storage in
            let own = try storage.grants(user: user)
            guard Access.permits(own, .administer, organization: nil) else {
                return own.sorted { ($0.role.rawValue, $0.organization ?? "") < ($1.role.rawValue, $1.organization ?? "") }
            }
            return try storage.allGrants()
        }
    }

    /// The access log: grants, revocations and refusals, oldest first. Administrators only.
    public func accessLog() throws -> [(at: String, user: String, outcome: String, action: String, organization: String?, detail: String)] {
        try reading { storage in
            try authorize(storage, .administer, organization: nil)
            return try storage.accessLog().map { ($0.at, $0.user, $0.outcome.rawValue, $0.action, $0.organization, $0.detail) }
        }
    }
}

extension Session {
    /// Users and their roles, as this session's user.
    public var access: AccessService { AccessService(session: self) }
}
