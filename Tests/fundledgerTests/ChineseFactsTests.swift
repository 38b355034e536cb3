import Foundation
import Testing

/// A person reading Chinese reads the facts of an error in Chinese too: the fields, sides,
/// states and kinds of every message of the error corpus, not English words in parentheses.
/// What stays in Latin letters is what the person types or the file holds: the file's name, the
/// rule id in brackets, commands in backticks, options, tags (`org:FED-01`), quoted input, codes
/// and the names of formats and programs.
@Suite struct ChineseFactsTests {
    /// Names of formats, programs and placeholders a Chinese text keeps as they are.
    static let kept: Set<String> = [
        "UTF", "CSV", "LF", "CRLF", "CR", "BOM", "NUL", "Excel", "WPS", "Mac", "Unix", "Windows", "SQLite", "FundLedger",
        "YYYY", "MM", "DD", "XML", "xlsx", "GBK", "ZIP", "SHA", "HMAC", "PostgreSQL", "FED", "CTY", "XB", "TLS", "HTTP", "gbk",
    ]
    /// The journal's tag names, which a person types as they are (`attachments:2`).
    static let tags: Set<String> = ["attachments", "kind", "org", "preparer", "reverses", "reviewer", "project", "expense", "source",
                                    "counterpart", "economic"]

    /// The English words left in `line` once the parts that are not prose are taken out.
    static func englishWords(in line: String) -> [String] {
        var text = line
        // The prefix, then the file and line before the next full-width colon.
        if text.hasPrefix("错误：") { text = String(text.dropFirst(3)) }
        if let colon = text.firstIndex(of: "：") { text = String(text[text.index(after: colon)...]) }
        for pattern in [#"\[[a-z0-9-]+\]"#, #"`[^`]*`"#, #"“[^”]*”"#, #""[^"]*""#, #"--[a-z-]+"#, #"[A-Za-z_]+:[^\s，；）、]*"#,
                        #"U\+[0-9A-F]{4}"#, #"\([^)]*/[^)]*\)"#] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return text.components(separatedBy: CharacterSet.letters.inverted.union(.init(charactersIn: "0123456789")))
            .filter { word in word.count >= 2 && word.unicodeScalars.allSatisfy { $0.isASCII } && !kept.contains(word) && !tags.contains(word) }
    }

    @Test func theRulesOfTheCheckAreThemselvesSound() {
        #expect(Self.englishWords(in: "a.journal:3：借方合计 500.00 与贷方合计 499.99 不等 [unbalanced]").isEmpty)
        #expect(Self.englishWords(in: "a.journal:3：标签 org:FED-01 不可用，请用 `fundledger org list` 查看 [bad-tag]").isEmpty)
        #expect(Self.englishWords(in: "a.journal:3：借贷不平衡（debits 500.00 do not equal credits 499.99） [unbalanced]") == ["debits", "do", "not", "equal", "credits"])
    }

    @Test func everyChineseMessageOfTheCorpusStatesItsFactsInChinese() throws {
        let folder = CLI.root.appendingPathComponent("ledgers/errors").path
        let goldens = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".zh.expected") }.sorted()
        #expect(goldens.count >= 40)
        for name in goldens {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = Self.englishWords(in: String(line))
                #expect(words.isEmpty, "\(name): English \(words) in \(line)")
            }
        }
    }
}
