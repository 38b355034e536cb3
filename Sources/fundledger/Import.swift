import ArgumentParser
import FundStore

extension TextEncoding: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { ["auto", "utf-8", "gbk"] }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import journal files (and voucher lines kept in a spreadsheet, by their .csv or .xlsx ending) as posted vouchers, all or nothing.",
        discussion: """
            Every transaction must balance, use leaf accounts of its organisation's chart and continue its month's numbering. \
            Its preparer (preparer: tag, or the importing user) and its reviewer (reviewer: tag, or --reviewer) are two \
            officers of its organisation; a voucher without a reviewer is not posted. At the first problems nothing is \
            written and every problem is listed with its file and line.
            """)
    @OptionGroup var options: BookOptions
    @Option(help: "The organisation for transactions without an org: tag.") var org: String?
    @Option(help: "The reviewer (审核) for transactions without a reviewer: tag: an officer of their organisation.") var reviewer: String?
    @Flag(help: "An old book's history: people named who are not users of this book are recorded as historical people (the audit lists them).")
    var historical = false
    @Option(help: "The files' text encoding: auto (UTF-8, and a CSV file that is GBK, as Excel and WPS save it on Chinese Windows, read as GBK), utf-8 or gbk.")
    var encoding: TextEncoding = .automatic
    @Flag(help: "Check everything and report, but write nothing.") var dryRun = false
    @Argument(help: "Journal, CSV or XLSX files.") var files: [String]

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
            emit("\(dryRun ? "dry run: would import" : "imported") \(summary.vouchers) vouchers with \(summary.lines) lines (\(perOrganization))\n")
        }
    }
}
