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
            try common.writeForm(.appropriations) { book in try Reports.appropriations(book, organization: common.org, year: common.periods.year, layout: layout) }
        }
    }

    struct StateAssetsExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "state-assets",
                                                        abstract: bilingual("国有资产情况表 (工会附02表) workbook.", "国有资产情况表（工会附02表）工作簿。"))
        @OptionGroup var common: Common

        func validate() throws { try annualOnly(common.periods, .stateAssets) }

        func run() throws {
            try common.writeForm(.stateAssets) { book in try Reports.stateAssets(book, organization: common.org, year: common.periods.year) }
        }
    }

    struct CostsExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "costs",
                                                        abstract: bilingual("成本费用表 (工会附03表) workbook.", "成本费用表（工会附03表）工作簿。"))
        @OptionGroup var common: Common

        func run() throws {
            try common.writeForm(.costs) { book in try Reports.costExpense(book, organization: common.org, year: common.periods.year, month: common.periods.period) }
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

extension ExportCommand.Common {
    /// Writes one attached form of the organisation (附01–03), made from the book by `make`, as a
    /// workbook named after the form, with the book's chain heads.
    func writeForm(_ attached: AttachedForm, _ make: (Session) throws -> Form) throws {
        try anchoredReporting(options, organization: org) {
            let path = try self.path(attached.title)
            try FormWorkbook.write(try make(try options.openReading()), to: path, preparedBy: options.user)
            say(.wrote(path: path))
        }
    }
}
