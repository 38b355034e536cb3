import Foundation
import FundCore
import FundTesting
import GRDB
import Testing
@testable import FundStore

@Suite struct ImportTests {
    static let good = """
        2026-03-05 * (2026-03/记-0001) 收到会费  ; org:FED-01, attachments:1, preparer:王芳, reviewer:李强
            102 银行存款  500.00
            401 会费收入  -500.00

        2026-03-06 * 支付奖品  ; org:FED-01
            50301  120.00  ; project:XB-1
            102  -120.00

        2026-03-07 * (2026-03/记-0003) 注销3月6日记字第2号凭证  ; org:FED-01, reverses:2026-03/记-0002
            50301  -120.00  ; project:XB-1
            102  120.00

        2026-03-08 * (2026-03/记-0001) 拨付补贴  ; org:CTY-01
            50802  120.00  ; project:XB-1, counterpart:FED-01
            102  -120.00
        """

    @Test func importsPostedVouchersWithTheirNumbers() throws {
        let t = try TestBook()
        let file = try t.write("good.journal", ImportTests.good)
        let summary = try t.officer("导入员").imports.importJournal(paths: [file], defaultOrganization: nil, defaultReviewer: "李强")
        #expect(summary.vouchers == 4 && summary.lines == 8)
        let vouchers = try t.book.vouchers.vouchers(organization: "FED-01")
        #expect(vouchers.map { $0.ref!.description } == ["2026-03/记-0001", "2026-03/记-0002", "2026-03/记-0003"])
        #expect(vouchers.allSatisfy { $0.status == .posted && $0.bookkeeper == "导入员" })
        // A transaction naming no reviewer is reviewed by the one the import names.
        #expect(vouchers[1].draft.preparer == "导入员" && vouchers[1].reviewer == "李强")
        #expect(vouchers[2].reversesID == vouchers[1].id && vouchers[1].reversedByID == vouchers[2].id)
        #expect(vouchers[2].draft.lines.map(\.side) == [.debit, .credit])
        #expect(try t.netBalances() == ["102": 50_000, "401": -50_000])
        #expect(try t.book.vouchers.vouchers(organization: "CTY-01")[0].draft.lines[0].dimensions.counterpart == "FED-01")
        #expect(try t.book.verification.verify().problems.isEmpty)
    }

    /// A problem anywhere, even in the last voucher, leaves the book file byte-identical.
    @Test(arguments: [
        // The line after the good journal: a voucher-wide problem points at the header (2),
        // a problem of one posting at that posting (4).
        ("    401 会费收入  -499.99", "unbalanced", 2),
        ("    401 拨缴经费收入  -500.00", "account-name-mismatch", 4),
        ("    403  -500.00", "not-leaf-account", 4),
        ("    499  -500.00", "unknown-account", 4),
    ])
    func anyProblemLeavesTheBookUntouched(lastLine: String, rule: String, line: Int) throws {
        let t = try TestBook()
        let before = try t.bytes()
        let text = ImportTests.good + "\n\n2026-03-09 * 最后一张  ; org:FED-01\n    102  500.00\n" + lastLine + "\n"
        let file = try t.write("bad.journal", text)
        do {
            _ = try t.book.imports.importJournal(paths: [file], defaultOrganization: nil, defaultReviewer: "李强")
            Issue.record("imported a bad journal")
        } catch let errors as InputErrors {
            #expect(errors.errors.map(\.rule) == [rule])
            #expect(errors.errors[0].line == ImportTests.good.split(separator: "\n", omittingEmptySubsequences: false).count + line)
        }
        #expect(try t.bytes() == before)
        #expect(try t.book.vouchers.vouchers(organization: "FED-01").isEmpty)
    }

    @Test func numbersMustContinueTheMonth() throws {
        let t = try TestBook()
        let text = "2026-03-05 * (2026-03/记-0002) x  ; org:FED-01\n    102  1\n    401  -1\n"
        do {
            _ = try t.book.imports.importJournal(paths: [try t.write("n.journal", text)], defaultOrganization: nil, defaultReviewer: "李强")
            Issue.record("accepted a gap")
        } catch let errors as InputErrors {
            #expect(errors.errors.map(\.rule) == ["number-not-next"])
            #expect(errors.description.contains("the next number is 2026-03/记-0001"))
        }
    }

    @Test func everyProblemIsReportedAndNothingWritten() throws {
        let t = try TestBook()
        let text = """
            2026-03-05 x  ; org:FED-01
                102  1
                401  -2

            2026-03-06 y  ; org:NOPE
                102  1
                401  -1

            2026-03-07 z
                102  1
                401  -1
            """
        do {
            _ = try t.book.imports.importJournal(paths: [try t.write("m.journal", text)], defaultOrganization: nil, defaultReviewer: "李强")
            Issue.record("imported")
        } catch let errors as InputErrors {
            #expect(errors.errors.map(\.rule) == ["unbalanced", "unknown-org", "missing-org"])
            #expect(errors.errors.map(\.line) == [1, 5, 9])
            #expect(errors.description.hasSuffix("nothing was imported; fix the file and run the import again"))
        }
    }

    @Test func dryRunWritesNothing() throws {
        let t = try TestBook()
        let before = try t.bytes()
        let summary = try t.book.imports.importJournal(paths: [try t.write("g.journal", ImportTests.good)], defaultOrganization: nil, defaultReviewer: "李强", dryRun: true)
        #expect(summary.vouchers == 4 && summary.dryRun)
        #expect(try t.book.vouchers.vouchers(organization: "FED-01").isEmpty)
        #expect(try t.bytes() == before)
    }

    @Test func encodingProblemsAreNamed() throws {
        let t = try TestBook()
        let cases: [(Data, String)] = [
            (Data([0xEF, 0xBB, 0xBF]) + Data("2026-03-05 x  ; org:FED-01\n    102  1\n    401  -1\n".utf8), ""),
            (Data("2026-03-05 x  ; org:FED-01\n    102  1\n    401  -1\r\n".utf8), "mixed-line-endings"),
            (Data("2026-03-05 x  ; org:FED-01\n    102  1\n    401  -1\n".utf8) + Data([0xFF, 0xFE, 0x0A]), "bad-utf8"),
            (Data("2026-03-05 x  ; org:FED-01\n    102  1\n\u{FEFF}    401  -1\n".utf8), "bom-inside"),
            (Data(), "no-transactions"),
            (Data("; only a comment\n\n".utf8), "no-transactions"),
        ]
        for (index, (data, rule)) in cases.enumerated() {
            let file = t.folder + "/e\(index).journal"
            try data.write(to: URL(fileURLWithPath: file))
            do {
                _ = try t.book.imports.importJournal(paths: [file], defaultOrganization: nil, defaultReviewer: "李强", dryRun: true)
                #expect(rule.isEmpty, "case \(index) imported")
            } catch let errors as InputErrors {
                #expect(errors.errors.first?.rule == rule, "case \(index): \(errors)")
            }
        }
    }
}

/// Whole files that the reader must name for what they are, and journals that must come back as
/// they were written.
@Suite struct ImportFileFormTests {
    static let journal = "2026-03-05 * 收到会费  ; org:FED-01\n    102  1\n    401  -1\n"

    static func firstError(_ t: TestBook, _ data: Data, name: String = "f.journal", org: String? = nil) throws -> InputError? {
        let file = t.folder + "/" + name
        try data.write(to: URL(fileURLWithPath: file))
        do {
            _ = try t.book.imports.importJournal(paths: [file], defaultOrganization: org, defaultReviewer: "李强", dryRun: true)
            return nil
        } catch let errors as InputErrors {
            return errors.errors.first
        }
    }

    @Test func utf16FilesAreNamedWithTheFix() throws {
        let t = try TestBook()
        let text = ImportFileFormTests.journal
        let cases: [Data] = [
            Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!,
            Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!,
            text.data(using: .utf16LittleEndian)!,
            text.data(using: .utf16BigEndian)!,
            "单位,日期,凭证号,摘要,科目编码,借方,贷方\n".data(using: .utf16LittleEndian)!,
        ]
        for (index, data) in cases.enumerated() {
            let error = try ImportFileFormTests.firstError(t, data, name: index == 4 ? "f.csv" : "f.journal")
            #expect(error?.rule == "utf-16", "case \(index): \(String(describing: error))")
            #expect(error?.line == 0)
            #expect(error?.message.contains("the file is UTF-16") == true && error?.message.contains("save it as UTF-8 (in Excel: Save As, CSV UTF-8") == true)
        }
        // One NUL byte in a UTF-8 line is still damage, not UTF-16.
        #expect(try ImportFileFormTests.firstError(t, Data("2026-03-05 x\0  ; org:FED-01\n".utf8))?.rule == "nul-byte")
    }

    @Test func crOnlyLineEndingsAreNamedWithTheFix() throws {
        let t = try TestBook()
        let short = ImportFileFormTests.journal.replacingOccurrences(of: "\n", with: "\r")
        let long = String(repeating: short, count: 200)
        for text in [short, long, "日期,凭证号,摘要,科目编码,借方,贷方\r2026-03-05,1,x,102,1,\r"] {
            let error = try ImportFileFormTests.firstError(t, Data(text.utf8), name: text.hasPrefix("日期") ? "f.csv" : "f.journal")
            #expect(error?.rule == "cr-line-endings", "\(String(describing: error))")
            #expect(error?.description == "\(t.folder)/f.\(text.hasPrefix("日期") ? "csv" : "journal"): lines end with CR only (old Mac line endings), so the file reads as one line; save it with LF or CRLF line endings (in a text editor: line endings Unix or Windows) [cr-line-endings]")
        }
        // CRLF throughout is fine.
        #expect(try ImportFileFormTests.firstError(t, Data(ImportFileFormTests.journal.replacingOccurrences(of: "\n", with: "\r\n").utf8)) == nil)
    }

    @Test func unknownOrganisationSaysWhereItIsNamedAndHowToFix() throws {
        let t = try TestBook()
        let tagged = try ImportFileFormTests.firstError(t, Data((ImportFileFormTests.journal + "\n" + ImportFileFormTests.journal).replacingOccurrences(of: "FED-01", with: "FED-99").utf8))
        #expect(tagged?.description == "\(t.folder)/f.journal:1: there is no organisation FED-99 in the book; correct the tag org:FED-99, or add it with `fundledger org add` (`fundledger org list` shows the codes) [unknown-org]")
        let option = try ImportFileFormTests.firstError(t, Data(ImportFileFormTests.journal.replacingOccurrences(of: "  ; org:FED-01", with: "").utf8), org: "FED-98")
        #expect(option?.message == "there is no organisation FED-98 in the book; correct --org FED-98, or add it with `fundledger org add` (`fundledger org list` shows the codes)")
        let csv = try ImportFileFormTests.firstError(t, Data("单位,日期,凭证号,摘要,科目编码,借方,贷方\nFED-97,2026-03-05,1,x,102,1,\nFED-97,2026-03-05,1,x,401,,1\n".utf8), name: "f.csv")
        #expect(csv?.message.hasPrefix("there is no organisation FED-97 in the book; correct the 单位 (org) column, or add it") == true)
    }

    @Test func unknownOrganisationIsReportedOncePerCode() throws {
        let t = try TestBook()
        let file = try t.write("u.journal", (ImportFileFormTests.journal + "\n" + ImportFileFormTests.journal).replacingOccurrences(of: "FED-01", with: "FED-99"))
        #expect(throws: InputErrors.self) { try t.book.imports.importJournal(paths: [file], defaultOrganization: nil, defaultReviewer: "李强") }
        do { _ = try t.book.imports.importJournal(paths: [file], defaultOrganization: nil, defaultReviewer: "李强") } catch let errors as InputErrors {
            #expect(errors.errors.map(\.rule) == ["unknown-org"])
        }
    }

    @Test func csvOfSeveralOrganisationsGroupsVouchersByOrganisationAndNumber() throws {
        let t = try TestBook()
        let csv = """
            单位,日期,凭证号,摘要,科目编码,借方,贷方,往来单位
            FED-01,2026-03-05,记-0001,收到会员会费,102,500.00,,
            CTY-01,2026-03-05,记-0001,拨付补贴,50802,300.00,,FED-01
            FED-01,2026-03-05,记-0001,收到会员会费,401,,500.00,
            CTY-01,2026-03-05,记-0001,拨付补贴,102,,300.00,
            """
        let summary = try t.book.imports.importJournal(paths: [try t.write("two.csv", csv)], defaultOrganization: nil, defaultReviewer: "李强")
        #expect(summary.vouchers == 2 && summary.byOrganization == ["FED-01": 1, "CTY-01": 1])
        #expect(try t.book.vouchers.vouchers(organization: "CTY-01").map { $0.ref?.description } == ["2026-03/记-0001"])
        #expect(try t.netBalances("CTY-01") == ["50802": 30_000, "102": -30_000])
        #expect(try t.netBalances() == ["102": 50_000, "401": -50_000])
    }

    /// The seal payload of a voucher without what a new book gives it anew (its id, bookkeeper
    /// and posting time, and the id of the voucher it reverses).
    static func sealedContent(_ voucher: Voucher) -> [UInt8] {
        SealPayload.bytes(SealPayload.fields(organization: voucher.draft.organization, voucherID: 0, draft: voucher.draft, number: voucher.number ?? 0,
                                            bookkeeper: "", status: voucher.status, reversesID: nil, postedAt: ""),
                         voucher.draft.lines.enumerated().map { SealPayload.line($0.element, position: $0.offset + 1) })
    }

    static func exportJournal(_ t: TestBook) throws -> String {
        var text = ""
        try t.book.ledger.forEachPostedVoucher(organization: nil) { voucher, chart in
            text += JournalWriter.transaction(voucher, chart: chart, reversesRef: voucher.draft.reverses) + "\n"
        }
        return text
    }

    @Test func exportJournalThenImportSealsTheSameText() throws {
        let t = try TestBook()
        try t.book.access.grant(RoleGrant(user: #"王\芳"#, role: .officer))
        try t.post("FED-01", "2026-03-05", [("102", 50_000), ("401", -50_000)], summary: #"收到会费 C:\报销\n单 \\ 反斜杠"#)
        var draft = VoucherDraft(organization: "FED-01", date: LocalDate(year: 2026, month: 3, day: 6)!, summary: "支付奖品（三月）", attachments: 2,
                                 preparer: #"王\芳"#, lines: [VoucherLine(accountCode: "50301", side: .debit, amount: Money(fen: 12_000), summary: #"奖品\t单"#,
                                                                         dimensions: Dimensions(project: "XB-1")),
                                                             VoucherLine(accountCode: "102", side: .credit, amount: Money(fen: 12_000))])
        draft.reviewer = nil
        let added = try t.book.vouchers.addVoucher(draft)
        try t.book.store.session(as: "李强").vouchers.reviewVoucher(id: added.id, reviewer: "李强")
        try t.book.vouchers.postVoucher(id: added.id, bookkeeper: "张会计")
        let text = try ImportFileFormTests.exportJournal(t)
        let copy = try TestBook()
        try copy.book.access.grant(RoleGrant(user: #"王\芳"#, role: .officer))
        _ = try copy.book.imports.importJournal(paths: [try copy.write("export.journal", text)], defaultOrganization: nil, defaultReviewer: "李强")
        let original = try t.book.vouchers.vouchers(organization: "FED-01"), imported = try copy.book.vouchers.vouchers(organization: "FED-01")
        #expect(imported.map(\.draft.summary) == [#"收到会费 C:\报销\n单 \\ 反斜杠"#, "支付奖品（三月）"])
        #expect(imported.map(\.draft.preparer) == original.map(\.draft.preparer))
        #expect(imported.map(ImportFileFormTests.sealedContent) == original.map(ImportFileFormTests.sealedContent))
        #expect(try ImportFileFormTests.exportJournal(copy) == text)
    }

    /// A book from before control characters were refused may hold a line break in a summary:
    /// its export spells it `\n`, and importing that restores the line break and refuses it.
    @Test func anOldBooksLineBreakIsExportedEscapedAndRefusedOnImport() throws {
        let t = try TestBook()
        let voucher = try t.post("FED-01", "2026-03-05", [("102", 100), ("401", -100)], summary: "第一行")
        let queue = try DatabaseQueue(path: t.path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER voucher_posted_immutable")
            try db.execute(sql: "UPDATE voucher SET summary = ? WHERE id = ?", arguments: ["第一行\n第二行", voucher.id])
        }
        try queue.close()
        let text = try ImportFileFormTests.exportJournal(t)
        #expect(text.hasPrefix(#"2026-03-05 * (2026-03/记-0001) 第一行\n第二行  ; org:FED-01"#), "\(text)")
        #expect(text.split(separator: "\n").count == 3)
        let copy = try TestBook()
        do {
            _ = try copy.book.imports.importJournal(paths: [try copy.write("old.journal", text)], defaultOrganization: nil, defaultReviewer: "李强")
            Issue.record("a summary with a line break was imported")
        } catch let errors as InputErrors {
            #expect(errors.errors.map(\.rule) == ["control-character"])
            #expect(errors.errors.first?.line == 1)
        }
    }

    @Test func anEscapedLineBreakIsRestoredAndRefusedAsAControlCharacter() throws {
        let t = try TestBook()
        let file = try t.write("old.journal", #"2026-03-05 * (2026-03/记-0001) 第一行\n第二行  ; org:FED-01, attachments:0, preparer:王芳"# + "\n    102  1\n    401  -1\n")
        do {
            _ = try t.book.imports.importJournal(paths: [file], defaultOrganization: nil, defaultReviewer: "李强")
            Issue.record("a summary with a line break was imported")
        } catch let errors as InputErrors {
            #expect(errors.errors.map(\.rule) == ["control-character"])
            #expect(errors.errors.first?.line == 1)
            #expect(errors.errors.first?.message.contains("U+000A") == true)
        }
    }
}
