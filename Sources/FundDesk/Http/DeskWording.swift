import Foundation
import FundCore

/// The desk's wording of a refusal the book words for the command line as well.
///
/// The store's Chinese texts end with what to do, often as a command (`fundledger reopen ...`,
/// `--reviewer`, `FUNDLEDGER_USER`): right in a terminal, noise in a browser, where the same act
/// is a button. The desk keeps what was refused, why and the rule id, and leaves out each clause
/// or bracket that is only a command; a clause with something else to say stays whole.
enum DeskWording {
    /// `text` without its command-line advice, line by line.
    static func plain(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { plainLine(String($0)) }.joined(separator: "\n")
    }

    /// Whether a piece of text is command-line advice.
    static func isCommand(_ piece: Substring) -> Bool {
        piece.contains("`") || piece.contains("--") || piece.contains("FUNDLEDGER_")
    }

    static func plainLine(_ line: String) -> String {
        // The rule id in brackets at the end stays as it is.
        var body = Substring(line), rule = Substring("")
        if body.hasSuffix("]"), let open = body.lastIndex(of: "[") {
            rule = body[open...]
            body = body[..<open]
        }
        // Brackets that hold a command: "（`fundledger user grant`）", "(--as 或 FUNDLEDGER_USER)".
        var text = "", bracket = "", opened: Character?
        for character in body {
            if let open = opened {
                bracket.append(character)
                if (open == "（" && character == "）") || (open == "(" && character == ")") {
                    if !isCommand(Substring(bracket)) { text += bracket }
                    opened = nil
                    bracket = ""
                }
            } else if character == "（" || character == "(" {
                opened = character
                bracket = String(character)
            } else {
                text.append(character)
            }
        }
        text += bracket
        // Clauses between "；", "，" and "。" that are a command are left out with their mark.
        let marks: Set<Character> = ["；", "，", "。"]
        var clauses: [(text: String, mark: Character?)] = [], clause = ""
        for character in text {
            if marks.contains(character) { clauses.append((clause, character)); clause = "" } else { clause.append(character) }
        }
        clauses.append((clause, nil))
        let keptClauses = clauses.filter { !isCommand(Substring($0.text)) && !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        guard !keptClauses.isEmpty else { return line }
        var kept = keptClauses.map { $0.text + ($0.mark.map(String.init) ?? "") }.joined()
        while let last = kept.last, last == "，" || last == "；" { kept.removeLast() }
        var trimmed = Substring(kept)
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        return rule.isEmpty ? String(trimmed) : trimmed + " " + rule
    }
}

extension LocalizedMessage {
    /// The Chinese text as the desk shows it: without command-line advice.
    var deskText: String { DeskWording.plain(chinese) }
}
