import ArgumentParser
import FundApp
import FundCore
import FundReports
import FundStore

/// Refuses --period for a form the standard makes annual only (附01, 附02).
func annualOnly(_ periods: PeriodOptions, _ form: AttachedForm) throws {
    if periods.period != nil {
        throw ValidationError(bilingual("\(form.number) \(form.title) is an annual form; give --year YYYY without --period",
                                        "\(form.number)\(form.title)按年度编制；请只给 --year YYYY，不给 --period [annual-form]"))
    }
}

extension Appropriations.Layout: ExpressibleByArgument {}

extension ReportCommand {
    struct AppropriationsReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "appropriations",
            abstract: bilingual("财政拨款收入支出表 (工会附01表): the year's appropriations by 基本支出 and project (county level, with 40401).",
                                "财政拨款收入支出表（工会附01表）：本年财政拨款按基本支出和项目列示（县级以上工会，有 40401 时）。"))
        @OptionGroup var common: Common
        @Option(help: bilingual("split: each balance column as 结转 and 结余 (default); combined: one column each.",
                                "split：各结转结余栏分列结转、结余（默认）；combined：各栏合为一列。")) var layout: Appropriations.Layout = .split

        func validate() throws { try annualOnly(common.periods, .appropriations) }

        func run() throws {
            try reporting {
                let form = try Reports.appropriations(try common.options.openReading(), organization: common.org, year: common.periods.year, layout: layout)
                emit(form.rendered(common.format.resolved))
                if !form.failedChecks.isEmpty { throw ExitCode(1) }
            }
        }
    }

    struct StateAssetsReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "state-assets",
            abstract: bilingual("国有资产情况表 (工会附02表): the year's 国有资产 (asset lines of source 财政拨款), county level.",
                                "国有资产情况表（工会附02表）：本年国有资产（资金来源为财政拨款的资产），县级以上工会。"))
        @OptionGroup var common: Common

        func validate() throws { try annualOnly(common.periods, .stateAssets) }

        func run() throws {
            try reporting {
                emit(try Reports.stateAssets(try common.options.openReading(), organization: common.org, year: common.periods.year)
                    .rendered(common.format.resolved))
            }
        }
    }

    struct CostsReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "costs",
            abstract: bilingual("成本费用表 (工会附03表): 本月数 and 本年累计数, or 本年数 and 上年数; county level.",
                                "成本费用表（工会附03表）：月报为本月数和本年累计数，年报为本年数和上年数；县级以上工会。"))
        @OptionGroup var common: Common

        func run() throws {
            try reporting {
                emit(try Reports.costExpense(try common.options.openReading(), organization: common.org, year: common.periods.year,
                                             month: common.periods.period).rendered(common.format.resolved))
            }
        }
    }
}
