import Foundation
import Testing

/// The argument parser's own lines (its errors, usage, the headings of a help screen) in
/// Chinese by default and in English with `--lang en` or an English locale, with the parser's
/// exit codes: 64 for a usage error, 0 for help.
@Suite struct ParserTextTests {
    /// A command line the parser refuses, the Chinese it must say and the English it said before.
    static let refusals: [(arguments: [String], chinese: [String], english: [String])] = [
        (["voucher", "add", "--date", "2026-03-05"], ["错误：缺少必需的参数 '--org <org>' [missing-argument]"], ["Error: Missing expected argument '--org <org>'"]),
        (["org", "list", "--bogus"], ["错误：无法识别的选项 '--bogus'", "[unknown-option]"], ["Error: Unknown option '--bogus'"]),
        (["org", "list", "--boo"], ["是否想写 '--book'", "[unknown-option]"], ["Did you mean '--book'?"]),
        (["init", "extra"], ["错误：多余的参数 'extra'", "[unexpected-argument]"], ["Error: Unexpected argument 'extra'"]),
        (["init", "--as"], ["错误：选项 '--as <NAME>' 缺少值 [missing-value]"], ["Error: Missing value for '--as <NAME>'"]),
        (["report", "trial-balance", "--org", "FED-01", "--year", "2026", "--format", "xml"],
         ["错误：值 'xml' 不能用于 '--format <format>'", "请给出其中之一：'table'、'csv'、'json'", "[invalid-value]"],
         ["Error: The value 'xml' is invalid for '--format <format>'"]),
        (["report", "trial-balance", "--org", "FED-01", "--period", "2026-13"], ["错误：--period 2026-13 不是月份", "[bad-period]"],
         ["Error: --period 2026-13 is not a month"]),
    ]

    @Test func theParsersRefusalsAreChineseByDefaultWithTheirExitCode() throws {
        for (arguments, chinese, english) in Self.refusals {
            let result = try CLI.run(arguments, environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
            #expect(result.status == 64, "\(arguments): \(result.status)")
            for text in chinese { #expect(result.stderr.contains(text), "\(arguments): \(result.stderr)") }
            #expect(result.stderr.contains("用法：fundledger "), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("  详见 'fundledger "), "\(arguments): \(result.stderr)")
            for english in ["Error:", "Usage:", "See '", "Missing", "Unknown", "Unexpected", "is invalid"] {
                #expect(!result.stderr.contains(english), "\(arguments): \(english) in \(result.stderr)")
            }
            #expect(result.stdout.isEmpty)
            _ = english
        }
    }

    @Test func theParsersRefusalsStayEnglishWithLangEnOrAnEnglishLocale() throws {
        for (arguments, _, english) in Self.refusals {
            for (extra, environment) in [(["--lang", "en"], [String: String]()), ([], ["LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])] {
                let result = try CLI.run(arguments + extra, environment: environment)
                #expect(result.status == 64, "\(arguments): \(result.status)")
                for text in english { #expect(result.stderr.contains(text), "\(arguments) \(environment): \(result.stderr)") }
                #expect(result.stderr.contains("Usage: fundledger "), "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains("for more information."), "\(arguments): \(result.stderr)")
            }
        }
    }

    @Test func helpAndVersionGoToStandardOutputWithExitZero() throws {
        let chinese = try CLI.run(["--help"], environment: ["LANG": "", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(chinese.status == 0 && chinese.stderr.isEmpty)
        for text in ["概述：", "用法：fundledger", "选项：", "子命令：", "显示帮助信息。", "显示版本号。", "各子命令的详细说明见 'fundledger help <子命令>'。"] {
            #expect(chinese.stdout.contains(text), "\(text) in \(chinese.stdout)")
        }
        let english = try CLI.run(["--help", "--lang", "en"])
        #expect(english.status == 0)
        for text in ["OVERVIEW:", "USAGE: fundledger", "OPTIONS:", "SUBCOMMANDS:", "Show help information."] {
            #expect(english.stdout.contains(text), "\(text) in \(english.stdout)")
        }
        let version = try CLI.run(["--version"])
        #expect(version.status == 0 && version.stdout == "0.1.0\n")
    }

    /// Whether `line` holds a Chinese character.
    static func isChinese(_ line: Substring) -> Bool {
        line.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
    }

    /// The subcommands a help screen lists under 子命令：.
    static func subcommands(in help: String) -> [String] {
        var names: [String] = [], inList = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "子命令：" { inList = true; continue }
            guard inList else { continue }
            if line.isEmpty { break }
            // A name is indented by two spaces; a wrapped abstract by more.
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { continue }
            names.append(String(name))
        }
        return names
    }

    /// A line of a help screen that needs no Chinese: option and argument names (their help may
    /// wrap to the next line), a wrapped usage line, a subcommand's name alone.
    static func needsNoChinese(_ line: Substring) -> Bool {
        let words = line.split(separator: " ")
        if words.isEmpty { return true }
        if words.allSatisfy({ $0.hasPrefix("-") || $0.hasPrefix("[") || $0.hasPrefix("<") || $0.hasPrefix("(") || $0.hasSuffix(">") || $0.hasSuffix("]") || $0.hasSuffix(",") || $0 == "..." || $0 == "|" || $0.hasSuffix(">...") }) {
            return true
        }
        return words.count == 1 && line.hasPrefix("  ")
    }

    /// Every command's help, walked from the top, reads in Chinese: a line without a Chinese
    /// character is an option's or argument's name, never an English sentence.
    @Test func everyCommandsHelpIsChinese() throws {
        var pending: [[String]] = [[]], seen = 0
        while let path = pending.popLast() {
            let result = try CLI.run(path + ["--help"], environment: ["LANG": "", "LC_ALL": "", "LC_MESSAGES": ""])
            #expect(result.status == 0, "\(path): \(result.stderr)")
            seen += 1
            for line in result.stdout.split(separator: "\n") where !Self.isChinese(line) && !Self.needsNoChinese(line) {
                Issue.record("fundledger \(path.joined(separator: " ")) --help: \"\(line)\" has no Chinese")
            }
            pending += Self.subcommands(in: result.stdout).filter { $0 != "help" }.map { path + [$0] }
        }
        #expect(seen >= 40, "walked \(seen) help screens")
    }
}
