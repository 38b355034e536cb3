import Foundation
import FundCore

/// Backing the book up and putting a backup in its place.
public struct BackupService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Copies the book to `destination` as a consistent snapshot, even while another process
    /// writes. Refuses to overwrite a file. Reading the whole book is needed.
    public func backup(to destination: String) throws {
        try reading { storage in try session.authorizeWholeBook(storage) }
        if FileManager.default.fileExists(atPath: destination) { throw BookError.bookExists(path: destination) }
        try session.store.copy(to: destination)
    }

    /// Puts a backup in place of the book at `path`, only if the backup passes `verify`. An
    /// existing book is kept beside it as PATH.replaced-TIMESTAMP, never deleted.
    /// Only an administrator of the backup may restore it.
    public static func restore(from backup: String, to path: String, as user: String) throws -> VerifyReport {
        let copy = try Store.open(at: backup).session(as: user)
        try copy.reading { storage in try copy.authorize(storage, .administer, organization: nil) }
        let report = try copy.verification.verify()
        if let first = report.problems.first {
            throw BookError.notABook(path: backup, reason: .failsVerify(problems: report.problems.count, first: first))
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
