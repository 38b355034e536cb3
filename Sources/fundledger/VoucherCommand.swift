import ArgumentParser
import FundCore
import FundReports
import FundStore

struct VoucherCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voucher", abstract: bilingual("Prepare, review, post, reverse and inspect vouchers (记账凭证).", "记账凭证的填制、审核、记账、冲销和查看。"),
        subcommands: [Add.self, Review.self, Post.self, Reverse.self, Show.self, List.self, Delete.self])

    /// Which voucher: its number (2026-03/记-0007) or its id (#12 or 12).
    struct Target: ParsableArguments {
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Argument(help: bilingual("The voucher: its number such as 2026-03/记-0007, or its id such as 12.", "凭证：凭证号如 2026-03/记-0007，或编号如 12。")) var voucher: String

        func find(in book: Session) throws -> Voucher { try book.vouchers.voucher(organization: org, reference: voucher) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Prepare a draft voucher; the acting user is the preparer (制单).", "填制草稿凭证；当前用户为制单人。"),
            discussion: bilingual("""
                Each --line is a posting as the journal writes it: the account code, two spaces, the amount \
                (positive debit, negative credit), and optional tags after ';'. For example:
                  --line "102  5000.00" --line "40302  -5000.00 ; project:XB-2026-017"
                """, """
                每个 --line 是一行分录，写法与分录文件相同：科目编码、两个空格、金额（正数为借方，负数为贷方），\
                以及“;”之后可选的标签。例如：
                  --line "102  5000.00" --line "40302  -5000.00 ; project:XB-2026-017"
                """))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("The voucher date, YYYY-MM-DD.", "凭证日期，YYYY-MM-DD。")) var date: LocalDate
        @Option(help: bilingual("The summary (摘要).", "摘要。")) var summary: String
        @Option(help: bilingual("Number of supporting documents (附件).", "附件张数。")) var attachments = 0
        @Option(help: bilingual("The voucher word (凭证字).", "凭证字。")) var word = "记"
        @Option(name: .customLong("line"), help: bilingual("A posting: \"CODE  AMOUNT [; tag:value, ...]\". Repeat for each line.", "一行分录：\"科目编码  金额 [; 标签:值, ...]\"。每行给一次。"))
        var lines: [String] = []
        @Flag(help: bilingual("Add the fixed asset and its 资产基金 (Dr 162 / Cr 301) for each equipment purchase line.", "为每一行设备购置同时登记固定资产及其资产基金（借 162 贷 301）。"))
        var assetPair = false

        func run() throws {
            try reporting {
                let book = try options.open()
                var parser = JournalParser(file: "--line", defaultPreparer: options.user)
                _ = try parser.feed(Substring(date.description + " * x"), line: 0)
                for (index, line) in lines.enumerated() {
                    _ = try parser.feed(Substring("    " + line), line: index + 1)
                }
                guard let entry = try parser.finish() else { throw CLIError(bilingual("no lines given; add --line for each posting", "没有给出分录行；请为每一行给出 --line [no-lines]")) }
                var draft = entry.draft
                draft.organization = org
                draft.summary = summary
                draft.attachments = attachments
                draft.word = word
                if assetPair { draft.lines += AssetFund.pairLines(for: draft, chart: try book.organizations.chart(for: org)) }
                let voucher = try book.vouchers.addVoucher(draft)
                say(.draftPrepared(id: voucher.id, organization: org, date: date))
            }
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Review (审核) a draft; the acting user is the reviewer and must not be its preparer.", "审核草稿凭证；当前用户为审核人，不得是制单人。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var target: Target

        func run() throws {
            try reporting {
                let book = try options.open()
                let voucher = try target.find(in: book)
                try book.vouchers.reviewVoucher(id: voucher.id, reviewer: options.user)
                say(.reviewed(id: voucher.id))
            }
        }
    }

    struct Post: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Post (记账) a reviewed voucher; it gets the next number of its month.", "记账已审核的凭证；凭证获得当月的下一个编号。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var target: Target

        func run() throws {
            try reporting {
                let book = try options.open()
                let voucher = try target.find(in: book)
                let posted = try book.vouchers.postVoucher(id: voucher.id, bookkeeper: options.user)
                say(.posted(id: posted.id, ref: posted.ref!))
                for overrun in try book.budgets.budgetOverruns(voucherID: posted.id) {
                    note(CLIText.warningPrefix.text(language) + (language == .english ? overrun.description : overrun.chinese))
                }
            }
        }
    }

    struct Reverse: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Write the red-ink voucher (红字冲销) that cancels a posted voucher, as a draft to review and post.", "填制冲销已记账凭证的红字冲销凭证，作为草稿待审核记账。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var target: Target
        @Option(help: bilingual("The date of the red-ink voucher, YYYY-MM-DD.", "红字冲销凭证的日期，YYYY-MM-DD。")) var date: LocalDate
        @Option(help: bilingual("Its summary (default 注销M月D日记字第N号凭证).", "摘要（默认 注销M月D日记字第N号凭证）。")) var summary: String?

        func run() throws {
            try reporting {
                let book = try options.open()
                let voucher = try target.find(in: book)
                let red = try book.vouchers.reverseVoucher(id: voucher.id, date: date, preparer: options.user, summary: summary)
                say(.redInkPrepared(id: red.id, reversing: voucher.ref?.description ?? "#\(voucher.id)"))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Show a voucher as the printed form lays it out.", "按打印格式显示一张凭证。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var target: Target

        func run() throws {
            try reporting {
                let book = try options.open()
                let voucher = try target.find(in: book)
                emit(VoucherView(voucher: voucher, chart: try book.organizations.chart(for: target.org)).rendered())
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("List an organisation's vouchers.", "列出单位的凭证。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("Only this month, YYYY-MM.", "只限此月，YYYY-MM。")) var period: Period?

        func run() throws {
            try reporting {
                let vouchers = try options.open().vouchers.vouchers(organization: org, period: period)
                emit(VoucherList(vouchers: vouchers).rendered(format.resolved))
            }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Delete a voucher that is not posted yet.", "删除尚未记账的凭证。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var target: Target

        func run() throws {
            try reporting {
                let book = try options.open()
                let voucher = try target.find(in: book)
                try book.vouchers.deleteDraft(id: voucher.id)
                say(.deleted(id: voucher.id))
            }
        }
    }
}
