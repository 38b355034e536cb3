import Foundation
import FundCore

/// Where a PostgreSQL book lives: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, with
/// `sslmode`, `sslrootcert`, `sslcert`, `sslkey` and `sslpassword` after it as libpq takes them
/// (`?sslmode=verify-full&sslrootcert=…`). What the URL leaves out comes from libpq's environment
/// variables (`PGUSER`, `PGHOST`, `PGPORT`, `PGDATABASE`, `PGSSLMODE`, `PGSSLROOTCERT`,
/// `PGSSLCERT`, `PGSSLKEY`). The password and the key's passphrase are kept to log in with and
/// are never part of any text: `description` and `redacted` leave them out, as every message
/// does. A URL without a password logs in with `PGPASSWORD` or a line of the password file
/// (`PostgresPassword`).
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
    /// `sslpassword`: the passphrase of an encrypted `clientKey`. Never shown.
    public var clientKeyPassword: String?

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
                tls: TLSMode = .prefer, rootCertificate: String? = nil, clientCertificate: String? = nil, clientKey: String? = nil,
                clientKeyPassword: String? = nil) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.tls = tls
        self.rootCertificate = rootCertificate
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.clientKeyPassword = clientKeyPassword
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

    /// Parses a book URL. What it leaves out is taken from `environment` as libpq takes it: the
    /// user from `PGUSER`, the host from `PGHOST`, the port from `PGPORT` (else 5432), the
    /// database from `PGDATABASE`, and `sslmode`, `sslrootcert`, `sslcert` and `sslkey` from
    /// `PGSSLMODE`, `PGSSLROOTCERT`, `PGSSLCERT` and `PGSSLKEY` (an empty variable counts as
    /// unset). Unlike libpq there is no default user or database, and no Unix socket: a book is
    /// always named in full.
    ///
    /// Refuses, naming what is wrong but never echoing the password: another scheme, a missing
    /// user, host or database, a port that is not 1–65535, a bad `%` escape, an `sslmode` that is
    /// not one of `TLSMode`, a parameter given twice or empty, a client certificate or key
    /// passphrase in a URL with `sslmode=disable`, any parameter other than those five
    /// (`password=` among them: a password is given before the `@`, by `PGPASSWORD` or in the
    /// password file), and a variable of `environment` this version does not take.
    public static func parse(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostgresBookError) -> PostgresAddress {
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
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
        // No database after the host: PGDATABASE may give it.
        let slash = rest.firstIndex(of: "/")
        let authority = slash.map { rest[..<$0] } ?? rest
        let path = slash.map { rest[rest.index(after: $0)...] } ?? ""

        // An @ only past the host means the user information was cut short by a /, ? or # in
        // it (a password with one not percent-encoded): refused before any part of it can be
        // taken for a host or port and shown.
        if !authority.contains("@"), text[authority.endIndex...].contains("@") {
            throw .address(.unescapedUserInformation)
        }
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
        if user.isEmpty, let given = variable("PGUSER") { user = given }
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
        if host.isEmpty, let given = variable("PGHOST") {
            guard isHost(Substring(given)) else { throw .address(.environment(variable: "PGHOST", value: String(given.prefix(40)))) }
            host = Substring(given)
        }
        guard !host.isEmpty else { throw .address(.missingHost) }
        guard isHost(host) else { throw .address(.badHost) }
        var port = defaultPort
        if let portText {
            guard let value = portNumber(portText) else { throw .address(.badPort(String(portText.prefix(8)))) }
            port = value
        } else if let given = variable("PGPORT") {
            guard let value = portNumber(Substring(given)) else { throw .address(.environment(variable: "PGPORT", value: String(given.prefix(8)))) }
            port = value
        }
        var database = try decode(path, part: .database)
        guard !database.contains("/") else { throw .address(.badDatabase) }
        if database.isEmpty, let given = variable("PGDATABASE") { database = given }
        guard !database.isEmpty else { throw .address(.missingDatabase) }

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
            case "sslrootcert", "sslcert", "sslkey", "sslpassword":
                guard files[name] == nil else { throw .address(.repeatedParameter(name)) }
                let file = try decode(value, part: .parameter)
                guard !file.isEmpty else { throw .address(.emptyParameter(name)) }
                files[name] = file
            default:
                // The value is never shown: `password=` may be among them.
                throw .address(.unknownParameter(String(name.prefix(40))))
            }
        }
        if tls == nil, let given = variable("PGSSLMODE") {
            guard let known = TLSMode(rawValue: given) else { throw .address(.environment(variable: "PGSSLMODE", value: String(given.prefix(20)))) }
            tls = known
        }
        // A certificate, key or passphrase the URL names, with TLS turned off by the URL or by
        // PGSSLMODE, is a contradiction.
        if tls == .disable, files["sslcert"] != nil || files["sslkey"] != nil || files["sslpassword"] != nil {
            throw .address(.clientCertificateWithoutTLS)
        }
        // Files from the environment fill in what the URL leaves out; with TLS turned off they
        // are not read (libpq ignores them then too).
        for (name, variableName) in [("sslrootcert", "PGSSLROOTCERT"), ("sslcert", "PGSSLCERT"), ("sslkey", "PGSSLKEY")] where files[name] == nil {
            files[name] = variable(variableName)
        }
        return PostgresAddress(user: user, password: password, host: String(host), port: port, database: database,
                               tls: tls ?? .prefer, rootCertificate: files["sslrootcert"],
                               clientCertificate: files["sslcert"], clientKey: files["sslkey"], clientKeyPassword: files["sslpassword"])
    }

    /// Whether `text` is a host name, an IPv4 address or an IPv6 address (without brackets).
    static func isHost(_ text: Substring) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-:_".unicodeScalars.contains($0)) }
    }

    /// The port `text` gives: one to five digits, 1 to 65535.
    static func portNumber(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text), (1...65535).contains(value) else { return nil }
        return value
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
