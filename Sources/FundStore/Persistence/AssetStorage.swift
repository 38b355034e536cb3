import FundCore

/// The fixed-asset register (固定资产卡片) and the depreciation charged against it.
protocol AssetStorage: GeneratedVoucherStorage {
    /// Whether the organisation's register has an asset `code`.
    func fixedAssetExists(organizationID: Int64, code: String) throws -> Bool
    /// Adds an asset to the register.
    func insertFixedAsset(_ asset: FixedAssetRecord) throws
    /// The organisation's register, by code.
    func fixedAssets(organizationID: Int64) throws -> [FixedAssetRecord]
    /// The assets of the register not yet depreciated for `period`, by code.
    func fixedAssetsNotDepreciated(organizationID: Int64, period: Int) throws -> [FixedAssetRecord]
    /// Records one asset's depreciation for a month.
    func insertDepreciation(_ charge: DepreciationRecord) throws
}
