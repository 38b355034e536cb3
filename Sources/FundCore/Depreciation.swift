/// A month's depreciation (计提折旧) of a fixed-asset register, decided as a pure function so that
/// the store only loads the register and applies the plan: posts the draft and records each
/// charge against its asset.
///
/// The voucher debits the 资产基金 detail that mirrors fixed assets (301, or 30104 where 301 has
/// details) with the month's total and credits 163 累计折旧 once per asset, each asset
/// straight-line as `FixedAsset.depreciation(in:)` gives it (the last month of its life takes
/// the remainder).
public enum Depreciation {
    /// One asset's charge in the month.
    public struct Charge: Hashable, Sendable {
        /// The asset's code in the register.
        public let assetCode: String
        /// What the month depreciates, always positive.
        public let amount: Money

        /// A charge as `plan` makes it, or as a test expects it.
        public init(assetCode: String, amount: Money) {
            self.assetCode = assetCode
            self.amount = amount
        }
    }

    /// What a month's depreciation posts: the voucher, and the charge per asset that the
    /// register keeps so that the month is never depreciated twice.
    public struct Plan: Hashable, Sendable {
        /// The depreciation voucher, dated the last day of the month.
        public let draft: VoucherDraft
        /// The assets charged, in the order of the voucher's 163 lines.
        public let charges: [Charge]
    }

    /// The month's depreciation of `assets` (those not yet depreciated for `period`), or nil
    /// when none of them depreciates in it (all outside their lives).
    public static func plan(organization: String, period: Period, assets: [FixedAsset], chart: Chart, preparer: String) -> Plan? {
        var lines: [VoucherLine] = []
        var charges: [Charge] = []
        var totalFen: Int64 = 0
        for asset in assets {
            let amount = asset.depreciation(in: period)
            guard amount.fen > 0 else { continue }
            lines.append(VoucherLine(accountCode: "163", side: .credit, amount: amount, summary: "\(asset.code) \(asset.name)"))
            charges.append(Charge(assetCode: asset.code, amount: amount))
            // A register too large for one voucher saturates the total; the voucher's own limits
            // then refuse it instead of the sum wrapping.
            let (sum, overflow) = totalFen.addingReportingOverflow(amount.fen)
            totalFen = overflow ? Int64.max : sum
        }
        guard totalFen > 0 else { return nil }
        let fund = VoucherLine(accountCode: AssetFund.fundAccount(for: "162", chart: chart), side: .debit, amount: Money(fen: totalFen))
        let draft = VoucherDraft(organization: organization, date: period.lastDay, summary: "计提\(period.year)年\(period.month)月固定资产折旧",
                                 preparer: preparer, kind: .depreciation, lines: [fund] + lines)
        return Plan(draft: draft, charges: charges)
    }
}
