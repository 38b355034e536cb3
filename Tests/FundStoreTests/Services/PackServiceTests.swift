import FundCore
@testable import FundStore
import FundTesting
import GRDB
import Testing

/// A closed month's pack sent up (报送), received (签收) or returned (退回) by the union above,
/// superseded when the month is reopened; every act recorded with who and when in the
/// organisation's event chain.
@Suite struct PackServiceTests {
    static let february = Period(year: 2026, month: 2)!

    /// The in-memory book with February of FED-01 posted and closed, and 钱进 superior of CTY-01.
    static func book() throws -> InMemoryBook {
        let book = try InMemoryBook()
        try book.post("2026-02-10", [("102", 100_00), ("401", -100_00)])
        try book.session("王芳").periods.close(organization: "FED-01", period: february, reviewer: "李强")
        try book.admin.access.grant(RoleGrant(user: "钱进", role: .superior, organization: "CTY-01"))
        return book
    }

    @Test func anOfficerSendsAClosedMonthAndTheUnionAboveReceivesIt() throws {
        let book = try Self.book()
        let officer = book.session("王芳"), county = book.session("钱进")
        // An open month is not sent.
        #expect(bookError { try officer.periods.submitPack(organization: "FED-01", period: Self.february.next) }
                == .periodNotClosed(organization: "FED-01", period: Self.february.next))
        // Only an officer of the organisation sends it.
        #expect(bookError { try county.periods.submitPack(organization: "FED-01", period: Self.february) }?.category == .notPermitted)
        try officer.periods.submitPack(organization: "FED-01", period: Self.february)
        #expect(bookError { try officer.periods.submitPack(organization: "FED-01", period: Self.february) }
                == .pack(.alreadySent(organization: "FED-01", period: Self.february, status: .sent)))
        // The officer does not receive her own pack; the superior does.
        let own = bookError { try officer.periods.receivePack(organization: "FED-01", period: Self.february) }
        #expect(own == .pack(.notSuperior(user: "王芳", organization: "FED-01")) && own?.category == .notPermitted && own?.rule == "pack-not-superior")
        #expect(try officer.periods.mayReceivePacks(organization: "FED-01") == false)
        #expect(try county.periods.mayReceivePacks(organization: "FED-01"))
        try county.periods.receivePack(organization: "FED-01", period: Self.february)
        let packs = try officer.periods.packs(organization: "FED-01")
        #expect(packs.count == 1 && packs[0].status == .received)
        #expect(packs[0].events.map(\.action) == [.submit, .receive] && packs[0].events.map(\.by) == ["王芳", "钱进"])
        #expect(packs[0].lastSent?.by == "王芳" && packs[0].events.allSatisfy { $0.at.hasSuffix("Z") })
        // Received is final until the month is reopened.
        #expect(bookError { try county.periods.returnPack(organization: "FED-01", period: Self.february, reason: "重报") }
                == .pack(.notAwaiting(organization: "FED-01", period: Self.february, status: .received)))
        // A superior of the organisation itself is not the union above it.
        try book.admin.access.grant(RoleGrant(user: "周平", role: .superior, organization: "FED-01"))
        #expect(try book.session("周平").periods.mayReceivePacks(organization: "FED-01") == false)
    }

    @Test func aReturnedPackIsSentAgainAndAReopenedMonthSupersedesIt() throws {
        let book = try Self.book()
        let officer = book.session("王芳"), county = book.session("钱进")
        #expect(bookError { try county.periods.receivePack(organization: "FED-01", period: Self.february) }
                == .pack(.notAwaiting(organization: "FED-01", period: Self.february, status: nil)))
        try officer.periods.submitPack(organization: "FED-01", period: Self.february)
        #expect(bookError { try county.periods.returnPack(organization: "FED-01", period: Self.february, reason: "  ") } == .missingReason)
        try county.periods.returnPack(organization: "FED-01", period: Self.february, reason: "收入明细与工会经费拨缴不符")
        #expect(try officer.periods.packs(organization: "FED-01").first?.status == .returned)
        #expect(try officer.periods.packs(organization: "FED-01").first?.last?.reason == "收入明细与工会经费拨缴不符")
        try officer.periods.submitPack(organization: "FED-01", period: Self.february)
        try county.periods.receivePack(organization: "FED-01", period: Self.february)
        // Reopening the month marks what was sent as superseded, with the reopen's reason.
        try officer.periods.reopen(organization: "FED-01", period: Self.february, reason: "补记一笔收入", reviewer: "李强")
        let pack = try #require(try officer.periods.packs(organization: "FED-01").first)
        #expect(pack.status == .superseded && pack.last?.reason == "补记一笔收入" && pack.last?.by == "王芳")
        // Closed again, it is sent again.
        #expect(bookError { try officer.periods.submitPack(organization: "FED-01", period: Self.february) }?.rule == "period-not-closed")
        try officer.periods.close(organization: "FED-01", period: Self.february, reviewer: "李强")
        try officer.periods.submitPack(organization: "FED-01", period: Self.february)
        #expect(try officer.periods.packs(organization: "FED-01").first?.events.map(\.action) == [.submit, .return, .submit, .receive, .supersede, .submit])
    }

    @Test func theActsAreSealedInTheOrganisationsChain() throws {
        let t = try TestBook()
        try t.post("FED-01", "2026-02-10", [("102", 100), ("401", -100)])
        try t.book.periods.close(organization: "FED-01", period: Self.february, reviewer: "李强")
        try t.book.periods.submitPack(organization: "FED-01", period: Self.february)
        #expect(try t.book.verification.verify().problems.isEmpty)
        try SealChainTests.tamper(t.path, "UPDATE pack_event SET by = '某人'")
        let problems = SealChainTests.eventProblems(try t.opened(as: "t").verification.verify())
        #expect(problems.contains { $0.contains("pack_event") }, "\(problems)")
    }

    @Test func theDatabaseKeepsTheActsAsRecorded() throws {
        let book = try Self.book()
        try book.session("王芳").periods.submitPack(organization: "FED-01", period: Self.february)
        #expect(throws: DatabaseError.self) { try book.store.database.write { db in try db.execute(sql: "DELETE FROM pack_event") } }
        #expect(throws: DatabaseError.self) { try book.store.database.write { db in try db.execute(sql: "UPDATE pack_event SET by = '某人'") } }
    }
}

/// The committee's opinion drafted by one member and signed by each member in the member's own
/// login, recorded once enough serving members signed.
@Suite struct OpinionDraftTests {
    @Test func membersSignInTheirOwnLoginsAndTheOpinionIsRecordedAtTheRequiredNumber() throws {
        let book = try CommitteeControlTests.book()
        let year = CommitteeControlTests.today.year
        let chair = book.session("陈静"), member = book.session("周敏")
        #expect(bookError { try chair.review.draftOpinion(organization: "FED-01", year: year, throughMonth: 12, conclusion: .agree, text: "同意") }
                == .review(.notAudited(organization: "FED-01", year: year)))
        _ = try chair.review.runAudit(organization: "FED-01", year: year)
        #expect(bookError { try chair.review.draftOpinion(organization: "FED-01", year: year, throughMonth: 13, conclusion: .agree, text: "同意") }
                == .review(.badCoverage(throughMonth: 13)))
        // An officer neither drafts nor signs.
        #expect(bookError { try book.session("王芳").review.draftOpinion(organization: "FED-01", year: year, throughMonth: 12, conclusion: .agree, text: "同意") }?
                .category == .notPermitted)
        #expect(bookError { try chair.review.signOpinion(organization: "FED-01", year: year) } == .review(.noOpinionDraft(organization: "FED-01", year: year)))
        try chair.review.draftOpinion(organization: "FED-01", year: year, throughMonth: 6, conclusion: .qualified, text: "账实相符，个别凭证附件不全。")
        #expect(try chair.review.signOpinion(organization: "FED-01", year: year) == nil)
        #expect(bookError { try chair.review.signOpinion(organization: "FED-01", year: year) }
                == .review(.alreadySigned(name: "陈静", organization: "FED-01", year: year)))
        // A new draft clears the signatures given on the old text.
        try member.review.draftOpinion(organization: "FED-01", year: year, throughMonth: 12, conclusion: .agree, text: "同意本年度经费收支决算。")
        let draft = try #require(try member.review.opinionDraft(organization: "FED-01", year: year))
        #expect(draft.signatures.isEmpty && draft.required == 2 && draft.draftedBy == "周敏" && draft.coverage == "\(year)年度（1月至12月）")
        #expect(try chair.review.signOpinion(organization: "FED-01", year: year) == nil)
        #expect(try member.review.opinionDraft(organization: "FED-01", year: year)?.signatures.map(\.name) == ["陈静"])
        // A member whose seat is over does not sign.
        #expect(bookError { try book.session("赵六").review.signOpinion(organization: "FED-01", year: year) }?.category == .notPermitted)
        let opinion = try #require(try member.review.signOpinion(organization: "FED-01", year: year))
        #expect(opinion.signers.map(\.name) == ["陈静", "周敏"] && opinion.text.hasPrefix("审查期间：\(year)年度（1月至12月）\n审查结论：同意\n"))
        #expect(opinion.recordedBy == "周敏")
        #expect(bookError { try chair.review.draftOpinion(organization: "FED-01", year: year, throughMonth: 12, conclusion: .agree, text: "改") }
                == .review(.opinionExists(organization: "FED-01", year: year)))
        #expect(bookError { try chair.review.signOpinion(organization: "FED-01", year: year) } == .review(.opinionExists(organization: "FED-01", year: year)))
    }
}
