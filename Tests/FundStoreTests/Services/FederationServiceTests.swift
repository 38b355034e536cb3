import FundCore
import FundTesting
import Testing
@testable import FundStore

/// A federation's records under the seed, through the store: townships, term, committee, the
/// county's direct support and the upper union's budget line; each sealed and each named in its
/// refusal or warning.
@Suite struct FederationServiceTests {
    static func day(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

    /// A book with an independent township union TWN-03 and a federation FED-12 under it.
    static func book() throws -> TestBook {
        let t = try TestBook()
        try t.book.organizations.addOrganization(Organization(code: "TWN-03", name: "某某县东关镇总工会", level: .township, parentCode: "CTY-01", independent: true))
        try t.book.organizations.addOrganization(Organization(code: "FED-12", name: "某某县东关镇五金产业工会联合会", level: .federation, parentCode: "TWN-03",
                                                              independent: true, termYears: 3, termStart: day("2024-09-01")))
        return t
    }

    static func item(_ code: String, recipient: String = "FED-12") -> SubsidyItem {
        SubsidyItem(code: code, grantor: "CTY-01", recipient: recipient, title: "技能竞赛", purpose: "奖品", accounts: ["50301"], approved: Money(fen: 10_000_00),
                    document: "某总工〔2026〕7号", documentDate: day("2026-03-01"), windowStart: day("2026-03-01"), deadline: day("2026-11-30"))
    }

    @Test func theCountyMaySupportAFederationDirectlyOnlyWhereTheSeedAllows() throws {
        let t = try Self.book()
        let refused = bookError { try t.book.subsidies.addSubsidy(Self.item("XB-1")) }
        #expect(refused?.rule == "county-support-not-allowed")
        #expect(refused?.chinese.contains("TWN-03") == true)
        // A federation directly under the county is supported directly.
        try t.book.subsidies.addSubsidy(Self.item("XB-2", recipient: "FED-01"))
        // Covering two townships, FED-12 may be supported directly.
        #expect(try t.book.federations.setTownships(federation: "FED-12", adding: ["东关镇", "西山乡"]) == ["东关镇", "西山乡"])
        try t.book.subsidies.addSubsidy(Self.item("XB-3"))
        // Back to one township: refused again, until the county records an approved exception.
        try t.book.federations.setTownships(federation: "FED-12", adding: [], removing: ["西山乡"])
        #expect(bookError { try t.book.subsidies.addSubsidy(Self.item("XB-4")) }?.rule == "county-support-not-allowed")
        try t.book.federations.recordException(federation: "FED-12", grantor: "CTY-01", document: "某总工〔2026〕12号", date: Self.day("2026-03-05"))
        try t.book.subsidies.addSubsidy(Self.item("XB-4"))
        #expect(try t.book.verification.verify().problems.isEmpty)
    }

    @Test func townshipsAreRecordedForFederationsOnly() throws {
        let t = try Self.book()
        #expect(bookError { try t.book.federations.setTownships(federation: "TWN-03", adding: ["东关镇"]) }?.rule == "not-a-federation")
        #expect(bookError { try t.book.federations.setTownships(federation: "FED-12", adding: [""]) }?.rule == "bad-township")
        // Another user may not change the tree.
        #expect(bookError { try t.book.store.session(as: "王芳").federations.setTownships(federation: "FED-12", adding: ["东关镇"]) }?.rule == "not-permitted")
    }

    @Test func theTermIsRenewedOrExtendedAndShowsHowItStands() throws {
        let t = try Self.book()
        guard case .expired = try t.book.federations.term(federation: "FED-12", on: Self.day("2027-10-01")).standing else { Issue.record("not expired"); return }
        #expect(bookError { try t.book.federations.recordTerm(federation: "FED-12", FederationTermAct(kind: .extension, date: Self.day("2027-12-31"))) }?.rule == "federation-term")
        try t.book.federations.recordTerm(federation: "FED-12", FederationTermAct(kind: .extension, date: Self.day("2027-12-31"), document: "某总工〔2027〕5号"))
        guard case .ending = try t.book.federations.term(federation: "FED-12", on: Self.day("2027-10-01")).standing else { Issue.record("extension ignored"); return }
        let renewed = try t.book.federations.recordTerm(federation: "FED-12", FederationTermAct(kind: .reElection, date: Self.day("2027-12-20"), years: 5))
        #expect(renewed?.end == Self.day("2032-12-20"))
        #expect(try t.book.federations.term(federation: "FED-12").acts.count == 2)
    }

    @Test func theCommitteeRefusesAssociationChairsAndEnterpriseHeadsAndFlagsReplacements() throws {
        let t = try Self.book()
        let start = Self.day("2024-09-01")
        let chair = bookError {
            try t.book.federations.addMember(federation: "FED-12", FederationMember(name: "张伟", fromUnion: "某某县五金商会", post: .associationPresident, office: .chair, start: start))
        }
        #expect(chair?.rule == "association-head-as-chair")
        let head = bookError {
            try t.book.federations.addMember(federation: "FED-12", FederationMember(name: "刘总", fromUnion: "某某五金制品有限公司", post: .enterpriseHead, office: .member, start: start))
        }
        #expect(head?.rule == "enterprise-head-as-member")
        try t.book.federations.addMember(federation: "FED-12", FederationMember(name: "张伟", fromUnion: "某某县五金商会", post: .associationPresident, office: .member, start: start))
        try t.book.federations.addMember(federation: "FED-12", FederationMember(name: "李娜", fromUnion: "某某五金制品有限公司工会", post: .unionChair, office: .chair, start: start))
        #expect(bookError { try t.book.federations.addMember(federation: "FED-12", FederationMember(name: "李娜", fromUnion: "x", post: .worker, office: .member, start: start)) }?.rule == "federation-member")
        try t.book.federations.updateMember(federation: "FED-12", name: "李娜", leftPost: Self.day("2026-03-01"))
        #expect(try t.book.federations.members(federation: "FED-12").map(\.name) == ["李娜", "张伟"])
        #expect(bookError { try t.book.federations.updateMember(federation: "FED-12", name: "王五", end: Self.day("2026-03-01")) }?.rule == "federation-member")

        // The audit of FED-12's year names the member to replace.
        try t.book.committees.addCommittee(Committee(organization: "FED-12", elected: start, termYears: 3,
                                                     members: [CommitteeMember(name: "陈静", office: .chair, start: start)]))
        let outcome = try t.opened(as: "陈静").review.runAudit(organization: "FED-12", year: 2026, language: .english)
        #expect(outcome.findings.filter { $0.rule == "federation-member-replacement" }.map(\.text).first?.contains("李娜") == true)
        #expect(try t.book.verification.verify().problems.isEmpty)
    }

    @Test func anUpperUnionsBudgetWarnsOrRefusesWithoutAFederationsLine() throws {
        let t = try Self.book()
        let csv = "org,year,account,expense,project,counterpart,amount,note\nTWN-03,2026,402,,,,100000.00,\nTWN-03,2026,505,,,,20000.00,\n"
        try t.book.budgets.importBudgets(path: try t.write("b.csv", csv))
        try t.book.committees.setAuditSetting(organization: "TWN-03", key: "federation-budget-line", value: "refuse")
        let refused = bookError { _ = try t.book.budgets.approveBudget(organization: "TWN-03", year: 2026, document: "某工〔2026〕1号") }
        #expect(refused?.rule == "federation-budget-line" && refused?.chinese.contains("FED-12") == true)
        try t.book.committees.setAuditSetting(organization: "TWN-03", key: "federation-budget-line", value: "warn")
        let warnings = try t.book.budgets.approveBudget(organization: "TWN-03", year: 2026, document: "某工〔2026〕1号")
        #expect(warnings == [.federationWithoutBudgetLine(organization: "TWN-03", year: 2026, federations: ["FED-12"])])
        #expect(try t.book.budgets.budget(organization: "TWN-03", year: 2026)?.status == .approved)
    }

    @Test func aBudgetWithTheFederationsLineIsApprovedWithoutWarning() throws {
        let t = try Self.book()
        let csv = "org,year,account,expense,project,counterpart,amount,note\nTWN-03,2026,402,,,,100000.00,\nTWN-03,2026,505,,,FED-12,20000.00,联合会建设和工作经费\n"
        try t.book.budgets.importBudgets(path: try t.write("b.csv", csv))
        #expect(try t.book.budgets.approveBudget(organization: "TWN-03", year: 2026, document: "某工〔2026〕1号").isEmpty)
    }
}
