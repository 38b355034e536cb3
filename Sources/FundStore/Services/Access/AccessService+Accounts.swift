import FundCore

/// A user of the book as the administrator's 用户与权限 page shows it: the roles held and the
/// state of the desk password (set or not, failures, locked until when).
public struct DeskAccount: Hashable, Sendable {
    /// The user's name.
    public let user: String
    /// Every role the user holds.
    public let roles: [RoleGrant]
    /// When the desk password was last set (nil: the user cannot log in to the desk yet).
    public let passwordSetAt: String?
    /// Failed logins since the last success.
    public let failures: Int
    /// Seconds since 1970 until which logins are refused, if the user is locked.
    public let lockedUntil: Int64?
}

extension AccessService {
    /// Every user who holds a role, with the roles and the desk password's state, by name.
    /// Administrators only: who may log in and who is locked is theirs to see.
    public func deskAccounts() throws -> [DeskAccount] {
        try reading { storage in
            try authorize(storage, .administer, organization: nil)
            let grants = Dictionary(grouping: try storage.allGrants(), by: \.user)
            return try grants.keys.sorted().map { name in
                let credential = try storage.deskCredential(user: name)
                return DeskAccount(user: name, roles: grants[name] ?? [], passwordSetAt: credential?.setAt, failures: credential?.failures ?? 0,
                                   lockedUntil: credential?.lockedUntil)
            }
        }
    }

    /// Clears the failed logins and the lock of `user`, so that a user locked out by mistyping
    /// may try again at once. Administrators only; logged in the access log.
    public func unlockDesk(user name: String) throws {
        let name = PersonName.normalized(name)
        try writing { storage in
            try authorize(storage, .administer, organization: nil)
            guard try storage.deskCredential(user: name) != nil else { throw BookError.access(.noDeskPassword(user: name)) }
            try storage.updateDeskAttempts(user: name, LoginPolicy.Attempts())
            try storage.appendAccessLog(AccessLogRecord(at: Store.now(), user: name, outcome: .granted, action: "desk-unlock",
                                                        organization: nil, detail: "by \(user)"))
        }
    }
}
