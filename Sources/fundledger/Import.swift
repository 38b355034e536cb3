import ArgumentParser
import FundStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Import journal files (and CSV files of voucher lines, by their .csv ending) as posted vouchers, all or nothing.", "把分录文件（以及以 .csv 结尾的凭证行 CSV 文件）导入为已记账凭证，全部成功或全部不导入。"),
        discussion: bilingual("Every transaction must balance, use leaf accounts of its organisation's chart and continue its month's numbering. At the first problems nothing is written and every problem is listed with its file and line.", "每张凭证都必须借贷平衡、使用本单位科目表的末级科目、并接续当月的编号。一旦发现问题，不写入任何内容，并逐个列出问题所在的文件和行。"))
    @OptionGroup var options: BookOptions
    @Option(help: bilingual("The organisation for transactions without an org: tag.", "没有 org: 标签的凭证所属的单位。")) var org: String?
    @Flag(help: bilingual("Check everything and report, but write nothing.", "全部检查并报告，但不写入。")) var dryRun = false
    @Argument(help: bilingual("Journal or CSV files.", "分录文件或 CSV 文件。")) var files: [String]

    func run() throws {
        try reporting {
            let book = try options.open()
            let progress = ProgressLine("importing", unit: "B")
            defer { progress.finish() }
            let summary = try book.imports.importJournal(paths: files, defaultOrganization: org, dryRun: dryRun) {
                progress.update(done: $0, total: $1)
            }
            progress.finish()
            let perOrganization = summary.byOrganization.count > 8 ? "\(summary.byOrganization.count) organisations"
                : summary.byOrganization.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            say(.imported(dryRun: dryRun, vouchers: summary.vouchers, lines: summary.lines, byOrganization: summary.byOrganization))
        }
    }
}
