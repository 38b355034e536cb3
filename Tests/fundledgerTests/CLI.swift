import Foundation
import FundTesting
import Testing

/// Runs the built `fundledger` binary, as a person would from the repository root.
enum CLI {
    static let root = Golden.root
    static let binary = root.appendingPathComponent(".build/debug/fundledger").path

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory.map { URL(fileURLWithPath: $0) } ?? root
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

    /// A fresh folder holding a new book with one county, 某某县总工会 (CTY-01), as most command
    /// tests start.
    static func countyBook() throws -> (folder: String, book: String) {
        let folder = try temporaryFolder()
        let book = folder + "/book.sqlite"
        #expect(try run(["init", "--book", book]).status == 0)
        #expect(try run(["org", "add", "--book", book, "--code", "CTY-01", "--name", "某某县总工会", "--level", "county"]).status == 0)
        return (folder, book)
    }

    static func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "fundledger-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}
