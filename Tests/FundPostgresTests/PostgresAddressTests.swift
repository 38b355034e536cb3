import Foundation
import FundCore
@testable import FundPostgres
import Testing

/// Book URLs: what is taken, what is refused and why, and the password never in any text.
@Suite struct PostgresAddressTests {
    @Test func aFullURLIsReadPart() throws {
        let address = try PostgresAddress.parse("postgresql://finance:s3cr%40t@db.example:6543/union_books?sslmode=disable", environment: [:])
        #expect(address.user == "finance")
        #expect(address.password == "s3cr@t")
        #expect(address.host == "db.example")
        #expect(address.port == 6543)
        #expect(address.database == "union_books")
        #expect(address.redacted == "postgresql://finance@db.example:6543/union_books")
        #expect("\(address)" == address.redacted)
    }

    @Test func defaultsAndOtherForms() throws {
        let plain = try PostgresAddress.parse("postgres://ledger@127.0.0.1/book", environment: [:])
        #expect(plain.port == 5432 && plain.password == nil && plain.database == "book")
        let ipv6 = try PostgresAddress.parse("postgresql://ledger@[::1]:5433/book", environment: [:])
        #expect(ipv6.host == "::1" && ipv6.port == 5433)
        #expect(ipv6.redacted == "postgresql://ledger@[::1]:5433/book")
        #expect(try PostgresAddress.parse("POSTGRESQL://u@h/%E5%B7%A5%E4%BC%9A", environment: [:]).database == "工会")
        #expect(PostgresAddress.isAddress("postgresql://u@h/db") && PostgresAddress.isAddress("postgres://u@h/db"))
        #expect(!PostgresAddress.isAddress("ledgers/fundledger.sqlite") && !PostgresAddress.isAddress("mysql://u@h/db"))
    }

    /// libpq's `sslmode` and `sslrootcert`: a URL without `sslmode` prefers TLS, as psql does.
    @Test func tlsParametersAreLibpqs() throws {
        #expect(try PostgresAddress.parse("postgresql://u@h/db", environment: [:]).tls == .prefer)
        for mode in PostgresAddress.TLSMode.allCases {
            let address = try PostgresAddress.parse("postgresql://u@h/db?sslmode=\(mode.rawValue)", environment: [:])
            #expect(address.tls == mode && address.rootCertificate == nil)
        }
        let checked = try PostgresAddress.parse("postgresql://u@h/db?sslrootcert=%2Fetc%2Fpki%2Fca%20one.pem&sslmode=verify-full", environment: [:])
        #expect(checked.tls == .verifyFull && checked.rootCertificate == "/etc/pki/ca one.pem")
        #expect(checked.redacted == "postgresql://u@h:5432/db")
        // Only the modes that check the certificate read the authorities; require does once they are given.
        #expect(!PostgresAddress.TLSMode.prefer.checksCertificate(rootGiven: true))
        #expect(!PostgresAddress.TLSMode.require.checksCertificate(rootGiven: false))
        #expect(PostgresAddress.TLSMode.require.checksCertificate(rootGiven: true))
        #expect(PostgresAddress.TLSMode.verifyCA.checksCertificate(rootGiven: false))
    }

    /// A file of authorities that is missing or holds no certificate is refused before anything
    /// is connected to, naming the file.
    @Test func unreadableRootsAreRefusedBeforeConnecting() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roots-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "not a certificate\n".write(toFile: folder + "/junk.pem", atomically: true, encoding: .utf8)
        for (file, problem) in [(folder + "/missing.pem", PostgresBookError.RootCertificateProblem.missing), (folder + "/junk.pem", .notPEM)] {
            let address = try PostgresAddress.parse("postgresql://u:hunter2@127.0.0.1:1/db?sslmode=verify-ca&sslrootcert=\(file)", environment: [:])
            do {
                let session = try await PostgresSession.connect(address)
                await session.close()
                Issue.record("connected with \(file)")
            } catch {
                #expect(error == .tlsRootCertificate(path: file, problem: problem), "\(error)")
                #expect(error.chinese.contains("无法从") && error.chinese.hasSuffix("[postgres-tls-root-certificate]"))
                #expect(error.category == .invalidInput && !error.description.contains("hunter2"))
            }
        }
    }

    /// Each broken URL, the refusal it gets; the password `hunter2` appears in none of the texts.
    @Test func brokenURLsAreRefusedWithoutThePassword() {
        let cases: [(String, PostgresBookError)] = [
            ("mysql://u:hunter2@h/db", .address(.notPostgreSQL)),
            ("postgresql://h/db", .address(.missingUser)),
            ("postgresql://:hunter2@h/db", .address(.missingUser)),
            ("postgresql://u:hunter2@/db", .address(.missingHost)),
            ("postgresql://u:hunter2@h", .address(.missingDatabase)),
            ("postgresql://u:hunter2@h/", .address(.missingDatabase)),
            ("postgresql://u:hunter2@h:0/db", .address(.badPort("0"))),
            ("postgresql://u:hunter2@h:70000/db", .address(.badPort("70000"))),
            ("postgresql://u:hunter2@h:54x/db", .address(.badPort("54x"))),
            ("postgresql://u:hunter2@h o/db", .address(.badHost)),
            ("postgresql://u:hunter2@[::1/db", .address(.badHost)),
            ("postgresql://u:hunt%zzer2@h/db", .address(.badEscape(.password))),
            ("postgresql://u:hunter2@h/a/b", .address(.badDatabase)),
            ("postgresql://u:hunter2@h/db?sslmode=Allow", .sslModeUnknown("Allow")),
            ("postgresql://u:hunter2@h/db?sslmode=Require", .sslModeUnknown("Require")),
            ("postgresql://u:hunter2@h/db?sslmode=", .sslModeUnknown("")),
            ("postgresql://u:hunter2@h/db?sslmode=require&sslmode=disable", .address(.repeatedParameter("sslmode"))),
            ("postgresql://u:hunter2@h/db?sslrootcert=", .address(.emptyParameter("sslrootcert"))),
            ("postgresql://u:hunter2@h/db?sslrootcert=%zz", .address(.badEscape(.parameter))),
            ("postgresql://u@h/db?password=hunter2", .address(.unknownParameter("password"))),
            ("postgresql://u:hunter2@h/db?sslcert=a.crt&sslcert=b.crt", .address(.repeatedParameter("sslcert"))),
            ("postgresql://u:hunter2@h/db?sslkey=", .address(.emptyParameter("sslkey"))),
            ("postgresql://u:hunter2@h/db?sslmode=disable&sslcert=a.crt", .address(.clientCertificateWithoutTLS)),
            ("postgresql://u:hunter2@h/db?sslkey=a.key&sslmode=disable", .address(.clientCertificateWithoutTLS)),
            ("postgresql://u:hunter2@h/db?sslmode=disable&sslpassword=x", .address(.clientCertificateWithoutTLS)),
            ("postgresql://u:hunter2@h/db?sslpassword=", .address(.emptyParameter("sslpassword"))),
            ("postgresql://u:hunter2@h/db?application_name=x", .address(.unknownParameter("application_name"))),
        ]
        for (url, expected) in cases {
            do {
                let address = try PostgresAddress.parse(url, environment: [:])
                Issue.record("\(url) was taken as \(address)")
            } catch {
                #expect(error == expected, "\(url)")
                for text in [error.description, error.chinese, error.text(.english)] {
                    #expect(!text.contains("hunter2"), "\(url): \(text)")
                    #expect(text.hasSuffix("[\(error.rule)]"), "\(url): \(text)")
                }
                #expect(error.category == .invalidInput)
            }
        }
    }

    /// What the URL leaves out comes from libpq's variables; what it gives wins; an empty
    /// variable counts as unset; a variable's bad value is refused naming the variable.
    @Test func theEnvironmentFillsInWhatTheURLLeavesOut() throws {
        let environment = ["PGUSER": "finance", "PGHOST": "db.example", "PGPORT": "6543", "PGDATABASE": "union_books",
                           "PGSSLMODE": "verify-full", "PGSSLROOTCERT": "/etc/ca.crt", "PGSSLCERT": "/etc/me.crt", "PGSSLKEY": "/etc/me.key"]
        let filled = try PostgresAddress.parse("postgresql://", environment: environment)
        #expect(filled == PostgresAddress(user: "finance", host: "db.example", port: 6543, database: "union_books", tls: .verifyFull,
                                          rootCertificate: "/etc/ca.crt", clientCertificate: "/etc/me.crt", clientKey: "/etc/me.key"))
        let given = try PostgresAddress.parse("postgresql://u:hunter2@h:5433/db?sslmode=require&sslkey=k.key&sslpassword=p%40ss", environment: environment)
        #expect(given == PostgresAddress(user: "u", password: "hunter2", host: "h", port: 5433, database: "db", tls: .require,
                                         rootCertificate: "/etc/ca.crt", clientCertificate: "/etc/me.crt", clientKey: "k.key", clientKeyPassword: "p@ss"))
        #expect(!given.redacted.contains("p@ss") && !"\(given)".contains("p@ss"))
        let empty = ["PGUSER": "", "PGHOST": "", "PGPORT": "", "PGDATABASE": "", "PGSSLMODE": ""]
        #expect(try PostgresAddress.parse("postgresql://u@h/db", environment: empty) == PostgresAddress(user: "u", host: "h", database: "db"))
        // A URL that turns TLS off is not refused for a certificate the environment names.
        #expect(try PostgresAddress.parse("postgresql://u@h/db?sslmode=disable", environment: environment).tls == .disable)
        let refusals: [([String: String], PostgresBookError)] = [
            (["PGPORT": "70000"], .address(.environment(variable: "PGPORT", value: "70000"))),
            (["PGHOST": "/var/run/postgresql"], .address(.environment(variable: "PGHOST", value: "/var/run/postgresql"))),
            (["PGHOST": "a.example,b.example"], .address(.environment(variable: "PGHOST", value: "a.example,b.example"))),
            (["PGSSLMODE": "Require"], .address(.environment(variable: "PGSSLMODE", value: "Require"))),
        ]
        for (variables, expected) in refusals {
            do {
                let address = try PostgresAddress.parse("postgresql://u@/db", environment: variables.merging(["PGHOST": "h"]) { mine, _ in mine })
                Issue.record("\(variables) was taken as \(address)")
            } catch {
                #expect(error == expected, "\(variables)")
                for (name, value) in variables { #expect(error.description.contains("\(name) gives") && error.description.contains(value), "\(error.description)") }
                #expect(error.chinese.contains("环境变量") && error.chinese.hasSuffix("[postgres-url-invalid]"), "\(error.chinese)")
                #expect(error.description.contains("correct or unset") && !error.description.contains("not one FundLedger reads"), "\(error.description)")
            }
        }
        #expect(throws: PostgresBookError.address(.missingHost)) { try PostgresAddress.parse("postgresql://u@/db", environment: ["PGUSER": "x"]) }
        // PGSSLMODE=disable contradicts a certificate the URL names, as sslmode=disable does.
        #expect(throws: PostgresBookError.address(.clientCertificateWithoutTLS)) {
            try PostgresAddress.parse("postgresql://u@h/db?sslcert=a.crt", environment: ["PGSSLMODE": "disable"])
        }
    }

    /// A /, ? or # left in a password cuts the user information short; with PGUSER set the rest
    /// must not be taken for a host or port, which a message would show.
    @Test func aPasswordCutShortIsRefusedWithoutShowingAnyOfIt() {
        for url in ["postgresql://finance:Pa55#Zq9k@db/books", "postgresql://finance:Pa55/Zq9k@db/books", "postgresql://finance:2024?Zq9k@db/books",
                    "postgresql://Pa55Zq9k@db/books#x@y"] {
            do {
                let address = try PostgresAddress.parse(url, environment: ["PGUSER": "finance", "PGHOST": "db", "PGDATABASE": "books"])
                if url.hasSuffix("#x@y") { #expect(address.user == "Pa55Zq9k"); continue }
                Issue.record("\(url) was taken as \(address)")
            } catch {
                #expect(error == .address(.unescapedUserInformation), "\(url): \(error)")
                for text in [error.description, error.chinese] { #expect(!text.contains("Pa55") && !text.contains("2024") && !text.contains("Zq9k"), "\(text)") }
            }
        }
    }

    /// OpenSSL's reason codes without the library's file paths and error numbers.
    @Test func handshakeReasonsAreOpenSSLsCodes() {
        let text = "sslError([Error: 268435581 error:1000007d:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED at /x/handshake.cc:320])"
        #expect(PostgresSession.handshakeReason(text) == "CERTIFICATE_VERIFY_FAILED")
        #expect(PostgresSession.handshakeReason("eof") == "the handshake did not complete")
    }

    @Test func connectionRefusalsNameTheAddressWithoutThePassword() async {
        // A port nothing listens on: the refusal names the server without the password.
        let address = try! PostgresAddress.parse("postgresql://u:hunter2@127.0.0.1:1/db", environment: [:])
        do {
            let session = try await PostgresSession.connect(address)
            await session.close()
            Issue.record("connected to port 1")
        } catch {
            guard case let .unreachable(location, _) = error else { Issue.record("expected unreachable, got \(error)"); return }
            #expect(location == "postgresql://u@127.0.0.1:1/db")
            #expect(!error.description.contains("hunter2") && !error.chinese.contains("hunter2"))
            #expect(error.chinese.contains("无法连接") && error.chinese.hasSuffix("[postgres-unreachable]"))
        }
    }
}
