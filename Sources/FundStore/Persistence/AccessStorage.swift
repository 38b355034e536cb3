import FundCore

/// Users' roles and the access log.
protocol AccessStorage {
    /// The roles of `user` as granted in the book.
    func grants(user: String) throws -> [RoleGrant]
    /// Every role in the book, ordered by user, role and organisation.
    func allGrants() throws -> [RoleGrant]
    /// The codes of the organisations above `code`, its parent first.
    func ancestors(of code: String) throws -> [String]
    /// How many users other than `user` administer the book.
    func administratorCount(excluding user: String) throws -> Int
    /// Records a role; a role the user already has is left as it is.
    func insertRole(_ role: UserRoleRecord) throws
    /// Removes a role; false when the user did not have it.
    func deleteRole(user: String, role: Role, organizationID: Int64?) throws -> Bool
    /// Appends to the access log.
    func appendAccessLog(_ entry: AccessLogRecord) throws
    /// The access log, oldest first.
    func accessLog() throws -> [AccessLogRecord]
}
