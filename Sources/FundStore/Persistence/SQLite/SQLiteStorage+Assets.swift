import FundCore
import GRDB

extension SQLiteStorage: AssetStorage {
    func fixedAssetExists(organizationID: Int64, code: String) throws -> Bool {
        try FixedAssetRecord.filter(FixedAssetRecord.Columns.organizationID == organizationID && FixedAssetRecord.Columns.code == code).fetchCount(db) > 0
    }

    @discardableResult
    func insertFixedAsset(_ asset: FixedAssetRecord) throws -> Int64 {
        try asset.insert(db)
        return db.lastInsertedRowID
    }

    func fixedAsset(organizationID: Int64, code: String) throws -> FixedAssetRecord? {
        try FixedAssetRecord.filter(FixedAssetRecord.Columns.organizationID == organizationID && FixedAssetRecord.Columns.code == code).fetchOne(db)
    }

    func fixedAssetClasses(organizationID: Int64) throws -> [Int64: AssetClass] {
        let records = try FixedAssetClassRecord.fetchAll(db, sql: """
            SELECT c.* FROM fixed_asset_class c JOIN fixed_asset a ON a.id = c.asset_id WHERE a.organization_id = ?
            """, arguments: [organizationID])
        return Dictionary(records.map { ($0.assetID, $0.assetClass) }, uniquingKeysWith: { first, _ in first })
    }

    func insertFixedAssetClass(_ record: FixedAssetClassRecord) throws {
        try record.insert(db)
    }

    func fixedAssetActs(assetID: Int64) throws -> [FixedAssetActRecord] {
        try FixedAssetActRecord.filter(FixedAssetActRecord.Columns.assetID == assetID).order(FixedAssetActRecord.Columns.date).fetchAll(db)
    }

    func fixedAssetActs(organizationID: Int64) throws -> [Int64: [FixedAssetActRecord]] {
        let records = try FixedAssetActRecord.fetchAll(db, sql: """
            SELECT x.* FROM fixed_asset_act x JOIN fixed_asset a ON a.id = x.asset_id WHERE a.organization_id = ? ORDER BY x.date
            """, arguments: [organizationID])
        return Dictionary(grouping: records, by: \.assetID)
    }

    func insertFixedAssetAct(_ record: FixedAssetActRecord) throws {
        try record.insert(db)
    }

    func settleFixedAssetAct(assetID: Int64, act: AssetAct, voucherID: Int64?, on date: LocalDate) throws {
        try db.execute(sql: "UPDATE fixed_asset_act SET settled_voucher_id = ?, settled_on = ? WHERE asset_id = ? AND act = ? AND settled_on IS NULL",
                       arguments: [voucherID, date.description, assetID, act.rawValue])
    }

    func depreciatedFen(assetID: Int64) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(sum(amount), 0) FROM depreciation WHERE asset_id = ?", arguments: [assetID]) ?? 0
    }

    func fixedAssets(organizationID: Int64) throws -> [FixedAssetRecord] {
        try FixedAssetRecord.filter(FixedAssetRecord.Columns.organizationID == organizationID).order(FixedAssetRecord.Columns.code).fetchAll(db)
    }

    func fixedAssetsNotDepreciated(organizationID: Int64, period: Int) throws -> [FixedAssetRecord] {
        try FixedAssetRecord.fetchAll(db, sql: """
            SELECT * FROM fixed_asset a WHERE organization_id = ?
              AND NOT EXISTS (SELECT 1 FROM depreciation d WHERE d.asset_id = a.id AND d.period = ?)
              AND NOT EXISTS (SELECT 1 FROM fixed_asset_act x WHERE x.asset_id = a.id AND x.act <> 'surplus' AND x.period <= ?) ORDER BY code
            """, arguments: [organizationID, period, period])
    }

    func insertDepreciation(_ charge: DepreciationRecord) throws {
        try charge.insert(db)
    }
}
