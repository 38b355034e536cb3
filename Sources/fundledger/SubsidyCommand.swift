import ArgumentParser
import FundCore
import FundReports
import FundStore

struct SubsidyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subsidy", abstract: "Per-item subsidies (项目补贴，一事一补): record, approve, disburse to both books, settle.",
        subcommands: [Add.self, ImportCSV.self, Approve.self, Disburse.self, Accrue.self, Settle.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record an item as applied for, or approved when --document is given.")
        @OptionGroup var options: BookOptions
        @Option(help: "The item's code, e.g. XB-2026-017.") var code: String
        @Option(help: "The granting union (county or township).") var grantor: String
        @Option(help: "The receiving federation.") var recipient: String
        @Option(help: "A short title.") var title: String
        @Option(help: "What the money is for.") var purpose: String = ""
        @Option(name: .customLong("account"), help: "An expenditure account it may be spent on; repeat for each.") var accounts: [String]
        @Option(help: "The approved amount in yuan.") var approved: String
        @Option(help: "The approval document number.") var document: String?
        @Option(help: "The approval document's date.") var documentDate: LocalDate?
        @Option(help: "First day of the spending window.") var from: LocalDate
        @Option(help: "Last day of the spending window.") var deadline: LocalDate

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
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Record items from a CSV file, all or nothing.")
        @OptionGroup var options: BookOptions
        @Argument(help: "CSV with columns code,grantor,recipient,title,purpose,accounts,approved,document,document_date,window_start,deadline.") var file: String

        func run() throws {
            try reporting { say(.subsidiesImported(count: try options.open().subsidies.importSubsidies(path: file), file: file)) }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve an applied item under its document.")
        @OptionGroup var options: BookOptions
        @Argument(help: "The item's code.") var code: String
        @Option(help: "The approval document number.") var document: String
        @Option(help: "Its date.") var date: LocalDate

        func run() throws {
            try reporting {
                try options.open().subsidies.approveSubsidy(code: code, document: document, date: date)
                say(.subsidyApproved(code: code, document: document))
            }
        }
    }

    struct Disburse: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Pay a tranche: posts the grantor's and the recipient's vouchers together.")
        @OptionGroup var options: BookOptions
        @Argument(help: "The item's code.") var code: String
        @Option(help: "The amount in yuan.") var amount: String
        @Option(help: "The payment date.") var date: LocalDate
        @Option(help: "Who reviewed the payment (not the acting user).") var reviewer: String

        func run() throws {
            try reporting {
                let money = try parseAmount(amount, option: "--amount")
                let refs = try options.open().subsidies.disburseSubsidy(code: code, amount: money, date: date, reviewer: reviewer)
                say(.subsidyDisbursed(amount: money, code: code, grantor: refs[0].description, recipient: refs[1].description))
            }
        }
    }

    struct Accrue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "At year end, book what was approved but not paid (Dr 50802 / Cr 21201; Dr 13101 / Cr 40302).")
        @OptionGroup var options: BookOptions
        @Argument(help: "The item's code.") var code: String
        @Option(help: "The amount in yuan.") var amount: String
        @Option(help: "The date, normally 31 December.") var date: LocalDate
        @Option(help: "Who reviewed it.") var reviewer: String

        func run() throws {
            try reporting {
                let money = try parseAmount(amount, option: "--amount")
                let refs = try options.open().subsidies.accrueSubsidy(code: code, amount: money, date: date, reviewer: reviewer)
                say(.subsidyAccrued(amount: money, code: code, grantor: refs[0].description, recipient: refs[1].description))
            }
        }
    }

    struct Settle: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Settle an item: return what was not spent to the grantor and close it.")
        @OptionGroup var options: BookOptions
        @Argument(help: "The item's code.") var code: String
        @Option(help: "The settlement date.") var date: LocalDate
        @Option(help: "Who reviewed the settlement.") var reviewer: String

        func run() throws {
            try reporting {
                let refs = try options.open().subsidies.settleSubsidy(code: code, date: date, reviewer: reviewer)
                emit(refs.isEmpty ? "settled \(code): nothing to return\n" : "settled \(code): returned by recipient \(refs[0]), recovered by grantor \(refs[1])\n")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One item: its terms, figures, history, and every voucher line in both books.")
        @OptionGroup var options: BookOptions
        @Argument(help: "The item's code.") var code: String

        func run() throws {
            try reporting {
                let book = try options.open()
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
