import Foundation
import FundTesting
import Testing

/// Runs the built `fundledger` binary, as a person would from the repository root.
enum CLI {
    static let root = Golden.root
    static let binary = BuiltBinary.path

    typealias Result = BuiltBinary.Result

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws -> Result {
        try BuiltBinary.run(arguments, user: "测试员", directory: directory, environment: environment)
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
