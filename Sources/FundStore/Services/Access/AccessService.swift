import FundCore
import GRDB

/// Users and their roles: granting, revoking, listing, and the access log of grants,
/// revocations and refusals. The policy is `Access` in FundCore; the session applies it to its
/// user before every read and write (`Session.authorize`).
public struct AccessService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Grants a role. Only an administrator may; the grant is logged.
    public func grant(_ grant: RoleGrant) throws {
        try write { db in
            try authorize(db, .administer, organization: nil)
            let organizationID = try grant.organization.map { try SQLiteBook.organizationID(db, $0) }
            if grant.role == .administrator, grant.organization != nil {
                throw BookError.badRole("an administrator's role covers the whole book; grant admin without --org")
            }
            if grant.role != .administrator, grant.role != .officer, grant.organization == nil {
                throw BookError.badRole("a \(grant.role.rawValue) role is for one organisation; give --org")
            }
            try db.execute(sql: "INSERT OR IGNORE INTO user_role (user, role, organization_id, granted_at, granted_by) VALUES (?, ?, ?, ?, ?)",
                           arguments: [grant.user, grant.role.rawValue, organizationID, Store.now(), user])
            try db.execute(sql: "INSERT INTO access_log (at, user, outcome, action, organization, detail) VALUES (?, ?, 'granted', ?, ?, ?)",
                           arguments: [Store.now(), grant.user, grant.role.rawValue, grant.organization, "by \(user)"])
        }
    }

    /// Takes a role away. Only an administrator may, and the last administrator stays.
    public func revoke(_ grant: RoleGrant) throws {
        try write { db in
            try authorize(db, .administer, organization: nil)
            let organizationID = try grant.organization.map { try SQLiteBook.organizationID(db, $0) }
            if grant.role == .administrator,
               try Int.fetchOne(db, sql: "SELECT count(*) FROM user_role WHERE role = 'admin' AND user <> ?", arguments: [grant.user])! == 0 {
                throw BookError.badRole("\(grant.user) is the book's last administrator; grant admin to someone else first")
            }
            try db.execute(sql: "DELETE FROM user_role WHERE user = ? AND role = ? AND ifnull(organization_id, 0) = ?",
                           arguments: [grant.user, grant.role.rawValue, organizationID ?? 0])
            guard db.changesCount > 0 else { throw BookError.badRole("\(grant.user) has no role \(grant.description)") }
            try db.execute(sql: "INSERT INTO access_log (at, user, outcome, action, organization, detail) VALUES (?, ?, 'revoked', ?, ?, ?)",
                           arguments: [Store.now(), grant.user, grant.role.rawValue, grant.organization, "by \(user)"])
        }
    }

    /// Every role in the book, by user. Administrators see all; others see their own.
    public func roles() throws -> [RoleGrant] {
        try read { db in
            let everyone = Access.permits(try SQLiteBook.grants(db, user: user), .administer, organization: nil)
            return try Row.fetchAll(db, sql: """
                SELECT r.user, r.role, o.code FROM user_role r LEFT JOIN organization o ON o.id = r.organization_id
                WHERE ? OR r.user = ? ORDER BY r.user, r.role, o.code
                """, arguments: [everyone, user]).map { RoleGrant(user: $0[0], role: Role(rawValue: $0[1])!, organization: $0[2]) }
        }
    }

    /// The access log: grants, revocations and refusals, newest last. Administrators only.
    public func accessLog() throws -> [(at: String, user: String, outcome: String, action: String, organization: String?, detail: String)] {
        try read { db in
            try authorize(db, .administer, organization: nil)
            return try Row.fetchAll(db, sql: "SELECT at, user, outcome, action, organization, detail FROM access_log ORDER BY id")
                .map { ($0[0], $0[1], $0[2], $0[3], $0[4], $0[5]) }
        }
    }
}

extension Session {
    /// This session's AccessService.
    public var access: AccessService { AccessService(session: self) }
}
