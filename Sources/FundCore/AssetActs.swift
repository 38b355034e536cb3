/// What happens to a fixed asset besides its depreciation: found in a count (盘盈), scrapped
/// (报废), sold (出售) or missing in a count (盘亏). Each goes through 182 待处理财产损溢 in two
/// steps, as the standard books them: the act itself, and the settlement once it is approved.
public enum AssetAct: String, CaseIterable, Hashable, Sendable, Codable {
    /// 盘盈: an asset found in a count, carried at its appraised value.
    case surplus
    /// 报废: scrapped.
    case scrap
    /// 出售: sold; the proceeds are an ordinary receipt (Dr 102 / Cr 408), not part of the act.
    case sale
    /// 盘亏: missing in a count.
    case loss

    /// The act as a voucher's summary and a message name it.
    public var chinese: String {
        switch self {
        case .surplus: "盘盈"
        case .scrap: "报废"
        case .sale: "出售"
        case .loss: "盘亏"
        }
    }

    /// Whether the act takes the asset out of the register (all but 盘盈).
    public var disposes: Bool { self != .surplus }
}

/// Why an asset act was refused.
public enum AssetActProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The register has no asset of that code.
    case unknownAsset(organization: String, code: String)
    /// The asset has already been scrapped, sold or found missing.
    case alreadyDisposed(organization: String, code: String, act: AssetAct)
    /// Nothing of the asset waits on 182 for approval.
    case nothingPending(organization: String, code: String)
    /// The act is dated before the asset was acquired (or before the act it settles).
    case actBeforeAcquired(code: String, date: LocalDate, acquired: LocalDate)

    /// The message a finance officer reads, with what to do and the rule id.
    public var description: String {
        let text = switch self {
        case let .unknownAsset(organization, code):
            "the register of \(organization) has no asset \(code); list it with `fundledger asset list --org \(organization)`"
        case let .alreadyDisposed(organization, code, act):
            "asset \(code) of \(organization) was already taken out of the register (\(act.rawValue), \(act.chinese)); an asset is disposed of once"
        case let .nothingPending(organization, code):
            "asset \(code) of \(organization) has nothing waiting on 182 待处理财产损溢 for approval; settle only after `asset surplus` or `asset dispose`"
        case let .actBeforeAcquired(code, date, acquired):
            "the act on asset \(code) is dated \(date), before \(acquired); date it on or after \(acquired)"
        }
        return text + " [\(rule)]"
    }

    /// The rule's id, as the message prints it in brackets.
    public var rule: String {
        switch self {
        case .unknownAsset: "asset-unknown"
        case .alreadyDisposed: "asset-already-disposed"
        case .nothingPending: "asset-nothing-pending"
        case .actBeforeAcquired: "asset-act-before-acquired"
        }
    }

    /// What kind of refusal it is.
    public var category: ErrorCategory {
        switch self {
        case .unknownAsset: .notFound
        case .alreadyDisposed, .nothingPending: .conflict
        case .actBeforeAcquired: .invalidInput
        }
    }
}

/// The vouchers of the asset acts, decided as pure functions: the store loads the card and what
/// it has been depreciated, and posts the draft.
///
/// - 盘盈, step 1: Dr 162 固定资产 / Cr 182 (the appraised value); step 2: Dr 182 / Cr 301 资产基金.
/// - 报废, 出售, 盘亏, step 1: Dr 182 (the net book value) + Dr 163 累计折旧 (what was depreciated)
///   / Cr 162 (the cost); step 2: Dr 301 / Cr 182 (the net book value).
///
/// 301 is the detail that mirrors fixed assets in the chart (30104 at county level).
public enum AssetActs {
    /// Step 1 of 盘盈, dated the day the asset was found: Dr 162 / Cr 182 of its value.
    public static func surplus(_ asset: FixedAsset, date: LocalDate, preparer: String) -> VoucherDraft {
        let summary = "盘盈固定资产 \(asset.code) \(asset.name)"
        return VoucherDraft(organization: asset.organization, date: date, summary: summary, preparer: preparer, lines: [
            VoucherLine(accountCode: "162", side: .debit, amount: asset.cost, summary: summary),
            VoucherLine(accountCode: AssetFund.pendingAccount, side: .credit, amount: asset.cost, summary: summary),
        ])
    }

    /// Step 1 of a disposal (报废, 出售, 盘亏): the cost leaves 162, what was depreciated leaves 163
    /// and the net book value waits on 182. `depreciated` is at most the cost.
    public static func dispose(_ asset: FixedAsset, act: AssetAct, depreciated: Money, date: LocalDate, preparer: String) -> VoucherDraft {
        let summary = "\(act.chinese)固定资产 \(asset.code) \(asset.name)"
        let accumulated = min(max(depreciated.fen, 0), asset.cost.fen)
        var lines: [VoucherLine] = []
        if asset.cost.fen - accumulated > 0 {
            lines.append(VoucherLine(accountCode: AssetFund.pendingAccount, side: .debit, amount: Money(fen: asset.cost.fen - accumulated), summary: summary))
        }
        if accumulated > 0 {
            lines.append(VoucherLine(accountCode: "163", side: .debit, amount: Money(fen: accumulated), summary: summary))
        }
        lines.append(VoucherLine(accountCode: "162", side: .credit, amount: asset.cost, summary: summary))
        return VoucherDraft(organization: asset.organization, date: date, summary: summary, preparer: preparer, lines: lines)
    }

    /// The net book value a disposal leaves on 182: the cost less what was depreciated.
    public static func pendingValue(_ asset: FixedAsset, act: AssetAct, depreciated: Money) -> Money {
        act.disposes ? Money(fen: asset.cost.fen - min(max(depreciated.fen, 0), asset.cost.fen)) : asset.cost
    }

    /// Step 2, once the act is approved: 182 is cleared against 301 (盘盈 Dr 182 / Cr 301, the
    /// others Dr 301 / Cr 182), or nil when nothing waits on 182 (a fully depreciated asset).
    public static func settle(_ asset: FixedAsset, act: AssetAct, pending: Money, date: LocalDate, chart: Chart, preparer: String) -> VoucherDraft? {
        guard pending.fen > 0 else { return nil }
        let fund = AssetFund.fundAccount(for: "162", chart: chart)
        let summary = act.disposes ? "\(act.chinese)固定资产 \(asset.code) \(asset.name) 经批准核销资产基金"
                                   : "盘盈固定资产 \(asset.code) \(asset.name) 经批准转入资产基金"
        let (debit, credit) = act.disposes ? (fund, AssetFund.pendingAccount) : (AssetFund.pendingAccount, fund)
        return VoucherDraft(organization: asset.organization, date: date, summary: summary, preparer: preparer, lines: [
            VoucherLine(accountCode: debit, side: .debit, amount: pending, summary: summary),
            VoucherLine(accountCode: credit, side: .credit, amount: pending, summary: summary),
        ])
    }
}

/// One act of a card as the register lists it: what was done, when, what waited on 182 and
/// when it was settled (nil while it waits for approval).
public struct AssetActEntry: Hashable, Sendable {
    public var act: AssetAct
    public var date: LocalDate
    public var pending: Money
    public var settledOn: LocalDate?

    /// An entry as the register holds it, or as a test expects it.
    public init(act: AssetAct, date: LocalDate, pending: Money, settledOn: LocalDate?) {
        self.act = act
        self.date = date
        self.pending = pending
        self.settledOn = settledOn
    }
}
