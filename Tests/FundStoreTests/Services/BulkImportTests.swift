import Foundation
import FundCore
@testable import FundStore
import GRDB
import Testing

/// An import in one checked pass: vouchers inserted as posted, the database's checks run once
/// for the whole batch, and the rows as frozen afterwards as those posted by hand.
@Suite struct BulkImportTests {
    static func imported() throws -> InMemoryBook {
        let book = try InMemoryBook()
        _ = try book.session("王芳").imports.importJournal(paths: [try ImportServiceTests.file("march.journal", ImportServiceTests.journal)],
                                                           defaultOrganization: nil, defaultReviewer: "李强")
        return book
    }

    @Test func aBookAtRestHoldsNoOpenBatchAndVerifiesClean() throws {
        let book = try Self.imported()
        let open = try book.store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM bulk_import_open") }
        #expect(open == 0)
        #expect(try book.admin.verification.verify().problems.isEmpty)
        let posted = try book.store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM voucher WHERE status = 'posted' AND import_id IS NOT NULL AND created_at = posted_at")
        }
        #expect(posted == 3)
    }

    @Test func aRefusedImportLeavesNoOpenBatch() throws {
        let book = try InMemoryBook()
        let bad = ImportServiceTests.journal + "\n\n2026-03-08 * 不平衡  ; org:FED-01\n    102  10.00\n    401  -9.99\n"
        #expect(throws: InputErrors.self) {
            try book.session("王芳").imports.importJournal(paths: [try ImportServiceTests.file("bad.journal", bad)], defaultOrganization: nil,
                                                         defaultReviewer: "李强")
        }
        let (open, vouchers) = try book.store.database.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM bulk_import_open"), try Int.fetchOne(db, sql: "SELECT count(*) FROM voucher"))
        }
        #expect(open == 0 && vouchers == 0)
    }

    /// Outside an open batch the triggers refuse what they always refused.
    @Test(arguments: [
        ("INSERT INTO voucher_line (voucher_id, position, account_id, side, amount) SELECT id, 9, (SELECT account_id FROM voucher_line WHERE position = 1 LIMIT 1), 'D', 1 FROM voucher LIMIT 1",
         "a posted voucher cannot be changed"),
        ("UPDATE voucher_line SET amount = amount + 1 WHERE position = 1", "a posted voucher cannot be changed"),
        ("DELETE FROM voucher_line", "a posted voucher cannot be changed"),
        ("UPDATE voucher SET summary = '改过' WHERE number = 1", "a posted voucher cannot be changed"),
        ("""
        INSERT INTO voucher (organization_id, date, period, word, number, summary, attachments, preparer, reviewer, bookkeeper, status, import_id, created_at, posted_at)
        SELECT organization_id, date, period, word, 4, summary, attachments, preparer, reviewer, bookkeeper, 'posted', import_id, created_at, posted_at FROM voucher LIMIT 1
        """, "a voucher is inserted as a draft"),
    ])
    func importedRowsStayFrozen(sql: String, refusal: String) throws {
        let book = try Self.imported()
        var message: String?
        do { try book.store.database.write { db in try db.execute(sql: sql) } } catch let error as DatabaseError { message = error.message }
        #expect(message?.contains(refusal) == true, "\(sql)")
    }

    enum Breach: String, CaseIterable {
        case none, unbalanced, oneLine, notALeaf, otherChart, negativeNotRedInk, gap, unsealed, closedMonth, preparerNotAnOfficer

        /// Words of the rule the batch's checks name for it.
        var rule: String {
            switch self {
            case .none: ""
            case .unbalanced, .oneLine: "does not balance or has fewer than two lines"
            case .notALeaf, .otherChart, .negativeNotRedInk: "leaf accounts of the organisation's chart"
            case .gap: "without gaps"
            case .unsealed: "numbered and sealed"
            case .closedMonth: "the period is closed"
            case .preparerNotAnOfficer: "are officers of its organisation"
            }
        }
    }

    /// What the triggers would have refused voucher by voucher, written behind Swift's back into
    /// an open batch, is found by the batch's checks, and the import is refused; the same voucher
    /// without a breach (`none`) passes them.
    @Test(arguments: Breach.allCases)
    func theBatchChecksFindEveryBreach(_ breach: Breach) throws {
        let book = try InMemoryBook()
        let message: String? = try book.store.database.write { db in
            let storage = SQLiteStorage(db)
            let organization = try storage.organizationID("FED-01")
            func account(_ code: String, chart: String = "grassroots") throws -> Int64 {
                try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE chart = ? AND organization_id IS NULL AND code = ?", arguments: [chart, code]) ?? 0
            }
            if breach == .closedMonth {
                try db.execute(sql: "INSERT INTO period_close (organization_id, period, closed_at, closed_by) VALUES (?, 202603, '2026-04-01T00:00:00Z', 'admin')",
                               arguments: [organization])
            }
            let batch = try storage.insertImportBatch(ImportBatchRecord(file: "x.journal", importedAt: "2026-03-09T00:00:00Z", importedBy: "王芳", voucherCount: 0))
            try storage.openBulkImport(batchID: batch)
            let id = (try Int64.fetchOne(db, sql: "SELECT high + 1 FROM voucher_id_high")) ?? 1
            try db.execute(sql: """
                INSERT INTO voucher (id, organization_id, date, period, word, number, summary, attachments, preparer, reviewer, bookkeeper, status,
                                     import_id, created_at, posted_at)
                VALUES (?, ?, '2026-03-05', 202603, '记', ?, '收到会费', 0, ?, '李强', '王芳', 'posted', ?, '2026-03-09T00:00:00Z', '2026-03-09T00:00:00Z')
                """, arguments: [id, organization, breach == .gap ? 2 : 1, breach == .preparerNotAnOfficer ? "张三" : "王芳", batch])
            var lines: [(Int64, String, Int64)] = [(try account("102"), "D", 500), (try account("401"), "C", 500)]
            switch breach {
            case .unbalanced: lines[1].2 = 499
            case .oneLine: lines.removeLast()
            case .notALeaf: lines[0].0 = try account("503")
            case .otherChart: lines[0].0 = try account("102", chart: "county")
            case .negativeNotRedInk: lines = [(lines[0].0, "D", -500), (lines[1].0, "C", -500)]
            default: break
            }
            for (index, line) in lines.enumerated() {
                try db.execute(sql: "INSERT INTO voucher_line (voucher_id, position, account_id, side, amount) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, index + 1, line.0, line.1, line.2])
            }
            if breach != .unsealed {
                try storage.insertSeal(VoucherSealRecord(voucherID: id, organizationID: organization, seq: 1, previous: SealPayload.genesis,
                                                         hash: String(repeating: "f", count: 64)))
            }
            do {
                try storage.closeBulkImport(batchID: batch)
                return nil
            } catch let BookError.storage(.constraint(message)) {
                return message
            }
        }
        if breach == .none {
            #expect(message == nil)
        } else {
            #expect(message?.contains(breach.rule) == true && message?.contains("voucher #") == true, "\(breach): \(message ?? "none")")
        }
    }
}
