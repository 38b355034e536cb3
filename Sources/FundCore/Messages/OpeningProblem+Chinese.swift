extension OpeningProblem: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        let text = switch self {
        case let .alreadyOpened(organization, firstPeriod):
            "\(organization) 已于 \(firstPeriod) 建账，不能再次录入期初余额；如需更正，请通过年初余额调整科目另做凭证"
        case let .activityPosted(organization, voucher):
            "\(organization) 已有凭证（\(voucher)），期初余额只能在记账之前录入；请另做凭证调整"
        case let .unbalanced(organization, debit, credit):
            "\(organization) 的期初余额不平衡：借方合计 \(debit.grouped)，贷方合计 \(credit.grouped)，差额 \(Money(fen: debit.fen &- credit.fen).grouped)；借方合计须等于贷方合计"
        case let .incomeOrExpenditure(organization, account, line):
            "\(line > 0 ? "第 \(line) 行：" : "")\(account) 是收入或支出科目，期末结转后无余额，不能录入期初余额；请将其并入 \(organization) 的 321/322 本年收支结转"
        case let .projectMissing(organization, account, line):
            "\(line > 0 ? "第 \(line) 行：" : "")\(organization) 的 \(account)（工会资金结转）须按项目录入期初余额；请在“项目”栏填写项目"
        case let .empty(organization):
            "\(organization) 没有任何科目的期初余额；请至少录入一个借方余额和一个贷方余额"
        }
        return text + " [\(rule)]"
    }
}
