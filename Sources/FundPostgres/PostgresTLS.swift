import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NIOSSL
import PostgresNIO

/// TLS for a connection to a PostgreSQL book, as libpq's `sslmode`, `sslrootcert`, `sslcert` and
/// `sslkey` ask for it.
extension PostgresAddress {
    /// libpq's default file of trusted authorities, used when the URL gives no `sslrootcert`.
    static let defaultRootCertificate = "~/.postgresql/root.crt"
    /// libpq's default client certificate and key, used when the URL gives no `sslcert`.
    static let defaultClientCertificate = "~/.postgresql/postgresql.crt"
    static let defaultClientKey = "~/.postgresql/postgresql.key"

    /// The TLS postgres-nio opens the connection with: none for `disable`; for `allow`, `prefer`
    /// and `require` (without `sslrootcert`) encryption without a check of the certificate; for
    /// `verify-ca` a certificate signed by a trusted authority, and for `verify-full` one that
    /// also names the URL's host (a host name, or an IP address in the certificate's names). The
    /// client's certificate and key go with it when the URL names them or libpq's default
    /// certificate exists under `home`. `allow` gets the TLS of its second attempt.
    func connectionTLS(home: String) throws(PostgresBookError) -> PostgresConnection.Configuration.TLS {
        if tls == .disable { return .disable }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if tls.checksCertificate(rootGiven: rootCertificate != nil) {
            configuration.certificateVerification = tls == .verifyFull ? .fullVerification : .noHostnameVerification
            configuration.trustRoots = try trustRoots(home: home)
        } else {
            configuration.certificateVerification = .none
        }
        if let identity = try clientIdentity(home: home) {
            configuration.certificateChain = identity.chain.map { .certificate($0) }
            configuration.privateKey = .privateKey(identity.key)
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            if configuration.privateKey != nil {
                throw .tlsClientCertificate(path: clientCertificate ?? Self.defaultClientCertificate, problem: .unusable)
            }
            throw .tlsRootCertificate(path: rootCertificate ?? Self.defaultRootCertificate, problem: .unusable)
        }
        // `allow` takes TLS only on its second attempt, and then as `prefer` does: a server
        // without TLS gets the same login again, so its refusal is the one reported.
        return tls == .prefer || tls == .allow ? .prefer(context) : .require(context)
    }

    /// The TLS of each connection attempt in turn: for `allow`, first none, then TLS when the
    /// server refused that login (`PostgresBookError.refusedWithoutTLS`); for every other mode
    /// the one `connectionTLS` gives.
    func connectionAttempts(home: String) throws(PostgresBookError) -> [PostgresConnection.Configuration.TLS] {
        let tls = try connectionTLS(home: home)
        return self.tls == .allow ? [.disable, tls] : [tls]
    }

    /// The client's certificate chain and key: those the URL names, or libpq's defaults when the
    /// default certificate exists; nil when neither. A named file that is missing, a key that
    /// others may read (as libpq: mode 600 or less for the user's own key, 640 for root's), an
    /// encrypted key without `sslpassword` or with one that does not decrypt it, and a file
    /// without PEM are refused before anything is connected to.
    func clientIdentity(home: String) throws(PostgresBookError) -> (chain: [NIOSSLCertificate], key: NIOSSLPrivateKey)? {
        let certificatePath = clientCertificate ?? home + "/.postgresql/postgresql.crt"
        let shownCertificate = clientCertificate ?? Self.defaultClientCertificate
        if clientCertificate == nil, clientKey == nil, !FileManager.default.fileExists(atPath: certificatePath) { return nil }
        guard FileManager.default.isReadableFile(atPath: certificatePath) else {
            let problem: PostgresBookError.ClientFileProblem = FileManager.default.fileExists(atPath: certificatePath) ? .unreadable : .missing
            throw .tlsClientCertificate(path: shownCertificate, problem: problem)
        }
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMFile(certificatePath) } catch {
            throw .tlsClientCertificate(path: shownCertificate, problem: .notPEM)
        }
        guard !chain.isEmpty else { throw .tlsClientCertificate(path: shownCertificate, problem: .notPEM) }

        let keyPath = clientKey ?? home + "/.postgresql/postgresql.key"
        let shownKey = clientKey ?? Self.defaultClientKey
        let file: PrivateFile
        switch PrivateFile.read(keyPath) {
        case let .success(read): file = read
        case .failure(.missing): throw .tlsClientKey(path: shownKey, problem: .missing)
        case .failure: throw .tlsClientKey(path: shownKey, problem: .unreadable)
        }
        // libpq's rule: the user's own key readable by its owner only, a key owned by root by
        // root and its group at most (0640).
        let othersMay: mode_t = file.owner == 0 ? (S_IWGRP | S_IXGRP | S_IRWXO) : (S_IRWXG | S_IRWXO)
        if file.mode & othersMay != 0 {
            throw .tlsClientKey(path: shownKey, problem: .readableByOthers(mode: PrivateFile.octal(file.mode)))
        }
        // An encrypted key (PKCS #8 `ENCRYPTED PRIVATE KEY`, or the older `Proc-Type: 4,ENCRYPTED`)
        // is opened with `sslpassword`, and refused without it.
        guard String(decoding: file.bytes, as: UTF8.self).contains("ENCRYPTED") else {
            do { return (chain, try NIOSSLPrivateKey(bytes: file.bytes, format: .pem)) } catch {
                throw .tlsClientKey(path: shownKey, problem: .notPEM)
            }
        }
        guard let passphrase = clientKeyPassword else { throw .tlsClientKey(path: shownKey, problem: .encrypted) }
        // The TLS library hands the passphrase to BoringSSL as C chars and stops the program on
        // a byte past ASCII: such a passphrase is refused here instead.
        guard passphrase.utf8.allSatisfy({ $0 < 0x80 }) else { throw .tlsClientKey(path: shownKey, problem: .passphraseNotASCII) }
        do {
            return (chain, try NIOSSLPrivateKey(bytes: file.bytes, format: .pem) { (set: NIOSSLPassphraseSetter<[UInt8]>) in set(Array(passphrase.utf8)) })
        } catch {
            // A wrong passphrase, one the library drops (1,024 bytes or more), or an encryption
            // BoringSSL does not read: all leave the key shut.
            throw .tlsClientKey(path: shownKey, problem: .passphraseRefused)
        }
    }

    /// The authorities a checked certificate must be signed by: the system's (`system`), those
    /// in the file `sslrootcert` names, or those in libpq's default file. A file that is missing
    /// or holds no PEM certificate is refused before anything is connected to.
    func trustRoots(home: String) throws(PostgresBookError) -> NIOSSLTrustRoots {
        if rootCertificate == "system" { return .default }
        let shown = rootCertificate ?? Self.defaultRootCertificate
        let path = rootCertificate ?? (home + "/.postgresql/root.crt")
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
