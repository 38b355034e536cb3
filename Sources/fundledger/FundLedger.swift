import ArgumentParser

@main
struct FundLedger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fundledger",
        abstract: "Double-entry books for trade unions (工会): vouchers, periods, reports and workbooks.",
        discussion: """
            Every command works on one book, an SQLite file (--book, or FUNDLEDGER_BOOK, default \
            ledgers/fundledger.sqlite), and acts as a user (--as, or FUNDLEDGER_USER). A command that \
            fails leaves the book unchanged.
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, OrgCommand.self, AccountCommand.self, VoucherCommand.self, Import.self, ExportJournal.self,
            Close.self, Reopen.self, CloseYear.self, ReopenYear.self, AssetCommand.self, Depreciate.self, BudgetCommand.self, SubsidyCommand.self, ReportCommand.self, ExportCommand.self, Verify.self, Backup.self, Restore.self,
            UserCommand.self, CommitteeCommand.self, ReviewCommand.self, Demo.self,
        ]
    )
}
