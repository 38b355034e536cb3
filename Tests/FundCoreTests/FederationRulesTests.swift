import FundCore
import Testing

/// The seed's rules for federations (冀工办发〔2020〕43号 §II, §IV.1), as pure decisions and as
/// audit findings.
@Suite struct FederationRulesTests {
    static func day(_ text: String) -> LocalDate { LocalDate(parsing: text)! }
    static let federation = Organization(code: "FED-12", name: "某某县东关镇五金产业工会联合会", level: .federation, parentCode: "TWN-03", independent: true,
                                         termYears: 3, termStart: day("2024-09-01"))
    static let township = Organization(code: "TWN-03", name: "某某县东关镇总工会", level: .township, parentCode: "CTY-01", independent: true)

    @Test func aTermRunsFromItsStartAndIsRenewedOrExtended() {
        #expect(FederationRules.term(of: Self.federation, acts: [])?.end == Self.day("2027-09-01"))
        let renewed = FederationRules.term(of: Self.federation, acts: [FederationTermAct(kind: .reElection, date: Self.day("2027-08-20"), years: 5)])
        #expect(renewed?.start == Self.day("2027-08-20") && renewed?.end == Self.day("2032-08-20"))
        let extended = FederationRules.term(of: Self.federation, acts: [FederationTermAct(kind: .extension, date: Self.day("2027-12-31"), document: "某总工〔2027〕5号")])
        #expect(extended?.lastDay == Self.day("2027-12-31"))
    }

    @Test func aTermWarnsThreeMonthsBeforeItEndsAndExpiresAfter() {
        #expect(FederationRules.standing(of: Self.federation, acts: [], on: Self.day("2027-05-31")) == .inTerm(FederationRules.term(of: Self.federation, acts: [])!))
        guard case .ending = FederationRules.standing(of: Self.federation, acts: [], on: Self.day("2027-06-01")) else { Issue.record("no warning"); return }
        guard case .expired = FederationRules.standing(of: Self.federation, acts: [], on: Self.day("2027-09-02")) else { Issue.record("not expired"); return }
        let extension_ = FederationTermAct(kind: .extension, date: Self.day("2027-12-31"), document: "某总工〔2027〕5号")
        guard case .ending = FederationRules.standing(of: Self.federation, acts: [extension_], on: Self.day("2027-10-01")) else { Issue.record("extension ignored"); return }
        #expect(FederationRules.standing(of: Organization(code: "FED-99", name: "x", level: .federation), acts: [], on: Self.day("2027-10-01")) == .unknown)
    }

    @Test func termActsAreChecked() {
        #expect(throws: FederationRefusal.badTermYears(federation: "FED-12", years: 4)) {
            try FederationRules.checkTermAct(FederationTermAct(kind: .reElection, date: Self.day("2027-09-01"), years: 4), of: Self.federation, acts: [])
        }
        #expect(throws: FederationRefusal.extensionWithoutDocument(federation: "FED-12")) {
            try FederationRules.checkTermAct(FederationTermAct(kind: .extension, date: Self.day("2027-12-31")), of: Self.federation, acts: [])
        }
        #expect(throws: FederationRefusal.extensionWithinTerm(federation: "FED-12", until: Self.day("2027-06-30"), termEnd: Self.day("2027-09-01"))) {
            try FederationRules.checkTermAct(FederationTermAct(kind: .extension, date: Self.day("2027-06-30"), document: "文"), of: Self.federation, acts: [])
        }
        #expect(throws: FederationRefusal.notAFederation(code: "TWN-03", level: .township)) {
            try FederationRules.checkTermAct(FederationTermAct(kind: .reElection, date: Self.day("2027-09-01"), years: 5), of: Self.township, acts: [])
        }
    }

    @Test func theCommitteeKeepsAssociationHeadsFromTheChairAndEnterpriseHeadsOut() throws {
        let start = Self.day("2024-09-01")
        #expect(throws: FederationRefusal.associationHeadAsChair(name: "张伟", post: .associationPresident, office: .chair, federation: "FED-12")) {
            try FederationRules.checkMember(FederationMember(name: "张伟", fromUnion: "某某县五金商会", post: .associationPresident, office: .chair, start: start), federation: "FED-12")
        }
        #expect(throws: FederationRefusal.associationHeadAsChair(name: "张伟", post: .associationVicePresident, office: .viceChair, federation: "FED-12")) {
            try FederationRules.checkMember(FederationMember(name: "张伟", fromUnion: "某某县五金商会", post: .associationVicePresident, office: .viceChair, start: start), federation: "FED-12")
        }
        #expect(throws: FederationRefusal.enterpriseHeadAsMember(name: "刘总", fromUnion: "某某五金制品有限公司", federation: "FED-12")) {
            try FederationRules.checkMember(FederationMember(name: "刘总", fromUnion: "某某五金制品有限公司", post: .enterpriseHead, office: .member, start: start), federation: "FED-12")
        }
        // An association's president may sit as a member; a union chair may chair.
        try FederationRules.checkMember(FederationMember(name: "张伟", fromUnion: "某某县五金商会", post: .associationPresident, office: .member, start: start), federation: "FED-12")
        try FederationRules.checkMember(FederationMember(name: "李娜", fromUnion: "某某五金制品有限公司工会", post: .unionChair, office: .chair, start: start), federation: "FED-12")
        #expect(FederationMemberPost(parsing: "商会会长") == .associationPresident && FederationOffice(parsing: "副主席") == .viceChair)
    }

    @Test func aMemberWhoLeftTheirPostIsToBeReplaced() {
        let start = Self.day("2024-09-01")
        let left = FederationMember(name: "李娜", fromUnion: "某某五金制品有限公司工会", post: .unionChair, office: .member, start: start, leftPost: Self.day("2026-03-01"))
        let replaced = FederationMember(name: "王强", fromUnion: "某某机械有限公司工会", post: .unionChair, office: .member, start: start,
                                        end: Self.day("2026-04-01"), leftPost: Self.day("2026-04-01"))
        let worker = FederationMember(name: "赵敏", fromUnion: "某某机械有限公司", post: .worker, office: .member, start: start, leftPost: Self.day("2026-03-01"))
        #expect(FederationRules.membersToReplace([left, replaced, worker], on: Self.day("2026-12-31")).map(\.name) == ["李娜"])
        #expect(FederationRules.membersToReplace([left], on: Self.day("2026-02-01")).isEmpty)
    }

    @Test func theCountyMaySupportAFederationOnlyWhereTheSeedAllows() {
        // The upper union manages its funds independently and the federation covers one township.
        #expect(!FederationRules.countyMaySupport(federation: Self.federation, upper: Self.township, townships: ["东关镇"]))
        #expect(FederationRules.countyMaySupport(federation: Self.federation, upper: Self.township, townships: ["东关镇", "西山乡"]))
        var dependent = Self.township
        dependent.independent = false
        #expect(FederationRules.countyMaySupport(federation: Self.federation, upper: dependent, townships: []))
        let county = Organization(code: "CTY-01", name: "某某县总工会", level: .county)
        #expect(FederationRules.countyMaySupport(federation: Self.federation, upper: county, townships: []))
    }

    @Test func aFederationUnderAnUpperUnionHasALineInItsBudget() {
        let other = Organization(code: "FED-13", name: "某某县东关镇物流行业工会联合会", level: .federation, parentCode: "TWN-03")
        let lines = [BudgetKey(account: "401"), BudgetKey(account: "50802", counterpart: "FED-12")]
        #expect(FederationRules.federationsWithoutLine(lines, federations: [Self.federation, other]) == ["FED-13"])
        // An income line naming the federation is no line of its funds.
        #expect(FederationRules.federationsWithoutLine([BudgetKey(account: "402", counterpart: "FED-12")], federations: [Self.federation]) == ["FED-12"])
    }

    static func audit(_ facts: FederationFacts?, organization: Organization = federation, year: Int = 2027) -> AuditInput {
        var input = AuditInput(organization: organization, year: year, vouchers: [])
        input.language = .english
        input.federation = facts
        return input
    }

    @Test func theAuditFindsAnExpiredTermAndWarnsOfAnEndingOne() throws {
        let expired = try AuditRules.rule("federation-term-expired")!.check(Self.audit(FederationFacts()))
        #expect(expired.count == 1 && expired.first?.text.contains("ended on 2027-09-01") == true)
        let renewed = FederationFacts(termActs: [FederationTermAct(kind: .reElection, date: Self.day("2027-08-20"), years: 3)])
        #expect(try AuditRules.rule("federation-term-expired")!.check(Self.audit(renewed)).isEmpty)
        var ending = Self.federation
        ending.termStart = Self.day("2025-02-01")
        #expect(try AuditRules.rule("federation-term-ending")!.check(Self.audit(FederationFacts(), organization: ending)).count == 1)
        #expect(try AuditRules.rule("federation-term-ending")!.check(Self.audit(FederationFacts(), year: 2026)).isEmpty)
    }

    @Test func theAuditFlagsAMemberForReplacement() throws {
        let member = FederationMember(name: "李娜", fromUnion: "某某五金制品有限公司工会", post: .unionChair, office: .viceChair, start: Self.day("2024-09-01"),
                                      leftPost: Self.day("2026-03-01"))
        let found = try AuditRules.rule("federation-member-replacement")!.check(Self.audit(FederationFacts(members: [member]), year: 2026))
        #expect(found.map(\.key) == ["李娜"])
        var replaced = member
        replaced.end = Self.day("2026-05-01")
        #expect(try AuditRules.rule("federation-member-replacement")!.check(Self.audit(FederationFacts(members: [replaced]), year: 2026)).isEmpty)
    }
}
