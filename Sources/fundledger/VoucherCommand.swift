import ArgumentParser
import FundCore
import FundReports
import FundStore

struct VoucherCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voucher", abstract: bilingual("Prepare, review, post, reverse and inspect vouchers (记账凭证).", "记账凭证的填制、审核、记账、冲销和查看。"),
        subcommands: [Add.self, Review.self, Post.self, Reverse.self, Show.self, List.self, Delete.self])

    /// Which voucher: its number with its month (2026-03/记-0007), its word and number with
    /// --period (记-0007), or its internal id (#12); never a bare number.
    struct Target: ParsableArguments {
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: ArgumentHelp(bilingual("The month of a voucher named by word and number alone (记-0007).", "只写凭证字号（记-0007）时凭证所在的月份。") as String, valueName: "YYYY-MM")) var period: Period?
        @Argument(help: bilingual("The voucher: its number such as 2026-03/记-0007 (or 记-0007 with --period), or its internal id such as #12.",
                                  "凭证：凭证字号如 2026-03/记-0007（或 记-0007 加 --period），或内部编号如 #12。")) var voucher: String

        func find(in book: Session) throws -> Voucher { try book.vouchers.voucher(organization: org, reference: voucher, period: period) }
    }

    /// Several vouchers of one organisation, or all its vouchers not yet posted.
    struct Targets: ParsableArguments {
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: ArgumentHelp(bilingual("The month: of vouchers named by word and number alone (记-0007), and the only month --all-drafts takes.", "月份：只写凭证字号（记-0007）的凭证所属的月份，也是 --all-drafts 唯一处理的月份。"), valueName: "YYYY-MM")) var period: Period?
        @Flag(help: bilingual("Every voucher of the organisation not yet posted (of --period, if given).", "本单位所有尚未记账的凭证（给出 --period 时为该月的）。")) var allDrafts = false
        @Argument(help: bilingual("The vouchers: their internal ids such as #12 (drafts have no number yet), or numbers such as 2026-03/记-0007.", "凭证：内部编号如 #12（草稿尚无凭证号），或凭证号如 2026-03/记-0007。")) var vouchers: [String] = []

        func validate() throws {
            if allDrafts && !vouchers.isEmpty { throw ValidationError("give the vouchers or --all-drafts, not both") }
            if !allDrafts && vouchers.isEmpty { throw ValidationError("name the vouchers (such as #12 #13) or give --all-drafts") }
        }

        /// The vouchers' ids, in the order given (or oldest first for --all-drafts). Every name
        /// that finds no voucher is told at once, as a refused batch of `act`.
        func ids(in book: Session, for act: VoucherBatchAct) throws -> [Int64] {
            if allDrafts {
                let ids = try book.vouchers.unpostedVoucherIDs(organization: org, period: period)
                if ids.isEmpty { throw CLIError("\(org) has no voucher waiting\(period.map { " in \($0)" } ?? ""); `fundledger voucher list --org \(org)` lists them") }
                return ids
            }
            var ids: [Int64] = [], failures: [VoucherBatchFailure] = []
            for name in vouchers {
                do { ids.append(try book.vouchers.voucher(organization: org, reference: name, period: period).id) }
                catch let error as BookError where !error.isNotPermitted { failures.append(VoucherBatchFailure(voucher: org + " " + name, error: error)) }
            }
            if vouchers.count == 1, let only = failures.first { throw only.error }
            if !failures.isEmpty { throw BookError.batchRefused(act: act, failures: failures) }
            return ids
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Prepare a draft voucher; the acting user is the preparer (制单).", "填制草稿凭证；当前用户为制单人。"),
            discussion: bilingual("""
                Each --line is a posting: the account code (optionally its name, which must be the chart's), \
                a space, the amount (positive debit, negative credit; 1,234.56 and ¥1,234.56 are read too), and \
                optional tags after ';'. For example:
                  --line "102 5000.00" --line "40302 专项转移支付补助 -5000.00 ; project:XB-2026-017"
                """, """
                每个 --line 是一行分录：科目编码（可加科目名称，须与科目表一致）、空格、金额（正数为借方，负数为贷方；\
                也可写 1,234.56 或 ¥1,234.56），以及“;”之后可选的标签。例如：
                  --line "102 5000.00" --line "40302 专项转移支付补助 -5000.00 ; project:XB-2026-017"
                """))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("The voucher date: 2026-03-05, 2026/3/5 or 2026年3月5日.", "凭证日期：2026-03-05、2026/3/5 或 2026年3月5日。")) var date: LocalDate
        @Option(help: bilingual("The summary (摘要).", "摘要。")) var summary: String
        @Option(help: bilingual("Number of supporting documents (附件).", "附件张数。")) var attachments = 0
        @Option(help: bilingual("The voucher word (凭证字).", "凭证字。")) var word = "记"
        @Option(name: .customLong("line"), help: bilingual("A posting: \"CODE [NAME] AMOUNT [; tag:value, ...]\". Repeat for each line.", "一行分录：\"科目编码 [科目名称] 金额 [; 标签:值, ...]\"。每行给一次。"))
        var lines: [String] = []
        @Flag(help: bilingual("Add the fixed asset and its 资产基金 (Dr 162 / Cr 301) for each equipment purchase line.", "为每一行设备购置同时登记固定资产及其资产基金（借 162 贷 301）。"))
        var assetPair = false

        func run() throws {
            try reporting {
                let book = try options.open()
                var parser = JournalParser(file: "--line", defaultPreparer: options.user)
                parser.typedPostings = true
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
                let chart = try book.organizations.chart(for: org)
                let mismatches = entry.accountNameMismatches(in: chart)
                if !mismatches.isEmpty {
                    throw CLIError(mismatches.map { InputError(file: "--line", line: $0.lineIndex + 1, rule: AccountNameMismatch.rule, message: $0.description, chinese: $0.chinese).text(language) }
                        .joined(separator: "\n"))
                }
                if assetPair { draft.lines += AssetFund.pairLines(for: draft, chart: chart) }
                let voucher = try book.vouchers.addVoucher(draft)
                say(.draftPrepared(id: voucher.id, organization: org, date: date))
            }
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Review (审核) drafts; the acting user is the reviewer and must not be their preparer.", "审核草稿凭证；当前用户为审核人，不得是制单人。"),
            discussion: bilingual("Several vouchers (or --all-drafts) are reviewed in one transaction: all of them, or, if any cannot be, none, with every one that failed and why.",
                                  "可一次审核多张凭证（或 --all-drafts）：要么全部审核，要么有一张不能审核时全部不审核，并列出每张失败的凭证及原因。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var targets: Targets

        func run() throws {
            try reporting {
                let book = try options.open()
                let reviewed = try book.vouchers.reviewVouchers(ids: try targets.ids(in: book, for: .review), reviewer: options.user)
                say(.reviewed(ids: reviewed.map(\.id)))
            }
        }
    }

    struct Post: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Post (记账) reviewed vouchers; each gets the next number of its month.", "记账已审核的凭证；每张凭证获得当月的下一个编号。"),
            discussion: bilingual("Several vouchers (or --all-drafts) are posted in one transaction, numbered in the order given: all of them, or, if any cannot be, none, with every one that failed and why.",
                                  "可一次记账多张凭证（或 --all-drafts），按给出的顺序编号：要么全部记账，要么有一张不能记账时全部不记账，并列出每张失败的凭证及原因。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var targets: Targets

        func run() throws {
            try reporting {
                let book = try options.open()
                let posted = try book.vouchers.postVouchers(ids: try targets.ids(in: book, for: .post), bookkeeper: options.user)
                for voucher in posted { say(.posted(id: voucher.id, ref: voucher.ref!)) }
                for voucher in posted {
                    for overrun in try book.budgets.budgetOverruns(voucherID: voucher.id) {
                        note(CLIText.warningPrefix.text(language) + (language == .english ? overrun.description : overrun.chinese))
                    }
                    for shortfall in try book.cash.shortfalls(voucherID: voucher.id) {
                        note(CLIText.warningPrefix.text(language) + shortfall.text(language))
                    }
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
                let book = try options.openReading()
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
                let vouchers = try options.openReading().vouchers.vouchers(organization: org, period: period)
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
