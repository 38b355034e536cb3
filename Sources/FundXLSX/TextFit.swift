/// How tall a row must be for its wrapped text to show whole. Spreadsheet programs do not grow a
/// row for wrapped text written by a library, so text wrapped in a narrow column would print over
/// the row below it; the writer estimates the lines from the text's width in the column instead.
public enum TextFit {
    /// The points one line of 10-point 宋体 takes, with its leading.
    public static let lineHeight = 13.5
    /// The row height of one line (libxlsxwriter's default row).
    public static let singleLine = 15.0

    /// The width of `text` in column-width units: a Chinese (or other wide) character takes two,
    /// an ASCII character one.
    public static func width(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value < 0x1100 ? 1 : 2) }
    }

    /// The lines `text` wraps to in a column `columnWidth` units wide: each line of the text
    /// (split at line breaks) takes its width divided by the usable width, rounded up.
    public static func lines(_ text: String, columnWidth: Double) -> Int {
        let usable = max(1, Int(columnWidth) - 1)
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, line in
            total + max(1, (width(line) + usable - 1) / usable)
        }
    }

    /// The height of a row whose wrapped cells hold `cells` (text and its column's width): the
    /// tallest cell's lines, at least one line.
    public static func rowHeight(_ cells: [(text: String, columnWidth: Double)]) -> Double {
        let most = cells.map { lines($0.text, columnWidth: $0.columnWidth) }.max() ?? 1
        return most <= 1 ? singleLine : Double(most) * lineHeight + 3
    }
}
