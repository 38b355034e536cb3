import ArgumentParser
import FundApp
import FundCore
import FundReports
import FundStore
import FundXLSX

extension CashCommand {
    /// 银行对账单: import the bank's statement, list its rows, match them to the book's 102 lines.
    struct Statement: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Bank statements (银行对账单): import, list, match and unmatch.", "银行对账单：导入、列出、勾对和取消勾对。"),
            discussion: bilingual("""
                A statement is a CSV file with the columns 日期, 摘要, 收入, 支出, 余额 (and 凭证号 or 参考号), GBK or UTF-8. \
                Its running 余额 must follow from its rows [statement-balance].
                """, """
                对账单为 CSV 文件，栏目为 日期、摘要、收入、支出、余额（可加 凭证号 或 参考号），GBK 或 UTF-8 编码均可。\
                各行余额须与逐笔收支相符 [statement-balance]。
                """),
            subcommands: [Import.self, Lines.self, Match.self, Unmatch.self])

        struct Target: ParsableArguments {
            @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
            @Option(help: bilingual("The bank account: 102 or its detail, such as 10201.", "银行存款科目：102 或其明细科目，如 10201。")) var account = "102"
        }

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: bilingual("Import a bank statement CSV for a bank account.", "为银行存款账户导入银行对账单 CSV 文件。"))
            @OptionGroup var options: BookOptions
            @OptionGroup var target: Target
            @Argument(help: bilingual("The statement's CSV file.", "对账单 CSV 文件。")) var file: String

            func run() throws {
                try reporting {
                    let done = try options.open().cash.importStatement(organization: target.org, account: target.account, path: file)
                    emit(language == .english
                         ? "\(target.org) \(done.account): statement #\(done.statementID) imported, \(done.rows) rows from \(done.from) to \(done.to), balance \(done.opening.grouped) to \(done.closing.grouped)\n"
                         : "\(target.org) \(done.account)：已导入对账单 #\(done.statementID)，\(done.from) 至 \(done.to) 共 \(done.rows) 行，余额由 \(done.opening.grouped) 至 \(done.closing.grouped)\n")
                }
            }
        }

        struct Lines: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: bilingual("List the statement rows of a bank account with their matches.", "列出银行存款账户的对账单各行及其勾对情况。"))
            @OptionGroup var options: BookOptions
            @OptionGroup var target: Target
            @OptionGroup var format: FormatOptions

            func run() throws {
                try reporting {
                    let rows = try options.openReading().cash.statementLines(organization: target.org, account: target.account)
                    let headers = ["id", "date", "summary", "received", "paid", "balance", "reference", "voucher", "method", "matched_by", "matched_at"]
                    let cells = rows.map { line -> [String] in
                        [String(line.id), line.row.date.description, line.row.summary, line.row.side == .debit ? Money(fen: line.row.amountFen).description : "",
                         line.row.side == .credit ? Money(fen: line.row.amountFen).description : "", Money(fen: line.row.balanceFen).description,
                         line.row.reference ?? "", line.match?.voucher.description ?? "", line.match?.method ?? "", line.match?.matchedBy ?? "",
                         line.match.map { BeijingTime.display($0.matchedAt) } ?? ""]
                    }
                    switch format.resolved {
                    case .table:
                        emit(Render.table(headers: ["编号", "日期", "摘要", "收入", "支出", "余额", "参考号", "勾对凭证", "方式", "勾对人", "勾对时间"], rows: cells.map { row in
                            var row = row
                            row[8] = row[8] == "auto" ? "自动" : row[8] == "manual" ? "手工" : ""
                            return row
                        }, rightAligned: [3, 4, 5]))
                    case .csv:
                        emit(Render.csv(headers: headers, rows: cells))
                    case .json:
                        emit(Render.jsonArray(cells.map { row in Render.jsonObject(zip(headers, row).map { ($0, Render.jsonString($1)) }, indent: "  ") }) + "\n")
                    }
                }
            }
        }

        struct Match: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: bilingual("Match statement rows to the book's bank lines: all automatically (--auto), or one row to one voucher.",
                                    "把对账单行与账簿的银行存款分录勾对：全部自动勾对（--auto），或把一行与一张凭证勾对。"),
                discussion: bilingual("""
                    --auto pairs each unmatched row with an unmatched posted line of the same amount and direction dated at most --days days apart (3 by default), each used once.
                    """, """
                    --auto 把每个未勾对的行与金额、方向相同且日期相差不超过 --days 天（默认 3 天）的未勾对已记账分录配对，每笔只用一次。
                    """))
            @OptionGroup var options: BookOptions
            @OptionGroup var target: Target
            @Flag(help: bilingual("Match every row that can be matched automatically.", "自动勾对所有能勾对的行。")) var auto = false
            @Option(help: bilingual("Days a row and a line may lie apart (--auto).", "自动勾对时允许相差的天数。")) var days = BankMatching.defaultDays
            @Option(help: bilingual("The statement row's id (from `cash statement lines`).", "对账单行编号（见 `cash statement lines`）。")) var line: Int64?
            @Option(help: bilingual("The voucher, such as 2026-12/记-0003.", "凭证号，如 2026-12/记-0003。")) var voucher: String?

            func validate() throws {
                if auto != (line == nil && voucher == nil) || (!auto && (line == nil || voucher == nil)) {
                    throw ValidationError(bilingual("give --auto, or --line and --voucher", "请给出 --auto，或同时给出 --line 和 --voucher"))
                }
            }

            func run() throws {
                try reporting {
                    let book = try options.open()
                    if auto {
                        let count = try book.cash.matchAutomatically(organization: target.org, account: target.account, days: days)
                        emit(language == .english ? "\(target.org) \(target.account): \(count) statement rows matched\n"
                                                  : "\(target.org) \(target.account)：自动勾对 \(count) 行\n")
                    } else if let line, let voucher {
                        let found = try book.vouchers.voucher(organization: target.org, reference: voucher)
                        try book.cash.match(organization: target.org, line: line, voucherID: found.id)
                        emit(language == .english ? "statement row #\(line) matched to \(found.label)\n" : "对账单行 #\(line) 已与 \(found.label) 勾对\n")
                    }
                }
            }
        }

        struct Unmatch: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: bilingual("Undo a statement row's match (who and when are recorded).", "取消对账单行的勾对（记录操作人和时间）。"))
            @OptionGroup var options: BookOptions
            @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
            @Option(help: bilingual("The statement row's id.", "对账单行编号。")) var line: Int64

            func run() throws {
                try reporting {
                    try options.open().cash.unmatch(organization: org, line: line)
                    emit(language == .english ? "statement row #\(line) unmatched\n" : "对账单行 #\(line) 已取消勾对\n")
                }
            }
        }
    }
}

extension ReportCommand {
    /// 银行存款余额调节表 of a bank account on a date.
    struct BankReconciliationReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bank-reconciliation",
            abstract: bilingual("银行存款余额调节表: the book's and the bank's balances on a date, each adjusted by the other's movements not yet recorded.",
                                "银行存款余额调节表：某日单位日记账余额和银行对账单余额，各按未达账项调节。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @OptionGroup var target: CashCommand.Statement.Target
        @Option(help: bilingual("The date, YYYY-MM-DD.", "日期，YYYY-MM-DD。")) var date: LocalDate

        func run() throws {
            try reporting {
                emit(try Reports.bankReconciliation(try options.openReading(), organization: target.org, account: target.account, date: date)
                    .rendered(format.resolved))
            }
        }
    }
}

extension ExportCommand {
    /// 银行存款余额调节表 workbook.
    struct BankReconciliationExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "bank-reconciliation",
                                                        abstract: bilingual("银行存款余额调节表 workbook.", "银行存款余额调节表工作簿。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var target: CashCommand.Statement.Target
        @Option(help: bilingual("The date, YYYY-MM-DD.", "日期，YYYY-MM-DD。")) var date: LocalDate
        @Option(name: .shortAndLong, help: bilingual("Output file (default: exports/银行存款余额调节表-ORG-DATE.xlsx).", "输出文件（默认：exports/银行存款余额调节表-单位-日期.xlsx）。")) var output: String?
        @Flag(help: bilingual("Replace an existing file that is not an .xlsx workbook (never a folder or a book).", "替换已有的非 .xlsx 工作簿文件（决不替换文件夹或账套）。")) var force = false

        func run() throws {
            try anchoredReporting(options, organization: target.org) {
                let path = try workbookPath(output ?? "exports/\(BankReconciliation.title)-\(target.org)-\(date).xlsx", force: force, book: options)
                try BankReconciliationWorkbook.write(try Reports.bankReconciliation(try options.openReading(), organization: target.org,
                                                                                   account: target.account, date: date), to: path)
                say(.wrote(path: path))
            }
        }
    }
}
