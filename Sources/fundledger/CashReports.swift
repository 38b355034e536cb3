import ArgumentParser
import FundApp
import FundCore
import FundReports
import FundStore
import FundXLSX

extension ReportCommand {
    /// 现金日记账: 101 day by day.
    struct CashJournalReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cash-journal",
            abstract: bilingual("现金日记账: every cash line day by day with its 对方科目 and running balance, 本日合计, 本月合计 and 本年累计.",
                                "现金日记账：逐日逐笔登记库存现金，列对方科目和余额，并有本日合计、本月合计和本年累计。"))
        @OptionGroup var common: Common

        func run() throws {
            try common.printCashJournal(.cash)
        }
    }

    /// 银行存款日记账: 102 day by day, per bank account where 102 has details.
    struct BankJournalReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bank-journal",
            abstract: bilingual("银行存款日记账: every bank line day by day (one journal per bank account detail of 102), 本日合计, 本月合计 and 本年累计.",
                                "银行存款日记账：逐日逐笔登记银行存款（102 有明细时每个银行账户一本），并有本日合计、本月合计和本年累计。"))
        @OptionGroup var common: Common

        func run() throws {
            try common.printCashJournal(.bank)
        }
    }
}

extension ExportCommand {
    /// 现金日记账 workbook.
    struct CashJournalExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cash-journal", abstract: bilingual("现金日记账 workbook.", "现金日记账工作簿。"))
        @OptionGroup var common: Common

        func run() throws {
            try common.writeCashJournal(.cash, title: "现金日记账")
        }
    }

    /// 银行存款日记账 workbook.
    struct BankJournalExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "bank-journal", abstract: bilingual("银行存款日记账 workbook.", "银行存款日记账工作簿。"))
        @OptionGroup var common: Common

        func run() throws {
            try common.writeCashJournal(.bank, title: "银行存款日记账")
        }
    }
}

extension ReportCommand.Common {
    /// Prints the organisation's cash or bank journal of the period in the chosen format.
    func printCashJournal(_ kind: CashAccountKind) throws {
        try reporting {
            emit(try Reports.cashJournal(try options.openReading(), organization: org, kind: kind, year: periods.year, month: periods.period)
                .rendered(format.resolved))
        }
    }
}

extension ExportCommand.Common {
    /// Writes the organisation's cash or bank journal of the period as a workbook named `title`.
    func writeCashJournal(_ kind: CashAccountKind, title: String) throws {
        try anchoredReporting(options, organization: org) {
            let path = try self.path(title)
            try CashJournalWorkbook.write(try Reports.cashJournal(try options.openReading(), organization: org, kind: kind, year: periods.year,
                                                                  month: periods.period), to: path)
            say(.wrote(path: path))
        }
    }
}
