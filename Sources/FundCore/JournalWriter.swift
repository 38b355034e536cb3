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
        if !line.summary.isEmpty { tags.append("memo:" + sanitize(line.summary)) }
        return tags
    }

    /// Text that would break the line structure (';', ',', newlines) is replaced so that the
    /// written journal always parses.
    static func sanitize(_ text: String) -> String {
        String(text.map { character -> Character in
            switch character {
            case ";": return "；"
            case ",": return "，"
            case "\n", "\r", "\t": return " "
            default: return character
            }
        })
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
