import ArgumentParser
import FundCore
import FundStore

struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Close a month (结账): carry its income and expenditure forward (期末结转), then nothing posts into it.",
                            "结账：先做期末结转，结账后该月不能再记账。"),
        discussion: bilingual("The month's closing vouchers, dated its last day, carry every income and expenditure account to 32103 (earmarked), 32203 and 33103 (appropriations); reopen cancels them in red.",
                              "当月的结转凭证日期为月末，把各收入、支出科目结转到 32103（专项）、32203 和 33103（财政拨款）；反结账时以红字冲销。"))
    @OptionGroup var options: BookOptions
    @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
    @Option(help: bilingual("The month, YYYY-MM.", "月份，YYYY-MM。")) var period: Period
    @Option(help: bilingual("Who reviews the month's 期末结转 voucher (审核): another officer of the organisation; needed when the month has income or expenditure to carry.",
                            "期末结转凭证的审核人：本单位另一名财务人员；当月有收入或支出需要结转时必填。"))
    var reviewer: String?

    func run() throws {
        try reporting {
            let carried = try options.open().periods.close(organization: org, period: period, reviewer: reviewer)
            say(.closed(organization: org, period: period, carried: carried.map(\.description)))
        }
    }
}

struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: bilingual("Reopen a closed month (反结账); the reason is logged with who and when.", "反结账：理由连同操作人和时间记入日志。"))
    @OptionGroup var options: BookOptions
    @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
    @Option(help: bilingual("The month, YYYY-MM.", "月份，YYYY-MM。")) var period: Period
    @Option(help: bilingual("Why the month is reopened.", "反结账的理由。")) var reason: String
    @Option(help: bilingual("Who reviews the red-ink cancellation of the month's 期末结转 (审核): another officer of the organisation.",
                            "期末结转红字冲销凭证的审核人：本单位另一名财务人员。"))
    var reviewer: String?

    func run() throws {
        try reporting {
            try options.open().periods.reopen(organization: org, period: period, reason: reason, reviewer: reviewer)
            say(.reopened(organization: org, period: period))
        }
    }
}

struct CloseYear: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close-year",
        abstract: bilingual("Carry the year forward (年终结转): carry any month not carried yet, then clear 本年收支结转 into 32104/32205 (33104/33205).",
                            "年终结转：先结转尚未结转的月份，再把本年收支结转转入 32104/32205（33104/33205）。"),
        discussion: bilingual("Months closed with `close` are carried already; an open month is carried by a closing voucher dated its last day. The clearing is posted as closing vouchers dated 31 December, prepared by the acting user and reviewed by --reviewer, another officer of the organisation. Running it again posts nothing. December must be open and every voucher of the year posted. Then `year-end transfer-in` and `year-end adjust`, and close December.",
                              "已用 close 结账的月份已经结转；未结账的月份以月末日期的结转凭证结转。转入累计以 12 月 31 日的结转凭证记账，由当前用户制单、--reviewer（本单位另一名财务人员）审核。再次运行不会重复记账。12 月须未结账，且当年凭证均已记账。之后可做 year-end transfer-in 和 year-end adjust，再结 12 月的账。"))
    @OptionGroup var options: BookOptions
    @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
    @Option(help: bilingual("The year.", "年度。")) var year: Int
    @Option(help: bilingual("Who reviewed the closing vouchers (审核): another officer of the organisation.", "结转凭证的审核人：本单位另一名财务人员。")) var reviewer: String

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
        commandName: "reopen-year", abstract: bilingual("Cancel a year's carry-forward by red-ink reversal of its closing vouchers (logged).", "用红字冲销年终结转凭证，撤销当年的结转（记入日志）。"))
    @OptionGroup var options: BookOptions
    @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
    @Option(help: bilingual("The year.", "年度。")) var year: Int
    @Option(help: bilingual("Why the year is reopened.", "反结转年度的理由。")) var reason: String
    @Option(help: bilingual("Who reviewed the red-ink vouchers (审核): another officer of the organisation.", "红字冲销凭证的审核人：本单位另一名财务人员。")) var reviewer: String

    func run() throws {
        try reporting {
            let summary = try options.open().yearEnd.reopenYear(organization: org, year: year, reason: reason, reviewer: reviewer)
            say(.yearReopened(organization: org, year: year, vouchers: summary.vouchers.count))
        }
    }
}
