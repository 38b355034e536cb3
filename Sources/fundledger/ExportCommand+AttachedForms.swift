import ArgumentParser
import FundApp
import FundCore
import FundReports
import FundStore
import FundXLSX

extension ExportCommand {
    struct AppropriationsExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "appropriations",
                                                        abstract: bilingual("财政拨款收入支出表 (工会附01表) workbook.", "财政拨款收入支出表（工会附01表）工作簿。"))
        @OptionGroup var common: Common
        @Option(help: bilingual("split: each balance column as 结转 and 结余 (default); combined: one column each.",
                                "split：各结转结余栏分列结转、结余（默认）；combined：各栏合为一列。")) var layout: Appropriations.Layout = .split

        func validate() throws { try annualOnly(common.periods, .appropriations) }

        func run() throws {
            try anchoredReporting(common.options, organization: common.org) {
                let path = try common.path(AttachedForm.appropriations.title)
                let form = try Reports.appropriations(try common.options.openReading(), organization: common.org, year: common.periods.year, layout: layout)
                try FormWorkbook.write(form, to: path, preparedBy: common.options.user)
                say(.wrote(path: path))
            }
        }
    }

    struct StateAssetsExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "state-assets",
                                                        abstract: bilingual("国有资产情况表 (工会附02表) workbook.", "国有资产情况表（工会附02表）工作簿。"))
        @OptionGroup var common: Common

        func validate() throws { try annualOnly(common.periods, .stateAssets) }

        func run() throws {
            try anchoredReporting(common.options, organization: common.org) {
                let path = try common.path(AttachedForm.stateAssets.title)
                let form = try Reports.stateAssets(try common.options.openReading(), organization: common.org, year: common.periods.year)
                try FormWorkbook.write(form, to: path, preparedBy: common.options.user)
                say(.wrote(path: path))
            }
        }
    }

    struct CostsExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "costs",
                                                        abstract: bilingual("成本费用表 (工会附03表) workbook.", "成本费用表（工会附03表）工作簿。"))
        @OptionGroup var common: Common

        func run() throws {
            try anchoredReporting(common.options, organization: common.org) {
                let path = try common.path(AttachedForm.costs.title)
                let form = try Reports.costExpense(try common.options.openReading(), organization: common.org, year: common.periods.year,
                                                   month: common.periods.period)
                try FormWorkbook.write(form, to: path, preparedBy: common.options.user)
                say(.wrote(path: path))
            }
        }
    }

    struct NotesExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "notes",
                                                        abstract: bilingual("会计报表附注: the standard's headings, for the officer to fill.", "会计报表附注：按制度列出标题，供财务人员填写。"))
        @OptionGroup var common: Common

        func validate() throws {
            if common.periods.period != nil { throw ValidationError(bilingual("the notes are annual; give --year YYYY without --period", "附注按年度编制；请只给 --year YYYY，不给 --period [annual-form]")) }
        }

        func run() throws {
            try anchoredReporting(common.options, organization: common.org) {
                let path = try common.path(FinancialNotes.title)
                try NotesWorkbook.write(try Reports.financialNotes(try common.options.openReading(), organization: common.org, year: common.periods.year),
                                        to: path, preparedBy: common.options.user)
                say(.wrote(path: path))
            }
        }
    }

    struct AnnualPackExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "annual-pack",
            abstract: bilingual("The year's pack (决算) in one workbook: 工会01表, 工会02表, the attached forms due, 附注, 科目余额表 (needs --year only).",
                                "年度报表（决算）合为一个工作簿：工会01表、工会02表、应编的附表、附注、科目余额表（只需 --year）。"))
        @OptionGroup var common: Common

        func validate() throws {
            if common.periods.period != nil { throw ValidationError(bilingual("annual-pack is the whole year; give --year YYYY without --period", "annual-pack 为全年；请只给 --year YYYY，不给 --period [annual-form]")) }
        }

        func run() throws {
            try anchoredReporting(common.options, organization: common.org) {
                let path = try common.path(AnnualPack.title)
                try writeAnnualPack(book: try common.options.openReading(), organization: common.org, year: common.periods.year,
                                    path: path, user: common.options.user)
                say(.wrote(path: path))
            }
        }
    }
}
