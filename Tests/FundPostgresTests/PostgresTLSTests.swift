import Foundation
@testable import FundPostgres
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// TLS to the test server (`scripts/pg/throwaway.sh` serves TLS with a certificate for localhost
/// and 127.0.0.1 signed by an authority of its own): each `sslmode` connects as libpq's does, the
/// server confirms the connection is encrypted, and a certificate from another authority or a
/// server without TLS is refused with its rule.
@Suite struct PostgresTLSTests {
    /// The authority that signed the test server's certificate (`FUNDLEDGER_TEST_POSTGRES_CA`).
    static func authority(_ test: String = #function) -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment["FUNDLEDGER_TEST_POSTGRES_CA"], !path.isEmpty else {
            if environment["CI"] != nil {
                Issue.record("FUNDLEDGER_TEST_POSTGRES_CA is not set under CI: .ci/run exports the test server's authority")
            } else {
                print("skipped \(test): FUNDLEDGER_TEST_POSTGRES_CA is not set (scripts/pg/with_server.sh sets it)")
            }
            return nil
        }
        return path
    }

    /// Whether the server sees this connection as encrypted.
    static func encrypted(_ address: PostgresAddress) async throws -> Bool {
        try await TestServer.using(address) { session in
            let rows = try await session.rows("SELECT ssl::int FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            return rows.first?.first == .integer(1)
        }
    }

    @Test func eachModeConnectsAsLibpqDoes() async throws {
        guard let server = TestServer.address(), let authority = Self.authority() else { return }
        var address = server
        let cases: [(PostgresAddress.TLSMode, String?, String, Bool)] = [
            (.disable, nil, "127.0.0.1", false),
            (.prefer, nil, "127.0.0.1", true),
            (.require, nil, "127.0.0.1", true),
            (.require, authority, "localhost", true),
            (.verifyCA, authority, "127.0.0.1", true),
            (.verifyFull, authority, "127.0.0.1", true),
            (.verifyFull, authority, "localhost", true),
        ]
        for (mode, root, host, expected) in cases {
            address.tls = mode
            address.rootCertificate = root
            address.host = host
            #expect(try await Self.encrypted(address) == expected, "\(mode) \(host)")
        }
    }

    @Test func aCertificateFromAnotherAuthorityIsRefused() async throws {
        guard let server = TestServer.address(), let authority = Self.authority() else { return }
        let other = (authority as NSString).deletingLastPathComponent + "/other-ca.crt"
        for mode in [PostgresAddress.TLSMode.verifyCA, .verifyFull, .require] {
            var address = server
            address.tls = mode
            address.rootCertificate = other
            do {
                _ = try await Self.encrypted(address)
                Issue.record("\(mode) connected with a certificate the authority did not sign")
            } catch let error as PostgresBookError {
                guard case let .tlsHandshakeFailed(location, reason) = error else { Issue.record("\(mode): \(error)"); continue }
                #expect(location == server.redacted && reason == "CERTIFICATE_VERIFY_FAILED", "\(reason)")
                #expect(error.chinese.contains("TLS") && error.chinese.hasSuffix("[postgres-tls-handshake-failed]"), "\(error.chinese)")
            }
        }
    }

    /// A server that answers the TLS request with "N" (no TLS): `require` and stricter refuse,
    /// `prefer` goes on without TLS (and here finds no PostgreSQL behind it).
    @Test func aServerWithoutTLSIsRefusedWhenTLSIsRequired() async throws {
        let listener = try NoTLSListener()
        defer { listener.close() }
        for mode in [PostgresAddress.TLSMode.require, .verifyFull] {
            let address = PostgresAddress(user: "u", password: "hunter2", host: "127.0.0.1", port: listener.port, database: "db", tls: mode,
                                          rootCertificate: mode == .verifyFull ? Self.authority() ?? "system" : nil)
            do {
                let session = try await PostgresSession.connect(address)
                await session.close()
                Issue.record("\(mode) connected without TLS")
            } catch {
                #expect(error == .tlsNotOffered(location: address.redacted), "\(mode): \(error)")
                #expect(error.chinese.hasSuffix("[postgres-tls-not-offered]") && !error.description.contains("hunter2"))
            }
        }
    }
}

/// A listener on 127.0.0.1 that answers each connection's first message (PostgreSQL's TLS
/// request) with "N", as a server without TLS does, then closes it.
final class NoTLSListener: @unchecked Sendable {
    let port: Int
    private let socket: Int32
    private let thread: Thread

    init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && listen(socket, 8) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { Glibc.close(socket); throw POSIXError(.EADDRINUSE) }
        self.socket = socket
        self.port = Int(UInt16(bigEndian: address.sin_port))
        thread = Thread {
            while true {
                let client = accept(socket, nil, nil)
                guard client >= 0 else { return }
                var request = [UInt8](repeating: 0, count: 8)
                _ = read(client, &request, 8)
                var answer = UInt8(ascii: "N")
                _ = write(client, &answer, 1)
                Glibc.close(client)
            }
        }
        thread.start()
    }

    /// Stops listening; the thread's `accept` then fails and it ends.
    func close() {
        shutdown(socket, Int32(SHUT_RDWR))
        Glibc.close(socket)
    }
}
