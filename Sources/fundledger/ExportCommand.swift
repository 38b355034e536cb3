import ArgumentParser
import FundCore
import FundReports
import FundStore
import FundXLSX

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a report as an XLSX workbook (default folder exports/).",
        subcommands: [TrialBalanceExport.self, JournalExport.self])

    struct TrialBalanceExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "trial-balance", abstract: "科目余额表 workbook.")
        @OptionGroup var options: BookOptions
        @OptionGroup var periods: PeriodOptions
        @Option(help: "The organisation.") var org: String
        @Option(name: .shortAndLong, help: "Output file.") var output: String?

        func run() throws {
            try reporting {
                let path = self.output ?? "exports/科目余额表-\(org)-\(periods.suffix).xlsx"
                try ensureFolder(of: path)
                let report = try Reports.trialBalance(try options.open(), organization: org, year: periods.year, month: periods.period)
                try TrialBalanceWorkbook.write(report, to: path, preparedBy: options.user)
                emit("wrote \(path)\n")
            }
        }
    }

    struct JournalExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "journal", abstract: "序时账 workbook: every line of every posted voucher.")
        @OptionGroup var options: BookOptions
        @OptionGroup var periods: PeriodOptions
        @Option(help: "The organisation.") var org: String
        @Option(name: .shortAndLong, help: "Output file.") var output: String?

        func run() throws {
            try reporting {
                let path = self.output ?? "exports/序时账-\(org)-\(periods.suffix).xlsx"
                try ensureFolder(of: path)
                let book = try options.open()
                let (from, to) = periods.range
                let progress = ProgressLine("exporting", unit: " lines")
                let count = try JournalWorkbook.write(book: book, organization: try book.organization(org), chart: try book.chart(for: org),
                                                      from: from, to: to, path: path) { progress.update(done: Int64($0), total: Int64($1)) }
                progress.finish()
                emit("wrote \(path) (\(count) lines)\n")
            }
        }
    }
}
