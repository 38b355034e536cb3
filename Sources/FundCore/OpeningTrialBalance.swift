/// A trial balance (科目余额表) exported by another package, read as opening balances: one row
/// per account with 科目编码, 科目名称, 借方余额, 贷方余额 and an optional 项目 (English headers
/// code, name, debit, credit, project also do).
///
/// Packages list level-1 accounts beside their details; a row of an account with details is
/// read as a subtotal and must equal the sum of its detail rows (it opens nothing itself). A
/// name must be the chart's name of the code. Every bad row is named with its line, and nothing
/// is opened while one is bad.
public enum OpeningTrialBalance {
    static let aliases: [String: String] = [
        "科目编码": "code", "科目代码": "code", "编码": "code", "account": "code",
        "科目名称": "name", "名称": "name",
        "借方余额": "debit", "期初借方": "debit", "借方": "debit",
        "贷方余额": "credit", "期初贷方": "credit", "贷方": "credit",
        "项目": "project",
    ]

    /// The Chinese name of a column the file must have.
    static func chineseColumn(_ column: String) -> String {
        switch column {
        case "code": "科目编码"
        case "debit": "借方余额"
        case "credit": "贷方余额"
        default: column
        }
    }

    /// The balances of `records` (the file's rows, its header first), or every row's problem.
    public static func read(file: String, records: [(line: Int, fields: [String])], chart: Chart) -> Result<[OpeningBalance], InputErrors> {
        guard let header = records.first else {
            return .failure(InputErrors([InputError(file: file, line: 0, rule: "empty-file",
                message: "the file is empty; the first line names the columns 科目编码,科目名称,借方余额,贷方余额 (and 项目)",
                chinese: "文件是空的；第一行应为栏目名：科目编码,科目名称,借方余额,贷方余额（可加 项目）")]))
        }
        let columns = header.fields.map { field -> String in
            let name = field.trimmingWhitespace
            return aliases[name] ?? name.lowercased()
        }
        var errors: [InputError] = []
        for required in ["code", "debit", "credit"] where !columns.contains(required) {
            errors.append(InputError(file: file, line: header.line, column: required, rule: "missing-column",
                                     message: "the header has no column \(required); name the columns 科目编码,科目名称,借方余额,贷方余额 (and 项目)",
                                     chinese: "表头缺少栏目 \(Self.chineseColumn(required))；栏目应为 科目编码,科目名称,借方余额,贷方余额（可加 项目）"))
        }
        if !errors.isEmpty { return .failure(InputErrors(errors)) }
        var leaves: [OpeningBalance] = []
        var subtotals: [OpeningBalance] = []
        for record in records.dropFirst() {
            var values: [String: String] = [:]
            for (name, value) in zip(columns, record.fields) where values[name] == nil { values[name] = value.trimmingWhitespace }
            func fail(_ column: String, _ rule: String, _ message: String, _ chinese: String) {
                errors.append(InputError(file: file, line: record.line, column: column, rule: rule, message: message, chinese: chinese))
            }
            let code = values["code"] ?? ""
            guard !code.isEmpty else { fail("code", "missing-value", "the row has no 科目编码", "本行没有科目编码"); continue }
            guard let account = chart.account(code) else {
                fail("code", "bad-account", "account \(code) is not in the \(chart.kind.chinese); map the other package's account to one of the chart",
                     "科目 \(code) 不在\(chart.kind.chinese)中；请把原软件的科目对应到本制度的科目"); continue
            }
            if let name = values["name"], !name.isEmpty, name != account.name, name != chart.fullName(code) {
                fail("name", AccountNameMismatch.rule, "account \(code) is named \"\(chart.fullName(code) ?? account.name)\" in the chart, not \"\(name)\"",
                     "科目 \(code) 在科目表中名为“\(chart.fullName(code) ?? account.name)”，不是“\(name)”")
                continue
            }
            var netFen: Int64 = 0
            var bad = false
            for (column, sign) in [("debit", Int64(1)), ("credit", Int64(-1))] {
                let text = values[column] ?? ""
                guard !text.isEmpty else { continue }
                do throws(MoneyError) {
                    let amount = try Money(input: text)
                    guard amount.fen.magnitude <= UInt64(Limits.lineAmountFen) else {
                        fail(column, "amount-too-large", "\(text) is more than the limit of \(Money(fen: Limits.lineAmountFen).grouped) per line",
                         "\(text) 超过每行金额上限 \(Money(fen: Limits.lineAmountFen).grouped)"); bad = true; continue
                    }
                    netFen += sign * amount.fen
                } catch {
                    fail(column, "bad-amount", "\"\(text)\" is not an amount: \(error.description)", "“\(text)”不是金额：\(error.chinese)"); bad = true
                }
            }
            if bad { continue }
            let project = values["project"].flatMap { $0.isEmpty ? nil : $0 }
            let balance = OpeningBalance(accountCode: code, netFen: netFen, project: project, line: record.line)
            if chart.isLeaf(code) { leaves.append(balance) } else { subtotals.append(balance) }
        }
        for subtotal in subtotals {
            let details = leaves.filter { $0.accountCode.hasPrefix(subtotal.accountCode) }
            var sum: Int64 = 0, overflow = false
            for detail in details {
                let (next, over) = sum.addingReportingOverflow(detail.netFen)
                sum = next
                overflow = overflow || over
            }
            if overflow {
                errors.append(InputError(file: file, line: subtotal.line, column: "code", rule: "amount-too-large",
                    message: "the detail rows of account \(subtotal.accountCode) add up to more than the book can hold",
                    chinese: "科目 \(subtotal.accountCode) 的明细行合计超出账簿能记录的金额"))
            } else if details.isEmpty && subtotal.netFen != 0 {
                errors.append(InputError(file: file, line: subtotal.line, column: "code", rule: "bad-account",
                    message: "account \(subtotal.accountCode) has detail accounts; give its balance on them (\(chart.children(of: subtotal.accountCode).prefix(3).map { $0.code + " " + $0.name }.joined(separator: ", ")), ...)",
                    chinese: "科目 \(subtotal.accountCode) 有明细科目；请按明细科目填列余额（\(chart.children(of: subtotal.accountCode).prefix(3).map { $0.code + " " + $0.name }.joined(separator: "、"))……）"))
            } else if sum != subtotal.netFen {
                errors.append(InputError(file: file, line: subtotal.line, column: "code", rule: "subtotal-mismatch",
                    message: "account \(subtotal.accountCode) shows \(Money(fen: subtotal.netFen)) but its detail rows add up to \(Money(fen: sum))",
                    chinese: "科目 \(subtotal.accountCode) 填列 \(Money(fen: subtotal.netFen))，但其明细行合计为 \(Money(fen: sum))"))
            }
        }
        if !errors.isEmpty { return .failure(InputErrors(errors.sorted { $0.line < $1.line })) }
        return .success(leaves)
    }
}
