import Foundation
import FundCore
import GRDB

/// Backing the book up and putting a backup in its place.
public struct BackupService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Copies the book to `destination` with SQLite's online backup: a consistent snapshot even
    /// while another process writes. Refuses to overwrite a file.
    public func backup(to destination: String) throws {
        try read { db in try authorizeWholeBook(db) }
        if FileManager.default.fileExists(atPath: destination) { throw BookError.bookExists(path: destination) }
        do {
            let copy = try DatabaseQueue(path: destination)
            try session.store.database.backup(to: copy)
            try copy.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: destination)
            throw Store.map(error, path: destination)
        }
    }

    /// Puts a backup in place of the book at `path`, only if the backup passes `verify`. An
    /// existing book is kept beside it as PATH.replaced-TIMESTAMP, never deleted.
    /// Only an administrator of the backup may restore it.
    public static func restore(from backup: String, to path: String, as user: String) throws -> VerifyReport {
        let copy = try Store.open(at: backup).session(as: user)
        try copy.read { db in try copy.authorize(db, .administer, organization: nil) }
        let report = try copy.verification.verify()
        guard report.problems.isEmpty else {
            throw BookError.notABook(path: backup, reason: "it fails verify with \(report.problems.count) problem(s), the first: \(report.problems[0])")
        }
        let temporary = path + ".restoring"
        try? FileManager.default.removeItem(atPath: temporary)
        try FileManager.default.copyItem(atPath: backup, toPath: temporary)
        if FileManager.default.fileExists(atPath: path) {
            let stamp = Store.now().replacingOccurrences(of: ":", with: "")
            try FileManager.default.moveItem(atPath: path, toPath: path + ".replaced-" + stamp)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
        return report
    }
}

extension Session {
    /// This session's BackupService.
    public var backups: BackupService { BackupService(session: self) }
}
