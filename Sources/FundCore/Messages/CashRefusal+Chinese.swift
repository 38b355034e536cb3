extension CashRefusal: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        let text = switch self {
        case let .cashNegative(voucher, shortfall):
            "凭证 \(voucher) 记账后，\(shortfall.organization) 的库存现金 \(shortfall.account) 于 \(shortfall.whenChinese) 将出现贷方余额 \(shortfall.credit.grouped)；库存现金不得为负数，请核对金额，或将付款日期排在收款之后，或先登记漏记的收款"
        case let .bankNegative(voucher, shortfall):
            "凭证 \(voucher) 记账后，\(shortfall.organization) 的银行存款 \(shortfall.account) 于 \(shortfall.whenChinese) 将出现贷方余额 \(shortfall.credit.grouped)，本单位设定不允许银行存款透支；请对照银行对账单核对金额和日期，或先登记收款"
        case let .cashierRecordsCashOnly(organization, user):
            "\(user) 是 \(organization) 的出纳，只能登记收款、付款凭证（凭证一方全部为 101 库存现金或 102 银行存款）；其他凭证由财务人员登记"
        case let .cashierOwnName(user, preparer):
            "出纳 \(user) 以本人名义登记凭证，制单人不能写 \(preparer)；请把制单人写为 \(user)"
        case let .notACashVoucher(voucher):
            "凭证 \(voucher) 没有 101 库存现金或 102 银行存款分录，没有需要出纳确认的收付款"
        case let .confirmUnreviewed(voucher):
            "凭证 \(voucher) 尚未审核；出纳在凭证审核后办理收付款并确认"
        case let .alreadyConfirmed(voucher, cashier, at):
            "凭证 \(voucher) 已由出纳 \(cashier) 于 \(BeijingTime.display(at)) 确认收付，每张凭证只确认一次"
        case let .cashierIsReviewer(voucher, name):
            "\(name) 审核了凭证 \(voucher)，不能再以出纳身份确认其收付（出纳不得兼任稽核）；请由出纳确认"
        case let .statementBalanceBroken(file, line, previous, movement, stated):
            if let previous {
                "\(file) 第 \(line) 行：余额 \(stated.grouped) 与上一行余额 \(previous.grouped) 加减本行\(movement.fen >= 0 ? "收入" : "支出") \(Money(fen: movement.fen == .min ? .max : abs(movement.fen)).grouped) 的结果不符；对账单缺行或数字有误，请从银行重新导出对账单"
            } else {
                "\(file) 第 \(line) 行：余额 \(stated.grouped) 与本行金额 \(movement.grouped) 推算的期初余额超出账簿能记录的金额"
            }
        case let .notABankAccount(organization, account):
            "\(account) 不是 \(organization) 的银行存款账户：对账单只能导入 102 银行存款或其明细科目（末级科目）"
        case let .statementAlreadyImported(organization, account, statement, importedAt):
            "这份对账单已于 \(BeijingTime.display(importedAt)) 导入 \(organization) \(account)（对账单 #\(statement)），不能重复导入"
        case let .statementOverlaps(organization, account, from, to, statement, existingFrom, existingTo):
            "对账单期间 \(from) 至 \(to) 与 \(organization) \(account) 已导入的对账单 #\(statement)（\(existingFrom) 至 \(existingTo)）重叠，其中各行会重复计算；请只导入 \(existingTo) 以后的日期"
        case let .statementDoesNotContinue(organization, account, statement, expected, found):
            "对账单与 \(organization) \(account) 的对账单 #\(statement) 接不上：一份的余额为 \(expected.grouped)，另一份从 \(found.grouped) 开始；请先导入中间期间的对账单"
        case let .statementLineNotFound(organization, line):
            "\(organization) 没有第 #\(line) 号对账单行；`fundledger cash statement lines` 可列出各行"
        case let .statementLineMatched(line, voucher):
            "对账单行 #\(line) 已与 \(voucher) 勾对；请先取消勾对"
        case let .voucherLineMatched(voucher, line):
            "\(voucher) 的银行存款分录已与对账单行 #\(line) 勾对；请先取消该行的勾对"
        case let .matchDiffers(line, voucher, account, amount, side):
            "\(voucher) 没有与对账单行 #\(line) 相同的已记账 \(account) 分录（\(side == .debit ? "收入（借方）" : "支出（贷方）") \(amount.grouped)）；请与登记这笔收付的凭证勾对"
        case let .statementLineUnmatched(line):
            "对账单行 #\(line) 尚未与任何凭证勾对"
        case let .noStatement(organization, account, date):
            "\(organization) 没有 \(account) 在 \(date) 或以前有记录的银行对账单；请先导入银行对账单（`fundledger cash statement import`）"
        case let .matchDaysOutOfRange(days):
            "--days \(days) 超出 0 至 \(BankMatching.maximumDays) 天的范围：范围过宽会把金额相同但无关的收付勾对在一起"
        }
        return text + " [\(rule)]"
    }
}

extension CashShortfall: LocalizedMessage {
    /// The warning in Chinese, with the rule id in brackets.
    public var chinese: String {
        "\(organization) 的\(kind.chinese) \(account) 于 \(whenChinese) 将出现贷方余额 \(credit.grouped) [\(kind == .cash ? "cash-negative" : "bank-negative")]"
    }
}
