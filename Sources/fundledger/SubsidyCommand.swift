import ArgumentParser
import FundCore
import FundReports
import FundStore

struct SubsidyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subsidy", abstract: bilingual("Per-item subsidies (项目补贴，一事一补): record, approve, disburse to both books, settle.", "项目补贴（一事一补）：登记、批复、拨付并记入双方账簿、结项。"),
        subcommands: [Add.self, ImportCSV.self, Approve.self, Disburse.self, Accrue.self, Settle.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Record an item as applied for, or approved when --document is given.", "登记项目为已申请；给出 --document 时为已批复。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The item's code, e.g. XB-2026-017.", "项目编号，如 XB-2026-017。")) var code: String
        @Option(help: bilingual("The granting union (county or township).", "拨款的工会（县级或乡镇）。")) var grantor: String
        @Option(help: bilingual("The receiving federation.", "收款的工会联合会。")) var recipient: String
        @Option(help: bilingual("A short title.", "简短名称。")) var title: String
        @Option(help: bilingual("What the money is for.", "资金用途。")) var purpose: String = ""
        @Option(name: .customLong("account"), help: bilingual("An expenditure account it may be spent on; repeat for each.", "可列支的支出科目；每个科目给一次。")) var accounts: [String]
        @Option(help: bilingual("The approved amount in yuan.", "批复金额（元）。")) var approved: String
        @Option(help: bilingual("The approval document number.", "批复文号。")) var document: String?
        @Option(help: bilingual("The approval document's date.", "批复文件的日期。")) var documentDate: LocalDate?
        @Option(help: bilingual("First day of the spending window.", "使用期的第一天。")) var from: LocalDate
        @Option(help: bilingual("Last day of the spending window.", "使用期的最后一天。")) var deadline: LocalDate

        func run() throws {
            try reporting {
                let amount = try parseAmount(approved, option: "--approved")
                try options.open().subsidies.addSubsidy(SubsidyItem(code: code, grantor: grantor, recipient: recipient, title: title, purpose: purpose,
                                                          accounts: accounts, approved: amount, document: document, documentDate: documentDate,
                                                          windowStart: from, deadline: deadline))
                say(.subsidyRecorded(code: code, approved: document != nil))
            }
        }
    }

    struct ImportCSV: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: bilingual("Record items from a CSV file, all or nothing.", "从 CSV 文件登记项目，全部成功或全部不登记。"))
        @OptionGroup var options: BookOptions
        @Argument(help: bilingual("CSV with columns code,grantor,recipient,title,purpose,accounts,approved,document,document_date,window_start,deadline.", "CSV 文件，列为 code,grantor,recipient,title,purpose,accounts,approved,document,document_date,window_start,deadline。")) var file: String

        func run() throws {
            try reporting { say(.subsidiesImported(count: try options.open().subsidies.importSubsidies(path: file), file: file)) }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Approve an applied item under its document.", "按文件批复已申请的项目。"))
        @OptionGroup var options: BookOptions
        @Argument(help: bilingual("The item's code.", "项目编号。")) var code: String
        @Option(help: bilingual("The approval document number.", "批复文号。")) var document: String
        @Option(help: bilingual("Its date.", "日期。")) var date: LocalDate

        func run() throws {
            try reporting {
                try options.open().subsidies.approveSubsidy(code: code, document: document, date: date)
                say(.subsidyApproved(code: code, document: document))
            }
        }
    }

    struct Disburse: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Pay a tranche: posts the grantor's and the recipient's vouchers together.", "拨付一笔：同时记账拨款单位和收款单位的凭证。"))
        @OptionGroup var options: BookOptions
        @Argument(help: bilingual("The item's code.", "项目编号。")) var code: String
        @Option(help: bilingual("The amount in yuan.", "金额（元）。")) var amount: String
        @Option(help: bilingual("The payment date.", "拨付日期。")) var date: LocalDate
        @Option(help: bilingual("Who reviewed the payment (审核): another officer of the grantor, not the acting user.", "拨付的审核人：拨款单位另一名财务人员，不得是当前用户。")) var reviewer: String

        func run() throws {
            try reporting {
                let money = try parseAmount(amount, option: "--amount")
                let refs = try options.open().subsidies.disburseSubsidy(code: code, amount: money, date: date, reviewer: reviewer)
                say(.subsidyDisbursed(amount: money, code: code, grantor: refs[0].description, recipient: refs[1].description))
            }
        }
    }

    struct Accrue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("At year end, book what was approved but not paid (Dr 50802 / Cr 21201; Dr 13101 / Cr 40302).", "年末预提已批复未拨付的金额（借 50802 贷 21201；借 13101 贷 40302）。"))
        @OptionGroup var options: BookOptions
        @Argument(help: bilingual("The item's code.", "项目编号。")) var code: String
        @Option(help: bilingual("The amount in yuan.", "金额（元）。")) var amount: String
        @Option(help: bilingual("The date, normally 31 December.", "日期，通常为 12 月 31 日。")) var date: LocalDate
        @Option(help: bilingual("Who reviewed it (审核): another officer of the grantor.", "审核人：拨款单位另一名财务人员。")) var reviewer: String

        func run() throws {
            try reporting {
                let money = try parseAmount(amount, option: "--amount")
                let refs = try options.open().subsidies.accrueSubsidy(code: code, amount: money, date: date, reviewer: reviewer)
                say(.subsidyAccrued(amount: money, code: code, grantor: refs[0].description, recipient: refs[1].description))
            }
        }
    }

    struct Settle: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Settle an item: return what was not spent to the grantor and close it.", "项目结项：未用完的资金退回拨款单位并结项。"))
        @OptionGroup var options: BookOptions
        @Argument(help: bilingual("The item's code.", "项目编号。")) var code: String
        @Option(help: bilingual("The settlement date.", "结项日期。")) var date: LocalDate
        @Option(help: bilingual("Who reviewed the settlement (审核): another officer of the organisation.", "结项的审核人：本单位另一名财务人员。")) var reviewer: String

        func run() throws {
            try reporting {
                let refs = try options.open().subsidies.settleSubsidy(code: code, date: date, reviewer: reviewer)
                emit(refs.isEmpty ? "settled \(code): nothing to return\n" : "settled \(code): returned by recipient \(refs[0]), recovered by grantor \(refs[1])\n")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("One item: its terms, figures, history, and every voucher line in both books.", "一个项目：条件、金额、过程，以及双方账簿中的全部凭证行。"))
        @OptionGroup var options: BookOptions
        @Argument(help: bilingual("The item's code.", "项目编号。")) var code: String

        func run() throws {
            try reporting {
                let book = try options.openReading()
                emit(try subsidyDetail(book: book, code: code))
            }
        }
    }
}

/// The text of `subsidy show` and `report subsidy`.
func subsidyDetail(book: Session, code: String) throws -> String {
    let item = try book.subsidies.subsidy(code: code)
    let figures = try book.subsidies.subsidies(organization: item.grantor).first { $0.0.code == code }!.1
    var text = "项目补贴 \(item.code) \(item.title)  \(item.status.chinese)\n"
    text += "拨付单位：\(item.grantor)  受补单位：\(item.recipient)  用途：\(item.purpose)  科目：\(item.accounts.joined(separator: " "))\n"
    text += "批准：\(item.approved.grouped)  \(item.document ?? "未批复")\(item.documentDate.map { " \($0)" } ?? "")  使用期限：\(item.windowStart)至\(item.deadline)\n"
    text += "已拨付 \(Money(fen: figures.disbursed).grouped)  已收到 \(Money(fen: figures.received).grouped)  已支出 \(Money(fen: figures.spent).grouped)  已退回 \(Money(fen: figures.returned).grouped)  结余 \(Money(fen: figures.balance).grouped)\n"
    let lines = try book.subsidies.subsidyLines(code: code)
    text += Render.table(headers: ["单位", "日期", "凭证号", "摘要", "科目", "借方", "贷方"], rows: lines.map { entry in
        let l = entry.line
        return [entry.organization, l.date.description, l.ref.description, l.summary, l.accountCode,
                l.side == .debit ? Money(fen: l.amountFen).grouped : "", l.side == .credit ? Money(fen: l.amountFen).grouped : ""]
    }, rightAligned: [5, 6])
    for entry in try book.subsidies.subsidyLog(code: code) { text += "\(BeijingTime.display(entry.at)) \(entry.by) \(entry.action) \(entry.detail)\n" }
    return text
}
