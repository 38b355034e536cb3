import FundCore
import GRDB

extension SQLiteStorage: AssetStorage {
    func fixedAssetExists(organizationID: Int64, code: String) throws -> Bool {
        try FixedAssetRecord.filter(FixedAssetRecord.Columns.organizationID == organizationID && FixedAssetRecord.Columns.code == code).fetchCount(db) > 0
    }

    func insertFixedAsset(_ asset: FixedAssetRecord) throws {
        try asset.insert(db)
    }

    func fixedAssets(organizationID: Int64) throws -> [FixedAssetRecord] {
        try FixedAssetRecord.filter(FixedAssetRecord.Columns.organizationID == organizationID).order(FixedAssetRecord.Columns.code).fetchAll(db)
    }

    func fixedAssetsNotDepreciated(organizationID: Int64, period: Int) throws -> [FixedAssetRecord] {
        try FixedAssetRecord.fetchAll(db, sql: """
            SELECT * FROM fixed_asset a WHERE organization_id = ?
              AND NOT EXISTS (SELECT 1 FROM depreciation d WHERE d.asset_id = a.id AND d.period = ?) ORDER BY code
            """, arguments: [organizationID, period])
    }

    func insertDepreciation(_ charge: DepreciationRecord) throws {
        try charge.insert(db)
    }
}
