import ArgumentParser
import FundStore

extension TextEncoding: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { ["auto", "utf-8", "gbk"] }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Import journal files (and voucher lines kept in a spreadsheet, by their .csv or .xlsx ending) as posted vouchers, all or nothing.",
                            "把分录文件（以及以 .csv 或 .xlsx 结尾的凭证表）导入为已记账凭证，全部成功或全部不导入。"),
        discussion: bilingual("""
            Every transaction must balance, use leaf accounts of its organisation's chart and continue its month's numbering. \
            Its preparer (preparer: tag, or the importing user) and its reviewer (reviewer: tag, or --reviewer) are two \
            officers of its organisation; a voucher without a reviewer is not posted. At the first problems nothing is \
            written and every problem is listed with its file and line.
            """, """
            每张凭证都必须借贷平衡、使用本单位科目表的末级科目，并接续当月编号。制单人（preparer: 标签，或导入人）与审核人\
            （reviewer: 标签，或 --reviewer）是本单位两名不同的财务人员；没有审核人的凭证不记账。发现问题时一律不写入，\
            并列出每个问题所在的文件和行。
            """))
    @OptionGroup var options: BookOptions
    @Option(help: bilingual("The organisation for transactions without an org: tag.", "没有 org: 标签的凭证所属的单位。")) var org: String?
    @Option(help: bilingual("The reviewer (审核) for transactions without a reviewer: tag: an officer of their organisation.", "没有 reviewer: 标签的凭证的审核人：该单位的财务人员。")) var reviewer: String?
    @Flag(help: bilingual("An old book's history: people named who are not users of this book are recorded as historical people (the audit lists them).", "旧账历史：不是本账套用户的人员记为历史人员（审计会列出）。"))
    var historical = false
    @Option(help: bilingual("The files' text encoding: auto (UTF-8, and a CSV file that is GBK, as Excel and WPS save it on Chinese Windows, read as GBK), utf-8 or gbk.", "文件编码：auto（UTF-8；中文 Windows 上 Excel、WPS 保存的 GBK 编码 CSV 自动识别）、utf-8 或 gbk。"))
    var encoding: TextEncoding = .automatic
    @Flag(help: bilingual("Check everything and report, but write nothing.", "全部检查并报告，但不写入。")) var dryRun = false
    @Argument(help: bilingual("Journal, CSV or XLSX files.", "分录文件、CSV 或 XLSX 文件。")) var files: [String]

    func run() throws {
        try reporting {
            let book = try options.open()
            let progress = ProgressLine("importing", unit: "B")
            defer { progress.finish() }
            let summary = try book.imports.importJournal(paths: files, defaultOrganization: org, defaultReviewer: reviewer,
                                                       historical: historical, encoding: encoding, dryRun: dryRun) {
                progress.update(done: $0, total: $1)
            }
            progress.finish()
            let perOrganization = summary.byOrganization.count > 8 ? "\(summary.byOrganization.count) organisations"
                : summary.byOrganization.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            say(.imported(dryRun: dryRun, vouchers: summary.vouchers, lines: summary.lines, byOrganization: summary.byOrganization))
        }
    }
}
