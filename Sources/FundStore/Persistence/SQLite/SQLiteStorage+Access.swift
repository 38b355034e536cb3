import FundCore
import GRDB

extension SQLiteStorage: AccessStorage {
    func grants(user: String) throws -> [RoleGrant] {
        try RoleGrantRow.fetchAll(db.cachedStatement(sql: """
            SELECT r.user, r.role, o.code FROM user_role r LEFT JOIN organization o ON o.id = r.organization_id WHERE r.user = ?
            """), arguments: [user]).map(\.grant)
    }

    func allGrants() throws -> [RoleGrant] {
        try RoleGrantRow.fetchAll(db, sql: """
            SELECT r.user, r.role, o.code FROM user_role r LEFT JOIN organization o ON o.id = r.organization_id
            ORDER BY r.user, r.role, o.code
            """).map(\.grant)
    }

    func ancestors(of code: String) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            WITH RECURSIVE up(id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM organization WHERE code = ?
                UNION ALL SELECT o.id, o.parent_id, up.depth + 1 FROM organization o JOIN up ON o.id = up.parent_id)
            SELECT o.code FROM up JOIN organization o ON o.id = up.id WHERE up.depth > 0 ORDER BY up.depth
            """), arguments: [code])
    }

    func administratorCount(excluding user: String) throws -> Int {
        try UserRoleRecord.filter(UserRoleRecord.Columns.role == Role.administrator.rawValue && UserRoleRecord.Columns.user != user).fetchCount(db)
    }

    func insertRole(_ role: UserRoleRecord) throws {
        try role.insert(db, onConflict: .ignore)
    }

    func deleteRole(user: String, role: Role, organizationID: Int64?) throws -> Bool {
        try db.execute(sql: "DELETE FROM user_role WHERE user = ? AND role = ? AND ifnull(organization_id, 0) = ?",
                       arguments: [user, role.rawValue, organizationID ?? 0])
        return db.changesCount > 0
    }

    func appendAccessLog(_ entry: AccessLogRecord) throws {
        try entry.insert(db)
    }

    func accessLog() throws -> [AccessLogRecord] {
        try AccessLogRecord.order(AccessLogRecord.Columns.id).fetchAll(db)
    }
}
