import FundCore
@testable import FundStore
import Testing

/// Vouchers through their life, against a book in memory.
@Suite struct VoucherServiceTests {
    static func draft(_ date: String, _ lines: [(String, Int64)], number: Int? = nil) -> VoucherDraft {
        VoucherDraft(organization: "FED-01", date: LocalDate(parsing: date)!, number: number, summary: "测试凭证", attachments: 1, preparer: "王芳",
                     lines: lines.map { VoucherLine(accountCode: $0.0, side: $0.1 >= 0 ? .debit : .credit, amount: Money(fen: Int64($0.1.magnitude))) })
    }

    @Test func postsInNumberOrderPerMonthAndKeepsTheSealChainWhole() throws {
        let book = try InMemoryBook()
        let first = try book.post("2026-03-02", [("102", 300), ("401", -300)])
        let second = try book.post("2026-03-05", [("102", 200), ("401", -200)])
        let april = try book.post("2026-04-01", [("102", 100), ("401", -100)])
        #expect([first, second, april].map { $0.ref?.description } == ["2026-03/记-0001", "2026-03/记-0002", "2026-04/记-0001"])
        #expect([first, second].allSatisfy { $0.status == .posted && $0.bookkeeper == "王芳" && $0.reviewer == "李强" })
        let problems = try book.store.database.read { db in try SQLiteStorage(db).sealProblems(organizationID: nil) }
        #expect(problems.isEmpty)
        let head = try book.store.database.read { db in try SQLiteStorage(db).sealHead(organizationID: try SQLiteStorage(db).organizationID("FED-01")) }
        #expect(head.seq == 3)
        let found = try book.session("王芳").vouchers.voucher(organization: "FED-01", reference: "2026-03/记-0002")
        #expect(found.id == second.id)
        #expect(try book.session("王芳").vouchers.vouchers(organization: "FED-01", period: Period(year: 2026, month: 3)!).map(\.id) == [first.id, second.id])
    }

    @Test func refusesActsTheStatusDoesNotAllow() throws {
        let book = try InMemoryBook()
        let vouchers = book.session("王芳").vouchers
        let draft = try vouchers.addVoucher(Self.draft("2026-03-02", [("102", 300), ("401", -300)]))
        #expect(draft.status == .draft && draft.number == nil)
        let unreviewed = bookError { try vouchers.postVoucher(id: draft.id, bookkeeper: "王芳") }
        guard case let .wrongStatus(_, status, act) = unreviewed else { Issue.record("expected wrong-status, got \(String(describing: unreviewed))"); return }
        #expect(status == .draft && act == .postUnreviewed)
        #expect(unreviewed?.rule == "wrong-status" && unreviewed?.category == .conflict)
        #expect(unreviewed?.description == "voucher FED-01 #\(draft.id) is draft (\(VoucherStatus.draft.chinese)) and cannot be posted before it is reviewed (run `voucher review` first)")
        let sameReviewer = bookError { try vouchers.reviewVoucher(id: draft.id, reviewer: "王芳") }
        #expect(sameReviewer?.rule == "voucher-refused")
        try book.session("李强").vouchers.reviewVoucher(id: draft.id, reviewer: "李强")
        let posted = try vouchers.postVoucher(id: draft.id, bookkeeper: "王芳")
        let again = bookError { try vouchers.postVoucher(id: posted.id, bookkeeper: "王芳") }
        guard case .wrongStatus(_, _, .postAgain) = again else { Issue.record("expected posted again"); return }
        let delete = bookError { try vouchers.deleteDraft(id: posted.id) }
        guard case .wrongStatus(_, .posted, .delete) = delete else { Issue.record("expected a refused delete"); return }
    }

    @Test func namesAVoucherNotFoundAsItWasAskedFor() throws {
        let book = try InMemoryBook()
        let vouchers = book.session("王芳").vouchers
        let byID = bookError { _ = try vouchers.voucher(id: 404) }
        #expect(byID?.description == "there is no voucher #404; list vouchers with `fundledger voucher list --org ORG`")
        #expect(byID?.rule == "voucher-not-found" && byID?.category == .notFound)
        let byNumber = bookError { _ = try vouchers.voucher(organization: "FED-01", reference: "2026-03/记-0009") }
        guard case .voucherNotFound(.number("FED-01", let ref)) = byNumber else { Issue.record("expected a number not found"); return }
        #expect(ref.description == "2026-03/记-0009")
        let byText = bookError { _ = try vouchers.voucher(organization: "FED-01", reference: "三月") }
        #expect(byText?.description.hasPrefix("there is no voucher FED-01 三月;") == true)
    }

    @Test func deletesDraftsAndReversesPostedVouchers() throws {
        let book = try InMemoryBook()
        let vouchers = book.session("王芳").vouchers
        let draft = try vouchers.addVoucher(Self.draft("2026-03-02", [("102", 300), ("401", -300)]))
        try vouchers.deleteDraft(id: draft.id)
        #expect(bookError { _ = try vouchers.voucher(id: draft.id) } != nil)
        let posted = try book.post("2026-03-03", [("102", 300), ("401", -300)])
        let red = try vouchers.reverseVoucher(id: posted.id, date: LocalDate(parsing: "2026-03-04")!, preparer: "王芳")
        #expect(red.reversesID == posted.id && red.draft.lines.map(\.amount.fen) == [-300, -300] && red.draft.reverses == posted.ref)
        let notPosted = bookError { _ = try vouchers.reverseVoucher(id: red.id, date: LocalDate(parsing: "2026-03-05")!, preparer: "王芳") }
        guard case .wrongStatus(_, .draft, .reverse) = notPosted else { Issue.record("expected a refused reversal"); return }
        try book.session("李强").vouchers.reviewVoucher(id: red.id, reviewer: "李强")
        let redPosted = try vouchers.postVoucher(id: red.id, bookkeeper: "王芳")
        #expect(redPosted.ref?.number == 2)
        #expect(try vouchers.voucher(id: posted.id).reversedByID == red.id)
    }

    @Test func refusesPostingIntoAClosedMonth() throws {
        let book = try InMemoryBook()
        let vouchers = book.session("王芳").vouchers
        let draft = try vouchers.addVoucher(Self.draft("2026-03-02", [("102", 300), ("401", -300)]))
        try book.session("李强").vouchers.reviewVoucher(id: draft.id, reviewer: "李强")
        try book.post("2026-02-10", [("102", 100), ("401", -100)])
        try book.session("王芳").periods.close(organization: "FED-01", period: Period(year: 2026, month: 2)!, reviewer: "李强")
        // A draft of March does not block closing February; entering into February is refused.
        let error = bookError { try book.post("2026-02-11", [("102", 1), ("401", -1)]) }
        #expect(error?.rule == "voucher-refused")
        #expect(try vouchers.postVoucher(id: draft.id, bookkeeper: "王芳").ref?.number == 1)
    }

    /// The plan's problems become the refusals they always were, with their rule ids.
    @Test func postingProblemsKeepTheirRules() {
        let march = Period(year: 2026, month: 3)!
        let closed = BookError(PostingProblem.periodClosed(organization: "FED-01", period: march))
        #expect(closed.rule == "period-closed" && closed.category == .conflict)
        let number = BookError(PostingProblem.numberNotNext(organization: "FED-01", expected: VoucherRef(period: march, word: "记", number: 2),
                                                            found: VoucherRef(period: march, word: "记", number: 5)))
        #expect(number.rule == "number-not-next" && number.category == .conflict)
        #expect(number.description.hasPrefix("FED-01 voucher number 2026-03/记-0005 does not continue the month: the next number is 2026-03/记-0002"))
    }

    /// A voucher generated by a rule posts through the same plan as one posted by hand: the next
    /// number, the balances, the next seal.
    @Test func aGeneratedVoucherPostsThroughTheSamePath() throws {
        let book = try InMemoryBook()
        try book.post("2026-03-02", [("102", 300), ("401", -300)])
        var draft = Self.draft("2026-03-31", [("102", 50), ("401", -50)])
        draft.preparer = "王芳"
        draft.reviewer = "李强"
        let (ref, problems) = try book.store.database.write { db in
            let storage = SQLiteStorage(db)
            var context = PostingContext()
            let id = try storage.postDraft(draft, context: &context, bookkeeper: "admin")
            return (try storage.voucher(id: id).ref, try storage.sealProblems(organizationID: nil))
        }
        #expect(ref?.description == "2026-03/记-0002")
        #expect(problems.isEmpty)
    }
}

/// Whatever is found by id is checked against the organisation named and the session's rights.
@Suite struct VoucherLookupTests {
    @Test func anIdOfAnotherOrganisationIsNotFound() throws {
        let book = try InMemoryBook()
        try book.admin.access.grant(RoleGrant(user: "县会计", role: .officer, organization: "CTY-01"))
        let draft = VoucherDraft(organization: "FED-01", date: LocalDate(parsing: "2026-03-02")!, summary: "联合会草稿", attachments: 0, preparer: "王芳",
                                 lines: [VoucherLine(accountCode: "102", side: .debit, amount: Money(fen: 5)),
                                         VoucherLine(accountCode: "401", side: .credit, amount: Money(fen: 5))])
        let fed = try book.session("王芳").vouchers.addVoucher(draft)
        let county = book.session("县会计").vouchers
        #expect(bookError { _ = try county.voucher(organization: "CTY-01", reference: "#\(fed.id)") }?.rule == "voucher-not-found")
        // A bare number names no voucher at all: it could be a number or an id.
        #expect(bookError { _ = try county.voucher(organization: "CTY-01", reference: "\(fed.id)") }?.rule == "voucher-bare-number")
        #expect(bookError { _ = try county.voucher(organization: "CTY-01", reference: "#999") }?.rule == "voucher-not-found")
    }

    @Test func readingByIdNeedsReadRightsOnly() throws {
        let book = try InMemoryBook()
        let posted = try book.post("2026-03-02", [("102", 300), ("401", -300)])
        try book.admin.committees.addCommittee(Committee(organization: "FED-01", elected: LocalDate(parsing: "2026-01-01")!, termYears: 5,
                                                         members: [CommitteeMember(name: "陈静", office: .chair, start: LocalDate(parsing: "2026-01-01")!)]))
        let found = try book.session("陈静").vouchers.voucher(organization: "FED-01", reference: "#\(posted.id)")
        #expect(found.id == posted.id)
    }

    @Test func anUnknownOrganisationIsUnknownNotForbidden() throws {
        let book = try InMemoryBook()
        let error = bookError { _ = try book.session("王芳").vouchers.vouchers(organization: "NOPE") }
        #expect(error?.rule == "unknown-org" && error?.category == .notFound)
    }
}
