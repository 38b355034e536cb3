import FundCore
import GRDB
@testable import FundStore
import Testing

@Suite struct ReviewServiceTests {
    static let elected = LocalDate(parsing: "2026-01-01")!

    /// The in-memory book with a committee (陈静 chairs, 王磊 sits) and a Saturday posting for the
    /// calendar rule to find.
    func book() throws -> InMemoryBook {
        let book = try InMemoryBook()
        try book.admin.committees.addCommittee(Committee(organization: "FED-01", elected: Self.elected, termYears: 5, members: [
            CommitteeMember(name: "陈静", office: .chair, start: Self.elected), CommitteeMember(name: "王磊", office: .member, start: Self.elected)]))
        try book.post("2026-03-14", [("102", 100_00), ("401", -100_00)])
        return book
    }

    @Test func anAuditRecordsItsFindingsAndTheirHistory() throws {
        let book = try book()
        let chair = book.session("陈静").review
        let first = try chair.runAudit(organization: "FED-01", year: 2026)
        #expect(first.new == first.findings.count && first.again == 0 && first.notFoundAgain == 0)
        #expect(first.audit.runBy == "陈静" && first.audit.vouchers == 1 && first.audit.rules == AuditRules.all.map(\.id))
        let saturday = try #require(first.findings.first { $0.rule == "non-working-day" })
        #expect(saturday.vouchers == ["FED-01 2026-03/记-0001"] && saturday.status == .open)
        try book.session("王芳").review.answerFinding(id: saturday.id, text: "周六收取会费")
        try chair.closeFinding(id: saturday.id, accepted: false, text: "已核实")
        let second = try chair.runAudit(organization: "FED-01", year: 2026)
        #expect(second.new == 0 && second.again == first.findings.count)
        let again = try #require(second.findings.first { $0.id == saturday.id })
        // The voucher is as it was when the finding was resolved: the resolution holds.
        #expect(again.status == .resolved && again.history.map(\.action) == ["found", "answered", "resolved", "found-again"])
        #expect(again.history.first?.audit == first.audit.id && again.history[1].audit == nil)
        #expect(try chair.audits(organization: "FED-01", year: 2026).map(\.id) == [first.audit.id, second.audit.id])
        #expect(try book.session("王芳").review.findings(organization: "FED-01", year: 2026) == second.findings)
    }

    /// A resolved finding is reopened when the rule finds it on other facts than it was
    /// resolved on (here a welfare cap overrun that grew), and not while they hold.
    @Test func aResolvedFindingReopensOnlyWhenItsFactsChange() throws {
        let known = FindingMerge.Known(id: 1, rule: "welfare-cap", key: "2026", status: .resolved,
                                       facts: FindingFacts(amount: Money(fen: 500), vouchers: [3, 4]))
        let same = FindingDraft(rule: "welfare-cap", key: "2026", vouchers: [4], amount: Money(fen: 500), text: "超出")
        let grown = FindingDraft(rule: "welfare-cap", key: "2026", vouchers: [4, 9], amount: Money(fen: 800), text: "超出")
        #expect(FindingMerge.plan(drafts: [same], known: [known]).steps == [.foundAgain(.known(id: 1), same, reopen: false)])
        #expect(FindingMerge.plan(drafts: [grown], known: [known]).steps == [.foundAgain(.known(id: 1), grown, reopen: true)])
        #expect(FindingFacts(amount: nil, vouchers: [2, 1]).description == FindingFacts(amount: nil, vouchers: [1, 2]).description)
        #expect(FindingFacts(amount: nil, vouchers: [1]).description != FindingFacts(amount: Money(fen: 1), vouchers: [1]).description)
    }

    /// One person can answer and accept the same finding: whoever answered a finding (here an
    /// officer who answered, then left the books and joined the committee) cannot resolve or
    /// accept it.
    @Test func whoeverAnsweredAFindingCannotCloseIt() throws {
        let book = try book()
        let finding = try #require(try book.session("陈静").review.runAudit(organization: "FED-01", year: 2026).findings.first)
        try book.session("王芳").review.answerFinding(id: finding.id, text: "已说明")
        try book.admin.access.revoke(RoleGrant(user: "王芳", role: .officer, organization: "FED-01"))
        try book.admin.committees.addCommitteeMember(organization: "FED-01", CommitteeMember(name: "王芳", office: .member, start: Self.elected))
        for accepted in [false, true] {
            let error = bookError { try book.session("王芳").review.closeFinding(id: finding.id, accepted: accepted, text: "认可") }
            #expect(error == .review(.answererCloses(id: finding.id, user: "王芳")))
            #expect(error?.category == .conflict && error?.rule == "review")
        }
        // The former officer now holds only the committee role that came with the seat.
        #expect(try book.session("王芳").access.roles().map(\.role) == [.committee])
        try book.session("陈静").review.closeFinding(id: finding.id, accepted: true, text: "认可")
    }

    @Test func anOpinionIsSignedByServingMembersAndKept() throws {
        let book = try book()
        let chair = book.session("陈静").review
        _ = try chair.runAudit(organization: "FED-01", year: 2026)
        #expect(try chair.opinion(organization: "FED-01", year: 2026) == nil)
        try chair.recordOpinion(organization: "FED-01", year: 2026, text: "同意", signers: ["王磊", "陈静"], on: LocalDate(parsing: "2027-01-15")!)
        let opinion = try #require(try chair.opinion(organization: "FED-01", year: 2026))
        #expect(opinion.signers.map(\.name) == ["陈静", "王磊"] && opinion.signers.map(\.office) == [.chair, .member])
        #expect(opinion.recordedAt == "2027-01-15" && opinion.recordedBy == "陈静" && opinion.text == "同意")
    }

    @Test func refusalsAreTypedWithTheirRuleAndCategory() throws {
        let book = try book()
        let chair = book.session("陈静").review
        let officer = book.session("王芳").review
        let on = LocalDate(parsing: "2027-01-15")!
        func expect(_ refusal: ReviewRefusal, _ category: ErrorCategory, _ body: () throws -> Void) {
            let error = bookError(body)
            guard case let .review(found)? = error else { Issue.record("\(refusal) was not refused: \(String(describing: error))"); return }
            #expect(found == refusal)
            #expect(error?.rule == "review" && error?.category == category)
            #expect(error?.description == refusal.description)
        }
        expect(.notAudited(organization: "FED-01", year: 2026), .conflict) {
            try chair.recordOpinion(organization: "FED-01", year: 2026, text: "同意", signers: ["陈静"], on: on)
        }
        let audit = try chair.runAudit(organization: "FED-01", year: 2026)
        let finding = try #require(audit.findings.first)
        expect(.emptyAnswer, .invalidInput) { try officer.answerFinding(id: finding.id, text: "  ") }
        expect(.emptyReopenReason, .invalidInput) { try chair.reopenFinding(id: finding.id, text: "") }
        expect(.findingNotFound(id: 999), .notFound) { try officer.answerFinding(id: 999, text: "答复") }
        expect(.findingStatus(id: finding.id, status: .open, act: "resolved", allowed: [.answered]), .conflict) {
            try chair.closeFinding(id: finding.id, accepted: false, text: "整改")
        }
        expect(.emptyOpinion, .invalidInput) { try chair.recordOpinion(organization: "FED-01", year: 2026, text: " ", signers: ["陈静"], on: on) }
        expect(.noSigners, .invalidInput) { try chair.recordOpinion(organization: "FED-01", year: 2026, text: "同意", signers: [], on: on) }
        expect(.noCommitteeInTerm(organization: "FED-01", date: LocalDate(parsing: "2031-06-01")!), .notFound) {
            try chair.recordOpinion(organization: "FED-01", year: 2026, text: "同意", signers: ["陈静"], on: LocalDate(parsing: "2031-06-01")!)
        }
        expect(.signerNotServing(name: "李四", organization: "FED-01", date: on), .invalidInput) {
            try chair.recordOpinion(organization: "FED-01", year: 2026, text: "同意", signers: ["李四"], on: on)
        }
        // An opinion needs two signing members unless the book sets otherwise; naming one twice is one.
        let single = bookError { try chair.recordOpinion(organization: "FED-01", year: 2026, text: "同意", signers: ["陈静", " 陈静"], on: on) }
        #expect(single == .review(.tooFewSigners(organization: "FED-01", required: 2, signers: ["陈静"])))
        #expect(single?.rule == "too-few-signers" && single?.category == .invalidInput)
        try chair.recordOpinion(organization: "FED-01", year: 2026, text: "同意", signers: ["陈静", "王磊"], on: on)
        expect(.opinionExists(organization: "FED-01", year: 2026), .conflict) {
            try chair.recordOpinion(organization: "FED-01", year: 2026, text: "再来", signers: ["陈静", "王磊"], on: on)
        }
        #expect(ReviewRefusal.reportNeedsAudit(organization: "FED-01", year: 2025).description
                == "FED-01 2025 has not been audited; run `fundledger review run --org FED-01 --year 2025` first")
        #expect(BookError.review(.reportNeedsAudit(organization: "FED-01", year: 2025)).category == .conflict)
        #expect(bookError { try officer.closeFinding(id: finding.id, accepted: true, text: "认可") }?.category == .notPermitted)
    }

    @Test func aTamperedStatusIsAnErrorNamingTheTable() throws {
        let book = try book()
        _ = try book.session("陈静").review.runAudit(organization: "FED-01", year: 2026)
        try book.store.database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE finding SET status = 'forgotten'")
        }
        guard case let .storedValueInvalid(table, column, value, _)? = bookError({ _ = try book.admin.review.findings(organization: "FED-01", year: 2026) }) else {
            Issue.record("read a tampered finding"); return
        }
        #expect(table == "finding" && column == "status" && value.contains("forgotten"))
    }
}
