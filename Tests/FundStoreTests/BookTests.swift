import Foundation
import FundCore
import FundTesting
import GRDB
import Testing
@testable import FundStore

@Suite struct BookTests {
    @Test func createRefusesAnExistingFileAndOpenAMissingOne() throws {
        let t = try TestBook()
        #expect(throws: BookError.self) { try Store.create(at: t.path, administrator: "t") }
        #expect(throws: BookError.self) { try Store.open(at: t.folder + "/missing.sqlite").session(as: "t") }
        let garbage = try t.write("garbage.sqlite", String(repeating: "not a database ", count: 500))
        do {
            _ = try Store.open(at: garbage).session(as: "t")
            Issue.record("opened a file that is not a book")
        } catch let error as BookError {
            #expect(error.rule == "not-a-book")
        }
    }

    @Test func vouchersAreReviewedByAnotherPersonThenPostedWithGaplessNumbers() throws {
        let t = try TestBook()
        let draft = VoucherDraft(organization: "FED-01", date: LocalDate(parsing: "2026-03-05")!, summary: "收到会费",
                                 preparer: "王芳", lines: [line("102", .debit, 100), line("401", .credit, 100)])
        let voucher = try t.book.vouchers.addVoucher(draft)
        #expect(voucher.status == .draft && voucher.number == nil)
        #expect(throws: BookError.self) { try t.book.vouchers.postVoucher(id: voucher.id, bookkeeper: "张会计") }
        #expect(throws: BookError.self) { try t.book.vouchers.reviewVoucher(id: voucher.id, reviewer: "王芳") }
        try t.book.store.session(as: "李强").vouchers.reviewVoucher(id: voucher.id, reviewer: "李强")
        let posted = try t.book.vouchers.postVoucher(id: voucher.id, bookkeeper: "张会计")
        #expect(posted.ref?.description == "2026-03/记-0001")
        #expect(try t.post("FED-01", "2026-03-01", [("101", 5), ("102", -5)]).ref?.description == "2026-03/记-0002")
        #expect(try t.post("FED-01", "2026-04-01", [("101", 5), ("102", -5)]).ref?.description == "2026-04/记-0001")
        #expect(try t.post("CTY-01", "2026-03-09", [("101", 5), ("102", -5)]).ref?.description == "2026-03/记-0001")
        #expect(throws: BookError.self) { try t.book.vouchers.postVoucher(id: voucher.id, bookkeeper: "张会计") }
        #expect(try t.book.verification.verify().problems.isEmpty)
    }

    @Test func draftsCanBeDeletedPostedVouchersNever() throws {
        let t = try TestBook()
        let draft = try t.book.vouchers.addVoucher(VoucherDraft(organization: "FED-01", date: LocalDate(parsing: "2026-03-05")!, summary: "x",
                                                       preparer: "王芳", lines: [line("102", .debit, 1), line("401", .credit, 1)]))
        try t.book.vouchers.deleteDraft(id: draft.id)
        let posted = try t.post("FED-01", "2026-03-05", [("102", 1), ("401", -1)])
        #expect(posted.ref?.number == 1)
        #expect(throws: BookError.self) { try t.book.vouchers.deleteDraft(id: posted.id) }
    }

    @Test func theDatabaseItselfRefusesToChangeAPostedVoucher() throws {
        let t = try TestBook()
        let posted = try t.post("FED-01", "2026-03-05", [("102", 100), ("401", -100)])
        let queue = try DatabaseQueue(path: t.path)
        let attempts = [
            "UPDATE voucher SET summary = 'changed' WHERE id = \(posted.id)",
            "DELETE FROM voucher WHERE id = \(posted.id)",
            "UPDATE voucher_line SET amount = 1 WHERE voucher_id = \(posted.id)",
            "DELETE FROM voucher_line WHERE voucher_id = \(posted.id)",
            "INSERT INTO voucher_line (voucher_id, position, account_id, side, amount) SELECT \(posted.id), 9, account_id, side, amount FROM voucher_line WHERE voucher_id = \(posted.id) LIMIT 1",
            "INSERT INTO voucher (organization_id, date, period, word, summary, attachments, preparer, status, created_at, number, bookkeeper, posted_at, reviewer) VALUES (2, '2026-03-06', 202603, '记', 'x', 0, 'a', 'posted', 'now', 2, 'b', 'now', 'c')",
            "UPDATE voucher SET reviewer = preparer WHERE id = \(posted.id)",
        ]
        for sql in attempts {
            #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { try $0.execute(sql: sql) } }
        }
        #expect(try t.book.verification.verify().problems.isEmpty)
    }

    @Test func closedMonthsTakeNothingAndReopenIsLogged() throws {
        let t = try TestBook()
        try t.post("FED-01", "2026-02-10", [("102", 100), ("401", -100)])
        try t.post("FED-01", "2026-03-10", [("102", 100), ("401", -100)])
        let chief = try t.officer("主管")
        #expect(throws: BookError.self) { try chief.periods.close(organization: "FED-01", period: Period(parsing: "2026-03")!, reviewer: "李强") }
        try chief.periods.close(organization: "FED-01", period: Period(parsing: "2026-02")!, reviewer: "李强")
        try chief.periods.close(organization: "FED-01", period: Period(parsing: "2026-03")!, reviewer: "李强")
        do {
            try t.post("FED-01", "2026-03-20", [("102", 1), ("401", -1)])
            Issue.record("posted into a closed month")
        } catch let error as BookError {
            guard case let .voucherProblems(_, problems) = error else { Issue.record("\(error)"); return }
            #expect(problems.map(\.rule) == [.periodClosed])
        }
        #expect(throws: BookError.self) { try chief.periods.reopen(organization: "FED-01", period: Period(parsing: "2026-02")!, reason: "补记", reviewer: "李强") }
        #expect(throws: BookError.self) { try chief.periods.reopen(organization: "FED-01", period: Period(parsing: "2026-03")!, reason: " ", reviewer: "李强") }
        try chief.periods.reopen(organization: "FED-01", period: Period(parsing: "2026-03")!, reason: "补记3月会费", reviewer: "李强")
        try t.post("FED-01", "2026-03-20", [("102", 1), ("401", -1)])
        let log = try t.book.periods.periodLog(organization: "FED-01")
        #expect(log.map(\.action) == ["close", "close", "reopen"])
        #expect(log.last?.reason == "补记3月会费" && log.last?.by == "主管")
        #expect(try t.book.periods.closedPeriods(organization: "FED-01").map(\.description) == ["2026-02"])
    }

    @Test func closingNeedsEveryVoucherOfTheMonthPosted() throws {
        let t = try TestBook()
        try t.post("FED-01", "2026-03-10", [("102", 100), ("401", -100)])
        _ = try t.book.vouchers.addVoucher(VoucherDraft(organization: "FED-01", date: LocalDate(parsing: "2026-03-12")!, summary: "x",
                                               preparer: "王芳", lines: [line("102", .debit, 1), line("401", .credit, 1)]))
        #expect(throws: BookError.self) { try t.book.periods.close(organization: "FED-01", period: Period(parsing: "2026-03")!, reviewer: "李强") }
    }

    @Test func aRedInkVoucherCancelsItsOriginalExactlyOnce() throws {
        let t = try TestBook()
        let original = try t.post("FED-01", "2026-03-10", [("50301", 120_000), ("102", -120_000)], project: "XB-1")
        let red = try t.book.vouchers.reverseVoucher(id: original.id, date: LocalDate(parsing: "2026-03-30")!, preparer: "王芳")
        #expect(red.draft.summary == "注销3月10日记字第1号凭证")
        #expect(red.draft.lines.map(\.amount.fen) == [-120_000, -120_000])
        #expect(red.draft.lines.map(\.side) == [.debit, .credit])
        #expect(red.draft.lines[0].dimensions.project == "XB-1")
        try t.book.store.session(as: "李强").vouchers.reviewVoucher(id: red.id, reviewer: "李强")
        try t.book.vouchers.postVoucher(id: red.id, bookkeeper: "张会计")
        #expect(try t.netBalances().isEmpty)
        // The period turnover of each side is reduced, not mirrored onto the other side.
        let turnovers = try t.book.ledger.turnovers(organization: "FED-01", from: Period(parsing: "2026-03")!, to: Period(parsing: "2026-03")!)
        #expect(turnovers.allSatisfy { $0.debitFen == 0 && $0.creditFen == 0 })
        #expect(throws: BookError.self) { try t.book.vouchers.reverseVoucher(id: original.id, date: LocalDate(parsing: "2026-03-31")!, preparer: "王芳") }
        #expect(throws: BookError.self) { try t.book.vouchers.reverseVoucher(id: red.id, date: LocalDate(parsing: "2026-03-31")!, preparer: "王芳") }
        #expect(throws: BookError.self) { try t.book.vouchers.reverseVoucher(id: original.id, date: LocalDate(parsing: "2026-03-01")!, preparer: "王芳") }
        #expect(try t.book.verification.verify().problems.isEmpty)
    }

    @Test func detailAccountsGoInBeforeTheFirstPosting() throws {
        let t = try TestBook()
        try t.book.organizations.addAccount(Account(code: "10201", name: "代管经费"), organization: "FED-01")
        #expect(try t.book.organizations.chart(for: "FED-01").isLeaf("10201"))
        #expect(try !t.book.organizations.chart(for: "FED-01").isLeaf("102"))
        #expect(try t.book.organizations.chart(for: "CTY-01").isLeaf("102"))
        #expect(throws: BookError.self) { try t.post("FED-01", "2026-03-10", [("102", 100), ("401", -100)]) }
        try t.post("FED-01", "2026-03-10", [("10201", 100), ("401", -100)])
        // 401 has postings now, so a detail under it would strand them on a non-leaf account.
        #expect(throws: BookError.self) { try t.book.organizations.addAccount(Account(code: "40101", name: "x"), organization: "FED-01") }
        try t.post("FED-01", "2026-03-11", [("101", 100), ("402", -100)])
        #expect(throws: BookError.self) { try t.book.organizations.addAccount(Account(code: "10101", name: "零钱"), organization: "FED-01") }
        #expect(throws: BookError.self) { try t.book.organizations.addAccount(Account(code: "109", name: "新"), organization: "FED-01") }
    }

    @Test func organisationsNeedAKnownParentAndAUniqueCode() throws {
        let t = try TestBook()
        #expect(throws: BookError.self) { try t.book.organizations.addOrganization(Organization(code: "FED-01", name: "x", level: .federation)) }
        #expect(throws: BookError.self) { try t.book.organizations.addOrganization(Organization(code: "FED-09", name: "x", level: .federation, parentCode: "NOPE")) }
        #expect(throws: BookError.self) { try t.book.organizations.addOrganization(Organization(code: "bad code", name: "x", level: .federation)) }
        #expect(try t.book.organizations.organizations().map(\.code) == ["CTY-01", "FED-01"])
        #expect(try t.book.organizations.organization("FED-01").chart == .grassroots)
        #expect(try t.book.organizations.organization("CTY-01").chart == .county)
    }

    @Test func verifyNamesTheVoucherWhoseLinesWereChangedBehindTheBooksBack() throws {
        let t = try TestBook()
        try t.post("FED-01", "2026-03-10", [("102", 100), ("401", -100)])
        let target = try t.post("FED-01", "2026-03-11", [("102", 250), ("401", -250)])
        let queue = try DatabaseQueue(path: t.path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER voucher_line_update_posted")
            try db.execute(sql: "UPDATE voucher_line SET amount = 300 WHERE voucher_id = ? AND position = 1", arguments: [target.id])
        }
        let problems = try t.book.verification.verify().problems
        #expect(problems.contains { $0.check == "voucher-balance" && $0.voucher == "2026-03/记-0002" })
        #expect(problems.contains { $0.check == "balance" && $0.message.contains("2026-03/记-0002") })
    }

    @Test func verifyFindsGapsAndWrongAggregates() throws {
        let t = try TestBook()
        try t.post("FED-01", "2026-03-10", [("102", 100), ("401", -100)])
        try t.post("FED-01", "2026-03-11", [("102", 100), ("401", -100)])
        let queue = try DatabaseQueue(path: t.path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER voucher_posted_immutable")
            try db.execute(sql: "UPDATE voucher SET number = 5 WHERE number = 2")
            try db.execute(sql: "UPDATE balance SET debit = debit + 1 WHERE account_id = (SELECT id FROM account WHERE code = '102' AND chart = 'grassroots')")
        }
        let checks = Set(try t.book.verification.verify().problems.map(\.check))
        // The renumbered voucher no longer matches its seal either.
        #expect(checks == ["numbering", "balance", "seal"])
    }
}

func line(_ code: String, _ side: Side, _ fen: Int64, project: String? = nil) -> VoucherLine {
    VoucherLine(accountCode: code, side: side, amount: Money(fen: fen), dimensions: Dimensions(project: project))
}
