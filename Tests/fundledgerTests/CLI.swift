import Foundation
import Testing

/// Runs the built `fundledger` binary, as a person would from the repository root.
enum CLI {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/fundledger").path

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env["FUNDLEDGER_USER"] = "测试员"
        env.removeValue(forKey: "FUNDLEDGER_BOOK")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "fundledger-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Compares `actual` with the golden file at `path` (relative to the root). A missing golden
    /// file, or any file under FUNDLEDGER_RECORD=1, is written and the check fails or passes
    /// accordingly, so a new golden is always reviewed before it counts.
    static func assertGolden(_ actual: String, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = root.appendingPathComponent(path)
        let recording = ProcessInfo.processInfo.environment["FUNDLEDGER_RECORD"] == "1"
        guard let expected = try? String(contentsOf: url, encoding: .utf8), !recording else {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if !recording { Issue.record("recorded missing golden file \(path); check it and run again", sourceLocation: sourceLocation) }
            return
        }
        #expect(actual == expected, "output differs from \(path)", sourceLocation: sourceLocation)
    }
}
