import FundCore
import FundStore

/// Why a PostgreSQL book, or a copy between engines, was refused. Each case is named after its
/// rule; no case carries a password, and the address shown is always `PostgresAddress.redacted`.
public enum PostgresBookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The book URL itself is wrong (`AddressProblem`); nothing was connected to.
    case address(AddressProblem)
    /// `sslmode` that is not one of libpq's modes this version takes (`PostgresAddress.TLSMode`).
    case sslModeUnknown(String)
    /// The `sslmode` asks for TLS and the server does not offer it.
    case tlsNotOffered(location: String)
    /// The file of trusted authorities (`sslrootcert`, or libpq's default `~/.postgresql/root.crt`)
    /// is missing or holds no certificate this version can read.
    case tlsRootCertificate(path: String, problem: RootCertificateProblem)
    /// The client certificate (`sslcert`, or libpq's default `~/.postgresql/postgresql.crt`)
    /// cannot be used: missing, unreadable, no PEM certificate, or not taken with its key.
    case tlsClientCertificate(path: String, problem: ClientFileProblem)
    /// The client certificate's private key (`sslkey`, or `~/.postgresql/postgresql.key`) cannot
    /// be used: missing, unreadable, readable by others, encrypted, or no PEM key.
    case tlsClientKey(path: String, problem: ClientFileProblem)
    /// The server asks for a password and none was found: not in the URL, not in `PGPASSWORD`,
    /// and the password file gave none (`PasswordFileOutcome` says why).
    case passwordMissing(location: String, user: String, file: PasswordFileOutcome)
    /// The TLS handshake failed: the server's certificate is not signed by a trusted authority,
    /// does not name the host, has expired, or the two sides share no protocol.
    case tlsHandshakeFailed(location: String, reason: String)
    /// The server could not be reached at all (refused, no route, no such host).
    case unreachable(location: String, reason: String)
    /// The server refused the login (wrong password, no such role, `pg_hba.conf`).
    case loginRefused(location: String, user: String, reason: String)
    /// The database named in the URL does not exist on the server.
    case databaseMissing(location: String)
    /// The server refused a statement: its SQLSTATE and message (never the statement's values).
    case server(sqlState: String, message: String)
    /// A trigger or constraint of the book's PostgreSQL schema refused a change: the same
    /// failure, text, rule and category as the SQLite book's own trigger gives.
    case refused(StorageFailure)
    /// The connection broke off mid-way; the transaction, if any, was rolled back by the server.
    case connectionLost(location: String)
    /// The database already holds tables or a schema version: a copy never writes over a book.
    case targetNotEmpty(location: String, tables: [String])
    /// The database holds a FundLedger schema from a later version than this one knows.
    case schemaTooNew(location: String, migration: String)
    /// A table of the source book this version does not know how to copy (a later version's book).
    case tableUnknown(table: String)
    /// A value read from one side that the other cannot hold (the table, column and row named).
    case valueNotCopyable(table: String, column: String, row: String, reason: String)
    /// After the copy, the rows of a table read back from the target differ from the source's.
    case copyMismatch(table: String, source: Int, target: Int)
    /// The two books' schemas differ (a table or column on one side only, or of another type):
    /// one engine's migration is missing its twin on the other.
    case schemaMismatch(table: String, detail: String)
    /// The source book fails `verify`: a copy moves only a book whose seals and balances hold.
    case sourceFailsVerify(problems: Int, first: VerifyProblem)
    /// Both sides are of one engine: SQLite to SQLite is `backup`, PostgreSQL to PostgreSQL is
    /// pg_dump and pg_restore.
    case sameEngine(postgres: Bool)
    /// The database holds no FundLedger book (no `fundledger_migrations`).
    case noBook(location: String)

    /// Why a book URL is not one this version reads.
    public enum AddressProblem: Sendable, Equatable {
        case notPostgreSQL
        case missingUser
        case missingHost
        case badHost
        case badPort(String)
        case missingDatabase
        case badDatabase
        case badEscape(EscapedPart)
        case unknownParameter(String)
        case repeatedParameter(String)
        case emptyParameter(String)
        case clientCertificateWithoutTLS
        /// An @ stands only past the host: a /, ? or # in the user or password was not
        /// percent-encoded, and nothing of them is shown.
        case unescapedUserInformation
        /// An environment variable that gives what the URL leaves out (`PGHOST`, `PGPORT`,
        /// `PGSSLMODE`) holds a value this version does not take, shown as given (none of them
        /// holds a secret).
        case environment(variable: String, value: String)
    }

    /// Why the file of trusted authorities cannot be used.
    public enum RootCertificateProblem: Sendable, Equatable {
        case missing
        case unreadable
        case notPEM
        case unusable

        var english: String {
            switch self {
            case .missing: "no such file"
            case .unreadable: "the file cannot be read"
            case .notPEM: "it holds no PEM certificate"
            case .unusable: "the TLS library does not take its certificates"
            }
        }
    }

    /// Why a client certificate or its key cannot be used.
    public enum ClientFileProblem: Sendable, Equatable {
        case missing
        case unreadable
        /// Group or others have access to the key (its mode, in octal); libpq refuses such a key too.
        case readableByOthers(mode: String)
        /// The key is encrypted with a passphrase, and the URL gives no `sslpassword`.
        case encrypted
        /// The passphrase `sslpassword` gives does not decrypt the key.
        case passphraseRefused
        /// The passphrase holds a character past ASCII, which the TLS library cannot take.
        case passphraseNotASCII
        case notPEM
        /// The TLS library refused the certificate with the key (they are not a pair).
        case unusable

        var english: String {
            switch self {
            case .missing: "no such file"
            case .unreadable: "the file cannot be read"
            case let .readableByOthers(mode): "group or others have access to it (mode \(mode)); make it readable by its owner only: chmod 600"
            case .encrypted: "it is encrypted with a passphrase and the URL gives none; give it as sslpassword=PASSPHRASE, or store the key decrypted with mode 600"
            case .passphraseRefused: "the passphrase sslpassword gives does not decrypt it (or the TLS library cannot read its encryption: encrypt it again with openssl pkcs8 -topk8 -v2 aes-256-cbc)"
            case .passphraseNotASCII: "the passphrase sslpassword gives holds characters beyond ASCII, which the TLS library cannot take; encrypt the key again with an ASCII passphrase (openssl pkcs8 -topk8)"
            case .notPEM: "it holds no PEM certificate or key"
            case .unusable: "the TLS library does not take the certificate with this key; check that they are a pair"
            }
        }
    }

    /// What the password file (`PGPASSFILE`, or `~/.pgpass`) gave when it was looked in.
    public enum PasswordFileOutcome: Error, Sendable, Equatable {
        /// There is no such file.
        case absent(path: String)
        /// The file has no line for this host, port, database and user.
        case noLine(path: String)
        /// Not read, as libpq does not: group or others have access to it.
        case readableByOthers(path: String, mode: String)
        /// The first line that matches gives an empty password, which counts as none.
        case emptyPassword(path: String)
        /// The file exists and cannot be read.
        case unreadable(path: String)

        var english: String {
            switch self {
            case let .absent(path): "there is no \(path)"
            case let .noLine(path): "\(path) has no line for this host, port, database and user"
            case let .readableByOthers(path, mode): "\(path) was not read, since group or others have access to it (mode \(mode)); chmod 600 \(path)"
            case let .emptyPassword(path): "the line of \(path) for this host, port, database and user has an empty password"
            case let .unreadable(path): "\(path) cannot be read"
            }
        }
    }

    /// The part of a URL a bad `%` escape was found in.
    public enum EscapedPart: String, Sendable, Equatable { case user, password, database, parameter }

    public var description: String {
        if case let .refused(failure) = self { return BookError.storage(failure).description }
        let text = switch self {
        case .refused: ""
        // A bad variable is not the URL's fault: the message says what to do with the variable.
        case let .address(problem) where problem.variable != nil:
            "\(problem.english); correct or unset \(problem.variable ?? ""), or give that part in the URL"
        case let .address(problem):
            "the book URL is not one FundLedger reads: \(problem.english); write it as postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE[?sslmode=MODE][&sslrootcert=FILE][&sslcert=FILE&sslkey=FILE[&sslpassword=PASSPHRASE]]"
        case let .sslModeUnknown(mode):
            "sslmode=\(mode) is not one this version takes; use disable, allow, prefer (the default), require, verify-ca or verify-full"
        case let .tlsNotOffered(location):
            "the PostgreSQL server of \(location) does not offer TLS, and the URL's sslmode asks for it; turn on ssl in the server's postgresql.conf, or give sslmode=disable only on a network you trust"
        case let .tlsRootCertificate(path, problem):
            "cannot read the trusted certificate authorities from \(path) (\(problem.english)); give the file of the authority that signed the server's certificate as sslrootcert=FILE, or sslrootcert=system for the system's trusted roots"
        case let .tlsClientCertificate(path, problem):
            "cannot use the client certificate \(path) (\(problem.english)); give the certificate the server's authority signed for this user as sslcert=FILE"
        case let .tlsClientKey(path, problem):
            "cannot use the client certificate's key \(path) (\(problem.english)); mend the file, or give the key that pairs with sslcert as sslkey=FILE"
        case let .passwordMissing(location, user, file):
            "the PostgreSQL server of \(location) asks for the password of \(user), and none is given: not in the URL, not in PGPASSWORD, and \(file.english); add a line HOST:PORT:DATABASE:USER:PASSWORD to the password file (mode 600)"
        case let .tlsHandshakeFailed(location, reason):
            "the TLS connection to \(location) failed (\(reason)); check that the server's certificate is signed by the authority in sslrootcert and names the host of the URL (verify-full), or that it has not expired"
        case let .unreachable(location, reason):
            "cannot reach the PostgreSQL server of \(location) (\(reason)); check the host and port and that the server is running"
        case let .loginRefused(location, user, reason):
            "the PostgreSQL server of \(location) refused the login of \(user) (\(reason)); check the user and password, or the server's pg_hba.conf"
        case let .databaseMissing(location):
            "the database of \(location) does not exist; create it first (createdb), then run the command again"
        case let .server(sqlState, message):
            "the PostgreSQL server refused (SQLSTATE \(sqlState)): \(message)"
        case let .connectionLost(location):
            "the connection to \(location) broke off; nothing of the unfinished transaction was kept, run the command again"
        case let .targetNotEmpty(location, tables):
            "\(location) is not empty (it holds \(tables.prefix(5).joined(separator: ", "))\(tables.count > 5 ? ", …" : "")): a copy goes only into a new, empty book and never writes over one; give a new database or file"
        case let .schemaTooNew(location, migration):
            "\(location) holds a book of a later FundLedger version (migration \(migration)); use that version"
        case let .tableUnknown(table):
            "the source book holds the table \(table), which this version does not know: it is a later version's book; copy it with that version"
        case let .valueNotCopyable(table, column, row, reason):
            "the value in \(table).\(column) (\(row)) cannot be copied: \(reason); nothing was written"
        case let .copyMismatch(table, source, target):
            "after the copy the table \(table) read back \(target) rows that differ from the source's \(source); nothing was kept"
        case let .schemaMismatch(table, detail):
            "the two books' schemas differ at the table \(table) (\(detail)): this version's SQLite and PostgreSQL migrations do not match; nothing was written"
        case let .sourceFailsVerify(problems, first):
            "the source book fails verify with \(problems) problem(s), the first: \(first); a copy moves only a book that verifies clean, nothing was written"
        case let .sameEngine(postgres):
            postgres ? "both books are in PostgreSQL: copy a database there with pg_dump and pg_restore" : "both books are SQLite files: copy one with `fundledger backup -o FILE`"
        case let .noBook(location):
            "\(location) holds no FundLedger book (no fundledger_migrations table); give the database a book was copied into"
        }
        return text + " [\(rule)]"
    }

    /// The rule's id, as the message prints it in brackets.
    public var rule: String {
        switch self {
        case .address: "postgres-url-invalid"
        case .sslModeUnknown: "postgres-sslmode-invalid"
        case .tlsNotOffered: "postgres-tls-not-offered"
        case .tlsRootCertificate: "postgres-tls-root-certificate"
        case .tlsClientCertificate: "postgres-tls-client-certificate"
        case .tlsClientKey: "postgres-tls-client-key"
        case .passwordMissing: "postgres-password-missing"
        case .tlsHandshakeFailed: "postgres-tls-handshake-failed"
        case .unreachable: "postgres-unreachable"
        case .loginRefused: "postgres-login-refused"
        case .databaseMissing: "postgres-database-missing"
        case .server: "postgres-refused"
        case let .refused(failure): BookError.storage(failure).rule
        case .connectionLost: "postgres-connection-lost"
        case .targetNotEmpty: "copy-target-not-empty"
        case .schemaTooNew: "postgres-schema-too-new"
        case .tableUnknown: "copy-table-unknown"
        case .valueNotCopyable: "copy-value-invalid"
        case .copyMismatch: "copy-mismatch"
        case .schemaMismatch: "schema-mismatch"
        case .sourceFailsVerify: "copy-source-fails-verify"
        case .sameEngine: "copy-same-engine"
        case .noBook: "postgres-no-book"
        }
    }

    /// What kind of refusal this is, for a caller that answers with a status or an exit code.
    public var category: ErrorCategory {
        switch self {
        case .address, .sslModeUnknown, .tlsRootCertificate, .tlsClientCertificate, .tlsClientKey, .sameEngine: .invalidInput
        case .tlsNotOffered, .tlsHandshakeFailed: .storage
        case .databaseMissing, .noBook: .notFound
        case .loginRefused, .passwordMissing: .notPermitted
        case let .refused(failure): failure.category
        case .targetNotEmpty, .schemaTooNew: .conflict
        case .unreachable, .server, .connectionLost, .tableUnknown, .valueNotCopyable, .copyMismatch, .schemaMismatch, .sourceFailsVerify: .storage
        }
    }
}

extension PostgresBookError {
    /// Whether this is the server refusing a login for want of TLS (`pg_hba.conf` has only a
    /// `hostssl` line for it, or a `hostnossl … reject`): the failure after which `sslmode=allow`
    /// tries again with TLS.
    var refusedWithoutTLS: Bool {
        if case .loginRefused = self { true } else { false }
    }
}

extension PostgresBookError.AddressProblem {
    var english: String {
        switch self {
        case .notPostgreSQL: "it does not start with postgresql:// or postgres://"
        case .missingUser: "it names no user before @, and PGUSER is not set"
        case .missingHost: "it names no host, and PGHOST is not set (PGHOSTADDR and PGSERVICE are not read)"
        case .badHost: "the host is not a host name or an IP address"
        case let .badPort(port): "the port \(port) is not a number from 1 to 65535"
        case .missingDatabase: "it names no database after the host, and PGDATABASE is not set"
        case .badDatabase: "the database name holds a /"
        case let .badEscape(part): "a %-escape in the \(part.rawValue) is not valid UTF-8"
        case let .unknownParameter(name): "the parameter \(name) is not supported (only sslmode, sslrootcert, sslcert, sslkey and sslpassword are; a password goes before the @, in PGPASSWORD or in ~/.pgpass)"
        case let .repeatedParameter(name): "the parameter \(name) is given more than once"
        case let .emptyParameter(name): "the parameter \(name) is empty"
        case .clientCertificateWithoutTLS: "sslcert, sslkey and sslpassword need TLS, and sslmode=disable (in the URL or PGSSLMODE) turns it off"
        case .unescapedUserInformation: "an @ stands after the host: a /, ? or # in the user or password must be percent-encoded as %2F, %3F and %23, and an @ anywhere past the host as %40"
        case let .environment(variable, value):
            "the environment variable \(variable) gives what the book URL leaves out, and its value \(value) is not \(Self.expected(variable))"
        }
    }

    /// The environment variable a problem is about (`environment`), else nil: a problem of the URL.
    var variable: String? {
        if case let .environment(variable, _) = self { variable } else { nil }
    }

    /// What a value of the environment variable `variable` must be, in English.
    static func expected(_ variable: String) -> String {
        switch variable {
        case "PGHOST": "a host name or an IP address (one host; a Unix socket directory is not taken)"
        case "PGPORT": "a port from 1 to 65535"
        default: "one of disable, allow, prefer, require, verify-ca and verify-full"
        }
    }
}
