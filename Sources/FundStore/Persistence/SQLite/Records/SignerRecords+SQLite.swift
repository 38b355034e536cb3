import FundCore
import GRDB

extension FormSignerRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "form_signer"

    enum Columns {
        static let organizationID = Column("organization_id")
        static let role = Column("role")
        static let name = Column("name")
        static let setAt = Column("set_at")
        static let setBy = Column("set_by")
    }

    init(row: Row) throws {
        organizationID = row[Columns.organizationID]
        role = try row.stored(Columns.role, in: Self.databaseTableName)
        name = row[Columns.name]
        setAt = row[Columns.setAt]
        setBy = row[Columns.setBy]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.organizationID] = organizationID
        container[Columns.role] = role.rawValue
        container[Columns.name] = name
        container[Columns.setAt] = setAt
        container[Columns.setBy] = setBy
    }
}
