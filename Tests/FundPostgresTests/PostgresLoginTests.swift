import Foundation
import FundCore
@testable import FundPostgres
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Logging in as libpq does: the password from the URL, `PGPASSWORD` or the password file, a
/// client certificate and key (`sslcert`, `sslkey` or libpq's default files) and `sslmode=allow`.
/// The test server (`scripts/pg/throwaway.sh`) has a role that logs in by password and one that
/// logs in only over TLS with the client certificate beside the server's authority.
@Suite struct PostgresLoginTests {
    static let password = "throwaway-password"

    /// A folder of the test's own, removed by `defer`.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("login-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String, mode: mode_t) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(chmod(path, mode) == 0)
    }

    // MARK: The password file, without a server

    @Test func aPasswordFileLineMatchesAsLibpqs() throws {
        let address = PostgresAddress(user: "finance", host: "db.example", port: 6543, database: "union_books")
        let wanted = [address.host, String(address.port), address.database, address.user].map { Array($0.utf8) }
        let match = { (line: String) in PostgresPassword.match(Array(line.utf8), wanted: wanted) }
        #expect(match("db.example:6543:union_books:finance:s3cret") == "s3cret")
        #expect(match("*:*:*:*:any") == "any")
        #expect(match("db.example:*:*:finance:pa\\:ss\\\\word") == "pa:ss\\word")
        // The password ends at the first unescaped colon; a lone backslash at the end stays.
        #expect(match("*:*:*:finance:with:colons") == "with")
        #expect(match("*:*:*:*:trailing\\") == "trailing\\")
        #expect(match("*:*:*:*:") == "")
        #expect(match("db\\.example:6543:union_books:finance:escaped-dot") == "escaped-dot")
        // An escaped star is a star, not a wildcard.
        #expect(match("\\*:*:*:*:literal-star") == nil)
        #expect(match("db.example:5432:union_books:finance:other-port") == nil)
        #expect(match("db.example:6543:union_books:auditor:other-user") == nil)
        #expect(match("db.example:6543:other_book:finance:other-database") == nil)
        #expect(match("db.example.cn:6543:union_books:finance:longer-host") == nil)
        #expect(match("db.exampl:6543:union_books:finance:shorter-host") == nil)
        #expect(match("# db.example:6543:union_books:finance:comment") == nil)
        #expect(match("db.example:6543:union_books:finance") == nil)
    }

    /// The URL's password first, then `PGPASSWORD`, then the first matching line of the file
    /// `PGPASSFILE` names (else `~/.pgpass` under `HOME`); a file others may read is not read.
    @Test func thePasswordComesFromTheURLTheEnvironmentOrTheFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/passwords"
        try Self.write("# the county's books\nother:*:*:*:no\n127.0.0.1:*:books:finance:from-file\n*:*:*:*:second\n", to: file, mode: 0o600)
        var address = PostgresAddress(user: "finance", host: "127.0.0.1", database: "books")
        let lookUp = { (environment: [String: String]) in PostgresPassword.lookUp(for: address, environment: environment) }
        #expect(lookUp(["PGPASSFILE": file]) == .success("from-file"))
        #expect(lookUp(["PGPASSFILE": file, "PGPASSWORD": "from-environment"]) == .success("from-environment"))
        try FileManager.default.createDirectory(atPath: folder + "/home", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: file, toPath: folder + "/home/.pgpass")
        #expect(lookUp(["HOME": folder + "/home"]) == .success("from-file"))
        #expect(lookUp(["HOME": folder + "/nobody"]) == .failure(.absent(path: "~/.pgpass")))
        #expect(lookUp(["PGPASSFILE": folder + "/none"]) == .failure(.absent(path: folder + "/none")))
        #expect(chmod(file, 0o644) == 0)
        #expect(lookUp(["PGPASSFILE": file]) == .failure(.readableByOthers(path: file, mode: "0644")))
        try Self.write("other:*:*:*:no\n", to: file, mode: 0o600)
        #expect(lookUp(["PGPASSFILE": file]) == .failure(.noLine(path: file)))
        // Windows line ends, an empty password on the first matching line, a folder as the file.
        try Self.write("127.0.0.1:*:books:finance:crlf\r\n*:*:*:*:second\r\n", to: file, mode: 0o600)
        #expect(lookUp(["PGPASSFILE": file]) == .success("crlf"))
        try Self.write("127.0.0.1:*:books:finance:\n*:*:*:*:second\n", to: file, mode: 0o600)
        #expect(lookUp(["PGPASSFILE": file]) == .failure(.emptyPassword(path: file)))
        #expect(lookUp(["PGPASSFILE": folder]) == .failure(.unreadable(path: folder)))
        // An empty password in the URL counts as none, as for libpq.
        address.password = ""
        #expect(lookUp(["PGPASSWORD": "from-environment"]) == .success("from-environment"))
        address.password = "from-url"
        #expect(lookUp(["PGPASSFILE": file, "PGPASSWORD": "from-environment"]) == .success("from-url"))
    }

    @Test func theNewParametersAreRead() throws {
        let address = try PostgresAddress.parse("postgresql://u@h/db?sslmode=allow&sslcert=%2Fetc%2Fme.crt&sslkey=me.key", environment: [:])
        #expect(address.tls == .allow && address.clientCertificate == "/etc/me.crt" && address.clientKey == "me.key")
        #expect(address.rootCertificate == nil && address.redacted == "postgresql://u@h:5432/db")
        #expect(!PostgresAddress.TLSMode.allow.checksCertificate(rootGiven: true))
    }

    // MARK: Against the test server

    /// The test server's files beside its authority (`FUNDLEDGER_TEST_POSTGRES_CA`).
    static func serverFiles(_ test: String = #function) -> (server: PostgresAddress, folder: String)? {
        guard let server = TestServer.address(test), let authority = PostgresTLSTests.authority(test) else { return nil }
        return (server, (authority as NSString).deletingLastPathComponent)
    }

    @Test func aPasswordRoleLogsInWithEachSourceOfItsPassword() async throws {
        guard let (server, _) = Self.serverFiles() else { return }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var address = server
        address.user = "fundledger_password"
        let file = folder + "/pgpass"
        try Self.write("\(address.host):\(address.port):\(address.database):fundledger_password:\(Self.password)\n", to: file, mode: 0o600)
        let home = ["HOME": folder]
        for (password, environment) in [(Self.password, home), (nil, home.merging(["PGPASSWORD": Self.password]) { $1 }),
                                        (nil, home.merging(["PGPASSFILE": file]) { $1 })] {
            address.password = password
            let session = try await PostgresSession.connect(address, environment: environment)
            let rows = try await session.rows("SELECT current_user::text")
            await session.close()
            #expect(rows == [[.text("fundledger_password")]], "\(environment.keys.sorted())")
        }

        // No password anywhere, or only in a file others may read: refused saying where it looked.
        address.password = nil
        #expect(chmod(file, 0o640) == 0)
        for (environment, outcome) in [(home, PostgresBookError.PasswordFileOutcome.absent(path: "~/.pgpass")),
                                       (home.merging(["PGPASSFILE": file]) { $1 }, .readableByOthers(path: file, mode: "0640"))] {
            do {
                let session = try await PostgresSession.connect(address, environment: environment)
                await session.close()
                Issue.record("logged in without a password")
            } catch {
                #expect(error == .passwordMissing(location: address.redacted, user: "fundledger_password", file: outcome), "\(error)")
                #expect(error.category == .notPermitted && error.chinese.hasSuffix("[postgres-password-missing]"), "\(error.chinese)")
                #expect(error.chinese.contains("PGPASSWORD") && error.description.contains("HOST:PORT:DATABASE:USER:PASSWORD"))
            }
        }

        // A wrong password is the server's refusal, and is never shown.
        address.password = "wrong-hunter2"
        do {
            let session = try await PostgresSession.connect(address, environment: home)
            await session.close()
            Issue.record("logged in with a wrong password")
        } catch {
            guard case .loginRefused = error else { Issue.record("\(error)"); return }
            #expect(!error.description.contains("hunter2") && !error.chinese.contains("hunter2"))
        }
    }

    /// The certificate role logs in with `sslcert` and `sslkey`, with libpq's default files under
    /// `HOME`, and with `sslmode=allow` (refused without TLS, it tries again with it).
    @Test func aCertificateRoleLogsInWithItsCertificate() async throws {
        guard let (server, files) = Self.serverFiles() else { return }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let key = folder + "/client.key"
        try FileManager.default.copyItem(atPath: files + "/client.key", toPath: key)
        #expect(chmod(key, 0o600) == 0)
        var address = server
        address.user = "fundledger_certificate"
        address.clientCertificate = files + "/client.crt"
        address.clientKey = key
        let home = ["HOME": folder]
        for mode in [PostgresAddress.TLSMode.allow, .prefer, .require, .verifyFull] {
            address.tls = mode
            address.rootCertificate = mode == .verifyFull ? files + "/ca.crt" : nil
            let session = try await PostgresSession.connect(address, environment: home)
            let rows = try await session.rows("SELECT current_user::text, ssl::int FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            await session.close()
            #expect(rows == [[.text("fundledger_certificate"), .integer(1)]], "\(mode)")
        }

        // The same key encrypted with a passphrase (PKCS #8, and OpenSSL's older form), opened with sslpassword.
        for (name, arguments) in [("pkcs8.key", ["pkcs8", "-topk8", "-v2", "aes-256-cbc"]), ("traditional.key", ["pkey", "-traditional", "-aes256"])] {
            let encrypted = folder + "/" + name
            try Self.openssl(arguments + ["-in", key, "-out", encrypted, "-passout", "pass:pass phrase"])
            #expect(chmod(encrypted, 0o600) == 0)
            var locked = address
            locked.tls = .require
            locked.rootCertificate = nil
            locked.clientKey = encrypted
            locked.clientKeyPassword = "pass phrase"
            let session = try await PostgresSession.connect(locked, environment: home)
            #expect(try await session.rows("SELECT current_user::text") == [[.text("fundledger_certificate")]], "\(name)")
            await session.close()
            for (passphrase, problem) in [(String?.none, PostgresBookError.ClientFileProblem.encrypted), ("wrong", .passphraseRefused),
                                          ("口令", .passphraseNotASCII)] {
                locked.clientKeyPassword = passphrase
                do {
                    let refused = try await PostgresSession.connect(locked, environment: home)
                    await refused.close()
                    Issue.record("logged in with the passphrase \(String(describing: passphrase))")
                } catch {
                    #expect(error == .tlsClientKey(path: encrypted, problem: problem), "\(name): \(error)")
                    #expect(!error.description.contains("pass phrase") && !error.chinese.contains("pass phrase") && !error.description.contains("wrong"))
                }
            }
        }

        // libpq's default files, found under HOME.
        try FileManager.default.createDirectory(atPath: folder + "/.postgresql", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: files + "/client.crt", toPath: folder + "/.postgresql/postgresql.crt")
        try FileManager.default.moveItem(atPath: key, toPath: folder + "/.postgresql/postgresql.key")
        address.clientCertificate = nil
        address.clientKey = nil
        address.tls = .require
        address.rootCertificate = nil
        let session = try await PostgresSession.connect(address, environment: home)
        #expect(try await session.rows("SELECT current_user::text") == [[.text("fundledger_certificate")]])
        await session.close()

        // Without a certificate the server refuses the login; allow on the trust role stays unencrypted.
        do {
            let refused = try await PostgresSession.connect(address, environment: ["HOME": folder + "/nobody"])
            await refused.close()
            Issue.record("logged in without a certificate")
        } catch {
            guard case .loginRefused = error else { Issue.record("\(error)"); return }
        }
        var trusted = server
        trusted.tls = .allow
        #expect(try await PostgresTLSTests.encrypted(trusted) == false)
    }

    /// A key others may read, an encrypted key, a missing key or certificate and a file without
    /// PEM are refused by name before anything is connected to (nothing listens on port 1).
    @Test func unusableClientFilesAreRefusedBeforeConnecting() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = folder + "/made"
        try FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true)
        try Self.makeCertificate(in: files)
        let server = PostgresAddress(user: "fundledger_certificate", host: "127.0.0.1", port: 1, database: "db")
        let key = folder + "/client.key"
        try FileManager.default.copyItem(atPath: files + "/client.key", toPath: key)
        #expect(chmod(key, 0o644) == 0)
        let groupWritable = folder + "/group.key"
        try FileManager.default.copyItem(atPath: files + "/client.key", toPath: groupWritable)
        #expect(chmod(groupWritable, 0o620) == 0)
        let encrypted = folder + "/encrypted.key"
        try Self.write("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n", to: encrypted, mode: 0o600)
        let junk = folder + "/junk.pem"
        try Self.write("not a certificate\n", to: junk, mode: 0o600)
        // The key of another certificate: the two are not a pair.
        let other = folder + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try Self.makeCertificate(in: other)
        #expect(chmod(other + "/client.key", 0o600) == 0)
        let certificate = files + "/client.crt"
        let cases: [(String?, String?, PostgresBookError)] = [
            (certificate, key, .tlsClientKey(path: key, problem: .readableByOthers(mode: "0644"))),
            (certificate, other + "/client.key", .tlsClientCertificate(path: certificate, problem: .unusable)),
            (certificate, groupWritable, .tlsClientKey(path: groupWritable, problem: .readableByOthers(mode: "0620"))),
            (certificate, folder, .tlsClientKey(path: folder, problem: .unreadable)),
            (certificate, encrypted, .tlsClientKey(path: encrypted, problem: .encrypted)),
            (certificate, junk, .tlsClientKey(path: junk, problem: .notPEM)),
            (certificate, folder + "/none.key", .tlsClientKey(path: folder + "/none.key", problem: .missing)),
            (certificate, nil, .tlsClientKey(path: "~/.postgresql/postgresql.key", problem: .missing)),
            (folder + "/none.crt", key, .tlsClientCertificate(path: folder + "/none.crt", problem: .missing)),
            (junk, key, .tlsClientCertificate(path: junk, problem: .notPEM)),
            (nil, key, .tlsClientCertificate(path: "~/.postgresql/postgresql.crt", problem: .missing)),
        ]
        // An encrypted key is refused without its passphrase, with a wrong one, and with one
        // past ASCII; with the right one it opens (and nothing listens on port 1).
        let encryptedKey = folder + "/pkcs8.key"
        try Self.openssl(["pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", files + "/client.key", "-out", encryptedKey, "-passout", "pass:right"])
        #expect(chmod(encryptedKey, 0o600) == 0)
        for (passphrase, expected) in [(String?.none, PostgresBookError.tlsClientKey(path: encryptedKey, problem: .encrypted)),
                                       ("wrong", .tlsClientKey(path: encryptedKey, problem: .passphraseRefused)),
                                       ("口令", .tlsClientKey(path: encryptedKey, problem: .passphraseNotASCII))] {
            var address = server
            address.tls = .require
            address.clientCertificate = certificate
            address.clientKey = encryptedKey
            address.clientKeyPassword = passphrase
            #expect(throws: expected) { _ = try address.clientIdentity(home: folder) }
        }
        var opened = server
        opened.clientCertificate = certificate
        opened.clientKey = encryptedKey
        opened.clientKeyPassword = "right"
        #expect(try opened.clientIdentity(home: folder) != nil)
        for (certificateFile, keyFile, expected) in cases {
            var address = server
            address.password = "hunter2"
            address.tls = .require
            address.clientCertificate = certificateFile
            address.clientKey = keyFile
            do {
                let session = try await PostgresSession.connect(address, environment: ["HOME": folder])
                await session.close()
                Issue.record("connected with \(String(describing: certificateFile)) \(String(describing: keyFile))")
            } catch {
                #expect(error == expected, "\(error)")
                #expect(error.category == .invalidInput && error.chinese.hasSuffix("[\(error.rule)]") && !error.description.contains("hunter2"))
            }
        }
    }

    /// Runs openssl with `arguments`, expecting it to succeed.
    static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openssl \(arguments.first ?? "") failed")
    }

    /// A self-signed client certificate and its key (`client.crt`, `client.key`) made by openssl.
    static func makeCertificate(in folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "req", "-x509", "-new", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                             "-days", "1", "-subj", "/CN=fundledger_certificate", "-keyout", folder + "/client.key", "-out", folder + "/client.crt"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openssl could not make a test certificate")
    }
}
