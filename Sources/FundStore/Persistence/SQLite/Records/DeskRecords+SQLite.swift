import FundCore
import GRDB

extension DeskCredentialRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "desk_credential"

    enum Columns {
        static let user = Column("user")
        static let passwordHash = Column("password_hash")
        static let failures = Column("failures")
        static let lockedUntil = Column("locked_until")
        static let setAt = Column("set_at")
        static let setBy = Column("set_by")
    }

    init(row: Row) throws {
        user = row[Columns.user]
        passwordHash = row[Columns.passwordHash]
        failures = row[Columns.failures]
        lockedUntil = row[Columns.lockedUntil]
        setAt = row[Columns.setAt]
        setBy = row[Columns.setBy]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.user] = user
        container[Columns.passwordHash] = passwordHash
        container[Columns.failures] = failures
        container[Columns.lockedUntil] = lockedUntil
        container[Columns.setAt] = setAt
        container[Columns.setBy] = setBy
    }
}

extension DeskSessionRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "desk_session"

    enum Columns {
        static let tokenHash = Column("token_hash")
        static let user = Column("user")
        static let csrfToken = Column("csrf_token")
        static let createdAt = Column("created_at")
        static let lastSeen = Column("last_seen")
    }

    init(row: Row) throws {
        tokenHash = row[Columns.tokenHash]
        user = row[Columns.user]
        csrfToken = row[Columns.csrfToken]
        createdAt = row[Columns.createdAt]
        lastSeen = row[Columns.lastSeen]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.tokenHash] = tokenHash
        container[Columns.user] = user
        container[Columns.csrfToken] = csrfToken
        container[Columns.createdAt] = createdAt
        container[Columns.lastSeen] = lastSeen
    }
}
