import Foundation
import FundCore

/// The language of this run: `--lang zh|en` anywhere on the command line, else the locale
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`; only an English one gives English), else Chinese. Read once,
/// before the command runs; every message, listing and workbook text of the run follows it.
let language: Language = Language.resolve(arguments: Array(CommandLine.arguments.dropFirst()),
                                          environment: ProcessInfo.processInfo.environment)

/// The command line's own words that are not errors of the book: prefixes and progress lines.
/// One arm per text; the English ones are what the command line has always printed.
enum CLIText: LocalizedMessage, CaseIterable {
    case errorPrefix
    case warningPrefix

    var description: String {
        switch self {
        case .errorPrefix: "error: "
        case .warningPrefix: "warning: "
        }
    }

    var chinese: String {
        switch self {
        case .errorPrefix: "错误："
        case .warningPrefix: "提示："
        }
    }
}
