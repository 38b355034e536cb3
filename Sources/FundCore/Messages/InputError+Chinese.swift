/// The Chinese statement of each rule an input file (journal, CSV, budget or calendar file) can
/// break, keyed by the rule id the error carries.
public enum InputRuleText {
    /// What the rule asks and how to fix the file, or nil for an id not (yet) given a text: the
    /// message then shows the check's own words alone. `MessageCatalogueTests` walks the ids.
    public static func chinese(_ rule: String) -> String? {
        switch rule {
        case "account-name-mismatch": "科目名称与编码不符；请核对科目编码或名称"
        case "amount-too-large": "金额超过单行限额；请拆成几行"
        case "bad-account": "科目编码不可用；请写科目编码，如 102 或 40302"
        case "bad-amount": "金额不可用；请写数字，至多两位小数"
        case "bad-budget", "bad-budget-line": "预算行不可用；请按预算文件格式填写"
        case "bad-calendar": "工作日历行不可用；请写日期（YYYY-MM-DD）和 holiday（休）或 workday（班）"
        case "bad-chart", "bad-flag", "bad-level", "bad-term", "bad-subsidy", "bad-asset": "该栏的值不可用；请按格式填写"
        case "bad-csv-quote": "CSV 引号不配对；请补上或删去引号"
        case "bad-date": "日期不可用；请写日历上真实的日期，如 2026-03-05"
        case "bad-header": "凭证首行不可用；格式为“日期 * (凭证号) 摘要  ; 标签”"
        case "bad-tag": "标签的值不可用；请按格式填写"
        case "bad-voucher-number": "凭证号不可用；请写 7、记-0007 或 2026-03/记-0007"
        case "bom-inside": "文件中间有字节顺序标记（BOM）；请删去"
        case "cr-line-endings", "mixed-line-endings": "换行符不统一；请统一用 LF 或 CRLF 换行"
        case "decimal-mark": "金额中的小数点不可用；请用“.”作小数点"
        case "duplicate-column": "列名重复；请只保留一列"
        case "duplicate-tag": "同一标签出现两次；请只保留一个"
        case "empty-file": "文件为空"
        case "empty-tag": "标签没有值；请填写或删去"
        case "file-too-large": "文件超过单次导入的上限；请按月或按单位拆分"
        case "line-too-long": "行过长；请缩短"
        case "missing-amount": "分录行没有金额；每行都要写金额，借方为正、贷方为负"
        case "missing-column": "缺少必需的列；请补上"
        case "missing-org": "凭证没有注明单位；请加上 org:单位代码 标签"
        case "missing-value": "必填栏为空；请填写"
        case "mixed-dates": "同一张凭证的各行日期不同；一张凭证只有一个日期"
        case "mixed-indentation": "缩进混用了制表符和空格；请统一"
        case "mixed-organizations": "同一张凭证的各行单位不同；请在每一行填写同一单位"
        case "negative-amount": "金额为负数；请把金额记在另一方（负数只用于红字冲销凭证）"
        case "no-transactions": "文件中没有凭证"
        case "nul-byte": "行中含 NUL 字节；这不是文本文件，请另存为 UTF-8 文本"
        case "number-period-mismatch": "凭证号所属月份与日期不符"
        case "pending-status": "凭证标记为“!”（待定）；只导入已确认（*）的凭证"
        case "posting-outside-transaction": "分录行不属于任何凭证；请写在凭证首行之下并缩进"
        case "subtotal-mismatch": "上级科目的余额与其明细科目之和不符；请核对该行或其明细行"
        case "too-few-lines": "凭证至少要有一行借方和一行贷方"
        case "too-many-lines": "凭证行数超过上限；请拆成几张凭证"
        case "unknown-column": "无法识别的列名；请用规定的列名"
        case "unknown-counterpart": "往来单位不在账套中；请先增设或更正代码"
        case "counterpart-required": "应收下级经费、补助下级支出和支付应付下级经费的行须注明往来单位（counterpart:下级工会代码）"
        case "unknown-org": "单位不在账套中；请先用 `fundledger org add` 增设或更正代码"
        case "unknown-tag": "无法识别的标签；请用规定的标签"
        case "unreadable-file": "文件无法打开；请检查路径和读取权限"
        case "unsupported-directive": "不支持的指令；只能导入凭证"
        case "zero-amount": "金额为零；请删去该行或填写金额"
        default: nil
        }
    }

    /// Every rule id given a text here, for the test that checks each has one.
    public static let known: [String] = [
        "account-name-mismatch", "amount-too-large", "bad-account", "bad-amount", "bad-budget", "bad-budget-line", "bad-calendar",
        "bad-chart", "bad-flag", "bad-level", "bad-term", "bad-subsidy", "bad-asset", "bad-csv-quote", "bad-date", "bad-header",
        "bad-tag", "subtotal-mismatch", "bad-voucher-number", "bom-inside", "cr-line-endings", "mixed-line-endings", "decimal-mark", "duplicate-column",
        "duplicate-tag", "empty-file", "empty-tag", "file-too-large", "line-too-long", "missing-amount", "missing-column", "missing-org",
        "missing-value", "mixed-dates", "mixed-indentation", "mixed-organizations", "negative-amount", "no-transactions", "nul-byte",
        "number-period-mismatch", "pending-status", "posting-outside-transaction", "too-few-lines", "too-many-lines", "unknown-column",
        "unknown-counterpart", "counterpart-required", "unknown-org", "unknown-tag", "unreadable-file", "unsupported-directive", "zero-amount",
    ]
}

extension InputError: LocalizedMessage {
    /// The location in Chinese (`文件:行 第 N 列`), the message in Chinese (the book's own Chinese
    /// text when the error came from the book, else the rule's text with the check's facts), and
    /// the English rule id in brackets.
    public var chinese: String {
        var location = file
        if line > 0 { location += ":" + String(line) }
        if let column { location += " 列 " + column }
        // A refusal of the book brings its whole Chinese message, rule id included.
        if let chineseMessage { return location + "：" + chineseMessage }
        let text = InputRuleText.chinese(rule).map { $0 + "（" + message + "）" } ?? message
        return location + "：" + text + " [" + rule + "]"
    }
}

extension InputErrors: LocalizedMessage {
    /// The first twenty errors in Chinese, then what became of the import.
    public var chinese: String {
        let shown = errors.prefix(20).map(\.chinese)
        let more = errors.count > 20 ? ["……另有 \(errors.count - 20) 个问题"] : []
        return (shown + more + ["未导入任何内容；请修改文件后重新导入"]).joined(separator: "\n")
    }
}
