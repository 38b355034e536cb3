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

extension PeriodLogRecord: MonthActRow {
    static let databaseTableName = "period_log"
}
