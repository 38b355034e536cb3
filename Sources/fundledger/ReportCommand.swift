import ArgumentParser
import FundCore
import FundReports
import FundStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Print a report.",
        subcommands: [TrialBalanceReport.self])

    struct TrialBalanceReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trial-balance",
            abstract: "科目余额表: per account the opening, period and closing balances in debit and credit columns.")
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @OptionGroup var periods: PeriodOptions
        @Option(help: "The organisation.") var org: String
        @Flag(help: "Include accounts with no balance and no activity.") var all = false

        func run() throws {
            try reporting {
                let report = try trialBalance(book: try options.open(), organization: org, periods: periods, includeZero: all)
                emit(report.rendered(format.resolved))
            }
        }
    }
}

func trialBalance(book: Book, organization code: String, periods: PeriodOptions, includeZero: Bool = false) throws -> TrialBalance {
    let organization = try book.organization(code)
    let (from, to) = periods.range
    return TrialBalance(organization: organization, chart: try book.chart(for: code),
                        turnovers: try book.turnovers(organization: code, from: from, to: to), from: from, to: to,
                        includeZero: includeZero)
}
