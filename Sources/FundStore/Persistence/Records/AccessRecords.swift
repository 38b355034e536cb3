import FundCore

/// A row of `user_role`: one role of one user, for one organisation or (nil) every one.
struct UserRoleRecord: Hashable, Sendable {
    var user: String
    var role: Role
    var organizationID: Int64?
    var grantedAt: String
    var grantedBy: String
}

/// A row of `access_log`: a grant, a revocation or a refusal.
struct AccessLogRecord: Hashable, Sendable {
    /// What happened.
    enum Outcome: String, Sendable {
        case refused, granted, revoked
    }

    var id: Int64?
    var at: String
    var user: String
    var outcome: Outcome
    var action: String
    var organization: String?
    var detail: String
}
