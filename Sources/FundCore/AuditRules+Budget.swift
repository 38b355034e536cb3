/// The budget rules beside `budget-overrun`: spending on no line of the approved budget, and a
/// budget whose spending is not covered by its income and the surplus carried in.
extension AuditRules {
    /// The rules of this group, in the order their findings are listed.
    static let budgetRules: [AuditRule] = [
        AuditRule(id: "unbudgeted-spending", chinese: "无预算支出", english: "Spending without a budget line", severity: .medium,
                  explanation: "Spending on an expenditure account that no line of the approved budget covers (预算外支出).",
                  check: unbudgetedSpending),
        AuditRule(id: "deficit-budget", chinese: "赤字预算", english: "Deficit budget", severity: .medium,
                  explanation: "The approved budget spends more than its income lines bring in and the free surplus (322 工会资金结余) carried into the year covers.",
                  check: deficitBudget),
    ]

    static func unbudgetedSpending(_ input: AuditInput) throws(SumOverflow) -> [FindingDraft] {
        let expenseLines = input.budget.filter { !$0.key.isIncome }
        guard !input.budget.isEmpty else { return [] }
        var totals: [String: (fen: Int64, vouchers: [Int64])] = [:]
        for voucher in input.vouchers where voucher.draft.kind == .entry {
            for line in spendingLines(voucher) where !expenseLines.contains(where: {
                $0.key.matches(account: line.accountCode, expenseType: line.dimensions.expenseType, project: line.dimensions.project, counterpart: line.dimensions.counterpart)
            }) {
                let sum = try (totals[line.accountCode]?.fen ?? 0).adding(line.signedFen, or: SumOverflow(organization: input.organization.code, account: line.accountCode, year: input.year))
                totals[line.accountCode] = (sum, (totals[line.accountCode]?.vouchers ?? []) + [voucher.id])
            }
        }
        return totals.filter { $0.value.fen > 0 }.sorted { $0.key < $1.key }.map { account, total in
            let amount = Money(fen: total.fen)
            return FindingDraft(rule: "unbudgeted-spending", key: account, vouchers: Array(total.vouchers.suffix(20)), amount: amount,
                                text: input.say("\(input.organization.code) spent \(amount.grouped) on \(account) in \(input.year), which no line of the approved budget covers; spend only within the budget, or adjust it first (预算调整)",
                                                 "\(input.organization.code) \(input.year) 年在 \(account) 支出 \(amount.grouped)，批准的预算中没有相应的预算行；无预算不得支出，确需支出的应先调整预算"))
        }
    }

    static func deficitBudget(_ input: AuditInput) throws(SumOverflow) -> [FindingDraft] {
        guard !input.budget.isEmpty else { return [] }
        let overflow = SumOverflow(organization: input.organization.code, account: nil, year: input.year)
        var income: Int64 = 0, spending: Int64 = 0
        for line in input.budget {
            if line.key.isIncome { income = try income.adding(line.budget.fen, or: overflow) } else { spending = try spending.adding(line.budget.fen, or: overflow) }
        }
        let surplus = max(0, try -total(input.openingNets, ["322"], input))
        let covered = try income.adding(surplus, or: overflow)
        guard spending > covered else { return [] }
        let gap = Money(fen: spending - covered)
        return [FindingDraft(rule: "deficit-budget", key: String(input.year), amount: gap,
                             text: input.say("the \(input.year) budget of \(input.organization.code) spends \(Money(fen: spending).grouped) against income of \(Money(fen: income).grouped) and a surplus carried in of \(Money(fen: surplus).grouped): \(gap.grouped) uncovered; a union budget balances (收支平衡，不列赤字)",
                                              "\(input.organization.code) \(input.year) 年预算支出 \(Money(fen: spending).grouped)，收入 \(Money(fen: income).grouped)，上年结余 \(Money(fen: surplus).grouped)：缺口 \(gap.grouped)；工会预算应收支平衡，不列赤字"))]
    }
}
