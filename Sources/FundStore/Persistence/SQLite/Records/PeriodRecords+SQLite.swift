import FundCore
import GRDB

extension PeriodCloseRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "period_close"

    enum Columns {
        static let organizationID = Column("organization_id")
        static let period = Column("period")
        static let closedAt = Column("closed_at")
        static let closedBy = Column("closed_by")
    }

    init(row: Row) throws {
        organizationID = row[Columns.organizationID]
        period = try row.storedPeriod(Columns.period, in: Self.databaseTableName)
        closedAt = row[Columns.closedAt]
        closedBy = row[Columns.closedBy]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.organizationID] = organizationID
        container[Columns.period] = period.key
        container[Columns.closedAt] = closedAt
        container[Columns.closedBy] = closedBy
    }
}

extension PeriodLogRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "period_log"

    enum Columns {
        static let id = Column("id")
        static let organizationID = Column("organization_id")
        static let period = Column("period")
        static let action = Column("action")
        static let at = Column("at")
        static let by = Column("by")
        static let reason = Column("reason")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        organizationID = row[Columns.organizationID]
        period = try row.storedPeriod(Columns.period, in: Self.databaseTableName)
        action = try row.stored(Columns.action, in: Self.databaseTableName)
        at = row[Columns.at]
        by = row[Columns.by]
        reason = row[Columns.reason]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.organizationID] = organizationID
        container[Columns.period] = period.key
        container[Columns.action] = action.rawValue
        container[Columns.at] = at
        container[Columns.by] = by
        container[Columns.reason] = reason
    }
}
