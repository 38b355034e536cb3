import ArgumentParser
import FundCore
import FundStore

extension OrgCommand {
    /// `org open-balances`: 建账 from a trial balance file.
    struct OpenBalances: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open-balances",
            abstract: bilingual("Open an organisation's book (建账) with its balances from a trial balance, once, before any voucher.",
                                "建账：从科目余额表录入单位的期初余额，只能录入一次，且须在记账之前。"),
            discussion: bilingual("""
                The file is a CSV (UTF-8 or GBK, as Excel saves it) or an .xlsx workbook with the columns 科目编码, 科目名称, \
                借方余额, 贷方余额 and optionally 项目 (a 321 balance names its project). Rows of accounts with details are \
                subtotals and must equal their details. The balances post as one voucher of word 建, reviewed by --reviewer, \
                dated the last day of the month before --first-period; every form shows them as 年初余额.
                """, """
                文件为 CSV（UTF-8 或 Excel 另存的 GBK）或 .xlsx 工作簿，列为 科目编码、科目名称、借方余额、贷方余额，可加 项目 \
                （321 的余额须注明项目）。有明细科目的上级科目行视为小计，须等于其明细之和。期初余额记为一张“建”字凭证，\
                由 --reviewer 审核，日期为 --first-period 前一个月的最后一天；各报表将其列为年初余额。
                """))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("The trial balance: CSV or .xlsx.", "科目余额表：CSV 或 .xlsx 文件。")) var file: String
        @Option(help: bilingual("The book's first month, YYYY-MM (any month of the year).", "账套的第一个会计期间，YYYY-MM（可为年内任一月份）。"))
        var firstPeriod: Period
        @Option(help: bilingual("Who reviewed the opening balances (审核): another officer of the organisation.", "期初余额的审核人：本单位另一名财务人员。"))
        var reviewer: String

        func run() throws {
            try reporting {
                let voucher = try options.open().opening.importTrialBalance(organization: org, firstPeriod: firstPeriod, path: file, reviewer: reviewer)
                let total = voucher.draft.lines.filter { $0.side == .debit }.reduce(Int64(0)) { $0 + $1.amount.fen }
                say(.openingPosted(organization: org, ref: voucher.ref.map(\.description) ?? "#\(voucher.id)", firstPeriod: firstPeriod,
                                   lines: voucher.draft.lines.count, total: Money(fen: total)))
            }
        }
    }
}
