/// Writes vouchers in the journal format that `JournalParser` reads and hledger understands.
public enum JournalWriter {
    /// One posted voucher as a journal transaction. A red-ink voucher's amounts are its lines'
    /// signed effects, which are the original's negated.
    public static func transaction(_ voucher: Voucher, chart: Chart, reversesRef: VoucherRef?) -> String {
        let draft = voucher.draft
        var header = draft.date.description + " *"
        if let ref = voucher.ref { header += " (" + ref.description + ")" }
        header += " " + sanitize(draft.summary)
        var tags = ["org:" + draft.organization, "attachments:" + String(draft.attachments),
                    "preparer:" + sanitize(draft.preparer)]
        if let reviewer = voucher.reviewer { tags.append("reviewer:" + sanitize(reviewer)) }
        if let reversesRef { tags.append("reverses:" + reversesRef.description) }
        if draft.kind != .entry { tags.append("kind:" + draft.kind.rawValue) }
        var text = header + "  ; " + tags.joined(separator: ", ") + "\n"
        for line in draft.lines {
            let account = line.accountCode + (chart.fullName(line.accountCode).map { " " + $0 } ?? "")
            let amount = Money(fen: line.signedFen).description
            let width = max(2, 60 - displayWidth(account) - amount.count)
            var posting = "    " + account + String(repeating: " ", count: width) + amount
            let lineTags = tagList(line)
            if !lineTags.isEmpty { posting += "  ; " + lineTags.joined(separator: ", ") }
            text += posting + "\n"
        }
        return text
    }

    static func tagList(_ line: VoucherLine) -> [String] {
        var tags: [String] = []
        let d = line.dimensions
        if let v = d.project { tags.append("project:" + v) }
        if let v = d.expenseType { tags.append("expense:" + v.rawValue) }
        if let v = d.economicClass { tags.append("econ:" + v) }
        if let v = d.counterpart { tags.append("counterpart:" + v) }
        if let v = d.fundSource { tags.append("source:" + v.rawValue) }
        if let v = d.basicClass { tags.append("class:" + v.rawValue) }
        if !line.summary.isEmpty { tags.append("memo:" + sanitize(line.summary)) }
        return tags
    }

    /// Text that would break the line structure is made safe so that the written journal always
    /// parses: ';' and ',' become their full-width forms, and line breaks, tabs, other control
    /// characters and the backslash are escaped (`JournalText.escape`) so that the parser reads
    /// the same text back.
    static func sanitize(_ text: String) -> String {
        JournalText.escape(String(text.map { character -> Character in
            switch character {
            case ";": return "；"
            case ",": return "，"
            default: return character
            }
        }))
    }
}

/// The escapes of journal text (summaries, preparer, reviewer and memo): a line break or another
/// control character cannot stand in a journal line, so the writer spells it with a backslash and
/// the parser turns it back. `\n`, `\r`, `\t`, `\\` and `\uXXXX` (four hex digits) are escapes; a
/// backslash before anything else is kept as written.
///
/// Only a book from before control characters were refused can hold one; its journal imports the
/// text restored, and the import then refuses it by the rule control-character.
public enum JournalText {
    /// `text` with every backslash, line break, tab and other control character (U+0000–U+001F,
    /// U+007F) escaped.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The text that `escape` wrote: each escape turned back into its character.
    public static func unescape(_ text: some StringProtocol) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return String(text) }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "\\", index + 1 < scalars.count else {
                result.append(scalar)
                index += 1
                continue
            }
            switch scalars[index + 1] {
            case "\\": result.append("\\"); index += 2
            case "n": result.append("\n"); index += 2
            case "r": result.append("\r"); index += 2
            case "t": result.append("\t"); index += 2
            case "u" where index + 5 < scalars.count:
                let hex = String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)]))
                if hex.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit }), let value = UInt32(hex, radix: 16),
                   let decoded = Unicode.Scalar(value) {
                    result.append(decoded)
                    index += 6
                } else {
                    result.append(scalar)
                    index += 1
                }
            default:
                result.append(scalar)
                index += 1
            }
        }
        return String(result)
    }
}

/// Columns a string takes in a terminal: East Asian wide characters take two.
public func displayWidth(_ text: some StringProtocol) -> Int {
    var width = 0
    for scalar in text.unicodeScalars {
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
        width += wide ? 2 : 1
    }
    return width
}
