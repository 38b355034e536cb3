import ArgumentParser
import FundCore
import FundStore

/// `period`: a closed month's pack sent up (报送) and received (签收) or returned (退回), the same
/// acts as the desk's 月报报送 page; each is recorded with who and when in the organisation's
/// sealed event chain, so `verify` covers it.
struct PeriodCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "period",
        abstract: bilingual("Send a closed month's pack up, receive or return it, and list where the packs stand.",
                            "报送已结账月份的月报，签收或退回，并查看各月月报状态。"),
        subcommands: [Submit.self, Receive.self, Return.self, Packs.self])

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Send a closed month up (报送): an officer of the organisation; the monthly-pack workbook is `export monthly-pack`.",
                                "报送已结账的月份：由本单位财务人员操作；月报工作簿见 export monthly-pack。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("The month, YYYY-MM.", "月份，YYYY-MM。")) var period: Period

        func run() throws {
            try reporting {
                try options.open().periods.submitPack(organization: org, period: period)
                emit(language == .english ? "\(org) \(period): pack sent up\n" : "\(org) \(period)：月报已报送\n")
            }
        }
    }

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Receive a month's pack (签收): a superior of the union above the organisation.", "签收月报：由上级工会用户操作。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation that sent it.", "报送单位代码。")) var org: String
        @Option(help: bilingual("The month, YYYY-MM.", "月份，YYYY-MM。")) var period: Period

        func run() throws {
            try reporting {
                try options.open().periods.receivePack(organization: org, period: period)
                emit(language == .english ? "\(org) \(period): pack received\n" : "\(org) \(period)：月报已签收\n")
            }
        }
    }

    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return",
            abstract: bilingual("Return a month's pack (退回) with the reason: a superior of the union above the organisation.",
                                "退回月报并说明原因：由上级工会用户操作。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation that sent it.", "报送单位代码。")) var org: String
        @Option(help: bilingual("The month, YYYY-MM.", "月份，YYYY-MM。")) var period: Period
        @Option(help: bilingual("Why it is returned.", "退回原因。")) var reason: String

        func run() throws {
            try reporting {
                try options.open().periods.returnPack(organization: org, period: period, reason: reason)
                emit(language == .english ? "\(org) \(period): pack returned\n" : "\(org) \(period)：月报已退回\n")
            }
        }
    }

    struct Packs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("List the organisation's packs: each act with who and when (Beijing time).", "列出本单位各月月报：每次操作及操作人、时间（北京时间）。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String

        func run() throws {
            try reporting {
                let packs = try options.openReading().periods.packs(organization: org)
                var text = ""
                for pack in packs {
                    text += "\(pack.period) " + (language == .english ? pack.status.rawValue : pack.status.chinese) + "\n"
                    for event in pack.events {
                        let action = language == .english ? event.action.rawValue : event.action.chinese
                        text += "  \(BeijingTime.display(event.at)) \(action) \(event.by)" + (event.reason.map { " \($0)" } ?? "") + "\n"
                    }
                }
                if packs.isEmpty { text = language == .english ? "\(org): no pack sent\n" : "\(org)：尚未报送月报\n" }
                emit(text)
            }
        }
    }
}
