/// The balance rules: 资产基金 against the non-cash assets it mirrors, capital spending against
/// the asset register, 182 待处理财产损溢 at year end, and whether the forms tie.
extension AuditRules {
    /// The rules of this group, in the order their findings are listed.
    static let balanceRules: [AuditRule] = [
        AuditRule(id: "asset-fund-mismatch", chinese: "资产基金与非货币性资产不符", english: "资产基金 differs from the non-cash assets", severity: .high,
                  explanation: "At the end of the year (or the day the audit looks from) 301 资产基金 is not equal to the net non-cash assets it mirrors (141, 151, 161, 162 less 163, 171 less 172, 181).",
                  check: assetFundMismatch),
        AuditRule(id: "capital-without-card", chinese: "资本性支出未登记资产卡片", english: "Capital spending without an asset card", severity: .medium,
                  explanation: "A purchase on 507 资本性支出 (not 50705 大型修缮) at or above the capitalisation threshold has no fixed-asset card of its cost acquired within 31 days of it.",
                  check: capitalWithoutCard),
        AuditRule(id: "suspense-open", chinese: "待处理财产损溢年末未处理完毕", english: "182 待处理财产损溢 open at year end", severity: .medium,
                  explanation: "182 待处理财产损溢 has a balance at the end of the year: a loss or surplus awaiting approval was not disposed of before the books closed.",
                  check: suspenseOpen),
        AuditRule(id: "forms-tie", chinese: "报表与账簿不符", english: "Forms that do not tie", severity: .high,
                  explanation: "The year-end figures the forms (工会01表, 工会02表, the trial balance) are built from do not balance, differ from the year's posted lines, or a closing voucher moved an account the 收入支出表 does not carry.",
                  check: formsTie),
    ]

    /// Net balance (debit minus credit) of every account on the day the audit looks from: the
    /// year's opening balance plus the posted lines up to that day.
    static func balances(_ input: AuditInput, through day: LocalDate) throws(SumOverflow) -> [String: Int64] {
        var nets = input.openingNets
        for voucher in input.vouchers where voucher.draft.date <= day {
            for line in voucher.draft.lines {
                nets[line.accountCode] = try (nets[line.accountCode] ?? 0).adding(line.signedFen, or: SumOverflow(organization: input.organization.code, account: line.accountCode, year: input.year))
            }
        }
        return nets
    }

    static func total(_ nets: [String: Int64], _ prefixes: [String], _ input: AuditInput) throws(SumOverflow) -> Int64 {
        var sum: Int64 = 0
        for (code, net) in nets where prefixes.contains(where: { code.hasPrefix($0) }) {
            sum = try sum.adding(net, or: SumOverflow(organization: input.organization.code, account: code, year: input.year))
        }
        return sum
    }

    static func assetFundMismatch(_ input: AuditInput) throws(SumOverflow) -> [FindingDraft] {
        let nets = try balances(input, through: input.asOfDay)
        let assets = try total(nets, AssetFund.mirroredAssets, input)
        let fund = try -total(nets, ["301"], input)
        guard assets != fund else { return [] }
        let difference = Money(fen: assets > fund ? assets - fund : fund - assets)
        let ids = input.vouchers.filter { $0.draft.date <= input.asOfDay && $0.draft.lines.contains { AssetFund.mirroredAssets.contains(String($0.accountCode.prefix(3))) || $0.accountCode.hasPrefix("301") } }.map(\.id)
        return [FindingDraft(rule: "asset-fund-mismatch", key: String(input.year), vouchers: Array(ids.suffix(20)), amount: difference,
                             text: input.say("on \(input.asOfDay) 301 资产基金 of \(input.organization.code) is \(Money(fen: fund).grouped) but the non-cash assets it mirrors come to \(Money(fen: assets).grouped), \(difference.grouped) apart; each purchase, depreciation, issue and disposal moves both by the same amount",
                                              "\(input.asOfDay) \(input.organization.code) 的 301 资产基金为 \(Money(fen: fund).grouped)，而其对应的非货币性资产净额为 \(Money(fen: assets).grouped)，相差 \(difference.grouped)；购置、折旧、领用和处置应同时等额变动二者"))]
    }

    /// The threshold from which a 507 purchase is capitalised: as `AssetFund.capitalPurchases`
    /// gives it, 1,000 yuan for the accounts it does not list.
    static func capitalThreshold(_ code: String) -> Int64 {
        AssetFund.capitalPurchases.first { code.hasPrefix($0.key) }?.value ?? 100_000
    }

    static func capitalWithoutCard(_ input: AuditInput) -> [FindingDraft] {
        var unused = input.assets.sorted { ($0.acquired, $0.code) < ($1.acquired, $1.code) }
        var result: [FindingDraft] = []
        for voucher in input.vouchers where voucher.draft.kind == .entry && !voucher.draft.isRedInk && voucher.reversedByID == nil {
            let purchases = voucher.draft.lines.filter { $0.accountCode.hasPrefix("507") && !$0.accountCode.hasPrefix("50705") && $0.side == .debit
                && $0.amount.fen >= capitalThreshold($0.accountCode) }
            for line in purchases {
                if let index = unused.firstIndex(where: { $0.cost == line.amount && abs(days(from: voucher.draft.date, to: $0.acquired)) <= 31 }) {
                    unused.remove(at: index)
                    continue
                }
                result.append(FindingDraft(rule: "capital-without-card", key: "\(voucher.id)|\(line.accountCode)", vouchers: [voucher.id], amount: line.amount,
                                           text: input.say("\(voucher.label) (\(voucher.draft.summary)) spends \(line.amount.grouped) on \(line.accountCode) 资本性支出 but the register has no fixed-asset card of that cost acquired within 31 days; record the card (asset add)",
                                                            "\(voucher.label)（\(voucher.draft.summary)）在 \(line.accountCode) 资本性支出列支 \(line.amount.grouped)，但固定资产登记中没有 31 天内购入、原值相同的卡片；请登记资产卡片（asset add）")))
            }
        }
        return result
    }

    static func suspenseOpen(_ input: AuditInput) throws(SumOverflow) -> [FindingDraft] {
        guard input.yearEnded else { return [] }
        let nets = try balances(input, through: input.lastDay)
        let open = try total(nets, ["182"], input)
        guard open != 0 else { return [] }
        let ids = input.vouchers.filter { $0.draft.lines.contains { $0.accountCode.hasPrefix("182") } }.map(\.id)
        let side = open > 0 ? input.say("debit", "借方") : input.say("credit", "贷方")
        let amount = Money(fen: abs(open))
        return [FindingDraft(rule: "suspense-open", key: String(input.year), vouchers: Array(ids.suffix(20)), amount: amount,
                             text: input.say("182 待处理财产损溢 of \(input.organization.code) ends \(input.year) with a \(side) balance of \(amount.grouped); a 盘盈, 盘亏 or 报废 awaiting approval is disposed of (to 301 and 510 or 403) before the year closes",
                                              "\(input.organization.code) 的 182 待处理财产损溢 \(input.year) 年末有\(side)余额 \(amount.grouped)；待批准的盘盈、盘亏或报废应在年终结账前处理完毕"))]
    }

    static func formsTie(_ input: AuditInput) throws(SumOverflow) -> [FindingDraft] {
        guard let closing = input.closingNets else { return [] }
        var result: [FindingDraft] = []
        let overflow = SumOverflow(organization: input.organization.code, account: nil, year: input.year)
        var sum: Int64 = 0
        for net in closing.values { sum = try sum.adding(net, or: overflow) }
        if sum != 0 {
            let difference = Money(fen: abs(sum))
            result.append(FindingDraft(rule: "forms-tie", key: "trial-balance", amount: difference,
                                       text: input.say("the year-end balances of \(input.organization.code) the forms are built from do not balance: debits exceed credits by \(Money(fen: sum).grouped); the trial balance and 工会01表 cannot tie (资产 ≠ 负债 + 净资产); run verify",
                                                        "\(input.organization.code) 编制报表所依据的年末余额借贷不平：借方减贷方为 \(Money(fen: sum).grouped)；科目余额表与工会01表无法平衡（资产 ≠ 负债 + 净资产）；请运行 verify")))
        }
        let fromLines = try balances(input, through: input.lastDay)
        let accounts = Set(closing.keys).union(fromLines.keys).sorted()
        let differing = accounts.filter { (closing[$0] ?? 0) != (fromLines[$0] ?? 0) }
        if !differing.isEmpty {
            let shown = differing.prefix(10).map { "\($0) \(Money(fen: closing[$0] ?? 0).grouped) / \(Money(fen: fromLines[$0] ?? 0).grouped)" }
            result.append(FindingDraft(rule: "forms-tie", key: "ledger",
                                       text: input.say("the year-end balances of \(input.organization.code) the forms are built from differ from the opening balances plus the year's posted lines on \(differing.count) account(s) (forms / lines): \(shown.joined(separator: "; ")); run verify",
                                                        "\(input.organization.code) 编制报表所依据的年末余额与年初余额加本年已记账分录不符的科目 \(differing.count) 个（报表 / 分录）：\(shown.joined(separator: "；"))；请运行 verify")))
        }
        for voucher in input.vouchers where voucher.draft.kind == .closing {
            let strays = Set(voucher.draft.lines.map(\.accountCode).filter { !(["3", "4", "5"].contains($0.prefix(1))) || $0.hasPrefix("301") }).sorted()
            guard !strays.isEmpty else { continue }
            result.append(FindingDraft(rule: "forms-tie", key: "closing|\(voucher.id)", vouchers: [voucher.id],
                                       text: input.say("closing voucher \(voucher.label) moves \(strays.joined(separator: ", ")), which the carry-forward does not touch, so 工会02表's 本期收支差额 no longer equals the change in 321, 322, 331 and 332",
                                                        "结转凭证 \(voucher.label) 变动了 \(strays.joined(separator: "、"))，这些科目不参与期末结转，工会02表的本期收支差额与 321、322、331、332 的变动不再相符")))
        }
        return result
    }
}
