import FundCore
import GRDB

extension OrganizationRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "organization"

    enum Columns {
        static let id = Column("id")
        static let code = Column("code")
        static let name = Column("name")
        static let level = Column("level")
        static let parentID = Column("parent_id")
        static let chart = Column("chart")
        static let independent = Column("independent")
        static let termYears = Column("term_years")
        static let termStart = Column("term_start")
        static let budgetControl = Column("budget_control")
        static let createdAt = Column("created_at")
        static let createdBy = Column("created_by")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        code = row[Columns.code]
        name = row[Columns.name]
        level = try row.stored(Columns.level, in: Self.databaseTableName)
        parentID = row[Columns.parentID]
        chart = try row.stored(Columns.chart, in: Self.databaseTableName)
        independent = row[Columns.independent]
        termYears = row[Columns.termYears]
        termStart = try row.storedOptionalDate(Columns.termStart, in: Self.databaseTableName)
        budgetControl = try row.stored(Columns.budgetControl, in: Self.databaseTableName)
        createdAt = row[Columns.createdAt]
        createdBy = row[Columns.createdBy]
    }

    /// A row of `SELECT id, code, name, level, parent_id, chart, independent, term_years,
    /// term_start, budget_control, created_at, created_by`, read by index: the same record as
    /// `init(row:)` without a look-up by name per column.
    init(indexed row: Row) throws {
        id = row[0]
        code = row[1]
        name = row[2]
        level = try row.stored(at: 3, Columns.level, in: Self.databaseTableName)
        parentID = row[4]
        chart = try row.stored(at: 5, Columns.chart, in: Self.databaseTableName)
        independent = row[6]
        termYears = row[7]
        termStart = try row.storedOptionalDate(at: 8, Columns.termStart, in: Self.databaseTableName)
        budgetControl = try row.stored(at: 9, Columns.budgetControl, in: Self.databaseTableName)
        createdAt = row[10]
        createdBy = row[11]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.code] = code
        container[Columns.name] = name
        container[Columns.level] = level.rawValue
        container[Columns.parentID] = parentID
        container[Columns.chart] = chart.rawValue
        container[Columns.independent] = independent
        container[Columns.termYears] = termYears
        container[Columns.termStart] = termStart?.description
        container[Columns.budgetControl] = budgetControl.rawValue
        container[Columns.createdAt] = createdAt
        container[Columns.createdBy] = createdBy
    }
}

extension AccountRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "account"

    enum Columns {
        static let id = Column("id")
        static let chart = Column("chart")
        static let organizationID = Column("organization_id")
        static let code = Column("code")
        static let name = Column("name")
        static let parentID = Column("parent_id")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        chart = try row.stored(Columns.chart, in: Self.databaseTableName)
        organizationID = row[Columns.organizationID]
        code = row[Columns.code]
        name = row[Columns.name]
        parentID = row[Columns.parentID]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.chart] = chart.rawValue
        container[Columns.organizationID] = organizationID
        container[Columns.code] = code
        container[Columns.name] = name
        container[Columns.parentID] = parentID
    }
}
