import ArgumentParser
import FundApp
import FundCore
import FundReports
import FundStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: bilingual("Print a report (table on a terminal, or --format csv|json).", "打印报表（终端上为表格，或 --format csv|json）。"),
        subcommands: [TrialBalanceReport.self, GeneralLedgerReport.self, DetailLedgerReport.self, BalanceSheetReport.self,
                      IncomeExpenditureReport.self, BudgetExecutionReport.self, RollupReport.self, SubsidiesReport.self, SubsidyReport.self,
                      AppropriationsReport.self, StateAssetsReport.self, CostsReport.self,
                      CashJournalReport.self, BankJournalReport.self, BankReconciliationReport.self])

    /// What every report takes: the book, the format, the organisation and the period.
    struct Common: ParsableArguments {
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @OptionGroup var periods: PeriodOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
    }

    struct TrialBalanceReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trial-balance",
            abstract: bilingual("科目余额表: per account the opening, period and closing balances in debit and credit columns.", "科目余额表：各科目的期初余额、本期发生额和期末余额，分借贷两栏。"))
        @OptionGroup var common: Common
        @Flag(help: bilingual("Include accounts with no balance and no activity.", "包括没有余额也没有发生额的科目。")) var all = false

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
            commandName: "general-ledger", abstract: bilingual("总账: per level-1 account the opening balance, 本月合计 and 本年累计 with direction.", "总账：各一级科目的期初余额、本月合计和本年累计及其方向。"))
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
            commandName: "detail-ledger", abstract: bilingual("明细账: every line of an account with its running balance, 本月合计 and 本年累计.", "明细账：一个科目的每一笔及其余额、本月合计和本年累计。"))
        @OptionGroup var common: Common
        @Option(help: bilingual("The account, at any level (its details are included).", "科目，任一级（含其明细）。")) var account: String

        func run() throws {
            try reporting {
                emit(try Reports.detailLedger(try common.options.openReading(), organization: common.org, account: account,
                                              year: common.periods.year).rendered(common.format.resolved))
            }
        }
    }

    struct BalanceSheetReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "balance-sheet", abstract: bilingual("资产负债表 (工会01表): 期末余额 and 年初余额; without --period, the year-end sheet.", "资产负债表（工会01表）：期末余额和年初余额；不给 --period 时为年末表。"))
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
            abstract: bilingual("收入支出表 (工会02表): 本月数 and 本年累计数 for a month; 本年数 and 上年数 for the year.", "收入支出表（工会02表）：月报为本月数和本年累计数；年报为本年数和上年数。"))
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
            commandName: "budget-execution", abstract: bilingual("预算执行情况表: budget against actual per line, with overruns flagged.", "预算执行情况表：各预算行的预算数与执行数，标出超预算。"))
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
            abstract: bilingual("汇总表: an organisation and everything below it, one column per member, eliminations and the consolidated total.", "汇总表：单位及其所属各单位，每单位一栏，含抵销和合并数。"))
        @OptionGroup var common: Common
        @Flag(help: bilingual("One column per level instead of per organisation.", "按级别而不是按单位分栏。")) var byLevel = false

        func run() throws {
            try reporting {
                emit(try Reports.rollup(try common.options.openReading(), organization: common.org, year: common.periods.year,
                                        month: common.periods.period).rendered(common.format.resolved, byLevel: byLevel))
            }
        }
    }

    struct SubsidiesReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "subsidies", abstract: bilingual("项目补贴台账: a grantor's subsidy items and where their money is.", "项目补贴台账：拨款单位的各项目补贴及其资金去向。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option(help: bilingual("The granting union.", "拨款的工会。")) var org: String
        @Option(help: bilingual("The year.", "年度。")) var year: Int
        @Option(help: bilingual("Judge deadlines and idleness as of this date (default: the end of the year).", "以此日期判断期限和闲置（默认：年末）。")) var asOf: LocalDate?

        func run() throws {
            try reporting {
                emit(try Reports.subsidyRegister(try options.openReading(), grantor: org, year: year, asOf: asOf).rendered(format.resolved))
            }
        }
    }

    struct SubsidyReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "subsidy", abstract: bilingual("One subsidy item: every voucher line of it in both books.", "一个项目补贴：双方账簿中与之有关的全部凭证行。"))
        @OptionGroup var options: BookOptions
        @Argument(help: bilingual("The item's code.", "项目编号。")) var code: String

        func run() throws {
            try reporting { emit(try subsidyDetail(book: try options.openReading(), code: code)) }
        }
    }
}
