import FundCore
import GRDB

extension UserRoleRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "user_role"

    enum Columns {
        static let user = Column("user")
        static let role = Column("role")
        static let organizationID = Column("organization_id")
        static let grantedAt = Column("granted_at")
        static let grantedBy = Column("granted_by")
    }

    init(row: Row) throws {
        user = row[Columns.user]
        role = try row.stored(Columns.role, in: Self.databaseTableName)
        organizationID = row[Columns.organizationID]
        grantedAt = row[Columns.grantedAt]
        grantedBy = row[Columns.grantedBy]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.user] = user
        container[Columns.role] = role.rawValue
        container[Columns.organizationID] = organizationID
        container[Columns.grantedAt] = grantedAt
        container[Columns.grantedBy] = grantedBy
    }
}

extension AccessLogRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "access_log"

    enum Columns {
        static let id = Column("id")
        static let at = Column("at")
        static let user = Column("user")
        static let outcome = Column("outcome")
        static let action = Column("action")
        static let organization = Column("organization")
        static let detail = Column("detail")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        at = row[Columns.at]
        user = row[Columns.user]
        outcome = try row.stored(Columns.outcome, in: Self.databaseTableName)
        action = row[Columns.action]
        organization = row[Columns.organization]
        detail = row[Columns.detail]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.at] = at
        container[Columns.user] = user
        container[Columns.outcome] = outcome.rawValue
        container[Columns.action] = action
        container[Columns.organization] = organization
        container[Columns.detail] = detail
    }
}

/// A role as a query joins it with its organisation's code.
struct RoleGrantRow: FetchableRecord {
    let grant: RoleGrant

    init(row: Row) throws {
        grant = RoleGrant(user: row["user"], role: try row.stored(UserRoleRecord.Columns.role, in: UserRoleRecord.databaseTableName),
                          organization: row["code"])
    }
}
