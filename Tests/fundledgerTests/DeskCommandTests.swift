import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import FundTesting
import Testing

/// `fundledger user password` and `fundledger serve` as an administrator runs them.
@Suite struct DeskCommandTests {
    /// Runs the binary with `input` on its standard input.
    static func run(_ arguments: [String], input: String, user: String = "admin") throws -> CLI.Result {
        try BuiltBinary.run(arguments, user: user, input: input)
    }

    static func book() throws -> String {
        let book = try CLI.temporaryFolder() + "/book.sqlite"
        try CLI.run(["init", "--book", book], environment: ["FUNDLEDGER_USER": "admin"])
        try CLI.run(["org", "add", "--code", "CTY-01", "--name", "某某县总工会", "--level", "county", "--book", book],
                    environment: ["FUNDLEDGER_USER": "admin"])
        try CLI.run(["org", "add", "--code", "FED-01", "--name", "某某县物流行业工会联合会", "--level", "federation", "--parent", "CTY-01",
                     "--independent", "--book", book], environment: ["FUNDLEDGER_USER": "admin"])
        try CLI.run(["user", "grant", "王芳", "officer", "--org", "FED-01", "--book", book], environment: ["FUNDLEDGER_USER": "admin"])
        return book
    }

    @Test func anAdministratorSetsADeskPasswordFromStandardInput() throws {
        let book = try Self.book()
        let set = try Self.run(["user", "password", "王芳", "--book", book], input: "correct-horse-7\n")
        #expect(set.status == 0)
        #expect(set.stdout == "王芳 has a new desk password\n")
        let short = try Self.run(["user", "password", "王芳", "--book", book], input: "short\n")
        #expect(short.status == 1)
        #expect(short.stderr.contains("password-too-short"))
        let nobody = try Self.run(["user", "password", "无名", "--book", book], input: "correct-horse-7\n")
        #expect(nobody.status == 1)
        #expect(nobody.stderr.contains("没有任何角色") && nobody.stderr.contains("[bad-role]"))
        let officer = try Self.run(["user", "password", "王芳", "--book", book], input: "correct-horse-7\n", user: "王芳")
        #expect(officer.status == 1)
        #expect(officer.stderr.contains("not-permitted"))
    }

    @Test func serveAnswersAndStopsCleanlyOnSIGTERM() throws {
        let book = try Self.book()
        let port = Int.random(in: 20_000...40_000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["serve", "--book", book, "--port", String(port)]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var status = 0
        for _ in 0..<100 where status != 200 {
            Thread.sleep(forTimeInterval: 0.1)
            status = Self.status("http://127.0.0.1:\(port)/healthz")
        }
        #expect(status == 200)
        #expect(Self.status("http://127.0.0.1:\(port)/orgs/FED-01/vouchers") == 303 || Self.status("http://127.0.0.1:\(port)/login") == 200)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(output.contains("closed"))
    }

    /// The status of a GET, without following redirects; 0 when nothing answers.
    static func status(_ address: String) -> Int {
        final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
            func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                            newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) { completionHandler(nil) }
        }
        final class Box: @unchecked Sendable { var code = 0 }
        let box = Box(), done = DispatchSemaphore(value: 0)
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
        session.dataTask(with: URL(string: address)!) { _, response, _ in
            box.code = (response as? HTTPURLResponse)?.statusCode ?? 0
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 5)
        session.invalidateAndCancel()
        return box.code
    }
}
