import FundCore

/// The asset acts: 盘盈 (a card found in a count), 报废, 出售 and 盘亏, each through 182
/// 待处理财产损溢 in the standard's two steps (`AssetActs`): the act, and its settlement against
/// 301 资产基金 once approved. Every voucher is prepared by the acting user and reviewed by
/// `reviewer`, another officer of the organisation; each act is one transaction.
extension AssetService {
    /// 盘盈: adds the card found in a count (dated the day it was found, at its appraised value)
    /// and posts Dr 162 / Cr 182. Returns the voucher.
    public func recordSurplus(_ asset: FixedAsset, reviewer: String) throws -> Voucher {
        do throws(FixedAssetError) { try asset.validate() } catch { throw BookError.fixedAsset(error) }
        try checkText(["the asset code": asset.code, "the asset name": asset.name])
        let reviewer = PersonName.normalized(reviewer)
        return try writing { storage in
            let id = try insertCard(storage, asset)
            let voucher = try storage.postGenerated(AssetActs.surplus(asset, date: asset.acquired, preparer: user), reviewer: reviewer, bookkeeper: user)
            try storage.insertFixedAssetAct(FixedAssetActRecord(assetID: id, act: .surplus, date: asset.acquired, voucherID: voucher.id,
                                                                pending: asset.cost, settledVoucherID: nil, settledOn: nil,
                                                                recordedAt: Store.now(), recordedBy: user))
            return voucher
        }
    }

    /// 报废, 出售 or 盘亏 of card `code` on `date`: its cost leaves 162, what it was depreciated
    /// leaves 163, and its net book value waits on 182 (Dr 182 + Dr 163 / Cr 162). The card is
    /// depreciated no more from that month. A card is disposed of once. Returns the voucher.
    public func dispose(organization: String, code: String, act: AssetAct, date: LocalDate, reviewer: String) throws -> Voucher {
        precondition(act.disposes, "盘盈 adds a card: recordSurplus")
        let reviewer = PersonName.normalized(reviewer)
        return try writing { storage in
            let (id, asset) = try card(storage, organization: organization, code: code)
            let acts = try storage.fixedAssetActs(assetID: id)
            if let done = acts.first(where: { $0.act.disposes }) {
                throw BookError.assetAct(.alreadyDisposed(organization: organization, code: code, act: done.act))
            }
            guard date >= asset.acquired else { throw BookError.assetAct(.actBeforeAcquired(code: code, date: date, acquired: asset.acquired)) }
            let depreciated = Money(fen: try storage.depreciatedFen(assetID: id))
            let draft = AssetActs.dispose(asset, act: act, depreciated: depreciated, date: date, preparer: user)
            let voucher = try storage.postGenerated(draft, reviewer: reviewer, bookkeeper: user)
            let pending = AssetActs.pendingValue(asset, act: act, depreciated: depreciated)
            // A fully depreciated card leaves nothing on 182: the act is settled as it is made.
            try storage.insertFixedAssetAct(FixedAssetActRecord(assetID: id, act: act, date: date, voucherID: voucher.id, pending: pending,
                                                                settledVoucherID: nil, settledOn: pending.isZero ? date : nil,
                                                                recordedAt: Store.now(), recordedBy: user))
            return voucher
        }
    }

    /// The settlement of card `code`'s act waiting on 182, once approved (审批后), on `date`:
    /// 盘盈 Dr 182 / Cr 301, a disposal Dr 301 / Cr 182. Returns the voucher and the act it settled.
    public func settle(organization: String, code: String, date: LocalDate, reviewer: String) throws -> (voucher: Voucher, act: AssetAct) {
        let reviewer = PersonName.normalized(reviewer)
        return try writing { storage in
            let (id, asset) = try card(storage, organization: organization, code: code)
            guard let waiting = try storage.fixedAssetActs(assetID: id).first(where: { $0.settledOn == nil }),
                  let draft = AssetActs.settle(asset, act: waiting.act, pending: waiting.pending, date: date,
                                               chart: try storage.chartOfAccounts(organization: organization), preparer: user) else {
                throw BookError.assetAct(.nothingPending(organization: organization, code: code))
            }
            guard date >= waiting.date else { throw BookError.assetAct(.actBeforeAcquired(code: code, date: date, acquired: waiting.date)) }
            let voucher = try storage.postGenerated(draft, reviewer: reviewer, bookkeeper: user)
            try storage.settleFixedAssetAct(assetID: id, act: waiting.act, voucherID: voucher.id, on: date)
            return (voucher, waiting.act)
        }
    }

    /// Card `code` of the register with its class, or `AssetActProblem.unknownAsset`.
    private func card(_ storage: any BookStorage, organization: String, code: String) throws -> (Int64, FixedAsset) {
        try authorize(storage, .writeBooks, organization: organization)
        let organizationID = try storage.organizationID(organization)
        guard let record = try storage.fixedAsset(organizationID: organizationID, code: code), let id = record.id else {
            throw BookError.assetAct(.unknownAsset(organization: organization, code: code))
        }
        var asset = record.asset(organization: organization)
        asset.assetClass = try storage.fixedAssetClasses(organizationID: organizationID)[id]
        return (id, asset)
    }
}
