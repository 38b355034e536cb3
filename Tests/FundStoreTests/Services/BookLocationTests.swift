import Foundation
import FundCore
@testable import FundStore
import Testing

/// A `--book` that is an address (`postgresql://…`, any `scheme://`) is refused as such, never
/// taken for a relative path: nothing is made, and the password in the address is never shown.
@Suite struct BookLocationTests {
    /// Runs `body` and returns whether it left a folder named `name` (the scheme and its colon,
    /// what a URL taken for a relative path would make) in the current folder.
    func leavesFolder(_ name: String, _ body: () throws -> Void) rethrows -> Bool {
        let existed = FileManager.default.fileExists(atPath: name)
        try body()
        return !existed && FileManager.default.fileExists(atPath: name)
    }

    func refusal(_ body: () throws -> Void) -> BookError? {
        do { try body(); return nil } catch let error as BookError { return error } catch { return nil }
    }

    @Test func schemesAreAddressesAndPathsAreNot() {
        #expect(BookLocation.scheme(of: "postgresql://u@h/db") == "postgresql")
        #expect(BookLocation.scheme(of: "postgres+psycopg://h/db") == "postgres+psycopg")
        #expect(BookLocation.scheme(of: "mysql://h/db") == "mysql")
        #expect(BookLocation.scheme(of: "file:///srv/book.sqlite") == "file")
        #expect(BookLocation.scheme(of: "ledgers/fundledger.sqlite") == nil)
        #expect(BookLocation.scheme(of: "/srv/books/工会.sqlite") == nil)
        #expect(BookLocation.scheme(of: "C:\\books\\a.sqlite") == nil)
        #expect(BookLocation.scheme(of: "账套://a") == nil)
        #expect(BookLocation.scheme(of: "books/a://b.sqlite") == nil)
    }

    @Test func createAndOpenRefuseAnAddressAndMakeNothing() throws {
        let url = "postgresql://finance:s3cret@db.example:5432/union?sslmode=require&password=other"
        var errors: [BookError?] = []
        let left = leavesFolder("postgresql:") {
            errors.append(refusal { _ = try Store.create(at: url, administrator: "admin") })
            errors.append(refusal { _ = try Store.open(at: url) })
            errors.append(refusal { _ = try Store.open(at: url, connections: .readOnly) })
        }
        #expect(!left, "no folder is made for an address")
        for error in errors {
            guard case let .bookURLNotSupported(scheme, location)? = error else {
                Issue.record("expected book-url-not-supported, got \(String(describing: error))")
                continue
            }
            #expect(scheme == "postgresql")
            #expect(location == "postgresql://db.example:5432/union")
            let chinese = error!.text(.chinese)
            #expect(chinese.contains("只读的命令（报表、列表、导出、`verify`、`backup`）都能读取"))
            #expect(chinese.hasSuffix("[book-url-not-supported]"))
            #expect(error!.description.contains("read by every command that only reads (reports, lists, exports, `verify`, `backup`)"))
            #expect(!chinese.contains("s3cret") && !error!.description.contains("s3cret") && !chinese.contains("other"))
            #expect(error!.category == .invalidInput)
        }
    }

    @Test func restoreRefusesAnAddressBeforeLookingAtTheBackup() throws {
        var error: BookError?
        let left = leavesFolder("mysql:") {
            error = refusal { _ = try BackupService.restore(from: "missing.sqlite", to: "mysql://h/db", as: "admin") }
        }
        #expect(!left)
        guard case .bookURLNotSupported(scheme: "mysql", location: "mysql://h/db")? = error else {
            Issue.record("expected book-url-not-supported, got \(String(describing: error))")
            return
        }
        #expect(error!.text(.chinese).contains("mysql 地址"))
    }
}
