import Foundation
import FundCore

/// Where a command may write its output. Every writer (a workbook, a journal, a backup) asks
/// `OutputTarget.prepare` before it writes, so that no `-o` ever deletes or replaces a folder,
/// the book in use (or its `-wal` and `-shm`), or any other FundLedger book, and an existing
/// file is replaced only when it is of the kind the command writes, or when asked (`--force`).
public enum OutputTarget {
    /// What a command writes.
    public enum Kind: Sendable {
        /// An XLSX workbook: an existing `.xlsx` workbook may be replaced.
        case workbook
        /// A journal text: an existing `.journal` text file may be replaced.
        case journal
        /// A book file (a backup): an existing file is never replaced.
        case book

        var noun: String {
            switch self {
            case .workbook: "an .xlsx workbook"
            case .journal: "a .journal text file"
            case .book: "a new file"
            }
        }
    }

    /// Checks that `path` may receive output of `kind`, creates its missing folders, and
    /// returns it. `books` are the book files the command has open; they, their `-wal` and
    /// `-shm`, and any SQLite file are never written over, `force` or not.
    @discardableResult
    public static func prepare(_ path: String, kind: Kind, force: Bool = false, protecting books: [String] = []) throws -> String {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let target = identity(path), name = absolute(path)
        for book in books {
            for file in [book, book + "-wal", book + "-shm", book + "-journal"]
            where absolute(file) == name || (target != nil && identity(file) == target) {
                throw OutputError.isOpenBook(path: path, book: book)
            }
        }
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw OutputError.isFolder(path: path) }
            if isSQLite(path) { throw OutputError.isBook(path: path) }
            switch kind {
            case .book:
                throw OutputError.exists(path: path, kind: kind.noun)
            case .workbook where !force && !(path.lowercased().hasSuffix(".xlsx") && startsWith(path, [0x50, 0x4B, 0x03, 0x04])),
                 .journal where !force && !path.lowercased().hasSuffix(".journal"):
                throw OutputError.notOfKind(path: path, kind: kind.noun)
            default:
                break
            }
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !manager.fileExists(atPath: folder, isDirectory: &isDirectory) {
            do { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw OutputError.cannotCreateFolder(path: folder, reason: error.localizedDescription)
            }
        } else if !isDirectory.boolValue {
            throw OutputError.cannotCreateFolder(path: folder, reason: "a file of that name is in the way")
        }
        return path
    }

    /// The device and inode of an existing file, so that two names of one file are one file.
    private static func identity(_ path: String) -> [UInt64]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return [UInt64(status.st_dev), UInt64(status.st_ino)]
    }

    /// The path made absolute, with its folder's links resolved.
    private static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
    }

    private static func isSQLite(_ path: String) -> Bool {
        startsWith(path, Array("SQLite format 3\u{0}".utf8))
    }

    private static func startsWith(_ path: String, _ magic: [UInt8]) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: magic.count)) ?? Data()
        return Array(head) == magic
    }
}

/// Why a command would not write its output where it was asked to.
public enum OutputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path names a folder.
    case isFolder(path: String)
    /// The path is the book the command has open, or its -wal or -shm file.
    case isOpenBook(path: String, book: String)
    /// The path holds a FundLedger book (or another SQLite database).
    case isBook(path: String)
    /// A file is there, and the command writes only new files of this kind.
    case exists(path: String, kind: String)
    /// A file is there that is not of the kind the command writes.
    case notOfKind(path: String, kind: String)
    /// The output's folder could not be made.
    case cannotCreateFolder(path: String, reason: String)

    /// The rule's id, as error messages print it in brackets.
    public var rule: String {
        switch self {
        case .isFolder: "output-is-folder"
        case .isOpenBook: "output-is-open-book"
        case .isBook: "output-is-book"
        case .exists: "output-exists"
        case .notOfKind: "output-not-of-kind"
        case .cannotCreateFolder: "output-folder"
        }
    }

    /// What kind of refusal this is.
    public var category: ErrorCategory {
        switch self {
        case .isFolder, .isOpenBook, .isBook, .exists, .notOfKind: .conflict
        case .cannotCreateFolder: .storage
        }
    }

    public var description: String {
        let text = switch self {
        case let .isFolder(path):
            "\(path) is a folder; nothing is written over a folder: give a file inside it, such as \(path)/NAME.xlsx"
        case let .isOpenBook(path, book):
            "\(path) is the book \(book) (or its -wal or -shm file); output never goes over the book in use: choose another file"
        case let .isBook(path):
            "\(path) holds a FundLedger book (an SQLite database); output never replaces a book: choose another file"
        case let .exists(path, kind):
            "\(path) already exists; this command writes only \(kind): choose another file name"
        case let .notOfKind(path, kind):
            "\(path) already exists and is not \(kind); choose another file, or give --force to replace it"
        case let .cannotCreateFolder(path, reason):
            "cannot create the folder \(path): \(reason)"
        }
        return text + " [\(rule)]"
    }
}
