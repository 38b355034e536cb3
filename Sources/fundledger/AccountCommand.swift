import ArgumentParser
import FundCore
import FundReports
import FundStore

struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: bilingual("The chart of accounts of an organisation.", "单位的会计科目表。"),
        subcommands: [List.self, Add.self, Open.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("List an organisation's chart, or a standard chart.", "列出单位的科目表，或一套标准科目表。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option(help: bilingual("The organisation whose chart to list.", "要列出其科目表的单位。")) var org: String?
        @Option(help: bilingual("A standard chart to list instead: grassroots or county.", "改为列出一套标准科目表：grassroots（基层）或 county（县级以上）。")) var chart: ChartKind?

        func validate() throws {
            if (org == nil) == (chart == nil) { throw ValidationError(bilingual("give either --org CODE or --chart grassroots|county", "请给出 --org 单位代码 或 --chart grassroots|county 二者之一 [org-or-chart]")) }
        }

        func run() throws {
            try reporting {
                let list: Chart
                if let org {
                    list = try options.openReading().organizations.chart(for: org)
                } else {
                    list = Chart.standard(chart!)
                }
                emit(AccountList(chart: list).rendered(format.resolved))
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Add a detail account under an existing account (never a level-1 account).", "在已有科目下增设明细科目（不得增设一级科目）。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("The new code: the parent's code plus two digits, e.g. 10201.", "新科目编码：上级编码加两位，如 10201。")) var code: String
        @Option(help: bilingual("The account's own name, e.g. 代管经费.", "科目本级名称，如 代管经费。")) var name: String

        func run() throws {
            try reporting {
                try options.open().organizations.addAccount(Account(code: code, name: name), organization: org)
                say(.accountAdded(code: code, name: name, organization: org))
            }
        }
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual(
            "Open a county-chart account (132, 212 or 508, with its details) on a grassroots-chart union's chart, for the business its chart lacks.",
            "为使用基层工会会计科目的单位按县级以上工会会计科目增设 132、212 或 508（及其明细科目），用于其科目表所缺的特殊业务。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation (on the grassroots chart).", "单位代码（使用基层工会会计科目）。")) var org: String
        @Option(help: bilingual("The county account: 132, 212 or 508, or one of their details.", "县级科目编码：132、212 或 508，或其明细科目。")) var code: String
        @Option(help: bilingual("The business that needs it, recorded with the opening.", "需要该科目的业务，随增设一并记录。")) var reason: String

        func run() throws {
            try reporting {
                let opened = try options.open().organizations.openCountyAccount(code: code, organization: org, reason: reason)
                say(.countyAccountsOpened(accounts: opened, organization: org, reason: reason))
            }
        }
    }
}
