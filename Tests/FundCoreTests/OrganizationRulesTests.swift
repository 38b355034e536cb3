import Testing
@testable import FundCore

@Suite struct OrganizationRulesTests {
    static let ancestors = ["某某县城关镇总工会", "某某县总工会"]

    @Test(arguments: ["某某县城关镇商贸行业工会联合会", "某某县物流行业工会联合会", "某某县经济开发区工会联合会",
                      "某某县城关镇快递行业工会联合会", "某某县城关镇建筑业工会联合会"])
    func goodNames(name: String) throws {
        try OrganizationRules.checkFederationName(name, code: "FED", ancestorNames: OrganizationRulesTests.ancestors)
    }

    /// Each bad name and the words of the reason it is refused.
    @Test func badNames() {
        let cases: [(String, String)] = [
            ("某某县城关镇商贸行业联合会", "must end in 工会联合会"),
            ("城关镇商贸行业工会联合会", "must start with the administrative division it belongs to, such as 某某县城关镇"),
            ("某某市商贸行业工会联合会", "must start with the administrative division"),
            ("某某县工会联合会", "names no region or industry"),
            ("某某县城关镇百货商场有限公司工会联合会", "a grassroots union's (an employer's) name"),
            ("某某县城关镇快递员工会联合会", "an occupation"),
            ("某某县外卖骑手工会联合会", "an occupation"),
        ]
        for (name, reason) in cases {
            do {
                try OrganizationRules.checkFederationName(name, code: "FED", ancestorNames: OrganizationRulesTests.ancestors)
                Issue.record("accepted \(name)")
            } catch {
                #expect(error.description.contains(reason), "\(name): \(error)")
                #expect(error.description.contains(OrganizationRules.federationNameRule))
            }
        }
    }

    @Test func divisions() {
        #expect(OrganizationRules.division(of: "某某县总工会") == "某某县")
        #expect(OrganizationRules.division(of: "某某县经济开发区工会") == "某某县经济开发区")
        #expect(OrganizationRules.division(of: "某某市物流行业工会联合会") == "某某市物流行业")
    }

    @Test func theTree() throws {
        func org(_ level: OrganizationLevel) -> Organization { Organization(code: "X", name: "x", level: level) }
        try OrganizationRules.checkParent(org(.county), parentLevel: nil)
        try OrganizationRules.checkParent(org(.federation), parentLevel: .county)
        try OrganizationRules.checkParent(org(.federation), parentLevel: .township)
        try OrganizationRules.checkParent(org(.grassroots), parentLevel: .federation)
        try OrganizationRules.checkParent(org(.county), parentLevel: .county)
        #expect(throws: OrganizationError.self) { try OrganizationRules.checkParent(org(.township), parentLevel: .federation) }
        #expect(throws: OrganizationError.self) { try OrganizationRules.checkParent(org(.federation), parentLevel: .federation) }
        #expect(throws: OrganizationError.self) { try OrganizationRules.checkParent(org(.county), parentLevel: .township) }
        #expect(throws: OrganizationError.self) { try OrganizationRules.checkParent(org(.federation), parentLevel: nil) }
        #expect(throws: OrganizationError.self) { try org(.federation).with(term: 4).validate() }
        try org(.federation).with(term: 5).validate()
        #expect(org(.federation).with(term: 5).termEnd?.description == "2029-05-01")
    }
}

extension Organization {
    func with(term years: Int) -> Organization {
        var copy = self
        copy.termYears = years
        copy.termStart = LocalDate(year: 2024, month: 5, day: 1)
        return copy
    }
}
