import FundCore

/// A row of `desk_credential`: one user's desk password (a bcrypt hash) and failed attempts.
struct DeskCredentialRecord: Hashable, Sendable {
    var user: String
    var passwordHash: String
    var failures: Int
    /// Seconds since 1970 until which the user is locked, if locked.
    var lockedUntil: Int64?
    var setAt: String
    var setBy: String

    var attempts: LoginPolicy.Attempts { LoginPolicy.Attempts(failures: failures, lockedUntil: lockedUntil) }
}

/// A row of `desk_session`: one login of the desk, found by the SHA-256 of its cookie's id.
struct DeskSessionRecord: Hashable, Sendable {
    var tokenHash: String
    var user: String
    var csrfToken: String
    var createdAt: Int64
    var lastSeen: Int64
}
