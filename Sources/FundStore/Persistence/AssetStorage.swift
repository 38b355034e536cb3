import FundCore

/// The fixed-asset register (固定资产卡片) and the depreciation charged against it.
protocol AssetStorage: GeneratedVoucherStorage {
    /// Whether the organisation's register has an asset `code`.
    func fixedAssetExists(organizationID: Int64, code: String) throws -> Bool
    /// Adds an asset to the register; returns its row id.
    @discardableResult
    func insertFixedAsset(_ asset: FixedAssetRecord) throws -> Int64
    /// The asset `code` of the register, if there is one.
    func fixedAsset(organizationID: Int64, code: String) throws -> FixedAssetRecord?
    /// The class of each classed card of the organisation, by the card's row id.
    func fixedAssetClasses(organizationID: Int64) throws -> [Int64: AssetClass]
    /// Records the class of a card.
    func insertFixedAssetClass(_ record: FixedAssetClassRecord) throws
    /// The acts (盘盈, 报废, 出售, 盘亏) of one card.
    func fixedAssetActs(assetID: Int64) throws -> [FixedAssetActRecord]
    /// The acts of every card of the organisation, by the card's row id.
    func fixedAssetActs(organizationID: Int64) throws -> [Int64: [FixedAssetActRecord]]
    /// Records an act.
    func insertFixedAssetAct(_ record: FixedAssetActRecord) throws
    /// Marks an act settled (approved) on `date` by `voucherID` (nil: nothing waited on 182).
    func settleFixedAssetAct(assetID: Int64, act: AssetAct, voucherID: Int64?, on date: LocalDate) throws
    /// What a card has been depreciated in all, in fen.
    func depreciatedFen(assetID: Int64) throws -> Int64
    /// The organisation's register, by code.
    func fixedAssets(organizationID: Int64) throws -> [FixedAssetRecord]
    /// The assets of the register not yet depreciated for `period` and not disposed of in it or
    /// before (a card leaves depreciation in the month it is disposed of), by code.
    func fixedAssetsNotDepreciated(organizationID: Int64, period: Int) throws -> [FixedAssetRecord]
    /// Records one asset's depreciation for a month.
    func insertDepreciation(_ charge: DepreciationRecord) throws
}
