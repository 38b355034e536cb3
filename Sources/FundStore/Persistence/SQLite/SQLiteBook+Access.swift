import Foundation
import FundCore
import GRDB

extension SQLiteBook {
    /// The roles of `user` as granted in the book.
    static func grants(_ db: Database, user: String) throws -> [RoleGrant] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT r.role, o.code FROM user_role r LEFT JOIN organization o ON o.id = r.organization_id WHERE r.user = ?
            """), arguments: [user]).map { RoleGrant(user: user, role: Role(rawValue: $0[0])!, organization: $0[1]) }
    }

    /// The codes of the organisations above `code`, its parent first.
    static func ancestors(_ db: Database, of code: String) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            WITH RECURSIVE up(id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM organization WHERE code = ?
                UNION ALL SELECT o.id, o.parent_id, up.depth + 1 FROM organization o JOIN up ON o.id = up.parent_id)
            SELECT o.code FROM up JOIN organization o ON o.id = up.id WHERE up.depth > 0 ORDER BY up.depth
            """), arguments: [code])
    }
}
