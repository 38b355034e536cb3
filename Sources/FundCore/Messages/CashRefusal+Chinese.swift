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
