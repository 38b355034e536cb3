import ArgumentParser
import FundApp
import FundCore
import FundReports
import FundStore
import FundXLSX

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: bilingual("Write a report as an XLSX workbook (default folder exports/).", "把报表写成 XLSX 工作簿（默认文件夹 exports/）。"),
        subcommands: [TrialBalanceExport.self, JournalExport.self, GeneralLedgerExport.self, DetailLedgerExport.self,
                      BalanceSheetExport.self, IncomeExpenditureExport.self, MonthlyPackExport.self, RollupExport.self, SubsidiesExport.self, ReviewExport.self,
                      AppropriationsExport.self, StateAssetsExport.self, CostsExport.self, NotesExport.self, AnnualPackExport.self,
                      CashJournalExport.self, BankJournalExport.self, BankReconciliationExport.self])

    /// What every export takes: the book, the organisation, the period and the output file.
    struct Common: ParsableArguments {
        @OptionGroup var options: BookOptions
        @OptionGroup var periods: PeriodOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(name: .shortAndLong, help: bilingual("Output file (default: exports/NAME-ORG-PERIOD.xlsx).", "输出文件（默认：exports/报表名-单位-期间.xlsx）。")) var output: String?
        @Flag(help: bilingual("Replace an existing file that is not an .xlsx workbook (never a folder or a book).", "替换已有的非 .xlsx 工作簿文件（决不替换文件夹或账套）。")) var force = false

        func path(_ name: String) throws -> String {
            try workbookPath(output ?? "exports/\(name)-\(org)-\(periods.suffix).xlsx", force: force, book: options)
        }
    }

    struct GeneralLedgerExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "general-ledger", abstract: bilingual("总账 workbook.", "总账工作簿。"))
        @OptionGroup var common: Common

        func run() throws {
            try anchoredReporting(common.options, organization: common.org) {
                let path = try common.path("总账")
                let ledger = try Reports.generalLedger(try common.options.openReading(), organization: common.org, year: common.periods.year, month: common.periods.period)
                try LedgerWorkbook.write(ledger, to: path)
                say(.wrote(path: path))
            }
        }
    }

    struct DetailLedgerExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "detail-ledger", abstract: bilingual("明细账 workbook of one account.", "一个科目的明细账工作簿。"))
        @OptionGroup var common: Common
        @Option(help: bilingual("The account, at any level.", "科目，任一级。")) var account: String

        func run() throws {
            try anchoredReporting(common.options, organization: common.org) {
                let path = try common.path("明细账-\(account)")
                let ledger = try Reports.detailLedger(try common.options.openReading(), organization: common.org, account: account, year: common.periods.year)
                try LedgerWorkbook.write(ledger, to: path)
                say(.wrote(path: path))
            }
        }
    }

    struct BalanceSheetExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "balance-sheet", abstract: bilingual("资产负债表 (工会01表) workbook.", "资产负债表（工会01表）工作簿。"))
        @OptionGroup var common: Common

        func run() throws {
            try anchoredReporting(common.options, organization: common.org) {
                let path = try common.path(BalanceSheet.title)
                let form = try Reports.balanceSheet(try common.options.openReading(), organization: common.org, year: common.periods.year, month: common.periods.period)
                try FormWorkbook.write(form, to: path, preparedBy: common.options.user)
                say(.wrote(path: path))
            }
        }
    }

    struct IncomeExpenditureExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "income-expenditure", abstract: bilingual("收入支出表 (工会02表) workbook.", "收入支出表（工会02表）工作簿。"))
        @OptionGroup var common: Common

        func run() throws {
            try anchoredReporting(common.options, organization: common.org) {
                let path = try common.path(IncomeExpenditure.title)
                let form = try Reports.incomeExpenditure(try common.options.openReading(), organization: common.org, year: common.periods.year, month: common.periods.period)
                try FormWorkbook.write(form, to: path, preparedBy: common.options.user)
                say(.wrote(path: path))
            }
        }
    }

    struct RollupExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rollup", abstract: bilingual("汇总表 and 预算执行情况表 of an organisation and everything below it.", "单位及其所属各单位的汇总表和预算执行情况表。"))
        @OptionGroup var common: Common

        func run() throws {
            try anchoredReporting(common.options, organization: common.org, tree: true) {
                let path = try common.path("汇总表")
                let rollup = try Reports.rollup(try common.options.openReading(), organization: common.org, year: common.periods.year, month: common.periods.period)
                try RollupWorkbook.write(rollup, to: path)
                say(.wroteRollup(path: path, organizations: rollup.members.count, differences: rollup.differences.count + rollup.flowDifferences.count + rollup.untaggedTransfers.count))
            }
        }
    }

    struct SubsidiesExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "subsidies", abstract: bilingual("项目补贴台账 workbook of a grantor: summary, every line of every item, per recipient.", "拨款单位的项目补贴台账工作簿：汇总、各项目的全部明细、按收款单位汇总。"))
        @OptionGroup var common: Common
        @Option(help: bilingual("Judge deadlines and idleness as of this date (default: the end of the year).", "以此日期判断期限和闲置（默认：年末）。")) var asOf: LocalDate?

        func run() throws {
            try anchoredReporting(common.options, organization: common.org) {
                let path = try common.path(SubsidyRegister.title)
                try writeSubsidyWorkbook(book: try common.options.openReading(), grantor: common.org, year: common.periods.year, asOf: asOf, path: path)
                say(.wrote(path: path))
            }
        }
    }

    struct ReviewExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review", abstract: bilingual("经审审查工作底稿: the audit summary, the findings, each subsidy item audited, the opinion.", "经审审查工作底稿：审计汇总、问题清单、所审查的各项目补贴、审查意见。"))
        @OptionGroup var common: Common

        func run() throws {
            try anchoredReporting(common.options, organization: common.org) {
                let path = try common.path(ReviewReport.title)
                let report = try Reports.review(try common.options.openReading(), organization: common.org, year: common.periods.year)
                try ReviewWorkbook.write(report, to: path)
                say(.wroteReview(path: path, findings: report.findings.count, items: report.items.count))
            }
        }
    }

    struct MonthlyPackExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "monthly-pack", abstract: bilingual("Every form of one month in one workbook, for sending up (needs --period).", "一个月的全部报表合为一个工作簿，供上报（需要 --period）。"))
        @OptionGroup var common: Common

        func validate() throws {
            if common.periods.period == nil { throw ValidationError(bilingual("monthly-pack needs --period YYYY-MM, such as --period 2026-05", "monthly-pack 需要 --period YYYY-MM，如 --period 2026-05 [period-needed]")) }
        }

        func run() throws {
            try anchoredReporting(common.options, organization: common.org) {
                let path = try common.path("月度报表")
                try writeMonthlyPack(book: try common.options.openReading(), organization: common.org, year: common.periods.year,
                                     month: common.periods.period!, path: path, user: common.options.user)
                say(.wrote(path: path))
            }
        }
    }

    struct TrialBalanceExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "trial-balance", abstract: bilingual("科目余额表 workbook.", "科目余额表工作簿。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var periods: PeriodOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(name: .shortAndLong, help: bilingual("Output file.", "输出文件。")) var output: String?
        @Flag(help: bilingual("Replace an existing file that is not an .xlsx workbook (never a folder or a book).", "替换已有的非 .xlsx 工作簿文件（决不替换文件夹或账套）。")) var force = false

        func run() throws {
            try anchoredReporting(options, organization: org) {
                let path = try workbookPath(self.output ?? "exports/科目余额表-\(org)-\(periods.suffix).xlsx", force: force, book: options)
                let report = try Reports.trialBalance(try options.openReading(), organization: org, year: periods.year, month: periods.period)
                try TrialBalanceWorkbook.write(report, to: path, preparedBy: options.user)
                say(.wrote(path: path))
            }
        }
    }

    struct JournalExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "journal", abstract: bilingual("序时账 workbook: every line of every posted voucher.", "序时账工作簿：全部已记账凭证的每一行。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var periods: PeriodOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(name: .shortAndLong, help: bilingual("Output file.", "输出文件。")) var output: String?
        @Flag(help: bilingual("Replace an existing file that is not an .xlsx workbook (never a folder or a book).", "替换已有的非 .xlsx 工作簿文件（决不替换文件夹或账套）。")) var force = false

        func run() throws {
            try anchoredReporting(options, organization: org) {
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

/// Runs an export with the chain heads of the organisation (and, with `tree`, of those under it)
/// set on every workbook it writes (`Workbook.anchors`: the footers and the 校验 sheet), read when
/// a workbook starts. A user who may not read them gets no heads, and the export says why.
func anchoredReporting(_ options: BookOptions, organization: String, tree: Bool = false, _ body: () throws -> Void) throws {
    let (book, user, key) = (options.book, options.user, try? options.sealKey())
    try Workbook.$anchors.withValue(WorkbookAnchors {
        (try? Store.open(at: book, connections: .readOnly, key: key ?? nil).session(as: user).verification.chainHeads(organization: organization, tree: tree)) ?? []
    }) { try reporting(body) }
}
