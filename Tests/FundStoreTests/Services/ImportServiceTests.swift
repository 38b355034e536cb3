import Foundation
import FundCore
@testable import FundStore
import Testing

/// Imports into a book in memory: all or nothing, numbered as the file says, sealed as if posted
/// by hand.
@Suite struct ImportServiceTests {
    static let journal = """
        2026-03-05 * (2026-03/记-0001) 收到会费  ; org:FED-01, attachments:1, preparer:王芳, reviewer:李强
            102 银行存款  500.00
            401 会费收入  -500.00

        2026-03-06 * 支付奖品  ; org:FED-01
            50301  120.00  ; project:XB-1
            102  -120.00

        2026-03-07 * (2026-03/记-0003) 注销3月6日记字第2号凭证  ; org:FED-01, reverses:2026-03/记-0002
            50301  -120.00  ; project:XB-1
            102  120.00
        """

    static func file(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-service-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func balances(_ book: InMemoryBook) throws -> [BalanceRecord] {
        try book.store.database.read { db in try BalanceRecord.order(BalanceRecord.Columns.accountID).fetchAll(db) }
    }

    @Test func postsEveryVoucherWithItsNumberBalancesAndSeal() throws {
        let book = try InMemoryBook()
        let summary = try book.session("王芳").imports.importJournal(paths: [try Self.file("march.journal", Self.journal)], defaultOrganization: nil, defaultReviewer: "李强")
        #expect(summary.vouchers == 3 && summary.lines == 6 && summary.byOrganization == ["FED-01": 3] && !summary.dryRun)
        let vouchers = try book.session("王芳").vouchers.vouchers(organization: "FED-01")
        #expect(vouchers.map { $0.ref?.description } == ["2026-03/记-0001", "2026-03/记-0002", "2026-03/记-0003"])
        #expect(vouchers[2].reversesID == vouchers[1].id)
        // The red ink cancels the prize on its own sides: 50301 nets to zero in debits.
        let net = try Self.balances(book).reduce(into: 0) { $0 += $1.debitFen - $1.creditFen }
        #expect(net == 0)
        let (problems, batches) = try book.store.database.read { db in
            (try SQLiteStorage(db).sealProblems(organizationID: nil), try ImportBatchRecord.fetchAll(db))
        }
        #expect(problems.isEmpty)
        #expect(batches.count == 1 && batches[0].voucherCount == 3 && batches[0].importedBy == "王芳")
    }

    @Test func aDryRunKeepsNothing() throws {
        let book = try InMemoryBook()
        let summary = try book.session("王芳").imports.importJournal(paths: [try Self.file("march.journal", Self.journal)], defaultOrganization: nil, defaultReviewer: "李强", dryRun: true)
        #expect(summary.vouchers == 3 && summary.dryRun)
        #expect(try book.session("王芳").vouchers.vouchers(organization: "FED-01").isEmpty)
        #expect(try Self.balances(book).isEmpty)
    }

    @Test func reportsANumberThatIsNotNextAndWritesNothing() throws {
        let book = try InMemoryBook()
        let text = Self.journal.replacingOccurrences(of: "(2026-03/记-0003)", with: "(2026-03/记-0007)")
        do {
            _ = try book.session("王芳").imports.importJournal(paths: [try Self.file("bad.journal", text)], defaultOrganization: nil, defaultReviewer: "李强")
            Issue.record("the import should have been refused")
        } catch let error as InputErrors {
            #expect(error.errors.map(\.rule) == ["number-not-next"])
            #expect(error.errors.first?.line == 9)
        }
        #expect(try book.session("王芳").vouchers.vouchers(organization: "FED-01").isEmpty)
    }

    @Test func refusesAnOrganisationTheUserDoesNotKeep() throws {
        let book = try InMemoryBook()
        let text = Self.journal.replacingOccurrences(of: "org:FED-01", with: "org:CTY-01")
        let error = bookError { _ = try book.session("王芳").imports.importJournal(paths: [try Self.file("cty.journal", text)], defaultOrganization: nil, defaultReviewer: "李强") }
        #expect(error?.rule == "not-permitted" && error?.category == .notPermitted)
    }
}
