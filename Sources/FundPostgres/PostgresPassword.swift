import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the password of a login comes from when the URL gives none, in libpq's order: the
/// environment's `PGPASSWORD`, then the password file (`PGPASSFILE`, else `~/.pgpass`), so that a
/// service keeps its password out of command lines and out of its configuration. An empty
/// password counts as none, as for libpq.
enum PostgresPassword {
    /// The password to log in with, or why the password file gave none (for the message when the
    /// server asks for one). The file is read only when neither the URL nor `PGPASSWORD` has one.
    static func lookUp(for address: PostgresAddress, environment: [String: String]) -> Result<String, PostgresBookError.PasswordFileOutcome> {
        if let password = address.password, !password.isEmpty { return .success(password) }
        if let password = environment["PGPASSWORD"], !password.isEmpty { return .success(password) }
        let (path, shown) = file(environment: environment)
        return fromFile(path: path, shown: shown, address: address)
    }

    /// The password file's path, and the name a message shows for it (`~/.pgpass` for the default).
    static func file(environment: [String: String]) -> (path: String, shown: String) {
        if let named = environment["PGPASSFILE"], !named.isEmpty { return (named, named) }
        return (PrivateFile.home(environment) + "/.pgpass", "~/.pgpass")
    }

    /// The password of the first line of the file at `path` that matches `address`. As libpq, a
    /// file that group or others have any access to is not read at all, nor one that is not a
    /// regular file; a matching line with an empty password gives none.
    static func fromFile(path: String, shown: String, address: PostgresAddress) -> Result<String, PostgresBookError.PasswordFileOutcome> {
        let file: PrivateFile
        switch PrivateFile.read(path) {
        case let .success(read): file = read
        case .failure(.missing): return .failure(.absent(path: shown))
        case .failure: return .failure(.unreadable(path: shown))
        }
        if file.mode & (S_IRWXG | S_IRWXO) != 0 { return .failure(.readableByOthers(path: shown, mode: PrivateFile.octal(file.mode))) }
        let wanted = [address.host, String(address.port), address.database, address.user].map { Array($0.utf8) }
        for line in file.bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            var line = Array(line)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            guard let password = match(line, wanted: wanted) else { continue }
            return password.isEmpty ? .failure(.emptyPassword(path: shown)) : .success(password)
        }
        return .failure(.noLine(path: shown))
    }

    /// The password of one line `host:port:database:user:password` when its first four fields
    /// match `wanted`, else nil, as libpq reads it: a field `*` matches anything; a backslash
    /// takes the next character as it is (`\:`, `\\`, and `\*`, a literal star); the password
    /// ends at the first unescaped `:`; a line starting with `#` is a comment.
    static func match(_ line: [UInt8], wanted: [[UInt8]]) -> String? {
        guard line.first != UInt8(ascii: "#") else { return nil }
        var index = 0
        for token in wanted {
            guard let next = matchField(line, from: index, token: token) else { return nil }
            index = next
        }
        var password: [UInt8] = []
        while index < line.count, line[index] != UInt8(ascii: ":") {
            if line[index] == UInt8(ascii: "\\"), index + 1 < line.count { index += 1 }
            password.append(line[index])
            index += 1
        }
        return String(decoding: password, as: UTF8.self)
    }

    /// Where the field starting at `start` ends (just after its `:`) when it matches `token`.
    static func matchField(_ line: [UInt8], from start: Int, token: [UInt8]) -> Int? {
        if start + 1 < line.count, line[start] == UInt8(ascii: "*"), line[start + 1] == UInt8(ascii: ":") { return start + 2 }
        var index = start, matched = 0
        while index < line.count {
            var escaped = false
            if line[index] == UInt8(ascii: "\\") {
                index += 1
                escaped = true
                guard index < line.count else { return nil }
            }
            if line[index] == UInt8(ascii: ":"), !escaped { return matched == token.count ? index + 1 : nil }
            guard matched < token.count, line[index] == token[matched] else { return nil }
            matched += 1
            index += 1
        }
        return nil
    }
}

/// A small file that must be kept private (the password file, a client key), read as libpq reads
/// it: opened without following it into a FIFO or a device, its owner and mode taken from the
/// open descriptor (so the check and the read are of one file), a regular file only.
struct PrivateFile {
    let bytes: [UInt8]
    let mode: mode_t
    let owner: uid_t

    enum Failure: Error { case missing, unreadable, notRegular }

    /// `HOME`, else the user's home as the system knows it: where libpq's default files are.
    static func home(_ environment: [String: String]) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    static func read(_ path: String) -> Result<PrivateFile, Failure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(errno == ENOENT ? .missing : .unreadable) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        // A password file or a key is a few kilobytes; anything past a megabyte is not one.
        guard status.st_size <= 1 << 20 else { return .failure(.unreadable) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return .failure(.unreadable) }
            if count == 0 { break }
            bytes += buffer[0..<count]
            guard bytes.count <= 1 << 20 else { return .failure(.unreadable) }
        }
        return .success(PrivateFile(bytes: bytes, mode: status.st_mode, owner: status.st_uid))
    }

    /// A file's permission bits as `chmod` writes them: `0644`.
    static func octal(_ mode: mode_t) -> String {
        let digits = String(mode & 0o777, radix: 8)
        return "0" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}
