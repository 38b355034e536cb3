import FundCore

extension AccessService {
    /// Sets the desk password of `user` as a bcrypt hash made by the caller (the store never
    /// sees the password). Only an administrator may, and only for a user who holds a role; every
    /// login of that user ends, and failures and locks are cleared. Logged in the access log.
    public func setDeskPassword(user name: String, passwordHash: String) throws {
        let name = PersonName.normalized(name)
        try writing { storage in
            try authorize(storage, .administer, organization: nil)
            guard !(try storage.grants(user: name)).isEmpty else { throw BookError.access(.noRoleForPassword(user: name)) }
            try storage.upsertDeskCredential(DeskCredentialRecord(user: name, passwordHash: passwordHash, failures: 0, lockedUntil: nil,
                                                                  setAt: Store.now(), setBy: user))
            try storage.deleteDeskSessions(user: name)
            try storage.appendAccessLog(AccessLogRecord(at: Store.now(), user: name, outcome: .granted, action: "desk-password",
                                                        organization: nil, detail: "by \(user)"))
        }
    }

    /// Whether this session's user may do `action` on `organization`: the same rule every
    /// service applies, asked by a page before it draws a button or a form (the service still
    /// checks when the action comes).
    public func permits(_ action: Action, organization: String) throws -> Bool {
        try reading { storage in
            let grants = try storage.grants(user: user)
            let ancestors = try storage.ancestors(of: organization)
            return Access.permits(grants, action, organization: organization, ancestors: ancestors)
        }
    }

    /// The organisations this session's user may read, parents before children.
    public func readableOrganizations() throws -> [Organization] {
        try reading { storage in
            let grants = try storage.grants(user: user)
            let tree = try storage.organizationTree()
            var parent: [String: String] = [:]
            for organization in tree { if let code = organization.parentCode { parent[organization.code] = code } }
            return tree.filter { organization in
                var ancestors: [String] = [], current = parent[organization.code]
                while let code = current { ancestors.append(code); current = parent[code] }
                return Access.permits(grants, .read, organization: organization.code, ancestors: ancestors)
            }
        }
    }
}
