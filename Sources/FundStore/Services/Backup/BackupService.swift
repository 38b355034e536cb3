import Foundation
import FundCore

/// Backing the book up and putting a backup in its place.
///
/// A backup is one self-contained file (no `-wal` beside it is needed), written under a working
/// name beside the destination and renamed into place only when complete and flushed: a killed
/// backup leaves nothing under the destination's name. A backup copies the whole book, so it is
/// for those who may read all of it: an administrator, a role over every organisation, or the
/// superior of every top-level union; anyone else is refused (`BackupRefusal.wholeBookNeeded`)
/// and told what they may write instead.
///
/// A restore never writes to the backup: it copies it first, upgrades and verifies the copy, and
/// installs exactly that copy under the book's write lock, keeping the book it replaces, whole,
/// beside it.
public struct BackupService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Copies the book to `destination` as a consistent, self-contained snapshot, even while
    /// another process writes, and returns its SHA-256. Refuses to overwrite a file. Reading the
    /// whole book is needed.
    @discardableResult
    public func backup(to destination: String) throws -> BackupCopy {
        do {
            try reading { storage in try session.authorizeWholeBook(storage) }
        } catch let BookError.notPermitted(user, _, _, roles) {
            throw BookError.backup(.wholeBookNeeded(user: user, roles: roles))
        }
        if FileManager.default.fileExists(atPath: destination) { throw BookError.bookExists(path: destination) }
        try Self.checkFolder(of: destination)
        let working = BookFiles.workingName(beside: destination, "partial")
        defer { BookFiles.removeWorkingFile(working) }
        try session.store.writeSnapshot(to: working)
        let sha256 = try BookFiles.sha256(of: working)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: working)[.size] as? Int) ?? 0
        guard try BookFiles.place(working, at: destination) else { throw BookError.bookExists(path: destination) }
        return BackupCopy(path: destination, sha256: sha256, bytes: bytes)
    }

    /// Puts the backup `backup` in place of the book at `path`, only if it passes `verify`, and
    /// only for an administrator of the backup.
    ///
    /// The backup is copied first and never written to (an older backup is upgraded on the copy).
    /// Over an existing book, the restore waits up to `Store.busyTimeout` for the book's write
    /// lock (then refuses with `BookError.busy`), keeps the book as it is, with what its `-wal`
    /// holds, as PATH.replaced-TIMESTAMP (PATH.replaced-TIMESTAMP-2, ... when taken), and writes
    /// the verified copy into the book's own file in the same locked transaction: a writer that
    /// waited meanwhile then writes into the restored book.
    public static func restore(from backup: String, to path: String, as user: String) throws -> Restoration {
        try restore(from: backup, to: path, as: user, waiting: Store.busyTimeout)
    }

    /// `restore(from:to:as:)` with another wait for the book's write lock.
    static func restore(from backup: String, to path: String, as user: String, waiting timeout: TimeInterval) throws -> Restoration {
        try BookLocation.requireFile(path)
        try checkBackup(backup)
        try checkFolder(of: path)
        let manager = FileManager.default
        if BookFiles.isFolder(path) { throw BookError.notABook(path: path, reason: .folder) }
        if !manager.fileExists(atPath: path) {
            for log in [path + "-wal", path + "-journal"] where ((try? manager.attributesOfItem(atPath: log)[.size] as? Int) ?? 0) > 0 {
                throw BookError.backup(.strayLog(path: log))
            }
        }
        let snapshot = BookFiles.workingName(beside: path, "restoring")
        defer { BookFiles.removeWorkingFile(snapshot) }
        let report: VerifyReport
        do {
            try Store.snapshot(ofBackup: backup, to: snapshot, matching: path)
            report = try verify(snapshot, as: user)
        } catch let BookError.notABook(_, reason) {
            throw BookError.backup(.backupNotABook(path: backup, reason: reason))
        }
        if let first = report.problems.first {
            throw BookError.backup(.backupNotABook(path: backup, reason: .failsVerify(problems: report.problems.count, first: first)))
        }
        let stamp = Store.now().replacingOccurrences(of: ":", with: "")
        let kept = try Store.install(snapshot: snapshot, at: path, keptBase: path + ".replaced-" + stamp, timeout: timeout)
        return Restoration(verified: report, replaced: kept)
    }

    /// Verifies the copy `snapshot` (upgrading it first if an earlier version wrote it) as `user`,
    /// who must administer it.
    private static func verify(_ snapshot: String, as user: String) throws -> VerifyReport {
        let store = try Store.open(at: snapshot)
        defer { try? store.close() }
        let copy = store.session(as: user)
        try copy.reading { storage in try copy.authorize(storage, .administer, organization: nil) }
        return try copy.verification.verify()
    }

    /// Refuses a backup path that holds no readable file.
    private static func checkBackup(_ backup: String) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: backup) else { throw BookError.backup(.backupMissing(path: backup)) }
        if BookFiles.isFolder(backup) { throw BookError.backup(.backupNotABook(path: backup, reason: .folder)) }
        guard manager.isReadableFile(atPath: backup) else { throw BookError.backup(.backupUnreadable(path: backup)) }
    }

    /// Refuses a file whose folder is missing or cannot be written (its working file goes there).
    static func checkFolder(of file: String) throws {
        let folder = BookFiles.folder(of: file)
        guard BookFiles.isFolder(folder) else { throw BookError.backup(.folderMissing(folder: folder, file: file)) }
        guard FileManager.default.isWritableFile(atPath: folder) else { throw BookError.backup(.folderNotWritable(folder: folder, file: file)) }
    }
}

/// A backup written by `BackupService.backup(to:)`.
public struct BackupCopy: Sendable, Hashable {
    /// The backup file.
    public let path: String
    /// The SHA-256 of the file, as 64 lowercase hex digits: compare it with `sha256sum` to
    /// check a copy of the backup.
    public let sha256: String
    /// The file's size in bytes.
    public let bytes: Int
}

/// A restore done by `BackupService.restore(from:to:as:)`.
public struct Restoration: Sendable {
    /// What `verify` found in the backup (no problems: a backup with any is not restored).
    public let verified: VerifyReport
    /// Where the book that was replaced is kept, or nil when there was no book.
    public let replaced: String?
}

extension Session {
    /// This session's BackupService.
    public var backups: BackupService { BackupService(session: self) }
}
