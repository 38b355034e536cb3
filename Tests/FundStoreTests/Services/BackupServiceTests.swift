import FundCore
import Foundation
@testable import FundStore
import Testing

@Suite struct BackupServiceTests {
    @Test func backsUpAndRestoresAVerifiedCopy() throws {
        let book = try InMemoryBook()
        try book.post("2026-03-10", [("102", 100_00), ("401", -100_00)])
        let folder = NSTemporaryDirectory() + "fundledger-backup-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let copy = folder + "/copy.sqlite"
        try book.admin.backups.backup(to: copy)
        #expect(bookError { try book.admin.backups.backup(to: copy) }?.rule == "book-exists")
        #expect(bookError { try book.session("王芳").backups.backup(to: folder + "/other.sqlite") }?.category == .notPermitted)
        let restored = folder + "/restored.sqlite"
        let report = try BackupService.restore(from: copy, to: restored, as: "admin").verified
        #expect(report.problems.isEmpty && report.vouchers == 1)
        #expect(try Store.open(at: restored).session(as: "admin").ledger.ledgerLines(organization: "FED-01", account: "102", year: 2026).count == 1)
    }

    @Test func aBackupThatFailsVerifyIsNotABook() throws {
        let reason = NotABookReason.failsVerify(problems: 2, first: VerifyProblem(check: "balance", organization: "FED-01", voucher: nil, message: "差额"))
        let error = BookError.notABook(path: "/backup.sqlite", reason: reason)
        #expect(error.description == "/backup.sqlite is not a readable FundLedger book (it fails verify with 2 problem(s), the first: FED-01: 差额 [balance]); restore it from a backup or point --book at the right file")
        #expect(error.rule == "not-a-book" && error.category == .storage)
        #expect(BookError.notABook(path: "b", reason: .noChart).description.contains("(it holds no chart of accounts)"))
    }
}
