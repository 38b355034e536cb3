/// 资产基金 pairing (domain notes §2.5): every non-cash asset is mirrored in 301 资产基金, so a
/// voucher that changes non-cash assets changes 301 by the same amount the other way
/// (purchase: Dr 162 / Cr 301; depreciation: Dr 301 / Cr 163; issuing stock: Dr 301 / Cr 141).
/// 182 待处理财产损溢 stands between the two in the standard's two-step entries: 盘盈 Dr 162 /
/// Cr 182, then (approved) Dr 182 / Cr 301; 报废, 出售 and 盘亏 Dr 182 + Dr 163 / Cr 162, then
/// Dr 301 / Cr 182. A voucher pairs when its assets and 182 together move 301 the other way.
public enum AssetFund {
    /// Non-cash asset accounts and their contra accounts, mirrored in 301.
    public static let mirroredAssets = ["141", "151", "161", "162", "163", "171", "172", "181"]

    /// Capital expenditure (every detail of 507 资本性支出, 50701–50707) that buys, builds or
    /// renews a fixed asset, with the threshold from which the spending must be capitalised
    /// (special equipment 1,500 yuan, everything else 1,000 yuan).
    public static let capitalPurchases: [String: Int64] = [
        "50701": 100_000, "50702": 100_000, "50703": 150_000, "50704": 100_000, "50705": 100_000, "50706": 100_000, "50707": 100_000,
    ]

    /// 待处理财产损溢: the account between an asset and 301 in 盘盈, 报废, 出售 and 盘亏.
    public static let pendingAccount = "182"

    /// The 资产基金 detail that mirrors an asset in a chart: 30104 (or 30101 for stock, 30105 for
    /// intangibles) where 301 has details, 301 itself in the grassroots chart.
    public static func fundAccount(for asset: String, chart: Chart) -> String {
        guard !chart.isLeaf("301") else { return "301" }
        switch String(asset.prefix(3)) {
        case "141": return "30101"
        case "151": return "30102"
        case "161": return "30103"
        case "171", "172": return "30105"
        case "181": return "30106"
        default: return "30104"
        }
    }

    static func isMirrored(_ code: String) -> Bool { mirroredAssets.contains(String(code.prefix(3))) }

    /// The rule: non-cash assets and 301 move together, and a capital purchase above the
    /// threshold brings its fixed asset with it.
    static let check: VoucherRules.Check = { draft, chart in
        var assetNet: Int64 = 0, fundNet: Int64 = 0, assetDebits: Int64 = 0, pendingNet: Int64 = 0
        var capital: [(Int, VoucherLine)] = []
        for (index, line) in draft.lines.enumerated() {
            if isMirrored(line.accountCode) {
                assetNet &+= line.signedFen
                if line.side == .debit { assetDebits &+= line.amount.fen }
            } else if line.accountCode.hasPrefix("301") {
                fundNet &+= line.signedFen
            } else if line.accountCode.hasPrefix(pendingAccount) {
                pendingNet &+= line.signedFen
            }
            if let threshold = capitalPurchases[line.accountCode], line.side == .debit, line.amount.fen >= threshold {
                capital.append((index, line))
            }
        }
        var problems: [VoucherProblem] = []
        // Either the assets alone mirror 301 (a purchase, depreciation, or 182 used for cash), or
        // with 182 they do (a step of 盘盈 or of a disposal).
        let paired = assetNet == -fundNet || (pendingNet != 0 && assetNet &+ pendingNet == -fundNet)
        if !paired {
            problems.append(VoucherProblem(.assetFundUnpaired,
                "non-cash assets change by \(Money(fen: assetNet)) but 301 资产基金 by \(Money(fen: -fundNet)); each asset is mirrored in 资产基金: pair Dr 162 (or 141) with Cr \(fundAccount(for: "162", chart: chart)), and Dr 301 with Cr 163 for depreciation",
                chinese: "非货币性资产变动 \(Money(fen: assetNet))，而 301 资产基金变动 \(Money(fen: -fundNet))；每项资产都须在资产基金中等额反映：借 162（或 141）配贷 \(fundAccount(for: "162", chart: chart))，计提折旧时借 301 配贷 163"))
        }
        if !capital.isEmpty && assetDebits == 0 && !draft.isRedInk {
            let (index, line) = capital[0]
            problems.append(VoucherProblem(.capitalWithoutAsset, line: index,
                "line \(index + 1) buys equipment for \(line.amount) through \(line.accountCode) but no fixed asset is recorded; add Dr 162 固定资产 / Cr \(fundAccount(for: "162", chart: chart)) 资产基金 of the same amount (`voucher add --asset-pair` writes them)",
                chinese: "第 \(index + 1) 行经 \(line.accountCode) 购置设备 \(line.amount)，但没有登记固定资产；请加上等额的 借 162 固定资产 / 贷 \(fundAccount(for: "162", chart: chart)) 资产基金（`voucher add --asset-pair` 可代为填写）"))
        }
        return problems
    }

    /// The lines that pair each capital purchase of `draft` with its fixed asset and fund.
    public static func pairLines(for draft: VoucherDraft, chart: Chart) -> [VoucherLine] {
        draft.lines.filter { capitalPurchases[$0.accountCode] != nil && $0.side == .debit }.flatMap { line in
            [VoucherLine(accountCode: "162", side: .debit, amount: line.amount, summary: line.summary, dimensions: line.dimensions),
             VoucherLine(accountCode: fundAccount(for: "162", chart: chart), side: .credit, amount: line.amount, summary: line.summary)]
        }
    }
}
