/// Vouchers kept in a spreadsheet: one row per line, columns named in Chinese or English, the
/// rows of one voucher sharing its number. Turns CSV records into the same entries a journal
/// gives, so both go through the same checks.
public struct CSVVoucherReader {
    public let file: String
    public let defaultPreparer: String

    /// Header names, Chinese and English, for each field.
    public static let columns: [String: [String]] = [
        "org": ["org", "organization", "单位", "单位编码", "组织"],
        "date": ["date", "日期"],
        "voucher": ["voucher", "number", "凭证号", "凭证编号"],
        "summary": ["summary", "摘要"],
        "account": ["account", "科目编码", "科目代码", "科目"],
        "account_name": ["account_name", "科目名称"],
        "debit": ["debit", "借方", "借方金额"],
        "credit": ["credit", "贷方", "贷方金额"],
        "project": ["project", "项目"],
        "expense": ["expense", "支出类型", "支出类别"],
        "econ": ["econ", "经济分类"],
        "counterpart": ["counterpart", "往来单位"],
        "source": ["source", "资金来源"],
        "class": ["class", "经费类别", "基本支出类别"],
        "attachments": ["attachments", "附件", "附件数"],
        "preparer": ["preparer", "制单", "制单人"],
        "reviewer": ["reviewer", "审核", "审核人"],
        "reverses": ["reverses", "冲销", "冲销凭证"],
    ]
    public static let required = ["date", "voucher", "summary", "account", "debit", "credit"]

    public init(file: String, defaultPreparer: String) {
        self.file = file
        self.defaultPreparer = defaultPreparer
    }

    /// Reads records (the first is the header) into entries, in the order vouchers first appear.
    /// Every problem found is returned; entries are returned only when there are none.
    public func entries(_ records: [(line: Int, fields: [String])]) -> Result<[JournalEntry], InputErrors> {
        var errors: [InputError] = []
        guard let header = records.first else {
            return .failure(InputErrors([InputError(file: file, line: 0, rule: "empty-file", message: "the file is empty; the first row names the columns, such as 日期,凭证号,摘要,科目编码,借方,贷方",
                                                        chinese: "文件为空；第一行应写列名，如 日期,凭证号,摘要,科目编码,借方,贷方")]))
        }
        var index: [String: Int] = [:]
        /// Each field's column as this file's header names it, for error messages.
        var names: [String: String] = [:]
        func columnName(_ field: String) -> String {
            names[field] ?? CSVVoucherReader.columns[field]!.first { $0.unicodeScalars.contains { $0.value > 0x2E80 } }!
        }
        for (position, name) in header.fields.enumerated() {
            let trimmed = name.trimmingWhitespace
            guard let field = CSVVoucherReader.columns.first(where: { $0.value.contains(trimmed) || $0.value.contains(trimmed.lowercased()) })?.key else {
                if !trimmed.isEmpty {
                    errors.append(InputError(file: file, line: header.line, column: trimmed, rule: "unknown-column",
                                             message: "\"\(trimmed)\" is not a column FundLedger reads; use 日期, 凭证号, 摘要, 科目编码, 借方, 贷方 and optionally 项目, 支出类型, 经济分类, 往来单位, 资金来源, 附件, 制单, 审核, 单位, 科目名称",
                                             chinese: "FundLedger 不读取“\(trimmed)”列；请用 日期、凭证号、摘要、科目编码、借方、贷方，可选 项目、支出类型、经济分类、往来单位、资金来源、附件、制单、审核、单位、科目名称"))
                }
                continue
            }
            if index[field] != nil {
                errors.append(InputError(file: file, line: header.line, column: trimmed, rule: "duplicate-column", message: "the column \(trimmed) appears twice; keep one",
                                         chinese: "“\(trimmed)”列出现两次；请只保留一列"))
            }
            index[field] = position
            names[field] = trimmed
        }
        for field in CSVVoucherReader.required where index[field] == nil {
            errors.append(InputError(file: file, line: header.line, column: columnName(field), rule: "missing-column",
                                     message: "the header has no \(columnName(field)) (\(field)) column; every row needs it",
                                     chinese: "表头没有“\(columnName(field))”列；每一行都需要它"))
        }
        if !errors.isEmpty { return .failure(InputErrors(errors)) }

        var order: [String] = []
        var grouped: [String: JournalEntry] = [:]
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ $0.isEmpty }) { continue }
            func value(_ field: String) -> String? {
                guard let position = index[field], position < record.fields.count else { return nil }
                let text = record.fields[position].trimmingWhitespace
                return text.isEmpty ? nil : text
            }
            func fail(_ field: String, _ rule: String, _ message: String, _ chinese: String) {
                errors.append(InputError(file: file, line: record.line, column: columnName(field), rule: rule, message: message, chinese: chinese))
            }
            guard let dateText = value("date"), let date = LocalDate(input: dateText) else {
                fail("date", "bad-date", "\"\(value("date") ?? "")\" is not a date; write YYYY-MM-DD, such as 2026-03-05",
                     "“\(value("date") ?? "")”不是日期；请写 YYYY-MM-DD（也可写 2026/3/5、2026-3-5 或 2026年3月5日），如 2026-03-05")
                continue
            }
            guard let voucherText = value("voucher") else { fail("voucher", "missing-value", "the row has no voucher number; rows of one voucher share it", "该行没有凭证号；同一张凭证的各行凭证号相同"); continue }
            var word = "记"
            var number: Int?
            if let ref = VoucherRef(parsing: voucherText) {
                guard ref.period == date.period else {
                    fail("voucher", "number-period-mismatch", "voucher \(ref) belongs to \(ref.period) but the row is dated \(date)",
                         "凭证号 \(ref) 属于 \(ref.period)，但该行日期是 \(date)"); continue
                }
                (word, number) = (ref.word, ref.number)
            } else if let dash = voucherText.lastIndex(of: "-"), let n = Int(voucherText[voucherText.index(after: dash)...]), n >= 1 {
                (word, number) = (String(voucherText[..<dash]), n)
            } else if let n = Int(voucherText), n >= 1 {
                number = n
            } else {
                fail("voucher", "bad-voucher-number", "\"\(voucherText)\" is not a voucher number; write 7, 记-0007 or 2026-03/记-0007",
                     "“\(voucherText)”不是凭证号；请写 7、记-0007 或 2026-03/记-0007"); continue
            }
            guard let account = value("account"), AccountCode.isWellFormed(account) else {
                fail("account", "bad-account", "\"\(value("account") ?? "")\" is not an account code; write the code, such as 102 or 40302",
                     "“\(value("account") ?? "")”不是科目编码；请写编码，如 102 或 40302"); continue
            }
            var amounts: [(Side, Money)] = []
            for (field, side) in [("debit", Side.debit), ("credit", Side.credit)] {
                guard let text = value(field) else { continue }
                do {
                    let amount = try Money(input: text)
                    if !amount.isZero { amounts.append((side, amount)) }
                } catch {
                    fail(field, "bad-amount", error.description, error.chinese)
                }
            }
            if amounts.count != 1 {
                if value("debit") != nil || value("credit") != nil, amounts.isEmpty, errors.last?.line == record.line { continue }
                fail(amounts.isEmpty ? "debit" : "credit", amounts.isEmpty ? "missing-amount" : "two-amounts",
                     amounts.isEmpty ? "the row has no amount; write it under 借方 or 贷方" : "the row has amounts under both 借方 and 贷方; a line is either a debit or a credit",
                     amounts.isEmpty ? "该行没有金额；请填在借方或贷方" : "该行借方和贷方都有金额；一行只能是借方或贷方")
                continue
            }
            let (side, amount) = amounts[0]
            if amount.isNegative && value("reverses") == nil {
                // A column names the side, so a negative amount in it is a mistake, not the other side.
                let field = side == .debit ? "debit" : "credit", other = side == .debit ? "credit" : "debit"
                fail(field, "negative-amount", "the amount \(amount) under \(columnName(field)) is negative; write \(Money(fen: -amount.fen)) under \(columnName(other)) instead (negative amounts belong only to a red-ink voucher, with \(columnName("reverses")) filled)",
                     "\(columnName(field))金额 \(amount) 是负数；请改为在\(columnName(other))填写 \(Money(fen: -amount.fen))（负数只用于填写了“\(columnName("reverses"))”的红字冲销凭证）")
                continue
            }
            var line = VoucherLine(accountCode: account, side: side, amount: amount)
            line.dimensions.project = value("project")
            line.dimensions.economicClass = value("econ")
            line.dimensions.counterpart = value("counterpart")
            if let text = value("expense") {
                guard let type = ExpenseType(text: text) else { fail("expense", "bad-tag", "\"\(text)\" is not an expense type; write 基本支出 or 项目支出", "“\(text)”不是支出类型；请写 基本支出 或 项目支出"); continue }
                line.dimensions.expenseType = type
            }
            if let text = value("source") {
                guard let source = FundSource(text: text) else { fail("source", "bad-tag", "\"\(text)\" is not a fund source; write 财政拨款 or 工会资金", "“\(text)”不是资金来源；请写 财政拨款 或 工会资金"); continue }
                line.dimensions.fundSource = source
            }
            if let text = value("class") {
                guard let basicClass = BasicClass(text: text) else { fail("class", "bad-tag", "\"\(text)\" is not a class of 基本支出; write 人员经费 or 公用经费", "“\(text)”不是基本支出的经费类别；请写 人员经费 或 公用经费"); continue }
                line.dimensions.basicClass = basicClass
                if line.dimensions.expenseType == nil { line.dimensions.expenseType = .basic }
            }
            let organization = value("org")
            let key = (organization ?? "") + "|" + date.period.description + "|" + word + "|" + String(number ?? 0)
            if var entry = grouped[key] {
                if entry.draft.date != date {
                    fail("date", "mixed-dates", "voucher \(voucherText) has rows dated \(entry.draft.date) and \(date); a voucher has one date",
                         "凭证 \(voucherText) 的各行日期有 \(entry.draft.date) 和 \(date)；一张凭证只有一个日期"); continue
                }
                if let summary = value("summary"), summary != entry.draft.summary { line.summary = summary }
                entry.draft.lines.append(line)
                entry.postingLines.append(record.line)
                entry.accountNames.append(value("account_name"))
                grouped[key] = entry
            } else {
                // Vouchers are numbered per organisation: two organisations' 记-0001 are two vouchers.
                // Rows of one number with and without an organisation cannot be told apart.
                if let other = grouped.values.first(where: { $0.draft.period == date.period && $0.draft.word == word
                                                             && $0.draft.number == number && ($0.organization == nil) != (organization == nil) }) {
                    fail("org", "mixed-organizations", "voucher \(voucherText) has rows of \(other.organization ?? "no organisation") and of \(organization ?? "no organisation"); fill \(columnName("org")) on every row of the voucher",
                         "凭证 \(voucherText) 的各行单位有 \(other.organization ?? "（未填单位）") 和 \(organization ?? "（未填单位）")；请在该凭证每一行的“\(columnName("org"))”填写同一单位")
                    continue
                }
                var draft = VoucherDraft(organization: "", date: date, word: word, number: number, summary: value("summary") ?? "",
                                         preparer: value("preparer") ?? defaultPreparer, reviewer: value("reviewer"), lines: [line])
                if let text = value("attachments") {
                    guard let count = Int(text), count >= 0 else { fail("attachments", "bad-tag", "\"\(text)\" is not a count of attachments", "“\(text)”不是附件张数；请写非负整数"); continue }
                    draft.attachments = count
                }
                if let text = value("reverses") {
                    guard let ref = VoucherRef(parsing: text) else { fail("reverses", "bad-tag", "\"\(text)\" is not a voucher number such as 2026-03/记-0007", "“\(text)”不是凭证号；请写作 2026-03/记-0007"); continue }
                    draft.reverses = ref
                }
                grouped[key] = JournalEntry(draft: draft, organization: organization, headerLine: record.line,
                                            postingLines: [record.line], accountNames: [value("account_name")])
                order.append(key)
            }
        }
        if !errors.isEmpty { return .failure(InputErrors(errors)) }
        return .success(order.map { grouped[$0]! })
    }
}
