import Foundation
import FundCore

/// The argument parser's own lines (its errors, `Usage:`, `See '… --help'`, the headings and
/// built-in options of a help screen) in the language of the run. swift-argument-parser writes
/// them in English only and keeps its error types to itself, so its finished text is read line by
/// line and each kind of line it writes is given its Chinese form here, with a rule id in brackets
/// for each kind of error; a line of another kind (a command's own `bilingual` text) is left as
/// it is. The English text is the parser's, unchanged.
enum ParserText {
    /// `text` as a person reads it in `language`.
    static func render(_ text: String, in language: Language) -> String {
        guard language == .chinese else { return text }
        // The parser's notes on an option's values, which may wrap over two lines of a help screen.
        var rendered = replacing(text, #"\(values:(\s+)([^;)]*);(\s+)default( as flag)?:(\s+)([^)]*)\)"#) {
            "（可选值：\(gap($0[0]))\($0[1])；\(gap($0[2]))默认：\(gap($0[4]))\($0[5])）"
        }
        rendered = replacing(rendered, #"\(values:(\s+)([^)]*)\)"#) { "（可选值：\(gap($0[0]))\($0[1])）" }
        rendered = replacing(rendered, #"\(default( as flag)?:(\s+)([^)]*)\)"#) { "（默认：\(gap($0[1]))\($0[2])）" }
        return rendered.split(separator: "\n", omittingEmptySubsequences: false).map { chinese(line: String($0)) }.joined(separator: "\n")
    }

    /// The space the parser put after a colon: none after a Chinese colon, unless the line wraps there.
    static func gap(_ space: String) -> String { space == " " ? "" : space }

    /// One line of the parser's output in Chinese.
    static func chinese(line: String) -> String {
        if line.hasPrefix("Error: ") { return "错误：" + chineseError(String(line.dropFirst("Error: ".count))) }
        if line.hasPrefix("Help:  ") { return "帮助：" + String(line.dropFirst("Help:  ".count)) }
        if line.hasPrefix("Usage: ") { return "用法：" + String(line.dropFirst("Usage: ".count)) }
        if line.hasPrefix("USAGE: ") { return "用法：" + String(line.dropFirst("USAGE: ".count)) }
        if line.hasPrefix("OVERVIEW: ") { return "概述：" + String(line.dropFirst("OVERVIEW: ".count)) }
        switch line {
        case "ARGUMENTS:": return "参数："
        case "OPTIONS:": return "选项："
        case "SUBCOMMANDS:": return "子命令："
        default: break
        }
        if let command = match(line, #"^  See '(.+) --help' for more information\.$"#)?.first {
            return "  详见 '\(command) --help'。"
        }
        if let command = match(line, #"^  See '(.+) <subcommand>' for detailed help\.$"#)?.first {
            return "  各子命令的详细说明见 '\(command) <子命令>'。"
        }
        var line = line
        for (english, chinese) in [("Show help information.", "显示帮助信息。"), ("Show the version.", "显示版本号。")] where line.hasSuffix(english) {
            line = String(line.dropLast(english.count)) + chinese
        }
        return line
    }

    /// The message of a parser error in Chinese, with its rule id; a message the parser did not
    /// write (a command's own `ValidationError`, already in the language of the run) as it is.
    static func chineseError(_ message: String) -> String {
        if let parts = match(message, #"^Unknown option '([^']*)'\. Did you mean '([^']*)'\?$"#) {
            return "无法识别的选项 '\(parts[0])'；是否想写 '\(parts[1])'？请用 --help 查看本命令的选项 [unknown-option]"
        }
        if let parts = match(message, #"^Unknown option '([^']*)'$"#) {
            return "无法识别的选项 '\(parts[0])'；请用 --help 查看本命令的选项 [unknown-option]"
        }
        if let parts = match(message, #"^Missing expected argument '(.*)'$"#) {
            return "缺少必需的参数 '\(parts[0])' [missing-argument]"
        }
        if let parts = match(message, #"^Missing one of: (.*)$"#) {
            return "缺少必需的参数，请给出其中之一：\(listed(parts[0])) [missing-argument]"
        }
        if let parts = match(message, #"^Missing value for '(.*)'$"#) {
            return "选项 '\(parts[0])' 缺少值 [missing-value]"
        }
        if let parts = match(message, #"^Unexpected argument '(.*)'$"#) {
            return "多余的参数 '\(parts[0])'；本命令不接受它 [unexpected-argument]"
        }
        if let parts = match(message, #"^([0-9]+) unexpected arguments: (.*)$"#) {
            return "\(parts[0]) 个多余的参数：\(listed(parts[1]))；本命令不接受它们 [unexpected-argument]"
        }
        if let parts = match(message, #"^The option '([^']*)' does not take any value, but '(.*)' was specified\.$"#) {
            return "选项 '\(parts[0])' 不带值，却给出了 '\(parts[1])' [unexpected-value]"
        }
        if let parts = match(message, #"^Value to be set with (.*) had already been set with (.*)$"#) {
            return "\(chineseElement(parts[0])) 给出的值已由 \(chineseElement(parts[1])) 给出；每个选项只能给一次 [duplicate-option]"
        }
        if let parts = match(message, #"^The value '(.*)' is invalid for '([^']*)'(.*)$"#) {
            return "值 '\(parts[0])' 不能用于 '\(parts[1])'\(chineseReason(parts[2])) [invalid-value]"
        }
        if let parts = match(message, #"^The value '(.*)' is invalid\.(.*)$"#) {
            return "值 '\(parts[0])' 不可用\(chineseReason(parts[1])) [invalid-value]"
        }
        if message == "Missing required subcommand." {
            return "缺少子命令；请用 --help 查看可用的子命令 [missing-subcommand]"
        }
        if let parts = match(message, #"^Invalid option: (.*)$"#) {
            return "选项 \(parts[0]) 写法不对 [invalid-option]"
        }
        return message
    }

    /// The tail the parser puts after "is invalid for '…'": the value's own reason after ": ",
    /// or the values to choose from.
    static func chineseReason(_ tail: String) -> String {
        if tail.isEmpty { return "" }
        if let parts = match(tail, #"^\. Please provide one of (.*)\.$"#) { return "；请给出其中之一：" + listed(parts[0]) }
        if tail == ". Please provide one of the following:" { return "；请给出以下之一：" }
        if tail.hasPrefix(": ") { return "：" + String(tail.dropFirst(2)) }
        return tail
    }

    /// "flag '--x'" or "'--x' in '-abc'" as the parser names an element, in Chinese.
    static func chineseElement(_ element: String) -> String {
        if element.hasPrefix("flag ") { return "选项 " + String(element.dropFirst("flag ".count)) }
        if element.hasPrefix("position ") { return "第 " + String(element.dropFirst("position ".count)) + " 个位置" }
        return element
    }

    /// "'a', 'b' and 'c'" or "'a', 'b' or 'c'" as a Chinese list: 'a'、'b'、'c'.
    static func listed(_ text: String) -> String {
        text.replacingOccurrences(of: "', '", with: "'、'")
            .replacingOccurrences(of: "' and '", with: "'、'")
            .replacingOccurrences(of: "' or '", with: "'、'")
    }

    /// The captured groups when `pattern` matches the whole of `text`.
    static func match(_ text: String, _ pattern: String) -> [String]? {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              let result = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<result.numberOfRanges).map { index in
            Range(result.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }

    /// `text` with every match of `pattern` replaced by what `replacement` makes of its groups.
    static func replacing(_ text: String, _ pattern: String, _ replacement: ([String]) -> String) -> String {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return text }
        var result = "", rest = text.startIndex
        for found in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(found.range, in: text) else { continue }
            let groups = (1..<found.numberOfRanges).map { Range(found.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
            result += text[rest..<whole.lowerBound] + replacement(groups)
            rest = whole.upperBound
        }
        result += text[rest...]
        return result
    }
}
