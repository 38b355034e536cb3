import Foundation
import Testing

/// Golden files: what a person reads (reports, CLI output, error text, workbook XML) is compared
/// with a file kept beside the tests. A missing file is written and the test fails, so every new
/// golden file is looked at before it counts; FUNDLEDGER_RECORD=1 rewrites them all.
public enum Golden {
    /// The repository root, found from this file's place in Sources/FundTesting.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Compares `actual` with the golden file at `path`, relative to the repository root.
    public static func assert(_ actual: String, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = root.appendingPathComponent(path)
        let recording = ProcessInfo.processInfo.environment["FUNDLEDGER_RECORD"] == "1"
        guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if !recording { Issue.record("recorded missing golden file \(path); check it and run again", sourceLocation: sourceLocation) }
            return
        }
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualLines.count, expectedLines.count)
            let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
            let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
            Issue.record("output differs from \(path) at line \(first + 1):\n  got:  \(got)\n  want: \(want)\n(FUNDLEDGER_RECORD=1 rewrites golden files)",
                         sourceLocation: sourceLocation)
        }
    }
}
