import ArgumentParser
import FundCore
import FundStore

struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: bilingual("Close a month (结账): nothing posts into it afterwards.", "结账：结账后该月不能再记账。"))
    @OptionGroup var options: BookOptions
    @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
    @Option(help: bilingual("The month, YYYY-MM.", "月份，YYYY-MM。")) var period: Period

    func run() throws {
        try reporting {
            try options.open().periods.close(organization: org, period: period)
            say(.closed(organization: org, period: period))
        }
    }
}

struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: bilingual("Reopen a closed month (反结账); the reason is logged with who and when.", "反结账：理由连同操作人和时间记入日志。"))
    @OptionGroup var options: BookOptions
    @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
    @Option(help: bilingual("The month, YYYY-MM.", "月份，YYYY-MM。")) var period: Period
    @Option(help: bilingual("Why the month is reopened.", "反结账的理由。")) var reason: String

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
        abstract: bilingual("Carry the year forward (年终结转): empty income and expenditure into 321/322 (331), then into 32104/32205.", "年终结转：把收入和支出结转到 321/322（331），再转入 32104/32205。"),
        discussion: bilingual("The carry-forward is posted as closing vouchers dated 31 December. Running it again posts nothing. December must be open and every voucher of the year posted.", "年终结转以 12 月 31 日的结转凭证记账。再次运行不会重复记账。12 月须未结账，且当年凭证均已记账。"))
    @OptionGroup var options: BookOptions
    @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
    @Option(help: bilingual("The year.", "年度。")) var year: Int

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
        commandName: "reopen-year", abstract: bilingual("Cancel a year's carry-forward by red-ink reversal of its closing vouchers (logged).", "用红字冲销年终结转凭证，撤销当年的结转（记入日志）。"))
    @OptionGroup var options: BookOptions
    @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
    @Option(help: bilingual("The year.", "年度。")) var year: Int
    @Option(help: bilingual("Why the year is reopened.", "反结转年度的理由。")) var reason: String

    func run() throws {
        try reporting {
            let summary = try options.open().yearEnd.reopenYear(organization: org, year: year, reason: reason)
            say(.yearReopened(organization: org, year: year, vouchers: summary.vouchers.count))
        }
    }
}
