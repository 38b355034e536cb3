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
            try options.open().close(organization: org, period: period, by: options.user)
            emit("closed \(org) \(period)\n")
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
            try options.open().reopen(organization: org, period: period, by: options.user, reason: reason)
            emit("reopened \(org) \(period)\n")
        }
    }
}
