/// A bank statement (银行对账单) as the bank gives it: one row per movement with 日期, 摘要, 收入,
/// 支出, 余额 and an optional 凭证号 or 参考号, exported from the bank's site as CSV (GBK or UTF-8
/// with BOM, Excel quoting). The store keeps it per organisation and bank account so that the
/// 银行存款余额调节表 can set the book against what the bank holds.
public struct BankStatementLine: Hashable, Sendable {
    /// The file's line the row was read from (1 is the header).
    public var line: Int
    public var date: LocalDate
    public var summary: String
    /// `.debit`: the bank received money for the union (收入, a debit of 102 in the book);
    /// `.credit`: the bank paid it out (支出).
    public var side: Side
    /// The amount received or paid, in fen, above zero.
    public var amountFen: Int64
    /// The bank's balance after the row, in fen.
    public var balanceFen: Int64
    /// The bank's 凭证号 or 参考号, when the file has one.
    public var reference: String?

    /// A statement row.
    public init(line: Int, date: LocalDate, summary: String, side: Side, amountFen: Int64, balanceFen: Int64, reference: String?) {
        self.line = line
        self.date = date
        self.summary = summary
        self.side = side
        self.amountFen = amountFen
        self.balanceFen = balanceFen
        self.reference = reference
    }

    /// The row's effect on the balance: received positive, paid negative.
    public var signedFen: Int64 { side == .debit ? amountFen : -amountFen }
}

/// Reads a bank statement's CSV records into rows, and checks that its running 余额 follows from
/// them. Dates and amounts take the forms the voucher CSV reader takes (2026/3/5, 2026年3月5日,
/// 1,234.50, full-width digits), parsed straight to fen.
public enum BankStatementReader {
    /// Header names, Chinese and English, of each column.
    public static let columns: [String: [String]] = [
        "date": ["date", "日期", "交易日期", "记账日期"],
        "summary": ["summary", "摘要", "用途", "交易摘要"],
        "received": ["received", "income", "收入", "收入金额", "贷方发生额", "存入"],
        "paid": ["paid", "expense", "支出", "支出金额", "借方发生额", "支取"],
        "balance": ["balance", "余额", "账户余额"],
        "reference": ["reference", "凭证号", "参考号", "流水号", "交易流水号"],
    ]
    /// The columns a statement must have.
    public static let required = ["date", "summary", "received", "paid", "balance"]
    /// At most this many rows in one statement.
    public static let maximumRows = 100_000

    static func chineseColumn(_ column: String) -> String {
        switch column {
        case "date": "日期"
        case "summary": "摘要"
        case "received": "收入"
        case "paid": "支出"
        case "balance": "余额"
        default: column
        }
    }

    /// The statement's rows in file order, or every bad row's problem. Each row has exactly one of
    /// 收入 and 支出 (above zero) and a 余额; dates never go back.
    public static func read(file: String, records: [(line: Int, fields: [String])]) -> Result<[BankStatementLine], InputErrors> {
        let heading = "日期,摘要,收入,支出,余额"
        guard let header = records.first else {
            return .failure(InputErrors([InputError(file: file, line: 0, rule: "empty-file",
                message: "the file is empty; the first line names the columns \(heading) (and 凭证号)",
                chinese: "文件是空的；第一行应为栏目名：\(heading)（可加 凭证号）")]))
        }
        var names: [String: String] = [:]
        for (field, aliases) in columns { for alias in aliases { names[alias.lowercased()] = field } }
        let fields = header.fields.map { names[TextInput.halfWidth($0).trimmingWhitespace.lowercased()] ?? "" }
        var errors: [InputError] = []
        for column in required where !fields.contains(column) {
            errors.append(InputError(file: file, line: header.line, column: column, rule: "missing-column",
                                     message: "the header has no column \(column); name the columns \(heading) (and 凭证号)",
                                     chinese: "表头缺少栏目 \(chineseColumn(column))；栏目应为 \(heading)（可加 凭证号）"))
        }
        if !errors.isEmpty { return .failure(InputErrors(errors)) }
        if records.count - 1 > maximumRows {
            return .failure(InputErrors([InputError(file: file, line: records[maximumRows + 1].line, rule: "too-many-rows",
                message: "a statement holds at most \(maximumRows) rows; split the file by month",
                chinese: "一份对账单最多 \(maximumRows) 行；请按月拆分文件")]))
        }
        if records.count == 1 {
            return .failure(InputErrors([InputError(file: file, line: header.line, rule: "empty-file",
                message: "the statement has no rows under its header", chinese: "对账单表头下没有任何行")]))
        }
        var rows: [BankStatementLine] = []
        var lastDate: LocalDate?
        for record in records.dropFirst() {
            var values: [String: String] = [:]
            for (name, value) in zip(fields, record.fields) where !name.isEmpty && values[name] == nil { values[name] = value.trimmingWhitespace }
            func fail(_ column: String, _ rule: String, _ message: String, _ chinese: String) {
                errors.append(InputError(file: file, line: record.line, column: column, rule: rule, message: message, chinese: chinese))
            }
            let dateText = values["date"] ?? ""
            guard let date = LocalDate(input: dateText) else {
                fail("date", "bad-date", "\"\(dateText)\" is not a date; write YYYY-MM-DD, such as 2026-03-05",
                     "“\(dateText)”不是日期；请写 YYYY-MM-DD（也可写 2026/3/5、2026-3-5 或 2026年3月5日），如 2026-03-05")
                continue
            }
            if let lastDate, date < lastDate {
                fail("date", "statement-date-order", "the row is dated \(date), before the row above it (\(lastDate)); a statement runs in date order",
                     "本行日期 \(date) 早于上一行（\(lastDate)）；对账单应按日期顺序排列")
                continue
            }
            lastDate = date
            var amounts: [String: Int64] = [:]
            var bad = false
            for column in ["received", "paid", "balance"] {
                let text = values[column] ?? ""
                if text.isEmpty {
                    if column == "balance" { fail(column, "missing-value", "the row has no 余额", "本行没有余额"); bad = true }
                    continue
                }
                do throws(MoneyError) {
                    let amount = try Money(input: text)
                    guard amount.fen.magnitude <= UInt64(Limits.lineAmountFen) else {
                        fail(column, "amount-too-large", "\(text) is more than the limit of \(Money(fen: Limits.lineAmountFen).grouped) per line",
                             "\(text) 超过每行金额上限 \(Money(fen: Limits.lineAmountFen).grouped)"); bad = true; continue
                    }
                    if column != "balance", amount.fen < 0 {
                        fail(column, "bad-amount", "\(chineseColumn(column)) \(text) is below zero; a statement gives money received under 收入 and paid under 支出",
                             "\(chineseColumn(column)) \(text) 为负数；对账单的收款写在“收入”，付款写在“支出”"); bad = true; continue
                    }
                    if column == "balance" || amount.fen != 0 { amounts[column] = amount.fen }
                } catch {
                    fail(column, "bad-amount", "\"\(text)\" is not an amount: \(error.description)", "“\(text)”不是金额：\(error.chinese)"); bad = true
                }
            }
            if bad { continue }
            let side: Side, amount: Int64
            switch (amounts["received"], amounts["paid"]) {
            case let (received?, nil): (side, amount) = (.debit, received)
            case let (nil, paid?): (side, amount) = (.credit, paid)
            case (.some, .some):
                fail("paid", "statement-both-sides", "the row has both 收入 and 支出; a statement row is one receipt or one payment",
                     "本行同时有收入和支出；对账单每行只记一笔收款或一笔付款"); continue
            case (nil, nil):
                fail("received", "statement-no-amount", "the row has neither 收入 nor 支出", "本行既没有收入也没有支出"); continue
            }
            let reference = values["reference"].flatMap { $0.isEmpty ? nil : $0 }
            rows.append(BankStatementLine(line: record.line, date: date, summary: values["summary"] ?? "", side: side, amountFen: amount,
                                          balanceFen: amounts["balance"] ?? 0, reference: reference))
        }
        if !errors.isEmpty { return .failure(InputErrors(errors)) }
        return .success(rows)
    }

    /// The statement's opening balance (before its first row), or the first row whose 余额 does
    /// not follow from the row above it and its own 收入 or 支出.
    public static func openingBalance(file: String, rows: [BankStatementLine]) throws(CashRefusal) -> Int64 {
        guard let first = rows.first else { return 0 }
        let (opening, overflow) = first.balanceFen.subtractingReportingOverflow(first.signedFen)
        if overflow { throw .statementBalanceBroken(file: file, line: first.line, previous: nil, movement: Money(fen: first.signedFen), stated: Money(fen: first.balanceFen)) }
        var balance = first.balanceFen
        for row in rows.dropFirst() {
            let (next, over) = balance.addingReportingOverflow(row.signedFen)
            if over || next != row.balanceFen {
                throw .statementBalanceBroken(file: file, line: row.line, previous: Money(fen: balance), movement: Money(fen: row.signedFen),
                                              stated: Money(fen: row.balanceFen))
            }
            balance = next
        }
        return opening
    }
}
