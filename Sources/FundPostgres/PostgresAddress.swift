import FundCore

/// Where a PostgreSQL book lives: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, with
/// `sslmode`, `sslrootcert`, `sslcert` and `sslkey` after it as libpq takes them
/// (`?sslmode=verify-full&sslrootcert=…`). The password is kept to log in with and is never part
/// of any text: `description` and `redacted` leave it out, as every message does. A URL without a
/// password logs in with `PGPASSWORD` or a line of the password file (`PostgresPassword`).
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    /// The role to log in as.
    public var user: String
    /// The role's password, when the URL gives one (a server with `trust` or a `.pgpass` needs none).
    public var password: String?
    /// A host name, an IPv4 address, or an IPv6 address without its brackets.
    public var host: String
    public var port: Int
    public var database: String
    /// Whether and how the connection is encrypted and the server's certificate checked.
    public var tls: TLSMode
    /// `sslrootcert`: the file of the certificate authorities that sign the server's certificate,
    /// `system` for the system's trusted roots, or nil for libpq's default file
    /// `~/.postgresql/root.crt`. Read only when the certificate is checked.
    public var rootCertificate: String?
    /// `sslcert`: the file of the client's certificate, for a server that logs users in by
    /// certificate (`cert` in `pg_hba.conf`); nil for libpq's default `~/.postgresql/postgresql.crt`,
    /// used only when that file exists.
    public var clientCertificate: String?
    /// `sslkey`: the file of the client certificate's private key; nil for libpq's default
    /// `~/.postgresql/postgresql.key`. Refused when others may read it, as libpq does.
    public var clientKey: String?

    /// How a connection uses TLS, with libpq's names and meanings (`sslmode`).
    public enum TLSMode: String, Sendable, Equatable, CaseIterable {
        /// Never TLS.
        case disable
        /// Unencrypted first; TLS only when the server refuses the login without it. The
        /// certificate is not checked.
        case allow
        /// TLS when the server offers it, else unencrypted: libpq's default, kept for a URL
        /// without `sslmode`. The certificate is not checked.
        case prefer
        /// TLS or no connection; the certificate is not checked, unless `sslrootcert` is given
        /// (then as `verifyCA`, as libpq does).
        case require
        /// TLS, and the server's certificate must be signed by a trusted authority.
        case verifyCA = "verify-ca"
        /// As `verifyCA`, and the certificate must name the host of the URL.
        case verifyFull = "verify-full"

        /// Whether the server's certificate is checked against the trusted authorities.
        func checksCertificate(rootGiven: Bool) -> Bool {
            switch self {
            case .disable, .allow, .prefer: false
            case .require: rootGiven
            case .verifyCA, .verifyFull: true
            }
        }
    }

    /// The port a URL without one means, as for `psql`.
    public static let defaultPort = 5432

    public init(user: String, password: String? = nil, host: String, port: Int = PostgresAddress.defaultPort, database: String,
                tls: TLSMode = .prefer, rootCertificate: String? = nil, clientCertificate: String? = nil, clientKey: String? = nil) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.tls = tls
        self.rootCertificate = rootCertificate
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
    }

    /// The address as a person may see it: user, host, port and database, never the password.
    public var redacted: String {
        let shownHost = host.contains(":") ? "[" + host + "]" : host
        return "postgresql://\(user)@\(shownHost):\(port)/\(database)"
    }

    public var description: String { redacted }

    /// Whether `text` is meant as a PostgreSQL address (`postgresql://` or `postgres://`), so a
    /// caller can tell a book URL from a file path before parsing it.
    public static func isAddress(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://")
    }

    /// Parses a book URL. Refuses, naming what is wrong but never echoing the password: another
    /// scheme, a missing user, host or database, a port that is not 1–65535, a bad `%` escape, an
    /// `sslmode` that is not one of `TLSMode`, a parameter given twice or empty, a client
    /// certificate with `sslmode=disable`, and any parameter other than `sslmode`, `sslrootcert`,
    /// `sslcert` and `sslkey` (`password=` among them: a password is given before the `@`, by
    /// `PGPASSWORD` or in the password file).
    public static func parse(_ text: String) throws(PostgresBookError) -> PostgresAddress {
        let lowered = text.lowercased()
        let schemeLength: Int
        if lowered.hasPrefix("postgresql://") { schemeLength = "postgresql://".count }
        else if lowered.hasPrefix("postgres://") { schemeLength = "postgres://".count }
        else { throw .address(.notPostgreSQL) }
        var rest = Substring(text.dropFirst(schemeLength))
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let slash = rest.firstIndex(of: "/") else { throw .address(.missingDatabase) }
        let authority = rest[..<slash]
        let path = rest[rest.index(after: slash)...]

        var hostPort = authority
        var user = ""
        var password: String?
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                user = try decode(userInfo[..<colon], part: .user)
                password = try decode(userInfo[userInfo.index(after: colon)...], part: .password)
            } else {
                user = try decode(userInfo, part: .user)
            }
        }
        guard !user.isEmpty else { throw .address(.missingUser) }

        var host: Substring
        var portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw .address(.badHost) }
            host = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .address(.badHost) }
                portText = after.dropFirst()
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = hostPort[..<colon]
            portText = hostPort[hostPort.index(after: colon)...]
        } else {
            host = hostPort
        }
        guard !host.isEmpty else { throw .address(.missingHost) }
        guard host.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-:_".unicodeScalars.contains($0)) })
        else { throw .address(.badHost) }
        var port = defaultPort
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(portText), (1...65535).contains(value)
            else { throw .address(.badPort(String(portText.prefix(8)))) }
            port = value
        }
        let database = try decode(path, part: .database)
        guard !database.isEmpty else { throw .address(.missingDatabase) }
        guard !database.contains("/") else { throw .address(.badDatabase) }

        var tls: TLSMode?
        var files: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).lowercased()
            let value = parts.count > 1 ? parts[1] : ""
            switch name {
            case "sslmode":
                guard tls == nil else { throw .address(.repeatedParameter(name)) }
                let mode = try decode(value, part: .parameter)
                guard let known = TLSMode(rawValue: mode) else { throw .sslModeUnknown(String(mode.prefix(20))) }
                tls = known
            case "sslrootcert", "sslcert", "sslkey":
                guard files[name] == nil else { throw .address(.repeatedParameter(name)) }
                let file = try decode(value, part: .parameter)
                guard !file.isEmpty else { throw .address(.emptyParameter(name)) }
                files[name] = file
            default:
                // The value is never shown: `password=` may be among them.
                throw .address(.unknownParameter(String(name.prefix(40))))
            }
        }
        if tls == .disable, files["sslcert"] != nil || files["sslkey"] != nil { throw .address(.clientCertificateWithoutTLS) }
        return PostgresAddress(user: user, password: password, host: String(host), port: port, database: database,
                               tls: tls ?? .prefer, rootCertificate: files["sslrootcert"],
                               clientCertificate: files["sslcert"], clientKey: files["sslkey"])
    }

    /// Which part of the URL a `%` escape was in.
    enum Part { case user, password, database, parameter }

    /// Percent-decodes `text` as UTF-8; a bad escape is refused naming the part, not its text.
    static func decode(_ text: Substring, part: Part) throws(PostgresBookError) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue)
                else { throw .address(.badEscape(part.escaped)) }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self)
        else { throw .address(.badEscape(part.escaped)) }
        return decoded
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension PostgresAddress.Part {
    var escaped: PostgresBookError.EscapedPart {
        switch self {
        case .user: .user
        case .password: .password
        case .database: .database
        case .parameter: .parameter
        }
    }
}
