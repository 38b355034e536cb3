import FundCore
import GRDB

extension FixedAssetRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "fixed_asset"

    enum Columns {
        static let id = Column("id")
        static let organizationID = Column("organization_id")
        static let code = Column("code")
        static let name = Column("name")
        static let cost = Column("cost")
        static let lifeMonths = Column("life_months")
        static let acquired = Column("acquired")
        static let createdAt = Column("created_at")
        static let createdBy = Column("created_by")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        organizationID = row[Columns.organizationID]
        code = row[Columns.code]
        name = row[Columns.name]
        cost = Money(fen: row[Columns.cost])
        lifeMonths = row[Columns.lifeMonths]
        acquired = try row.storedDate(Columns.acquired, in: Self.databaseTableName)
        createdAt = row[Columns.createdAt]
        createdBy = row[Columns.createdBy]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.organizationID] = organizationID
        container[Columns.code] = code
        container[Columns.name] = name
        container[Columns.cost] = cost.fen
        container[Columns.lifeMonths] = lifeMonths
        container[Columns.acquired] = acquired.description
        container[Columns.createdAt] = createdAt
        container[Columns.createdBy] = createdBy
    }
}

extension DepreciationRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "depreciation"

    enum Columns {
        static let assetID = Column("asset_id")
        static let period = Column("period")
        static let voucherID = Column("voucher_id")
        static let amount = Column("amount")
    }

    init(row: Row) throws {
        assetID = row[Columns.assetID]
        period = try row.storedPeriod(Columns.period, in: Self.databaseTableName)
        voucherID = row[Columns.voucherID]
        amount = Money(fen: row[Columns.amount])
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.assetID] = assetID
        container[Columns.period] = period.key
        container[Columns.voucherID] = voucherID
        container[Columns.amount] = amount.fen
    }
}
