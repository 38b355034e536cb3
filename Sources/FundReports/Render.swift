import Foundation
import FundCore

/// How a report is printed: aligned for people, CSV or JSON for programs.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json
}

/// Plain-text rendering shared by every report.
public enum Render {
    /// A table aligned by display width (a Han character takes two columns). Columns listed in
    /// `rightAligned` (amounts) are padded on the left.
    public static func table(headers: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let rows = rows.map { $0.map { neutralized(terminalSafe($0)) } }
        var widths = headers.map(displayWidth)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], displayWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[index] - displayWidth(cell)))
                parts.append(rightAligned.contains(index) ? padding + cell : cell + padding)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV with a header row; fields with commas, quotes or newlines are quoted.
    public static func csv(headers: [String], rows: [[String]]) -> String {
        func field(_ text: String) -> String {
            if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return text
        }
        return ([headers] + rows.map { $0.map(neutralized) }).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A text cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`,
    /// a tab or a carriage return) gets a leading apostrophe, so that opening the CSV runs
    /// nothing. Amounts (`-1,234.56`) and other plain numbers are left as they are.
    public static func neutralized(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return cell }
        if isNumber(cell) { return cell }
        return "'" + cell
    }

    /// Text for a terminal: control characters (C0, DEL, C1) and the bidirectional controls,
    /// which could move the cursor or reorder what is shown, become U+FFFD.
    public static func terminalSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(isControl(scalar) ? "\u{FFFD}" : scalar) }
        return String(result)
    }

    /// What the book refuses in text (`TextRules`), and the C1 controls a terminal also obeys.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        TextRules.isRefused(scalar) || (0x80...0x9F).contains(scalar.value)
    }

    /// A signed decimal number with optional thousands separators: an amount, a count.
    static func isNumber(_ cell: String) -> Bool {
        var digits = 0, point = false
        for (index, character) in cell.enumerated() {
            switch character {
            case "-" where index == 0, "+" where index == 0: continue
            case "0"..."9": digits += 1
            case "," where !point && digits > 0: continue
            case "." where !point && digits > 0: point = true
            default: return false
            }
        }
        return digits > 0
    }

    /// A JSON string literal.
    public static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A JSON object with keys in the given order; values are already JSON text.
    public static func jsonObject(_ pairs: [(String, String)], indent: String = "") -> String {
        if pairs.isEmpty { return "{}" }
        let inner = indent + "  "
        return "{\n" + pairs.map { inner + jsonString($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n" + indent + "}"
    }

    public static func jsonArray(_ items: [String], indent: String = "") -> String {
        if items.isEmpty { return "[]" }
        let inner = indent + "  "
        return "[\n" + items.map { inner + $0 }.joined(separator: ",\n") + "\n" + indent + "]"
    }

    /// An amount for tables: grouped, blank when zero.
    public static func amount(_ fen: Int64, blankZero: Bool = true) -> String {
        fen == 0 && blankZero ? "" : Money(fen: fen).grouped
    }
}
