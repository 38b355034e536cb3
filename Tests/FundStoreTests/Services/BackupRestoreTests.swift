import Foundation
import FundCore
@testable import FundStore
import FundTesting
import GRDB
import Testing

/// Backup and restore lose nothing: a backup is one complete file under its name, and a restore
/// installs what it verified, under the book's write lock, keeping the replaced book whole.
@Suite struct BackupRestoreTests {
    /// A new empty folder.
    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "fundledger-restore-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The posted vouchers in the book file at `path`, read through a connection of its own.
    static func posted(_ path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? queue.close() }
        return try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM voucher WHERE status = 'posted'") ?? -1 }
    }

    /// The posted vouchers of `path` read from a copy of that one file alone, without any `-wal`
    /// beside it: what the file holds by itself.
    static func postedInFileAlone(_ path: String) throws -> Int {
        let alone = try folder() + "/alone.sqlite"
        try FileManager.default.copyItem(atPath: path, toPath: alone)
        return try posted(alone)
    }

    static func files(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func backupIsOneSelfContainedFileWithItsSHA256() throws {
        let book = try TestBook()
        try book.post("FED-01", "2026-03-10", [("102", 100_00), ("401", -100_00)])
        let folder = try Self.folder()
        let copy = try book.book.backups.backup(to: folder + "/b.sqlite")
        #expect(try Self.files(folder) == ["b.sqlite"])
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/b.sqlite"))
        // A rollback-journal file (format bytes 1, 1): it needs no -wal.
        #expect(data[18] == 1 && data[19] == 1)
        #expect(copy.bytes == data.count && copy.sha256.count == 64)
        #expect(try BookFiles.sha256(of: folder + "/b.sqlite") == copy.sha256)
        #expect(try Self.postedInFileAlone(folder + "/b.sqlite") == 1)
    }

    @Test func restoreKeepsWhatTheReplacedBooksWalHeld() throws {
        let book = try TestBook()
        let folder = try Self.folder()
        try book.book.backups.backup(to: folder + "/old.sqlite")
        try book.post("FED-01", "2026-03-10", [("102", 100_00), ("401", -100_00)])
        // The book's store is still open: the voucher is in its -wal, not yet in the file.
        #expect(((try FileManager.default.attributesOfItem(atPath: book.path + "-wal")[.size] as? Int) ?? 0) > 0)
        let restoration = try BackupService.restore(from: folder + "/old.sqlite", to: book.path, as: "t")
        let kept = try #require(restoration.replaced)
        #expect(try Self.posted(book.path) == 0)
        #expect(try Self.postedInFileAlone(kept) == 1)
        #expect(!FileManager.default.fileExists(atPath: kept + "-wal"))
    }

    @Test func restoreInstallsWhatItVerifiedWithTheBackupsWal() throws {
        let source = try TestBook()
        try source.post("FED-01", "2026-03-10", [("102", 100_00), ("401", -100_00)])
        #expect(((try FileManager.default.attributesOfItem(atPath: source.path + "-wal")[.size] as? Int) ?? 0) > 0)
        let target = try Self.folder() + "/restored.sqlite"
        let restoration = try BackupService.restore(from: source.path, to: target, as: "t")
        #expect(restoration.verified.vouchers == 1 && restoration.replaced == nil)
        #expect(try Self.postedInFileAlone(target) == 1)
        #expect(try Store.open(at: target).session(as: "t").verification.verify().problems.isEmpty)
    }

    @Test func restoreNeverWritesToTheBackup() throws {
        let book = try TestBook()
        try book.post("FED-01", "2026-03-10", [("102", 100_00), ("401", -100_00)])
        let folder = try Self.folder()
        let backup = folder + "/older.sqlite"
        try book.book.backups.backup(to: backup)
        // An older backup, as the previous version wrote them: in WAL mode, one migration behind.
        let older = try DatabaseQueue(path: backup)
        try older.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3-numbering-index'")
        }
        try older.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: backup))
        let modified = try FileManager.default.attributesOfItem(atPath: backup)[.modificationDate] as? Date
        let target = try Self.folder() + "/restored.sqlite"
        _ = try BackupService.restore(from: backup, to: target, as: "t")
        #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: backup)[.modificationDate] as? Date == modified)
        #expect(try Self.files(folder) == ["older.sqlite"])
        let restored = try DatabaseQueue(path: target)
        #expect(try restored.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = 'v3-numbering-index')") } == true)
        #expect(try Self.posted(target) == 1)
    }

    @Test func restoreTakesTheWriteLockAndSaysBusyWhenItStaysTaken() throws {
        let book = try TestBook()
        let folder = try Self.folder()
        try book.book.backups.backup(to: folder + "/old.sqlite")
        try book.post("FED-01", "2026-03-10", [("102", 100_00), ("401", -100_00)])
        let holder = try DatabaseQueue(path: book.path)
        let started = Date()
        let error = try holder.writeWithoutTransaction { db -> BookError? in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            return bookError { _ = try BackupService.restore(from: folder + "/old.sqlite", to: book.path, as: "t", waiting: 0.3) }
        }
        #expect(error?.rule == "busy")
        #expect(Date().timeIntervalSince(started) >= 0.3)
        #expect(try Self.posted(book.path) == 1)
        #expect(try Self.files(book.folder).allSatisfy { !$0.contains(".replaced-") && !$0.contains(".restoring-") && !$0.contains(".replacing-") })
        // Once the lock is free, the restore goes through.
        #expect(try BackupService.restore(from: folder + "/old.sqlite", to: book.path, as: "t", waiting: 0.3).replaced != nil)
        #expect(try Self.posted(book.path) == 0)
    }

    @Test func aWriterOfTheReplacedBookWritesIntoTheRestoredOne() throws {
        let book = try TestBook()
        try book.post("FED-01", "2026-03-10", [("102", 100_00), ("401", -100_00)])
        let folder = try Self.folder()
        try book.book.backups.backup(to: folder + "/one.sqlite")
        try book.post("FED-01", "2026-03-11", [("102", 200_00), ("401", -200_00)])
        let kept = try #require(try BackupService.restore(from: folder + "/one.sqlite", to: book.path, as: "t").replaced)
        // The store opened before the restore writes on: into the restored book, not into the
        // kept copy.
        try book.post("FED-01", "2026-03-12", [("102", 300_00), ("401", -300_00)])
        #expect(try Self.posted(book.path) == 2)
        #expect(try Self.posted(kept) == 2)
        #expect(try Store.open(at: book.path).session(as: "t").ledgerAmounts() == [100_00, 300_00])
        #expect(try Store.open(at: book.path).session(as: "t").verification.verify().problems.isEmpty)
        #expect(try Store.open(at: kept).session(as: "t").ledgerAmounts() == [100_00, 200_00])
    }

    @Test func aWriterWaitingDuringTheRestoreWritesIntoTheRestoredBook() throws {
        let book = try TestBook()
        let folder = try Self.folder()
        try book.book.backups.backup(to: folder + "/old.sqlite")
        try book.post("FED-01", "2026-03-10", [("102", 100_00), ("401", -100_00)])
        let snapshot = folder + "/snapshot.sqlite"
        try Store.snapshot(ofBackup: folder + "/old.sqlite", to: snapshot, matching: book.path)
        // A writer that opened the book before the restore, and tries to write while it runs.
        let writer = try Store.open(at: book.path).session(as: "t")
        let draft = VoucherDraft(organization: "FED-01", date: LocalDate(parsing: "2026-03-12")!, summary: "写于恢复之时", attachments: 1,
                                 preparer: "王芳", lines: [VoucherLine(accountCode: "102", side: .debit, amount: Money(fen: 5_00)),
                                                           VoucherLine(accountCode: "401", side: .credit, amount: Money(fen: 5_00))])
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        var busyMeanwhile = false
        let kept = try Store.install(snapshot: snapshot, at: book.path, keptBase: book.path + ".replaced-test") {
            // The lock is held: a writer that will not wait is refused...
            do {
                let impatient = try DatabaseQueue(path: book.path, configuration: { var c = Configuration(); c.busyMode = .immediateError; return c }())
                defer { try? impatient.close() }
                try impatient.write { db in try db.execute(sql: "UPDATE organization SET name = name WHERE 0") }
            } catch let error as DatabaseError {
                busyMeanwhile = error.resultCode == .SQLITE_BUSY
            } catch {}
            // ...and a patient one waits.
            DispatchQueue.global().async {
                outcome.set(Result { try writer.vouchers.addVoucher(draft).id })
                done.signal()
            }
            Thread.sleep(forTimeInterval: 0.3)
        }
        done.wait()
        #expect(busyMeanwhile)
        #expect(throws: Never.self) { try outcome.get().get() }
        let count = "SELECT count(*) FROM voucher WHERE summary = '写于恢复之时'"
        #expect(try DatabaseQueue(path: book.path).read { db in try Int.fetchOne(db, sql: count) } == 1)
        #expect(try DatabaseQueue(path: try #require(kept)).read { db in try Int.fetchOne(db, sql: count) } == 0)
        #expect(try Self.posted(book.path) == 0 && Self.posted(try #require(kept)) == 1)
    }

    @Test func twoRestoresInOneSecondKeepBothReplacedBooks() throws {
        let book = try TestBook()
        let folder = try Self.folder()
        try book.book.backups.backup(to: folder + "/old.sqlite")
        try book.post("FED-01", "2026-03-10", [("102", 100_00), ("401", -100_00)])
        let first = try #require(try BackupService.restore(from: folder + "/old.sqlite", to: book.path, as: "t").replaced)
        let second = try #require(try BackupService.restore(from: folder + "/old.sqlite", to: book.path, as: "t").replaced)
        #expect(first != second)
        #expect(try Self.posted(first) == 1 && Self.posted(second) == 0)
    }

    @Test func restoreNamesTheRealProblem() throws {
        let book = try TestBook()
        let folder = try Self.folder()
        let backup = folder + "/b.sqlite"
        try book.book.backups.backup(to: backup)
        let missing = bookError { _ = try BackupService.restore(from: folder + "/nope.sqlite", to: folder + "/r.sqlite", as: "t") }
        #expect(missing?.rule == "backup-missing" && missing?.category == .notFound)
        #expect(missing?.description == "there is no backup at \(folder)/nope.sqlite; give the file `fundledger backup -o` wrote (nothing was restored) [backup-missing]")
        let noFolder = bookError { _ = try BackupService.restore(from: backup, to: folder + "/no/r.sqlite", as: "t") }
        #expect(noFolder?.rule == "folder-missing" && noFolder?.description.hasPrefix("the folder \(folder)/no does not exist") == true)
        let isFolder = bookError { _ = try BackupService.restore(from: folder, to: folder + "/r.sqlite", as: "t") }
        #expect(isFolder?.rule == "backup-not-a-book" && isFolder?.description.contains("(it is a folder)") == true)
        let garbage = folder + "/garbage.sqlite"
        try Data(repeating: 7, count: 10_000).write(to: URL(fileURLWithPath: garbage))
        let notABook = bookError { _ = try BackupService.restore(from: garbage, to: folder + "/r.sqlite", as: "t") }
        #expect(notABook?.rule == "backup-not-a-book" && notABook?.description.hasPrefix("\(garbage) is not a readable FundLedger backup") == true)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: folder + "/r.sqlite-wal"))
        #expect(bookError { _ = try BackupService.restore(from: backup, to: folder + "/r.sqlite", as: "t") }?.rule == "stray-log")
        try FileManager.default.removeItem(atPath: folder + "/r.sqlite-wal")
        if getuid() != 0 {  // root reads whatever the permissions say
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: backup)
            #expect(bookError { _ = try BackupService.restore(from: backup, to: folder + "/r.sqlite", as: "t") }?.rule == "backup-unreadable")
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: backup)
        }
        #expect(BookError.backup(.backupUnreadable(path: "b.sqlite")).description
            == "the backup b.sqlite cannot be read (permission denied); make it readable for this user, or copy it somewhere readable (nothing was restored) [backup-unreadable]")
        // Nothing of the refused restores is left behind.
        #expect(try Self.files(folder) == ["b.sqlite", "garbage.sqlite"])
    }

    @Test func restoreOverAFileThatIsNoDatabaseKeepsIt() throws {
        let book = try TestBook()
        try book.post("FED-01", "2026-03-10", [("102", 100_00), ("401", -100_00)])
        let folder = try Self.folder()
        try book.book.backups.backup(to: folder + "/b.sqlite")
        let damaged = folder + "/damaged.sqlite"
        let garbage = Data(repeating: 9, count: 8192)
        try garbage.write(to: URL(fileURLWithPath: damaged))
        let kept = try #require(try BackupService.restore(from: folder + "/b.sqlite", to: damaged, as: "t").replaced)
        #expect(try Data(contentsOf: URL(fileURLWithPath: kept)) == garbage)
        #expect(try Self.posted(damaged) == 1)
    }

    @Test func backupRefusesWhoMayNotReadTheWholeBook() throws {
        let book = try InMemoryBook()
        let folder = try Self.folder()
        let error = bookError { try book.session("王芳").backups.backup(to: folder + "/b.sqlite") }
        #expect(error?.rule == "backup-whole-book" && error?.category == .notPermitted)
        #expect(error?.description.hasPrefix("王芳 may not back up the book: a backup is a copy of the whole book, and 王芳 is officer of FED-01;") == true)
        #expect(error?.description.contains("`fundledger backup --org ORG -o FILE`") == true)
        #expect(try Self.files(folder).isEmpty)
    }
}

/// What a writer on another thread got.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Int64, any Error>?
    func set(_ result: Result<Int64, any Error>) { lock.withLock { self.result = result } }
    func get() throws -> Result<Int64, any Error> { try lock.withLock { try #require(result) } }
}

extension Session {
    /// The amounts posted to 102 of FED-01 in 2026, in order.
    fileprivate func ledgerAmounts() throws -> [Int64] {
        try ledger.ledgerLines(organization: "FED-01", account: "102", year: 2026).map(\.amountFen)
    }
}
