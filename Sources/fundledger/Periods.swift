import ArgumentParser
import FundCore
import FundStore

struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Close a month (结账): nothing posts into it afterwards.")
    @OptionGroup var options: BookOptions
    @Option(help: "The organisation.") var org: String
    @Option(help: "The month, YYYY-MM.") var period: Period

    func run() throws {
        try reporting {
            try options.open().periods.close(organization: org, period: period)
            say(.closed(organization: org, period: period))
        }
    }
}

struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Reopen a closed month (反结账); the reason is logged with who and when.")
    @OptionGroup var options: BookOptions
    @Option(help: "The organisation.") var org: String
    @Option(help: "The month, YYYY-MM.") var period: Period
    @Option(help: "Why the month is reopened.") var reason: String

    func run() throws {
        try reporting {
            try options.open().periods.reopen(organization: org, period: period, reason: reason)
            say(.reopened(organization: org, period: period))
        }
    }
}

struct CloseYear: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close-year",
        abstract: "Carry the year forward (年终结转): empty income and expenditure into 321/322 (331), then into 32104/32205.",
        discussion: "The carry-forward is posted as closing vouchers dated 31 December. Running it again posts nothing. December must be open and every voucher of the year posted.")
    @OptionGroup var options: BookOptions
    @Option(help: "The organisation.") var org: String
    @Option(help: "The year.") var year: Int

    func run() throws {
        try reporting {
            let summary = try options.open().yearEnd.closeYear(organization: org, year: year)
            emit(summary.alreadyDone ? "\(org) \(year): nothing left to carry forward\n"
                 : "\(org) \(year): posted \(summary.vouchers.count) closing vouchers (\(summary.vouchers.map(\.description).joined(separator: ", ")))\n")
        }
    }
}

struct ReopenYear: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen-year", abstract: "Cancel a year's carry-forward by red-ink reversal of its closing vouchers (logged).")
    @OptionGroup var options: BookOptions
    @Option(help: "The organisation.") var org: String
    @Option(help: "The year.") var year: Int
    @Option(help: "Why the year is reopened.") var reason: String

    func run() throws {
        try reporting {
            let summary = try options.open().yearEnd.reopenYear(organization: org, year: year, reason: reason)
            say(.yearReopened(organization: org, year: year, vouchers: summary.vouchers.count))
        }
    }
}
