import FundCore

/// A row of `fixed_asset`: one asset of an organisation's register, with who entered it.
struct FixedAssetRecord: Hashable, Sendable {
    var id: Int64?
    var organizationID: Int64
    var code: String
    var name: String
    var cost: Money
    var lifeMonths: Int
    var acquired: LocalDate
    var createdAt: String
    var createdBy: String

    /// The record of `asset` for the organisation with row id `organizationID`.
    init(asset: FixedAsset, organizationID: Int64, createdAt: String, createdBy: String) {
        self.init(organizationID: organizationID, code: asset.code, name: asset.name, cost: asset.cost, lifeMonths: asset.lifeMonths,
                  acquired: asset.acquired, createdAt: createdAt, createdBy: createdBy)
    }

    init(id: Int64? = nil, organizationID: Int64, code: String, name: String, cost: Money, lifeMonths: Int, acquired: LocalDate,
         createdAt: String, createdBy: String) {
        self.id = id
        self.organizationID = organizationID
        self.code = code
        self.name = name
        self.cost = cost
        self.lifeMonths = lifeMonths
        self.acquired = acquired
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    /// The asset as FundCore values, for the organisation `organization` (its code).
    func asset(organization: String) -> FixedAsset {
        FixedAsset(organization: organization, code: code, name: name, cost: cost, lifeMonths: lifeMonths, acquired: acquired)
    }
}

/// A row of `depreciation`: what one asset was depreciated in one month, and by which voucher.
struct DepreciationRecord: Hashable, Sendable {
    var assetID: Int64
    var period: Period
    var voucherID: Int64
    var amount: Money
}

/// A row of `fixed_asset_class`: the class of one card.
struct FixedAssetClassRecord: Hashable, Sendable {
    var assetID: Int64
    var assetClass: AssetClass
}

/// A row of `fixed_asset_act`: 盘盈, 报废, 出售 or 盘亏 of one card, the voucher that put its value
/// on 182, what waits there, and the voucher (and day) that settled it once approved.
struct FixedAssetActRecord: Hashable, Sendable {
    var assetID: Int64
    var act: AssetAct
    var date: LocalDate
    var voucherID: Int64
    var pending: Money
    var settledVoucherID: Int64?
    var settledOn: LocalDate?
    var recordedAt: String
    var recordedBy: String
}
