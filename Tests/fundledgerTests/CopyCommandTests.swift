import Foundation
import Testing

/// `fundledger copy` refusals that need no PostgreSQL server: both sides of one engine, a URL it
/// does not take, a server that is not there. Each in Chinese with its rule id, no password shown,
/// and nothing made. (The copies themselves are tested in FundPostgresTests against a server.)
@Suite struct CopyCommandTests {
    @Test func refusalsNeedNoServerAndShowNoPassword() throws {
        let (folder, book) = try CLI.countyBook()
        let before = try Data(contentsOf: URL(fileURLWithPath: book))
        let cases: [([String], String)] = [
            (["copy", "--from", book, "--to", folder + "/other.sqlite"], "[copy-same-engine]"),
            (["copy", "--from", "postgresql://u:hunter2@h/a", "--to", "postgresql://u:hunter2@h/b"], "[copy-same-engine]"),
            (["copy", "--from", book, "--to", "postgresql://u:hunter2@127.0.0.1:5432/db?sslmode=prefered"], "[postgres-sslmode-invalid]"),
            (["copy", "--from", book, "--to", "postgresql://u:hunter2@127.0.0.1:1/db?sslmode=verify-full&sslrootcert=none/ca.crt"], "[postgres-tls-root-certificate]"),
            (["copy", "--from", book, "--to", "postgresql://u:hunter2@127.0.0.1:5432/db?password=hunter2"], "[postgres-url-invalid]"),
            (["copy", "--from", book, "--to", "postgresql://:hunter2@127.0.0.1/db"], "[postgres-url-invalid]"),
            (["copy", "--from", book, "--to", "postgresql://u:hunter2@127.0.0.1:1/db"], "[postgres-unreachable]"),
            (["copy", "--from", "postgresql://u:hunter2@127.0.0.1:1/db", "--to", folder + "/back.sqlite"], "[postgres-unreachable]"),
            (["copy", "--from", book, "--to", "mysql://u:hunter2@h/db"], "[book-url-not-supported]"),
        ]
        for (arguments, rule) in cases {
            let result = try CLI.run(arguments, environment: ["FUNDLEDGER_NO_PROGRESS": "1"], directory: folder)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("错误：") && result.stderr.contains(rule), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("hunter2") && !result.stdout.contains("hunter2"), "\(arguments): \(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: book)) == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix("book.sqlite") }
        #expect(left.isEmpty, "left \(left)")
        let english = try CLI.run(["copy", "--from", book, "--to", "postgresql://u@h/db?sslmode=prefered", "--lang", "en"], directory: folder)
        #expect(english.stderr.contains("sslmode=prefered is not one this version takes"), "\(english.stderr)")
    }
}
