import Crypto
import Foundation

/// The file operations a backup and a restore are built of: working names beside a file,
/// flushing to the disk, putting a finished file under its name without replacing another, and
/// a file's SHA-256.
///
/// None of these opens a book that SQLite holds locks on: closing any descriptor of a locked
/// file would drop the process's locks on it.
enum BookFiles {
    /// A new working name beside `path` (same folder, so that the finished file is renamed or
    /// linked into place, never copied): PATH.WORD-UUID.
    static func workingName(beside path: String, _ word: String) -> String {
        path + "." + word + "-" + UUID().uuidString.prefix(8).lowercased()
    }

    /// The folder holding `path` ("." for a bare name).
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Whether `path` names an existing folder.
    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Flushes the file at `path` to the disk.
    static func sync(_ path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Flushes the folder at `path`, so that a rename or link into it survives a power cut.
    static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Puts the finished file `source` under `destination` only if nothing is there, atomically,
    /// and removes the working name. Returns false, leaving `source` as it is, when `destination`
    /// exists.
    static func place(_ source: String, at destination: String) throws -> Bool {
        if link(source, destination) == 0 {
            unlink(source)
            syncFolder(folder(of: destination))
            return true
        }
        let failure = errno
        if failure == EEXIST { return false }
        // A file system without hard links: check, then rename (a race with another writer of
        // the same name is then possible, and nothing better is offered by such a disk).
        guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV].contains(failure) else { throw self.failure(failure, destination) }
        if FileManager.default.fileExists(atPath: destination) { return false }
        guard rename(source, destination) == 0 else { throw self.failure(errno, destination) }
        syncFolder(folder(of: destination))
        return true
    }

    /// Puts `source` under the first free name of BASE, BASE-2, BASE-3, ... and returns it.
    static func placeUnique(_ source: String, base: String) throws -> String {
        var candidate = base
        var number = 1
        while try !place(source, at: candidate) {
            number += 1
            candidate = base + "-" + String(number)
        }
        return candidate
    }

    /// The SHA-256 of the file at `path`, as 64 lowercase hex digits.
    static func sha256(of path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw failure(errno, path) }
        defer { try? handle.close() }
        var hash = SHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(data: chunk) }
        } catch {
            throw failure(EIO, path)
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// A failure of the file system on `path`, as the book reports the engine's failures.
    static func failure(_ code: Int32, _ path: String) -> BookError {
        if code == ENOSPC { return .storage(.diskFull) }
        return .storage(.engine(code: code, message: path + ": " + String(cString: strerror(code))))
    }

    /// Removes `path` and the `-wal`, `-shm` and `-journal` files SQLite may have left beside it.
    static func removeWorkingFile(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }
}

/// What `--book` names. A book is a local SQLite file; an address such as
/// `postgresql://user@host/db` (any `scheme://`) names a database server this version cannot
/// keep books in, and is refused before anything is made: never taken for a relative path, which
/// would create a folder `postgresql:` and a file in it.
public enum BookLocation {
    /// Refuses `path` when it is an address (`scheme://…`) rather than a file path, with
    /// `BookError.bookURLNotSupported`; the address shown leaves out its user, password and query.
    public static func requireFile(_ path: String) throws {
        guard let scheme = scheme(of: path) else { return }
        throw BookError.bookURLNotSupported(scheme: scheme, location: redacted(path, scheme: scheme))
    }

    /// The scheme of `path` when it starts as an address does: a letter, then letters, digits,
    /// `+`, `-` or `.`, then `://` (RFC 3986); nil for a file path (a Windows `C:\` path has no `//`).
    static func scheme(of path: String) -> String? {
        guard let separator = path.range(of: "://") else { return nil }
        let scheme = path[..<separator.lowerBound]
        guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              scheme.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) })
        else { return nil }
        return String(scheme)
    }

    /// Whether `scheme` names PostgreSQL (`postgresql`, `postgres`, `postgresql+psycopg` and the like).
    public static func isPostgreSQL(_ scheme: String) -> Bool {
        scheme.lowercased().hasPrefix("postgres")
    }

    /// The address without what may be secret: the user and password before `@`, and the query
    /// and fragment (which may hold `password=`).
    static func redacted(_ path: String, scheme: String) -> String {
        var rest = Substring(path.dropFirst(scheme.count + 3))
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        if let at = rest[..<authorityEnd].lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        return scheme + "://" + rest
    }
}
