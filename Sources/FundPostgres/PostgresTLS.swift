import Foundation
import NIOSSL
import PostgresNIO

/// TLS for a connection to a PostgreSQL book, as libpq's `sslmode` and `sslrootcert` ask for it.
extension PostgresAddress {
    /// libpq's default file of trusted authorities, used when the URL gives no `sslrootcert`.
    static let defaultRootCertificate = "~/.postgresql/root.crt"

    /// The TLS postgres-nio opens the connection with: none for `disable`; for `prefer` and
    /// `require` (without `sslrootcert`) encryption without a check of the certificate; for
    /// `verify-ca` a certificate signed by a trusted authority, and for `verify-full` one that
    /// also names the URL's host (a host name, or an IP address in the certificate's names).
    func connectionTLS() throws(PostgresBookError) -> PostgresConnection.Configuration.TLS {
        if tls == .disable { return .disable }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if tls.checksCertificate(rootGiven: rootCertificate != nil) {
            configuration.certificateVerification = tls == .verifyFull ? .fullVerification : .noHostnameVerification
            configuration.trustRoots = try trustRoots()
        } else {
            configuration.certificateVerification = .none
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .tlsRootCertificate(path: rootCertificate ?? Self.defaultRootCertificate, problem: .unusable)
        }
        return tls == .prefer ? .prefer(context) : .require(context)
    }

    /// The authorities a checked certificate must be signed by: the system's (`system`), those
    /// in the file `sslrootcert` names, or those in libpq's default file. A file that is missing
    /// or holds no PEM certificate is refused before anything is connected to.
    func trustRoots() throws(PostgresBookError) -> NIOSSLTrustRoots {
        if rootCertificate == "system" { return .default }
        let shown = rootCertificate ?? Self.defaultRootCertificate
        let path = rootCertificate ?? (NSHomeDirectory() + "/.postgresql/root.crt")
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .tlsRootCertificate(path: shown, problem: FileManager.default.fileExists(atPath: path) ? .unreadable : .missing)
        }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw .tlsRootCertificate(path: shown, problem: .notPEM)
        }
        guard !certificates.isEmpty else { throw .tlsRootCertificate(path: shown, problem: .notPEM) }
        return .certificates(certificates)
    }
}

extension PostgresSession {
    /// A failed connection attempt that was about TLS, as the refusal a person can act on; nil
    /// for any other failure.
    static func tlsFailure(_ error: PSQLError, address: PostgresAddress) -> PostgresBookError? {
        if error.code == .sslUnsupported { return .tlsNotOffered(location: address.redacted) }
        guard let underlying = error.underlying else { return nil }
        switch underlying {
        case is NIOSSLExtraError:
            // The one NIOSSL check of its own on a client: the certificate's names against the host.
            return .tlsHandshakeFailed(location: address.redacted, reason: "the certificate does not name the host")
        case is NIOSSLError, is BoringSSLError:
            return .tlsHandshakeFailed(location: address.redacted, reason: handshakeReason(String(describing: underlying)))
        default:
            return nil
        }
    }

    /// The reason codes of a failed handshake as OpenSSL names them (`CERTIFICATE_VERIFY_FAILED`,
    /// `TLSV1_ALERT_PROTOCOL_VERSION`, …), without the library's source paths and numbers.
    static func handshakeReason(_ text: String) -> String {
        var codes: [String] = []
        var rest = Substring(text)
        while let marker = rest.range(of: "OPENSSL_internal:") {
            let code = rest[marker.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !code.isEmpty, !codes.contains(String(code)) { codes.append(String(code)) }
            rest = rest[marker.upperBound...]
        }
        return codes.isEmpty ? "the handshake did not complete" : codes.joined(separator: ", ")
    }
}
