import Foundation

/// The `fundledger` binary of the debug build, run as a person runs it: arguments, the acting
/// user, a working folder, and an environment without the book or key a developer's shell may
/// have set.
public enum BuiltBinary {
    public static let path = Golden.root.appendingPathComponent(".build/debug/fundledger").path

    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs the binary as `user` in `directory` (the repository root by default). `environment`
    /// is set over the test's own; the names in `removing` (FUNDLEDGER_BOOK always) are taken out.
    /// `input`, when given, is written to the binary's standard input, which is then closed.
    public static func run(_ arguments: [String], user: String, directory: String? = nil,
                           environment: [String: String] = [:], removing: [String] = [], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory.map { URL(fileURLWithPath: $0) } ?? Golden.root
        var env = ProcessInfo.processInfo.environment
        env["FUNDLEDGER_USER"] = user
        for name in ["FUNDLEDGER_BOOK"] + removing { env.removeValue(forKey: name) }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe(), out = Pipe(), err = Pipe()
        if input != nil { process.standardInput = stdin }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // Both pipes are read before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
