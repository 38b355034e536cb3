/// Reads the journal format (a strict subset of hledger's) one line at a time, so a file of any
/// size streams through in constant memory. Feed lines in order; each completed transaction
/// comes back from `feed` or `finish`.
///
/// ```
/// 2026-03-05 * (2026-03/记-0007) 收到县总工会劳动竞赛项目补贴  ; org:FED-LQ, attachments:2, preparer:王芳
///     102 银行存款                                5000.00
///     40302 上级补助收入/专项转移支付补助        -5000.00  ; project:XB-2026-017
/// ```
public struct JournalParser {
    public let file: String
    private var pending: JournalEntry?
    /// How the open transaction's postings are indented (its first posting decides).
    private var indentation: Character?
    /// hledger and Ledger directives that a FundLedger journal does not use.
    static let directives: Set<String> = ["account", "alias", "apply", "assert", "bucket", "capture", "check", "comment",
                                          "commodity", "D", "decimal-mark", "define", "end", "include", "P", "payee",
                                          "tag", "test", "year", "Y", "=", "~"]
    /// The user to record as preparer when a transaction names none.
    public var defaultPreparer: String
    /// Postings as a person types them on the command line: the amount is the last word,
    /// after any whitespace (`102 85000`), and may be written as people write it (`¥1,234.56`,
    /// full-width digits; `Money(input:)`). A journal file keeps hledger's form: two spaces
    /// or a tab before a plain amount.
    public var typedPostings = false

    public init(file: String, defaultPreparer: String) {
        self.file = file
        self.defaultPreparer = defaultPreparer
    }

    private func error(_ line: Int, _ rule: String, _ message: String, _ chinese: String) -> InputError {
        InputError(file: file, line: line, rule: rule, message: message, chinese: chinese)
    }

    /// Consumes one line (without its line ending). Returns the previous transaction when this
    /// line starts a new one.
    public mutating func feed(_ text: Substring, line: Int) throws(InputError) -> JournalEntry? {
        if text.utf8.count > Limits.lineBytes {
            throw error(line, "line-too-long", "the line has \(text.utf8.count) bytes, more than the limit of \(Limits.lineBytes); a journal line holds one transaction header or one posting",
                "该行有 \(text.utf8.count) 个字节，超过上限 \(Limits.lineBytes)；日记账的一行只写一个凭证首行或一个分录行")
        }
        guard let first = text.first else {
            return try finishPending()
        }
        if first == ";" || first == "#" {
            return nil
        }
        if first == " " || first == "\t" {
            let body = text.trimmingWhitespace
            if body.isEmpty { return try finishPending() }
            guard pending != nil else {
                throw error(line, "posting-outside-transaction", "an indented line must belong to a transaction; start the transaction with a line \"YYYY-MM-DD * summary\" before its postings",
                "缩进的分录行必须属于某张凭证；请先写凭证首行“YYYY-MM-DD * 摘要”，再写其分录行")
            }
            if body.hasPrefix(";") {
                try applyCommentTags(Substring(body.dropFirst()), line: line)
            } else {
                if let indentation, indentation != first {
                    throw error(line, "mixed-indentation", "this posting is indented with \(first == "\t" ? "a tab" : "spaces") but the transaction's first posting with \(indentation == "\t" ? "a tab" : "spaces"); indent every posting of a transaction the same way",
                "本分录行用\(first == "\t" ? "制表符" : "空格")缩进，而本凭证第一行分录用\(indentation == "\t" ? "制表符" : "空格")缩进；同一张凭证的分录行请用同一种缩进")
                }
                indentation = first
                try parsePosting(Substring(body), line: line)
            }
            return nil
        }
        let finished = try finishPending()
        let word = text.prefix(while: { !$0.isWhitespace })
        if JournalParser.directives.contains(String(word)) {
            throw error(line, "unsupported-directive", "the directive \"\(word)\" is not part of FundLedger's journal; accounts come from the chart (`fundledger account list`). Remove the line",
                "日记账不支持指令“\(word)”；科目来自科目表（`fundledger account list`）。请删去该行")
        }
        try parseHeader(text, line: line)
        return finished
    }

    /// Ends the input and returns the last transaction, if one is open.
    public mutating func finish() throws(InputError) -> JournalEntry? {
        try finishPending()
    }

    private mutating func finishPending() throws(InputError) -> JournalEntry? {
        guard let entry = pending else { return nil }
        pending = nil
        indentation = nil
        if entry.draft.lines.count < 2 {
            throw error(entry.headerLine, "too-few-lines", "the transaction has \(entry.draft.lines.count) posting\(entry.draft.lines.count == 1 ? "" : "s"); a voucher needs at least one debit and one credit posting, each with its amount",
                "凭证只有 \(entry.draft.lines.count) 行分录；凭证至少要有一行借方和一行贷方，每行都要写金额")
        }
        return entry
    }

    // MARK: header

    private mutating func parseHeader(_ text: Substring, line: Int) throws(InputError) {
        let (body, comment) = splitComment(text)
        guard body.utf8.count >= 10, let date = LocalDate(parsing: body.prefix(10)) else {
            let shown = String(body.prefix(10))
            if body.utf8.count >= 10, shown.utf8.count == 10, shown.allSatisfy({ $0.isNumber || $0 == "-" }) {
                throw error(line, "bad-date", "\"\(shown)\" is not a date of the calendar; write a real date as YYYY-MM-DD, such as 2026-03-05",
                "“\(shown)”不是日历上的日期；请写真实的日期，格式 YYYY-MM-DD，如 2026-03-05")
            }
            throw error(line, "bad-header", "a transaction starts with its date as YYYY-MM-DD, then optional * and (number), then the summary; found \"\(String(text.prefix(40)))\"",
                "凭证首行应以日期 YYYY-MM-DD 开头，其后可写 * 和（凭证号），再写摘要；现为“\(String(text.prefix(40)))”")
        }
        var rest = Substring(body.dropFirst(10))
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else {
            throw error(line, "bad-date", "the date must be followed by a space; found \"\(String(body.prefix(12)))\"",
                "日期后面要有一个空格；现为“\(String(body.prefix(12)))”")
        }
        rest = Substring(rest.trimmingWhitespace)
        if rest.first == "!" {
            throw error(line, "pending-status", "the pending mark '!' is not supported: every imported voucher is posted; use '*' or no mark, or prepare drafts with `fundledger voucher add`",
                "不支持待定标记“!”：导入的凭证都会记账；请用“*”或不加标记，草稿请用 `fundledger voucher add` 填制")
        }
        if rest.first == "*" { rest = Substring(rest.dropFirst().trimmingWhitespace) }
        var number: Int?
        var word = "记"
        if rest.first == "(" {
            guard let close = rest.firstIndex(of: ")") else {
                throw error(line, "bad-voucher-number", "the voucher number in parentheses is not closed; write it as (2026-03/记-0007)",
                "括号中的凭证号缺少右括号；请写作 (2026-03/记-0007)")
            }
            let code = rest[rest.index(after: rest.startIndex)..<close]
            guard let ref = VoucherRef(parsing: code) else {
                throw error(line, "bad-voucher-number", "\"\(code)\" is not a voucher number; write it as (YYYY-MM/记-0007): the month, the voucher word and the number",
                "“\(code)”不是凭证号；请写作 (YYYY-MM/记-0007)：月份、凭证字和编号")
            }
            guard ref.period == date.period else {
                throw error(line, "number-period-mismatch", "voucher number \(ref) belongs to \(ref.period) but the voucher is dated \(date); the number's month must be the voucher's month",
                "凭证号 \(ref) 属于 \(ref.period)，但凭证日期是 \(date)；凭证号的月份须与凭证日期的月份相同")
            }
            number = ref.number
            word = ref.word
            rest = Substring(rest[rest.index(after: close)...].trimmingWhitespace)
        }
        let summary = JournalText.unescape(rest)
        var draft = VoucherDraft(organization: "", date: date, word: word, number: number, summary: summary,
                                 attachments: 0, preparer: defaultPreparer, lines: [])
        var organization: String?
        for (name, value) in try tags(comment, line: line) {
            switch name {
            case "org": organization = value
            case "attachments":
                guard let count = Int(value), count >= 0, count <= Limits.attachments else {
                    throw error(line, "bad-tag", "attachments:\(value) is not a count; write the number of supporting documents, such as attachments:2",
                "attachments:\(value) 不是张数；请写附件（原始凭证）张数，如 attachments:2")
                }
                draft.attachments = count
            case "preparer": draft.preparer = JournalText.unescape(value)
            case "reviewer": draft.reviewer = JournalText.unescape(value)
            case "kind":
                guard let kind = VoucherKind(rawValue: value) else {
                    throw error(line, "bad-tag", "kind:\(value) is not a voucher kind; write kind:closing (year-end carry-forward) or kind:depreciation, or leave the tag out",
                "kind:\(value) 不是凭证类别；请写 kind:closing（年终结转）或 kind:depreciation（计提折旧），或不写该标签")
                }
                draft.kind = kind
            case "reverses":
                guard let ref = VoucherRef(parsing: value) else {
                    throw error(line, "bad-tag", "reverses:\(value) is not a voucher number; write reverses:2026-03/记-0007",
                "reverses:\(value) 不是凭证号；请写作 reverses:2026-03/记-0007")
                }
                draft.reverses = ref
            default:
                throw error(line, "unknown-tag", "\"\(name)\" is not a transaction tag; use one of \(JournalTag.voucherTags.sorted().joined(separator: ", ")) (line tags go on postings)",
                "“\(name)”不是凭证标签；请用 \(JournalTag.voucherTags.sorted().map { $0 + ":" }.joined(separator: "、")) 之一（分录行的标签写在分录行上）")
            }
        }
        pending = JournalEntry(draft: draft, organization: organization, headerLine: line, postingLines: [], accountNames: [])
    }

    // MARK: postings

    private mutating func parsePosting(_ body: Substring, line: Int) throws(InputError) {
        let (content, comment) = splitComment(body)
        let trimmed = Substring(content.trimmingWhitespace)
        guard let separator = typedPostings ? lastWhitespace(in: trimmed) : amountSeparator(in: trimmed) else {
            if typedPostings {
                throw error(line, "missing-amount", "the posting \"\(trimmed)\" has no amount; write the account, a space, then the amount (positive for debit, negative for credit)",
                "分录行“\(trimmed)”没有金额；请写科目，一个空格，再写金额（借方为正，贷方为负）")
            }
            throw error(line, "missing-amount", "the posting \"\(trimmed)\" has no amount; write the account, at least two spaces, then the amount (positive for debit, negative for credit)",
                "分录行“\(trimmed)”没有金额；请写科目，至少两个空格，再写金额（借方为正，贷方为负）")
        }
        let accountText = Substring(trimmed[..<separator.lowerBound].trimmingWhitespace)
        let amountText = trimmed[separator.upperBound...]
        let code: Substring
        var name: String?
        if let space = typedPostings ? accountText.firstIndex(where: { $0.isWhitespace }) : accountText.firstIndex(of: " ") {
            code = accountText[..<space]
            name = typedPostings ? accountText[accountText.index(after: space)...].trimmingWhitespace
                : String(accountText[accountText.index(after: space)...])
        } else {
            code = accountText
        }
        guard AccountCode.isWellFormed(String(code)) else {
            throw error(line, "bad-account", "\"\(accountText)\" does not start with an account code; write the code (such as 102 or 40302), optionally one space and the account's full name",
                "“\(accountText)”不是以科目编码开头；请写科目编码（如 102 或 40302），其后可空一格写科目全称")
        }
        let amount: Money
        do {
            amount = typedPostings ? try Money(input: amountText) : try Money(parsing: amountText)
        } catch {
            throw self.error(line, "bad-amount", error.description, error.chinese)
        }
        if amount.isZero {
            throw error(line, "zero-amount", "the posting to \(code) has a zero amount; remove the posting or enter the amount",
                "记入 \(code) 的分录金额为零；请删去该行或填写金额")
        }
        if amount.fen.magnitude > UInt64(Limits.lineAmountFen) {
            throw error(line, "amount-too-large", "the amount \(amountText) exceeds the limit of \(Money(fen: Limits.lineAmountFen).grouped) yuan per line; split it over several postings",
                "金额 \(amountText) 超过单行限额 \(Money(fen: Limits.lineAmountFen).grouped) 元；请拆成几行")
        }
        var posting = VoucherLine(accountCode: String(code), side: amount.isNegative ? .credit : .debit,
                                  amount: amount.isNegative ? Money(fen: -amount.fen) : amount)
        try applyLineTags(&posting, comment: comment, line: line)
        pending!.draft.lines.append(posting)
        pending!.postingLines.append(line)
        pending!.accountNames.append(name)
        if pending!.draft.lines.count > Limits.linesPerVoucher {
            throw error(line, "too-many-lines", "the transaction starting at line \(pending!.headerLine) has more than \(Limits.linesPerVoucher) postings; split it into several vouchers",
                "第 \(pending!.headerLine) 行开始的凭证超过 \(Limits.linesPerVoucher) 行分录；请拆成几张凭证")
        }
    }

    private mutating func applyCommentTags(_ comment: Substring, line: Int) throws(InputError) {
        if var last = pending!.draft.lines.popLast() {
            try applyLineTags(&last, comment: comment, line: line)
            pending!.draft.lines.append(last)
        } else {
            throw error(line, "bad-tag", "a comment line before the first posting is not supported; put transaction tags on the header line after ';'",
                "第一行分录之前不能有注释行；凭证标签请写在凭证首行的“;”之后")
        }
    }

    private func applyLineTags(_ target: inout VoucherLine, comment: Substring?, line: Int) throws(InputError) {
        for (name, value) in try tags(comment, line: line) {
            switch name {
            case "project": target.dimensions.project = value
            case "expense":
                guard let type = ExpenseType(text: value) else {
                    throw error(line, "bad-tag", "expense:\(value) is not an expense type; write expense:basic (基本支出) or expense:project (项目支出)",
                "expense:\(value) 不是支出类型；请写 expense:basic（基本支出）或 expense:project（项目支出）")
                }
                target.dimensions.expenseType = type
            case "econ": target.dimensions.economicClass = value
            case "counterpart": target.dimensions.counterpart = value
            case "source":
                guard let source = FundSource(text: value) else {
                    throw error(line, "bad-tag", "source:\(value) is not a fund source; write source:appropriation (财政拨款) or source:union (工会资金)",
                "source:\(value) 不是资金来源；请写 source:appropriation（财政拨款）或 source:union（工会资金）")
                }
                target.dimensions.fundSource = source
            case "class":
                guard let basicClass = BasicClass(text: value) else {
                    throw error(line, "bad-tag", "class:\(value) is not a class of 基本支出; write class:personnel (人员经费) or class:operating (公用经费)",
                "class:\(value) 不是基本支出的经费类别；请写 class:personnel（人员经费）或 class:operating（公用经费）")
                }
                // The class is a part of 基本支出: it says so without expense:basic typed again.
                target.dimensions.basicClass = basicClass
                if target.dimensions.expenseType == nil { target.dimensions.expenseType = .basic }
            case "memo": target.summary = JournalText.unescape(value)
            default:
                throw error(line, "unknown-tag", "\"\(name)\" is not a posting tag; use one of \(JournalTag.lineTags.sorted().joined(separator: ", "))",
                "“\(name)”不是分录标签；请用 \(JournalTag.lineTags.sorted().map { $0 + ":" }.joined(separator: "、")) 之一")
            }
        }
    }

    // MARK: pieces

    /// Splits "body ; comment" at the first ';'.
    private func splitComment(_ text: Substring) -> (Substring, Substring?) {
        guard let semicolon = text.utf8.firstIndex(of: UInt8(ascii: ";")) else { return (text, nil) }
        return (text[..<semicolon], text[text.index(after: semicolon)...])
    }

    /// The last run of two or more spaces, or a tab, that separates the account from the amount.
    private func amountSeparator(in text: Substring) -> Range<Substring.Index>? {
        var index = text.endIndex
        while index > text.startIndex {
            let before = text.index(before: index)
            if text[before] == "\t" {
                var start = before
                while start > text.startIndex, text[text.index(before: start)].isWhitespace { start = text.index(before: start) }
                return start..<index
            }
            if text[before] == " ", before > text.startIndex, text[text.index(before: before)] == " " || text[text.index(before: before)] == "\t" {
                var start = before
                while start > text.startIndex, text[text.index(before: start)].isWhitespace { start = text.index(before: start) }
                return start..<index
            }
            index = before
        }
        return nil
    }

    /// The last run of whitespace, which separates a typed posting's account from its amount.
    private func lastWhitespace(in text: Substring) -> Range<Substring.Index>? {
        guard let last = text.lastIndex(where: { $0.isWhitespace }) else { return nil }
        var start = last
        while start > text.startIndex, text[text.index(before: start)].isWhitespace { start = text.index(before: start) }
        return start..<text.index(after: last)
    }

    /// Parses "name:value, name:value" into pairs; every element must be a tag with a value, and
    /// no tag may appear twice (one value would otherwise silently replace the other).
    private func tags(_ comment: Substring?, line: Int) throws(InputError) -> [(String, String)] {
        guard let comment else { return [] }
        var result: [(String, String)] = []
        for part in comment.split(separator: ",") {
            let item = part.trimmingWhitespace
            if item.isEmpty { continue }
            guard let colon = item.utf8.firstIndex(of: UInt8(ascii: ":")) else {
                throw error(line, "bad-tag", "\"\(item)\" in the comment is not a tag; comments hold tags as name:value separated by commas, such as preparer:王芳",
                "注释中的“\(item)”不是标签；注释中的标签写作 名称:值，以逗号分隔，如 preparer:王芳")
            }
            let name = item[..<colon].trimmingWhitespace
            let value = item[item.index(after: colon)...].trimmingWhitespace
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") }) else {
                throw error(line, "bad-tag", "\"\(item)\" has no tag name; write name:value, such as project:XB-2026-017",
                "“\(item)”没有标签名；请写作 名称:值，如 project:XB-2026-017")
            }
            guard !value.isEmpty else {
                throw error(line, "empty-tag", "the tag \(name) has no value; write \(name):VALUE or remove the tag",
                "标签 \(name) 没有值；请写作 \(name):值，或删去该标签")
            }
            guard value.count <= Limits.tagValueCharacters || name == "memo" else {
                throw error(line, "bad-tag", "the value of \(name) has \(value.count) characters, more than \(Limits.tagValueCharacters)",
                "标签 \(name) 的值有 \(value.count) 个字，超过上限 \(Limits.tagValueCharacters)")
            }
            if let earlier = result.first(where: { $0.0 == name }) {
                throw error(line, "duplicate-tag", "the tag \(name) appears twice (\(name):\(earlier.1) and \(name):\(value)); keep the one that is right and remove the other",
                "标签 \(name) 出现两次（\(name):\(earlier.1) 和 \(name):\(value)）；请保留正确的一个，删去另一个")
            }
            result.append((name, value))
        }
        return result
    }
}
