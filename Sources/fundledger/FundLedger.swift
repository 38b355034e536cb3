import ArgumentParser

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
            UserCommand.self, CommitteeCommand.self, ReviewCommand.self, Demo.self, Serve.self,
        ]
    )
}

/// The program's entry: the options every command shares (`--book`, `--as`) may come before the
/// subcommand as well as after it, as `hledger -f FILE bal` takes them.
@main
enum Entry {
    static func main() {
        FundLedger.main(sharedOptionsLast(Array(CommandLine.arguments.dropFirst())))
    }

    /// The arguments with `--book PATH` and `--as NAME` (or `--book=PATH`) given before the
    /// subcommand moved behind it, where each command declares them.
    static func sharedOptionsLast(_ arguments: [String]) -> [String] {
        var leading: [String] = [], rest = arguments[...]
        while let first = rest.first, first.hasPrefix("--") {
            let name = first.split(separator: "=", maxSplits: 1).first.map(String.init) ?? first
            guard name == "--book" || name == "--as" else { break }
            leading.append(first)
            rest = rest.dropFirst()
            if !first.contains("="), let value = rest.first {
                leading.append(value)
                rest = rest.dropFirst()
            }
        }
        return Array(rest) + leading
    }
}
