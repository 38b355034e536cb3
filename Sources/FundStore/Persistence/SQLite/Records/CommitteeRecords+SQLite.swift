import FundCore
import GRDB

extension CommitteeRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "committee"

    enum Columns {
        static let id = Column("id")
        static let organizationID = Column("organization_id")
        static let elected = Column("elected")
        static let termYears = Column("term_years")
        static let createdAt = Column("created_at")
        static let createdBy = Column("created_by")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        organizationID = row[Columns.organizationID]
        elected = try row.storedDate(Columns.elected, in: Self.databaseTableName)
        termYears = row[Columns.termYears]
        createdAt = row[Columns.createdAt]
        createdBy = row[Columns.createdBy]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.organizationID] = organizationID
        container[Columns.elected] = elected.description
        container[Columns.termYears] = termYears
        container[Columns.createdAt] = createdAt
        container[Columns.createdBy] = createdBy
    }
}

extension CommitteeMemberRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "committee_member"

    enum Columns {
        static let committeeID = Column("committee_id")
        static let name = Column("name")
        static let office = Column("office")
        static let start = Column("start")
        static let end = Column("end")
    }

    init(row: Row) throws {
        committeeID = row[Columns.committeeID]
        name = row[Columns.name]
        office = try row.stored(Columns.office, in: Self.databaseTableName)
        start = try row.storedDate(Columns.start, in: Self.databaseTableName)
        end = try row.storedOptionalDate(Columns.end, in: Self.databaseTableName)
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.committeeID] = committeeID
        container[Columns.name] = name
        container[Columns.office] = office.rawValue
        container[Columns.start] = start.description
        container[Columns.end] = end?.description
    }
}

extension AuditSettingRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "audit_setting"

    enum Columns {
        static let organizationID = Column("organization_id")
        static let key = Column("key")
        static let value = Column("value")
    }

    init(row: Row) {
        organizationID = row[Columns.organizationID]
        key = row[Columns.key]
        value = row[Columns.value]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.organizationID] = organizationID
        container[Columns.key] = key
        container[Columns.value] = value
    }
}

extension CalendarDayRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "calendar_day"

    enum Columns {
        static let date = Column("date")
        static let kind = Column("kind")
        static let name = Column("name")
    }

    init(row: Row) throws {
        date = try row.storedDate(Columns.date, in: Self.databaseTableName)
        kind = try row.stored(Columns.kind, in: Self.databaseTableName)
        name = row[Columns.name]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.date] = date.description
        container[Columns.kind] = kind.rawValue
        container[Columns.name] = name
    }
}
