extension BudgetProblem: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        switch self {
        case let .alreadyApproved(organization, year):
            "\(organization) \(year) 年的预算已经批复 [budget]"
        case let .notApproved(organization, year):
            "\(organization) \(year) 年的预算还是草案；请修改草案后重新导入，或先批复 [budget]"
        case let .invalidLine(problem):
            problem.chinese
        case let .lineBelowZero(key, amount):
            "预算行 \(key) 将降到 \(amount)；预算行不能低于零 [budget]"
        case let .adjustmentTooLarge(key, amount):
            "预算行 \(key)：\(amount.grouped) 超过预算行或调整的限额 \(Money(fen: Limits.lineAmountFen).grouped) 元；请分次少量调整或拆分预算行 [amount-too-large]"
        }
    }
}

extension BudgetLineProblem: LocalizedMessage {
    /// The Chinese text of the problem, with the English rule id in brackets.
    public var chinese: String {
        switch self {
        case let .unknownAccount(account, chart):
            "科目 \(account) 不在\(chart.chinese)中 [budget]"
        case let .notIncomeOrExpenditure(account, name):
            "科目 \(account) \(name) 不是收入或支出科目；预算只编列收入和支出 [budget]"
        case let .negativeAmount(key, amount):
            "预算行 \(key) 的金额 \(amount) 为负数 [budget]"
        case let .overlap(a, b):
            "预算行 \(a) 与 \(b) 重叠：一笔支出会同时计入两行；请只对科目或只对其明细编列预算 [budget]"
        case let .amountTooLarge(key, amount):
            "预算行 \(key) 的金额 \(amount.grouped) 超过每行限额 \(Money(fen: Limits.lineAmountFen).grouped) 元；请拆成几行 [amount-too-large]"
        }
    }
}

extension BudgetOverrun {
    /// The overrun as a Chinese budget-control message lists it.
    public var chinese: String {
        let over = spent.fen.subtractingReportingOverflow(budgeted.fen)
        return "预算行 \(key)：已支出 \(spent.grouped)，预算 \(budgeted.grouped)（超出 \(over.overflow ? "92,233,720,368,547,758.07 以上" : Money(fen: over.partialValue).grouped)）"
    }
}
