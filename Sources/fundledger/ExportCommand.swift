import ArgumentParser
import FundApp
import FundCore
import FundReports
import FundStore
import FundXLSX

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a report as an XLSX workbook (default folder exports/).",
        subcommands: [TrialBalanceExport.self, JournalExport.self, GeneralLedgerExport.self, DetailLedgerExport.self,
                      BalanceSheetExport.self, IncomeExpenditureExport.self, MonthlyPackExport.self, RollupExport.self, SubsidiesExport.self, ReviewExport.self])

    /// What every export takes: the book, the organisation, the period and the output file.
    struct Common: ParsableArguments {
        @OptionGroup var options: BookOptions
        @OptionGroup var periods: PeriodOptions
        @Option(help: "The organisation.") var org: String
        @Option(name: .shortAndLong, help: "Output file (default: exports/NAME-ORG-PERIOD.xlsx).") var output: String?
        @Flag(help: "Replace an existing file that is not an .xlsx workbook (never a folder or a book).") var force = false

        func path(_ name: String) throws -> String {
            try workbookPath(output ?? "exports/\(name)-\(org)-\(periods.suffix).xlsx", force: force, book: options)
        }
    }

    struct GeneralLedgerExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "general-ledger", abstract: "总账 workbook.")
        @OptionGroup var common: Common

        func run() throws {
            try reporting {
                let path = try common.path("总账")
                let ledger = try Reports.generalLedger(try common.options.openReading(), organization: common.org, year: common.periods.year, month: common.periods.period)
                try LedgerWorkbook.write(ledger, to: path)
                say(.wrote(path: path))
            }
        }
    }

    struct DetailLedgerExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "detail-ledger", abstract: "明细账 workbook of one account.")
        @OptionGroup var common: Common
        @Option(help: "The account, at any level.") var account: String

        func run() throws {
            try reporting {
                let path = try common.path("明细账-\(account)")
                let ledger = try Reports.detailLedger(try common.options.openReading(), organization: common.org, account: account, year: common.periods.year)
                try LedgerWorkbook.write(ledger, to: path)
                say(.wrote(path: path))
            }
        }
    }

    struct BalanceSheetExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "balance-sheet", abstract: "资产负债表 (工会01表) workbook.")
        @OptionGroup var common: Common

        func run() throws {
            try reporting {
                let path = try common.path(BalanceSheet.title)
                let form = try Reports.balanceSheet(try common.options.openReading(), organization: common.org, year: common.periods.year, month: common.periods.period)
                try FormWorkbook.write(form, to: path, preparedBy: common.options.user)
                say(.wrote(path: path))
            }
        }
    }

    struct IncomeExpenditureExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "income-expenditure", abstract: "收入支出表 (工会02表) workbook.")
        @OptionGroup var common: Common

        func run() throws {
            try reporting {
                let path = try common.path(IncomeExpenditure.title)
                let form = try Reports.incomeExpenditure(try common.options.openReading(), organization: common.org, year: common.periods.year, month: common.periods.period)
                try FormWorkbook.write(form, to: path, preparedBy: common.options.user)
                say(.wrote(path: path))
            }
        }
    }

    struct RollupExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rollup", abstract: "汇总表 and 预算执行情况表 of an organisation and everything below it.")
        @OptionGroup var common: Common

        func run() throws {
            try reporting {
                let path = try common.path("汇总表")
                let rollup = try Reports.rollup(try common.options.openReading(), organization: common.org, year: common.periods.year, month: common.periods.period)
                try RollupWorkbook.write(rollup, to: path)
                say(.wroteRollup(path: path, organizations: rollup.members.count, differences: rollup.differences.count))
            }
        }
    }

    struct SubsidiesExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "subsidies", abstract: "项目补贴台账 workbook of a grantor: summary, every line of every item, per recipient.")
        @OptionGroup var common: Common
        @Option(help: "Judge deadlines and idleness as of this date (default: the end of the year).") var asOf: LocalDate?

        func run() throws {
            try reporting {
                let path = try common.path(SubsidyRegister.title)
                try writeSubsidyWorkbook(book: try common.options.openReading(), grantor: common.org, year: common.periods.year, asOf: asOf, path: path)
                say(.wrote(path: path))
            }
        }
    }

    struct ReviewExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review", abstract: "经审审查工作底稿: the audit summary, the findings, each subsidy item audited, the opinion.")
        @OptionGroup var common: Common

        func run() throws {
            try reporting {
                let path = try common.path(ReviewReport.title)
                let report = try Reports.review(try common.options.openReading(), organization: common.org, year: common.periods.year)
                try ReviewWorkbook.write(report, to: path)
                say(.wroteReview(path: path, findings: report.findings.count, items: report.items.count))
            }
        }
    }

    struct MonthlyPackExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "monthly-pack", abstract: "Every form of one month in one workbook, for sending up (needs --period).")
        @OptionGroup var common: Common

        func validate() throws {
            if common.periods.period == nil { throw ValidationError("monthly-pack needs --period (1-12)") }
        }

        func run() throws {
            try reporting {
                let path = try common.path("月度报表")
                try writeMonthlyPack(book: try common.options.openReading(), organization: common.org, year: common.periods.year,
                                     month: common.periods.period!, path: path, user: common.options.user)
                say(.wrote(path: path))
            }
        }
    }

    struct TrialBalanceExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "trial-balance", abstract: "科目余额表 workbook.")
        @OptionGroup var options: BookOptions
        @OptionGroup var periods: PeriodOptions
        @Option(help: "The organisation.") var org: String
        @Option(name: .shortAndLong, help: "Output file.") var output: String?
        @Flag(help: "Replace an existing file that is not an .xlsx workbook (never a folder or a book).") var force = false

        func run() throws {
            try reporting {
                let path = try workbookPath(self.output ?? "exports/科目余额表-\(org)-\(periods.suffix).xlsx", force: force, book: options)
                let report = try Reports.trialBalance(try options.openReading(), organization: org, year: periods.year, month: periods.period)
                try TrialBalanceWorkbook.write(report, to: path, preparedBy: options.user)
                say(.wrote(path: path))
            }
        }
    }

    struct JournalExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "journal", abstract: "序时账 workbook: every line of every posted voucher.")
        @OptionGroup var options: BookOptions
        @OptionGroup var periods: PeriodOptions
        @Option(help: "The organisation.") var org: String
        @Option(name: .shortAndLong, help: "Output file.") var output: String?
        @Flag(help: "Replace an existing file that is not an .xlsx workbook (never a folder or a book).") var force = false

        func run() throws {
            try reporting {
                let path = try workbookPath(self.output ?? "exports/序时账-\(org)-\(periods.suffix).xlsx", force: force, book: options)
                let book = try options.openReading()
                let (from, to) = periods.range
                let progress = ProgressLine("exporting", unit: " lines")
                let count = try JournalWorkbook.write(book: book, organization: try book.organizations.organization(org), chart: try book.organizations.chart(for: org),
                                                      from: from, to: to, path: path) { progress.update(done: Int64($0), total: Int64($1)) }
                progress.finish()
                say(.wroteLines(path: path, lines: count))
            }
        }
    }
}
