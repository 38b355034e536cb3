import ArgumentParser
import Foundation
import FundCore

struct FundLedger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fundledger",
        abstract: bilingual("Double-entry books for trade unions (工会): vouchers, periods, reports and workbooks.", "工会会计的复式记账：凭证、期间、报表和工作簿。"),
        discussion: bilingual("""
            Every command works on one book, an SQLite file (--book, or FUNDLEDGER_BOOK, default \
            ledgers/fundledger.sqlite), and acts as a user (--as, or FUNDLEDGER_USER). A command that \
            fails leaves the book unchanged. Messages are in Chinese; --lang en (anywhere on the \
            command line) or an English LANG gives English.
            """, """
            每条命令都作用于一个账套，即一个 SQLite 文件（--book，或 FUNDLEDGER_BOOK，默认 \
            ledgers/fundledger.sqlite），并以一个用户的身份操作（--as，或 FUNDLEDGER_USER）。命令失败时\
            账套保持不变。信息为中文；在命令行任意位置给出 --lang en，或使用英文 LANG，则为英文。
            """),
        version: "0.1.0",
        subcommands: [
            Init.self, OrgCommand.self, AccountCommand.self, VoucherCommand.self, Import.self, ExportJournal.self,
            Close.self, Reopen.self, PeriodCommand.self, CloseYear.self, ReopenYear.self, YearEndCommand.self, SignersCommand.self, AssetCommand.self, Depreciate.self, BudgetCommand.self, SubsidyCommand.self, ReportCommand.self, ExportCommand.self, Verify.self, Backup.self, Restore.self, Copy.self,
            UserCommand.self, CommitteeCommand.self, ReviewCommand.self, Demo.self, Serve.self, CashCommand.self,
        ]
    )
}

/// The program's entry: the options every command shares (`--book`, `--as`) may come before the
/// subcommand as well as after it, as `hledger -f FILE bal` takes them.
@main
enum Entry {
    static func main() {
        do {
            var command = try FundLedger.parseAsRoot(sharedOptionsLast(withoutLanguage(Array(CommandLine.arguments.dropFirst()))))
            try command.run()
        } catch {
            exit(reporting: error)
        }
    }

    /// Ends the run as the argument parser would (help and version on standard output, an error
    /// with its usage on standard error, the parser's exit codes: 0, 64 for a usage error, 1 for
    /// a refused command), but with the parser's own lines in the language of the run.
    static func exit(reporting error: any Error) -> Never {
        let code = FundLedger.exitCode(for: error)
        let text = ParserText.render(FundLedger.fullMessage(for: error), in: language)
        if !text.isEmpty {
            let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
            handle.write(Data((text + "\n").utf8))
        }
        Foundation.exit(code.rawValue)
    }

    /// The arguments without `--lang X` (or `--lang=X`): the language is the whole run's, read
    /// once into `language`, so it may stand anywhere and no command declares it. A `--lang`
    /// whose value is not zh or en is refused here.
    static func withoutLanguage(_ arguments: [String]) -> [String] {
        var kept: [String] = [], index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { kept += arguments[index...]; break }
            var value: String?
            if argument == "--lang" {
                value = index + 1 < arguments.endIndex ? arguments[index + 1] : ""
                index += 1
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst("--lang=".count))
            }
            if let value {
                guard Language(name: value) != nil else {
                    note(CLIText.errorPrefix.text(language) + (language == .english
                        ? "--lang \(value) is not a language FundLedger speaks; give zh (中文, the default) or en"
                        : "--lang \(value) 不是 FundLedger 支持的语言；请给出 zh（中文，默认）或 en [bad-language]"))
                    FundLedger.exit(withError: ExitCode(64))
                }
            } else {
                kept.append(argument)
            }
            index += 1
        }
        return kept
    }

    /// The arguments with `--book PATH` and `--as NAME` (or `--book=PATH`) given before the
    /// subcommand moved behind it, where each command declares them.
    static func sharedOptionsLast(_ arguments: [String]) -> [String] {
        var leading: [String] = [], rest = arguments[...]
        while let first = rest.first, first.hasPrefix("--") {
            let name = first.split(separator: "=", maxSplits: 1).first.map(String.init) ?? first
            guard name == "--book" || name == "--as" || name == "--key" else { break }
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
