extension YearEndActProblem: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        let text = switch self {
        case let .yearNotCarried(organization, year, account):
            "\(organization) \(year) 年尚有收支（\(account)）未结转；请先执行年终结转（`fundledger close-year --org \(organization) --year \(year)`）"
        case let .accountNotInChart(organization, account):
            "\(organization) 的会计科目中没有 \(account)；财政拨款（331/332）仅县级以上工会使用"
        case let .missingDocument(act):
            "\(act.chinese)须有批准文件，请用 --document 填写文号"
        case let .amountMissing(act):
            "\(act.chinese)须填写大于零的金额（--amount）"
        case let .aboveProjectLeftover(account, project, leftover, amount):
            "\(amount.grouped) 超过项目 \(project) 在 \(account) 的结余 \(leftover.grouped)，最多转入该结余"
        case let .aboveFreeSurplus(account, surplus, amount):
            "\(amount.grouped) 超过 \(account) 的可用结余 \(surplus.grouped)，调剂金额不得超过结余"
        case let .sumOverflow(overflow):
            overflow.chinese
        }
        if case .sumOverflow = self { return text }
        return text + " [\(rule)]"
    }
}
