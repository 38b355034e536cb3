import Foundation
import FundCore
import GRDB
@testable import FundStore
import Testing

/// One way to name a voucher, ids never reused, several vouchers reviewed and posted at once,
/// and files as Excel and WPS save them on Chinese Windows.
@Suite struct InputFormsServiceTests {
    static func draft(_ date: String, _ fen: Int64 = 300, preparer: String = "王芳") -> VoucherDraft {
        VoucherDraft(organization: "FED-01", date: LocalDate(parsing: date)!, summary: "测试凭证", attachments: 1, preparer: preparer,
                     lines: [VoucherLine(accountCode: "102", side: .debit, amount: Money(fen: fen)),
                             VoucherLine(accountCode: "401", side: .credit, amount: Money(fen: fen))])
    }

    static func file(_ name: String, _ bytes: Data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("input-forms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try bytes.write(to: url)
        return url.path
    }

    @Test func aVoucherIsNamedByItsNumberOrByHashIDButNeverByABareNumber() throws {
        let book = try InMemoryBook()
        _ = try book.post("2026-05-02", [("102", 300), ("401", -300)])
        let third = try book.post("2026-05-03", [("102", 200), ("401", -200)])
        let vouchers = book.session("王芳").vouchers
        let may = Period(year: 2026, month: 5)!
        #expect(try vouchers.voucher(organization: "FED-01", reference: "2026-05/记-0002").id == third.id)
        #expect(try vouchers.voucher(organization: "FED-01", reference: "记-0002", period: may).id == third.id)
        #expect(try vouchers.voucher(organization: "FED-01", reference: "#\(third.id)").id == third.id)
        let bare = bookError { _ = try vouchers.voucher(organization: "FED-01", reference: "2") }
        guard case .voucherName(.bareNumber(2, nil)) = bare else { Issue.record("expected a bare number refused, got \(String(describing: bare))"); return }
        #expect(bare?.rule == "voucher-bare-number" && bare?.category == .invalidInput)
        #expect(bare?.description.contains("2026-05/记-0002") == true && bare?.description.contains("#2") == true)
        let noMonth = bookError { _ = try vouchers.voucher(organization: "FED-01", reference: "记-0002") }
        #expect(noMonth?.rule == "voucher-needs-period")
        let otherMonth = bookError { _ = try vouchers.voucher(organization: "FED-01", reference: "记-0009", period: may) }
        guard case .voucherNotFound(.number("FED-01", _)) = otherMonth else { Issue.record("expected not found"); return }
    }

    @Test func aDeletedDraftsIdIsNeverHandedOutAgain() throws {
        let book = try InMemoryBook()
        let vouchers = book.session("王芳").vouchers
        let first = try vouchers.addVoucher(Self.draft("2026-05-02"))
        let second = try vouchers.addVoucher(Self.draft("2026-05-03"))
        try vouchers.deleteDraft(id: second.id)
        let third = try vouchers.addVoucher(Self.draft("2026-05-04"))
        #expect(third.id > second.id && second.id > first.id)
        #expect(bookError { _ = try vouchers.voucher(organization: "FED-01", reference: "#\(second.id)") }?.rule == "voucher-not-found")
        // The database refuses an id at or below the highest ever given, whoever writes.
        #expect(throws: (any Error).self) {
            try book.store.database.write { db in
                try db.execute(sql: "INSERT INTO voucher (id, organization_id, date, period, word, summary, attachments, preparer, status, created_at) SELECT ?, organization_id, date, period, word, summary, attachments, preparer, 'draft', created_at FROM voucher WHERE id = ?",
                               arguments: [second.id, first.id])
            }
        }
    }

    @Test func severalVouchersAreReviewedAndPostedAllOrNothing() throws {
        let book = try InMemoryBook()
        let preparer = book.session("王芳").vouchers, reviewer = book.session("李强").vouchers
        let a = try preparer.addVoucher(Self.draft("2026-05-02"))
        let b = try preparer.addVoucher(Self.draft("2026-05-03"))
        let own = try reviewer.addVoucher(Self.draft("2026-05-04", preparer: "李强"))

        // 李强 prepared the third: nothing is reviewed, and the refusal names that one voucher.
        let refused = bookError { _ = try reviewer.reviewVouchers(ids: [a.id, b.id, own.id], reviewer: "李强") }
        guard case let .batchRefused(.review, failures) = refused else { Issue.record("expected a refused batch, got \(String(describing: refused))"); return }
        #expect(failures.map(\.voucher) == ["FED-01 #\(own.id)"])
        #expect(failures.first?.error.rule == "voucher-refused" && refused?.rule == "batch-refused")
        #expect(try preparer.voucher(id: a.id).status == .draft && preparer.voucher(id: b.id).status == .draft)

        #expect(try reviewer.reviewVouchers(ids: [a.id, b.id], reviewer: "李强").map(\.status) == [.reviewed, .reviewed])
        #expect(try preparer.unpostedVoucherIDs(organization: "FED-01") == [a.id, b.id, own.id])

        // The unreviewed third refuses the batch; the two reviewed ones stay unposted.
        let unposted = bookError { _ = try preparer.postVouchers(ids: [b.id, a.id, own.id], bookkeeper: "王芳") }
        guard case let .batchRefused(.post, postFailures) = unposted else { Issue.record("expected a refused batch"); return }
        #expect(postFailures.count == 1 && postFailures.first?.error.rule == "wrong-status")
        #expect(unposted?.description.contains("none was posted") == true)
        #expect(try preparer.voucher(id: a.id).status == .reviewed)

        let posted = try preparer.postVouchers(ids: [b.id, a.id], bookkeeper: "王芳")
        #expect(posted.map { $0.ref?.description } == ["2026-05/记-0001", "2026-05/记-0002"])
        #expect(try preparer.unpostedVoucherIDs(organization: "FED-01") == [own.id])
    }

    @Test func aCSVSavedByExcelOnChineseWindowsIsReadAsGBK() throws {
        let book = try InMemoryBook()
        // 单位,日期,凭证号,摘要,科目编码,科目名称,借方,贷方 / FED-01,2026/3/5,1,收到会员会费,102,银行存款,"1,050.00", / ...401,会费收入,,"1,050.00", in GBK with CRLF.
        let hex = "b5a5cebb2cc8d5c6da2cc6bed6a4bac52cd5aad2aa2cbfc6c4bfb1e0c2eb2cbfc6c4bfc3fbb3c62cbde8b7bd2cb4fbb7bd0d0a4645442d30312c323032362f332f352c312ccad5b5bdbbe1d4b1bbe1b7d12c3130322cd2f8d0d0b4e6bfee2c22312c3035302e3030222c0d0a4645442d30312c323032362f332f352c312ccad5b5bdbbe1d4b1bbe1b7d12c3430312cbbe1b7d1cad5c8eb2c2c22312c3035302e3030220d0a"
        var bytes = Data()
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        #expect(String(data: bytes, encoding: .utf8) == nil)
        let path = try Self.file("excel.csv", bytes)
        let summary = try book.session("王芳").imports.importJournal(paths: [path], defaultOrganization: nil, defaultReviewer: "李强")
        #expect(summary.vouchers == 1 && summary.lines == 2)
        let voucher = try book.session("王芳").vouchers.voucher(organization: "FED-01", reference: "2026-03/记-0001")
        #expect(voucher.draft.summary == "收到会员会费" && voucher.draft.lines.map(\.amount.fen) == [105_000, 105_000])

        // Read as UTF-8 only, the same file is refused, with the reason.
        let strict = try InMemoryBook()
        #expect(throws: InputErrors.self) {
            _ = try strict.session("王芳").imports.importJournal(paths: [path], defaultOrganization: nil, defaultReviewer: "李强", encoding: .utf8)
        }
        // Forced as GBK, a UTF-8 file reads as other characters, and its columns are refused.
        let utf8 = try Self.file("utf8.csv", Data("单位,日期\n".utf8))
        #expect(throws: InputErrors.self) {
            _ = try strict.session("王芳").imports.importJournal(paths: [utf8], defaultOrganization: nil, defaultReviewer: "李强", encoding: .gbk)
        }
    }

    /// The encoding is judged where the text first leaves ASCII, however far in, reading the file
    /// in chunks rather than whole.
    @Test func aFileIsJudgedWhereItFirstLeavesASCII() throws {
        let ascii = Data(repeating: UInt8(ascii: "a"), count: 100_000)
        let gbk = Data([0xC8, 0xD5, 0xC6, 0xDA, 0x0A])              // 日期 in GBK
        #expect(!GB18030.readsAsUTF8(path: try Self.file("gbk.csv", ascii + gbk)))
        #expect(GB18030.readsAsUTF8(path: try Self.file("utf8.csv", ascii + Data("日期\n".utf8))))
        #expect(GB18030.readsAsUTF8(path: try Self.file("ascii.csv", ascii)))
        #expect(GB18030.readsAsUTF8(path: try Self.file("bom.csv", Data([0xEF, 0xBB, 0xBF]) + gbk)))
        #expect(GB18030.utf8(gbk).flatMap { String(data: $0, encoding: .utf8) } == "日期\n")
    }

    @Test func aJournalPostingMayNameItsAccountByItsOwnNameButNotAnother() throws {
        let book = try InMemoryBook()
        let good = try Self.file("good.journal", Data("""
            2026-03-05 * 收到补助  ; org:FED-01
                102 银行存款  500.00
                40301 一般性转移支付补助  -500.00

            """.utf8))
        #expect(try book.session("王芳").imports.importJournal(paths: [good], defaultOrganization: nil, defaultReviewer: "李强").vouchers == 1)
        let bad = try Self.file("bad.journal", Data("""
            2026-03-06 * 收到会费  ; org:FED-01
                102 银行存款  500.00
                401 银行存款  -500.00

            """.utf8))
        do {
            _ = try book.session("王芳").imports.importJournal(paths: [bad], defaultOrganization: nil, defaultReviewer: "李强")
            Issue.record("expected the name refused")
        } catch let errors as InputErrors {
            #expect(errors.errors.map(\.rule) == ["account-name-mismatch"])
            #expect(errors.errors.first?.message.contains("\"会费收入\"") == true && errors.errors.first?.message.contains("\"银行存款\"") == true)
        }
    }

    @Test func verifyCountsItsWarnings() {
        var report = VerifyReport()
        #expect(report.summary == "no errors, no warnings")
        report.warnings = Array(repeating: VerifyProblem(check: "committee", organization: "FED-01", voucher: nil, message: "x"), count: 7)
        #expect(report.summary == "no errors, 7 warnings")
        report.problems = [VerifyProblem(check: "balance", organization: "FED-01", voucher: nil, message: "x")]
        report.warnings = Array(report.warnings.prefix(1))
        #expect(report.summary == "1 error, 1 warning")
    }
}

/// A voucher sheet imported straight from `.xlsx`: shared and inline strings, numbers as the cell
/// writes them, dates as serial numbers or text, a phonetic run left out.
@Suite struct XLSXImportTests {
    static let sheet = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("ledgers/sheets/vouchers-2026-05.xlsx").path

    @Test func aVoucherSheetIsImportedAsItsCSVWouldBe() throws {
        let book = try InMemoryBook()
        let summary = try book.session("王芳").imports.importJournal(paths: [Self.sheet], defaultOrganization: nil, defaultReviewer: "李强")
        #expect(summary.vouchers == 2 && summary.lines == 4)
        let vouchers = try book.session("王芳").vouchers.vouchers(organization: "FED-01", period: Period(year: 2026, month: 5)!)
        #expect(vouchers.map(\.draft.date.description) == ["2026-05-06", "2026-05-07"])
        #expect(vouchers.map(\.draft.summary) == ["收到会员会费", "购买办公用品"])
        #expect(vouchers.flatMap(\.draft.lines).map(\.amount.fen) == [105_050, 105_050, 120_000, 120_000])
    }

    @Test func serialNumbersAreDaysOf1900() {
        #expect(XLSXSheet.date(serial: "46148")?.description == "2026-05-06")
        #expect(XLSXSheet.date(serial: "46149.5")?.description == "2026-05-07")
        #expect(XLSXSheet.date(serial: "25569")?.description == "1970-01-01")
        #expect(XLSXSheet.date(serial: "1e5") == nil)
        #expect(XLSXSheet.date(serial: "-3") == nil)
        #expect(LocalDate(checkedDaysSinceEpoch: LocalDate(year: 2024, month: 2, day: 29)!.daysSinceEpoch)?.description == "2024-02-29")
    }

    @Test func aFileThatIsNoWorkbookIsRefusedByName() throws {
        let path = try InputFormsServiceTests.file("not.xlsx", Data("单位,日期\n".utf8))
        do {
            _ = try InMemoryBook().session("王芳").imports.importJournal(paths: [path], defaultOrganization: nil, defaultReviewer: "李强")
            Issue.record("expected a refusal")
        } catch let errors as InputErrors {
            #expect(errors.errors.map(\.rule) == ["bad-xlsx"])
        }
    }
}

/// Migration v6-voucher-ids on a book written before it: the highest id given so far is taken
/// over, so the next voucher never takes an id a deleted draft had.
@Suite struct VoucherIDMigrationTests {
    @Test func anUpgradedBookStartsAboveItsHighestVoucherID() throws {
        let path = try MigrationFreezeTests.oldBook()
        _ = try Store.open(at: path).session(as: "老管理员")
        let queue = try DatabaseQueue(path: path)
        let (high, highest) = try queue.read { db in
            (try Int64.fetchOne(db, sql: "SELECT high FROM voucher_id_high"), try Int64.fetchOne(db, sql: "SELECT max(id) FROM voucher"))
        }
        #expect(high != nil && high == highest)
    }
}
