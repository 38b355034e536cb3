import FundCore
import GRDB

extension AccountOpeningRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "account_opening"

    enum Columns {
        static let id = Column("id")
        static let organizationID = Column("organization_id")
        static let code = Column("code")
        static let reason = Column("reason")
        static let openedAt = Column("opened_at")
        static let openedBy = Column("opened_by")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        organizationID = row[Columns.organizationID]
        code = row[Columns.code]
        reason = row[Columns.reason]
        openedAt = row[Columns.openedAt]
        openedBy = row[Columns.openedBy]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.organizationID] = organizationID
        container[Columns.code] = code
        container[Columns.reason] = reason
        container[Columns.openedAt] = openedAt
        container[Columns.openedBy] = openedBy
    }
}
