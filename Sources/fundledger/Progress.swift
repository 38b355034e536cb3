import Foundation
import FundCore

/// A one-line progress display on standard error: percent, done/total, rate and time left.
/// Silent when standard error is not a terminal, and redrawn at most every 100 ms. Sendable for a
/// copy's task to report through; it is updated from one task at a time, never concurrently.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let unit: String
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(_ label: String, unit: String = "") {
        self.label = label
        self.unit = unit
        enabled = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["FUNDLEDGER_NO_PROGRESS"] == nil
    }

    func update(done: Int64, total: Int64) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || done >= total else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let percent = total > 0 ? Int(Double(done) * 100 / Double(total)) : 0
        let left = rate > 0 && total > done ? Int(Double(total - done) / rate) : 0
        let text = language == .english
            ? "\(label): \(percent)% \(format(done))/\(format(total))\(unit), \(format(Int64(rate)))\(unit)/s, \(left)s left"
            : "\(chineseLabel)：\(percent)% \(format(done))/\(format(total))\(chineseUnit)，每秒 \(format(Int64(rate)))\(chineseUnit)，还需 \(left) 秒"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        drawn = true
    }

    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// The label and unit as a Chinese progress line shows them.
    private var chineseLabel: String { ["importing": "导入中", "exporting": "导出中", "copying": "复制中", "reading": "读取中"][label] ?? label }
    private var chineseUnit: String { unit == " lines" || unit == " rows" ? " 行" : unit }

    private func format(_ value: Int64) -> String {
        if unit == "B" {
            if value >= 1 << 20 { return String(format: "%.1fM", Double(value) / Double(1 << 20)) }
            if value >= 1 << 10 { return String(format: "%.1fK", Double(value) / Double(1 << 10)) }
        }
        return String(value)
    }
}
