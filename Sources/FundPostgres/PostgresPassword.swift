import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the password of a login comes from when the URL gives none, in libpq's order: the
/// environment's `PGPASSWORD`, then the password file (`PGPASSFILE`, else `~/.pgpass`), so that a
/// service keeps its password out of command lines and out of its configuration.
enum PostgresPassword {
    /// The password to log in with, or why the password file gave none (for the message when the
    /// server asks for one). The file is read only when neither the URL nor `PGPASSWORD` has one.
    static func lookUp(for address: PostgresAddress, environment: [String: String]) -> Result<String, PostgresBookError.PasswordFileOutcome> {
        if let password = address.password { return .success(password) }
        if let password = environment["PGPASSWORD"], !password.isEmpty { return .success(password) }
        let (path, shown) = file(environment: environment)
        return fromFile(path: path, shown: shown, address: address)
    }

    /// The password file's path, and the name a message shows for it (`~/.pgpass` for the default).
    static func file(environment: [String: String]) -> (path: String, shown: String) {
        if let named = environment["PGPASSFILE"], !named.isEmpty { return (named, named) }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home + "/.pgpass", "~/.pgpass")
    }

    /// The password of the first line of the file at `path` that matches `address`. As libpq, a
    /// file that group or others may read is not read at all.
    static func fromFile(path: String, shown: String, address: PostgresAddress) -> Result<String, PostgresBookError.PasswordFileOutcome> {
        var status = stat()
        guard stat(path, &status) == 0 else { return .failure(errno == ENOENT ? .absent(path: shown) : .unreadable(path: shown)) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.unreadable(path: shown)) }
        if status.st_mode & (S_IRWXG | S_IRWXO) != 0 {
            return .failure(.readableByOthers(path: shown, mode: String(status.st_mode & 0o777, radix: 8)))
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { return .failure(.unreadable(path: shown)) }
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            guard let password = match(line, address: address) else { continue }
            return .success(password)
        }
        return .failure(.noLine(path: shown))
    }

    /// The password of one line `host:port:database:user:password` when its first four fields
    /// match (`*` matches anything; `\:` and `\\` stand for `:` and `\`), else nil. A comment line
    /// (`#`) and a line of fewer than five fields match nothing.
    static func match(_ line: Substring, address: PostgresAddress) -> String? {
        guard !line.hasPrefix("#") else { return nil }
        let fields = split(line)
        guard fields.count >= 5 else { return nil }
        let wanted = [address.host, String(address.port), address.database, address.user]
        for (field, value) in zip(fields.prefix(4), wanted) where field != "*" && field != value {
            return nil
        }
        // The password is the rest of the line, colons and all.
        return fields[4...].joined(separator: ":")
    }

    /// The fields of a line, split at each unescaped `:`, with the escapes undone.
    static func split(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var escaped = false
        for character in line {
            if escaped {
                field.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
