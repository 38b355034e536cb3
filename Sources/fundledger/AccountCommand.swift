import ArgumentParser
import FundCore
import FundReports
import FundStore

struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "The chart of accounts of an organisation.",
        subcommands: [List.self, Add.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an organisation's chart, or a standard chart.")
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option(help: "The organisation whose chart to list.") var org: String?
        @Option(help: "A standard chart to list instead: grassroots or county.") var chart: ChartKind?

        func validate() throws {
            if (org == nil) == (chart == nil) { throw ValidationError("give either --org CODE or --chart grassroots|county") }
        }

        func run() throws {
            try reporting {
                let list: Chart
                if let org {
                    list = try options.open().organizations.chart(for: org)
                } else {
                    list = Chart.standard(chart!)
                }
                emit(AccountList(chart: list).rendered(format.resolved))
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a detail account under an existing account (never a level-1 account).")
        @OptionGroup var options: BookOptions
        @Option(help: "The organisation.") var org: String
        @Option(help: "The new code: the parent's code plus two digits, e.g. 10201.") var code: String
        @Option(help: "The account's own name, e.g. 代管经费.") var name: String

        func run() throws {
            try reporting {
                try options.open().organizations.addAccount(Account(code: code, name: name), organization: org)
                say(.accountAdded(code: code, name: name, organization: org))
            }
        }
    }
}
