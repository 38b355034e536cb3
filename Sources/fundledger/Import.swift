import ArgumentParser
import FundStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import journal files (and CSV files of voucher lines, by their .csv ending) as posted vouchers, all or nothing.",
        discussion: "Every transaction must balance, use leaf accounts of its organisation's chart and continue its month's numbering. At the first problems nothing is written and every problem is listed with its file and line.")
    @OptionGroup var options: BookOptions
    @Option(help: "The organisation for transactions without an org: tag.") var org: String?
    @Flag(help: "Check everything and report, but write nothing.") var dryRun = false
    @Argument(help: "Journal or CSV files.") var files: [String]

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
