import ArgumentParser
import FundCore
import FundStore

struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Close a month (结账): carry its income and expenditure forward (期末结转), then nothing posts into it.",
        discussion: "The month's closing vouchers, dated its last day, carry every income and expenditure account to 32103 (earmarked), 32203 and 33103 (appropriations); reopen cancels them in red.")
    @OptionGroup var options: BookOptions
    @Option(help: "The organisation.") var org: String
    @Option(help: "The month, YYYY-MM.") var period: Period
    @Option(help: "Who reviews the month's 期末结转 voucher (审核): another officer of the organisation; needed when the month has income or expenditure to carry.")
    var reviewer: String?

    func run() throws {
        try reporting {
            let carried = try options.open().periods.close(organization: org, period: period, reviewer: reviewer)
            emit("closed \(org) \(period)" + (carried.isEmpty ? "" : " (期末结转 \(carried.map(\.description).joined(separator: ", ")))") + "\n")
        }
    }
}

struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Reopen a closed month (反结账); the reason is logged with who and when.")
    @OptionGroup var options: BookOptions
    @Option(help: "The organisation.") var org: String
    @Option(help: "The month, YYYY-MM.") var period: Period
    @Option(help: "Why the month is reopened.") var reason: String
    @Option(help: "Who reviews the red-ink cancellation of the month's 期末结转 (审核): another officer of the organisation.")
    var reviewer: String?

    func run() throws {
        try reporting {
            try options.open().periods.reopen(organization: org, period: period, reason: reason, reviewer: reviewer)
            emit("reopened \(org) \(period)\n")
        }
    }
}

struct CloseYear: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close-year",
        abstract: "Carry the year forward (年终结转): carry any month not carried yet, then clear 本年收支结转 into 32104/32205 (33104/33205).",
        discussion: "Months closed with `close` are carried already; an open month is carried by a closing voucher dated its last day. The clearing is posted as closing vouchers dated 31 December, prepared by the acting user and reviewed by --reviewer, another officer of the organisation. Running it again posts nothing. December must be open and every voucher of the year posted. Then `year-end transfer-in` and `year-end adjust`, and close December.")
    @OptionGroup var options: BookOptions
    @Option(help: "The organisation.") var org: String
    @Option(help: "The year.") var year: Int
    @Option(help: "Who reviewed the closing vouchers (审核): another officer of the organisation.") var reviewer: String

    func run() throws {
        try reporting {
            let summary = try options.open().yearEnd.closeYear(organization: org, year: year, reviewer: reviewer)
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
    @Option(help: "Who reviewed the red-ink vouchers (审核): another officer of the organisation.") var reviewer: String

    func run() throws {
        try reporting {
            let summary = try options.open().yearEnd.reopenYear(organization: org, year: year, reason: reason, reviewer: reviewer)
            emit("\(org) \(year): reversed \(summary.vouchers.count) closing vouchers\n")
        }
    }
}
