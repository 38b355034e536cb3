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

extension FixedAssetClassRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "fixed_asset_class"

    enum Columns {
        static let assetID = Column("asset_id")
        static let assetClass = Column("class")
    }

    init(row: Row) throws {
        assetID = row[Columns.assetID]
        assetClass = try row.stored(Columns.assetClass, in: Self.databaseTableName)
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.assetID] = assetID
        container[Columns.assetClass] = assetClass.rawValue
    }
}

extension FixedAssetActRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "fixed_asset_act"

    enum Columns {
        static let assetID = Column("asset_id")
        static let act = Column("act")
        static let date = Column("date")
        static let period = Column("period")
        static let voucherID = Column("voucher_id")
        static let pending = Column("pending")
        static let settledVoucherID = Column("settled_voucher_id")
        static let settledOn = Column("settled_on")
        static let recordedAt = Column("recorded_at")
        static let recordedBy = Column("recorded_by")
    }

    init(row: Row) throws {
        assetID = row[Columns.assetID]
        act = try row.stored(Columns.act, in: Self.databaseTableName)
        date = try row.storedDate(Columns.date, in: Self.databaseTableName)
        voucherID = row[Columns.voucherID]
        pending = Money(fen: row[Columns.pending])
        settledVoucherID = row[Columns.settledVoucherID]
        let settled: String? = row[Columns.settledOn]
        settledOn = try settled.map { _ in try row.storedDate(Columns.settledOn, in: Self.databaseTableName) }
        recordedAt = row[Columns.recordedAt]
        recordedBy = row[Columns.recordedBy]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.assetID] = assetID
        container[Columns.act] = act.rawValue
        container[Columns.date] = date.description
        container[Columns.period] = date.period.key
        container[Columns.voucherID] = voucherID
        container[Columns.pending] = pending.fen
        container[Columns.settledVoucherID] = settledVoucherID
        container[Columns.settledOn] = settledOn?.description
        container[Columns.recordedAt] = recordedAt
        container[Columns.recordedBy] = recordedBy
    }
}
