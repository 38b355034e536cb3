extension MoneyError: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        switch self {
        case .empty:
            "金额为空；请填写数字，如 12 或 12.50 [bad-amount]"
        case let .invalidCharacter(text, character):
            "“\(text)”不是金额：不允许字符“\(character)”；请只写数字和至多一个小数点，不用千位分隔符或指数，如 1234.50 [bad-amount]"
        case let .misplacedSign(text):
            "“\(text)”不是金额：负号“-”只能写在最前面，且只能有一个 [bad-amount]"
        case let .tooManyDecimals(text):
            "“\(text)”的小数超过两位；金额以元为单位，精确到分（0.01） [bad-amount]"
        case let .noDigits(text):
            "“\(text)”不是金额：小数点前后没有数字 [bad-amount]"
        case let .outOfRange(text):
            "“\(text)”过大：金额须在 ±92,233,720,368,547,758.07 元以内 [bad-amount]"
        case let .ambiguousGrouping(text):
            "“\(text)”含义不明：逗号只能作千位分隔，小数点前每三位一组，如 1,234.56 [bad-amount]"
        case let .invalidInputCharacter(text, character):
            "“\(text)”不是金额：不能含“\(character)”；请写数字，最多一个小数点，可加 ¥ 和千位逗号，如 ¥1,234.50 [bad-amount]"
        case let .overflow(operation):
            "合计 \(operation) 过大，无法精确保存；请把金额分到几张凭证里 [bad-amount]"
        }
    }
}
