import ArgumentParser
import FundApp
import FundCore
import FundReports
import FundStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Print a report (table on a terminal, or --format csv|json).",
        subcommands: [TrialBalanceReport.self, GeneralLedgerReport.self, DetailLedgerReport.self, BalanceSheetReport.self,
                      IncomeExpenditureReport.self, BudgetExecutionReport.self, RollupReport.self, SubsidiesReport.self, SubsidyReport.self])

    /// What every report takes: the book, the format, the organisation and the period.
    struct Common: ParsableArguments {
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @OptionGroup var periods: PeriodOptions
        @Option(help: "The organisation.") var org: String
    }

    struct TrialBalanceReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trial-balance",
            abstract: "科目余额表: per account the opening, period and closing balances in debit and credit columns.")
        @OptionGroup var common: Common
        @Flag(help: "Include accounts with no balance and no activity.") var all = false

        func run() throws {
            try reporting {
                let report = try Reports.trialBalance(try common.options.openReading(), organization: common.org, year: common.periods.year,
                                                      month: common.periods.period, includeZero: all)
                emit(report.rendered(common.format.resolved))
            }
        }
    }

    struct GeneralLedgerReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "general-ledger", abstract: "总账: per level-1 account the opening balance, 本月合计 and 本年累计 with direction.")
        @OptionGroup var common: Common

        func run() throws {
            try reporting {
                emit(try Reports.generalLedger(try common.options.openReading(), organization: common.org, year: common.periods.year,
                                               month: common.periods.period).rendered(common.format.resolved))
            }
        }
    }

    struct DetailLedgerReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "detail-ledger", abstract: "明细账: every line of an account with its running balance, 本月合计 and 本年累计.")
        @OptionGroup var common: Common
        @Option(help: "The account, at any level (its details are included).") var account: String

        func run() throws {
            try reporting {
                emit(try Reports.detailLedger(try common.options.openReading(), organization: common.org, account: account,
                                              year: common.periods.year).rendered(common.format.resolved))
            }
        }
    }

    struct BalanceSheetReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "balance-sheet", abstract: "资产负债表 (工会01表): 期末余额 and 年初余额; without --period, the year-end sheet.")
        @OptionGroup var common: Common

        func run() throws {
            try reporting {
                let form = try Reports.balanceSheet(try common.options.openReading(), organization: common.org, year: common.periods.year,
                                                    month: common.periods.period)
                emit(form.rendered(common.format.resolved))
                if !form.failedChecks.isEmpty { throw ExitCode(1) }
            }
        }
    }

    struct IncomeExpenditureReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "income-expenditure",
            abstract: "收入支出表 (工会02表): 本月数 and 本年累计数 for a month; 本年数 and 上年数 for the year.")
        @OptionGroup var common: Common

        func run() throws {
            try reporting {
                emit(try Reports.incomeExpenditure(try common.options.openReading(), organization: common.org, year: common.periods.year,
                                                   month: common.periods.period).rendered(common.format.resolved))
            }
        }
    }

    struct BudgetExecutionReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "budget-execution", abstract: "预算执行情况表: budget against actual per line, with overruns flagged.")
        @OptionGroup var common: Common

        func run() throws {
            try reporting {
                emit(try Reports.budgetExecution(try common.options.openReading(), organization: common.org, year: common.periods.year,
                                                 month: common.periods.period).rendered(common.format.resolved))
            }
        }
    }

    struct RollupReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rollup",
            abstract: "汇总表: an organisation and everything below it, one column per member, eliminations and the consolidated total.")
        @OptionGroup var common: Common
        @Flag(help: "One column per level instead of per organisation.") var byLevel = false

        func run() throws {
            try reporting {
                emit(try Reports.rollup(try common.options.openReading(), organization: common.org, year: common.periods.year,
                                        month: common.periods.period).rendered(common.format.resolved, byLevel: byLevel))
            }
        }
    }

    struct SubsidiesReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "subsidies", abstract: "项目补贴台账: a grantor's subsidy items and where their money is.")
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option(help: "The granting union.") var org: String
        @Option(help: "The year.") var year: Int
        @Option(help: "Judge deadlines and idleness as of this date (default: the end of the year).") var asOf: LocalDate?

        func run() throws {
            try reporting {
                emit(try Reports.subsidyRegister(try options.openReading(), grantor: org, year: year, asOf: asOf).rendered(format.resolved))
            }
        }
    }

    struct SubsidyReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "subsidy", abstract: "One subsidy item: every voucher line of it in both books.")
        @OptionGroup var options: BookOptions
        @Argument(help: "The item's code.") var code: String

        func run() throws {
            try reporting { emit(try subsidyDetail(book: try options.openReading(), code: code)) }
        }
    }
}
