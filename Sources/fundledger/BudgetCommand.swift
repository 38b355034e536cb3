import ArgumentParser
import FundCore
import FundReports
import FundStore

struct BudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget", abstract: bilingual("Budgets (预算): import drafts, approve, adjust with numbered documents, show any version.", "预算：导入草案、批复、按文号调整、查看任一版本。"),
        subcommands: [ImportCSV.self, Approve.self, Adjust.self, Show.self, Control.self])

    struct ImportCSV: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: bilingual("Store draft budgets from a CSV file, all or nothing.", "从 CSV 文件保存预算草案，全部成功或全部不保存。"))
        @OptionGroup var options: BookOptions
        @Argument(help: bilingual("CSV with columns org,year,account,expense,project,counterpart,amount,note.", "CSV 文件，列为 org,year,account,expense,project,counterpart,amount,note。")) var file: String

        func run() throws {
            try reporting {
                let stored = try options.open().budgets.importBudgets(path: file)
                emit(stored.map { "stored the draft budget of \($0.organization) for \($0.year): \($0.lines) lines\n" }.joined())
            }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Approve (批复) a draft budget.", "批复预算草案。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("The year.", "年度。")) var year: Int
        @Option(help: bilingual("The approval document number.", "批复文号。")) var document: String

        func run() throws {
            try reporting {
                let warnings = try options.open().budgets.approveBudget(organization: org, year: year, document: document)
                say(.budgetApproved(organization: org, year: year, document: document))
                let prefix: String = bilingual("warning: ", "提示：")
                for warning in warnings { emit(prefix + warning.text(language) + "\n") }
            }
        }
    }

    struct Adjust: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Adjust an approved budget (预算调整) by a numbered document.", "按文号调整已批复的预算（预算调整）。"),
            discussion: bilingual("Each --change is \"ACCOUNT[/basic|project][/PROJECT][/COUNTERPART]  AMOUNT\": the change of that line, positive or negative. A line not in the budget is added.", "每个 --change 为 \"科目[/basic|project][/项目][/往来单位]  金额\"：该预算行的调整数，正数或负数。预算中没有的行将被增加。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("The year.", "年度。")) var year: Int
        @Option(help: bilingual("The adjustment's document number.", "调整文号。")) var document: String
        @Option(help: bilingual("The adjustment's date, YYYY-MM-DD.", "调整日期，YYYY-MM-DD。")) var date: LocalDate
        @Option(help: bilingual("Why the budget changes.", "预算调整的理由。")) var reason: String
        @Option(name: .customLong("change"), help: bilingual("A line's change, e.g. \"50301/project/XB-2026-001  5000\".", "一个预算行的调整，如 \"50301/project/XB-2026-001  5000\"。")) var changes: [String] = []

        func run() throws {
            try reporting {
                var parsed: [BudgetKey: Money] = [:]
                for change in changes {
                    let parts = change.split(whereSeparator: { $0 == " " || $0 == "\t" })
                    guard parts.count == 2 else { throw CLIError(bilingual("--change \"\(change)\": write the line, spaces, then the amount", "--change \"\(change)\"：请写预算行、空格，再写金额 [bad-change]")) }
                    let fields = parts[0].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                    var key = BudgetKey(account: fields[0])
                    if fields.count > 1, !fields[1].isEmpty {
                        guard let type = ExpenseType(text: fields[1]) else { throw CLIError(bilingual("--change \"\(change)\": \(fields[1]) is not basic or project", "--change \"\(change)\"：\(fields[1]) 不是 basic（基本支出）或 project（项目支出） [bad-change]")) }
                        key.expenseType = type
                    }
                    if fields.count > 2, !fields[2].isEmpty { key.project = fields[2] }
                    if fields.count > 3, !fields[3].isEmpty { key.counterpart = fields[3] }
                    do { parsed[key] = try Money(input: parts[1]) } catch { throw CLIError(bilingual("--change \"\(change)\": \(error)", "--change \"\(change)\"：" + ((error as? MoneyError)?.chinese ?? "\(error)"))) }
                }
                guard !parsed.isEmpty else { throw CLIError(bilingual("give at least one --change", "请至少给出一个 --change [no-change]")) }
                let number = try options.open().budgets.adjustBudget(organization: org, year: year, document: document, date: date, reason: reason,
                                                             changes: parsed)
                say(.budgetAdjusted(number: number, organization: org, year: year, document: document))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Print a budget: as approved (--version 0), after adjustment N, or now.", "打印预算：批复时（--version 0）、第 N 次调整后，或当前。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("The year.", "年度。")) var year: Int
        @Option(help: bilingual("Amounts after this adjustment (0: as approved).", "此次调整后的金额（0：批复时）。")) var version: Int?

        func run() throws {
            try reporting {
                let book = try options.openReading()
                guard let budget = try book.budgets.budget(organization: org, year: year, version: version) else { throw BookError.noBudget(organization: org, year: year) }
                let chart = try book.organizations.chart(for: org)
                let rows = budget.lines.map { [$0.key.account, chart.fullName($0.key.account) ?? "", $0.key.expenseType?.chinese ?? "", $0.key.project ?? "",
                                               $0.key.counterpart ?? "", $0.original.grouped, $0.adjusted.grouped, $0.note] }
                switch format.resolved {
                case .table:
                    var text = "\(org) \(year)年预算  \(budget.status.chinese)\(budget.document.map { "（\($0)）" } ?? "")  版本：\(version.map { $0 == 0 ? "批复数" : "第\($0)次调整后" } ?? "现行")\n"
                    text += Render.table(headers: ["科目编码", "科目名称", "支出类型", "项目", "往来单位", "年初预算", "调整后预算", "说明"], rows: rows, rightAligned: [5, 6])
                    for adjustment in budget.adjustments {
                        text += "调整\(adjustment.number)：\(adjustment.date) \(adjustment.document) \(adjustment.reason)："
                        text += adjustment.changes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.fen > 0 ? "+" : "")\($0.value.grouped)" }.joined(separator: "；") + "\n"
                    }
                    emit(text)
                case .csv:
                    emit(Render.csv(headers: ["account", "name", "expense", "project", "counterpart", "original", "adjusted", "note"], rows: budget.lines.map {
                        [$0.key.account, chart.fullName($0.key.account) ?? "", $0.key.expenseType?.rawValue ?? "", $0.key.project ?? "",
                         $0.key.counterpart ?? "", $0.original.description, $0.adjusted.description, $0.note]
                    }))
                case .json:
                    emit(Render.jsonArray(budget.lines.map { line in
                        Render.jsonObject([("account", Render.jsonString(line.key.account)), ("expense", line.key.expenseType.map { Render.jsonString($0.rawValue) } ?? "null"),
                                           ("project", line.key.project.map(Render.jsonString) ?? "null"), ("counterpart", line.key.counterpart.map(Render.jsonString) ?? "null"),
                                           ("original", Render.jsonString(line.original.description)), ("adjusted", Render.jsonString(line.adjusted.description))], indent: "  ")
                    }) + "\n")
                }
            }
        }
    }

    struct Control: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Whether a posting that overruns a budget line warns (default) or is refused.", "超预算的记账是只作提示（默认）还是被拒绝。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Flag(exclusivity: .exclusive, help: bilingual("warn or refuse", "warn（提示）或 refuse（拒绝）")) var mode: Mode = .warn

        enum Mode: String, EnumerableFlag { case warn, refuse }

        func run() throws {
            try reporting {
                try options.open().budgets.setBudgetControl(organization: org, refuse: mode == .refuse)
                say(.overrunMode(organization: org, refuse: mode == .refuse))
            }
        }
    }
}
