import ArgumentParser
import FundCore
import FundReports
import FundStore

struct VoucherCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voucher", abstract: "Prepare, review, post, reverse and inspect vouchers (记账凭证).",
        subcommands: [Add.self, Review.self, Post.self, Reverse.self, Show.self, List.self, Delete.self])

    /// Which voucher: its number (2026-03/记-0007) or its id (#12 or 12).
    struct Target: ParsableArguments {
        @Option(help: "The organisation.") var org: String
        @Argument(help: "The voucher: its number such as 2026-03/记-0007, or its id such as 12.") var voucher: String

        func find(in book: Session) throws -> Voucher { try book.vouchers.voucher(organization: org, reference: voucher) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prepare a draft voucher; the acting user is the preparer (制单).",
            discussion: """
                Each --line is a posting as the journal writes it: the account code, two spaces, the amount \
                (positive debit, negative credit), and optional tags after ';'. For example:
                  --line "102  5000.00" --line "40302  -5000.00 ; project:XB-2026-017"
                """)
        @OptionGroup var options: BookOptions
        @Option(help: "The organisation.") var org: String
        @Option(help: "The voucher date, YYYY-MM-DD.") var date: LocalDate
        @Option(help: "The summary (摘要).") var summary: String
        @Option(help: "Number of supporting documents (附件).") var attachments = 0
        @Option(help: "The voucher word (凭证字).") var word = "记"
        @Option(name: .customLong("line"), help: "A posting: \"CODE  AMOUNT [; tag:value, ...]\". Repeat for each line.")
        var lines: [String] = []
        @Flag(help: "Add the fixed asset and its 资产基金 (Dr 162 / Cr 301) for each equipment purchase line.")
        var assetPair = false

        func run() throws {
            try reporting {
                let book = try options.open()
                var parser = JournalParser(file: "--line", defaultPreparer: options.user)
                _ = try parser.feed(Substring(date.description + " * x"), line: 0)
                for (index, line) in lines.enumerated() {
                    _ = try parser.feed(Substring("    " + line), line: index + 1)
                }
                guard let entry = try parser.finish() else { throw CLIError("no lines given; add --line for each posting") }
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
        static let configuration = CommandConfiguration(abstract: "Review (审核) a draft; the acting user is the reviewer and must not be its preparer.")
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
        static let configuration = CommandConfiguration(abstract: "Post (记账) a reviewed voucher; it gets the next number of its month.")
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
        static let configuration = CommandConfiguration(abstract: "Write the red-ink voucher (红字冲销) that cancels a posted voucher, as a draft to review and post.")
        @OptionGroup var options: BookOptions
        @OptionGroup var target: Target
        @Option(help: "The date of the red-ink voucher, YYYY-MM-DD.") var date: LocalDate
        @Option(help: "Its summary (default 注销M月D日记字第N号凭证).") var summary: String?

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
        static let configuration = CommandConfiguration(abstract: "Show a voucher as the printed form lays it out.")
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
        static let configuration = CommandConfiguration(abstract: "List an organisation's vouchers.")
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option(help: "The organisation.") var org: String
        @Option(help: "Only this month, YYYY-MM.") var period: Period?

        func run() throws {
            try reporting {
                let vouchers = try options.open().vouchers.vouchers(organization: org, period: period)
                emit(VoucherList(vouchers: vouchers).rendered(format.resolved))
            }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a voucher that is not posted yet.")
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
