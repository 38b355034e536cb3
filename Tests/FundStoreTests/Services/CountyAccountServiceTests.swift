import FundCore
import FundTesting
import GRDB
@testable import FundStore
import Testing

/// County accounts on a grassroots chart: who may open them, which, the record of the act and
/// the database's second line of defence.
@Suite struct CountyAccountServiceTests {
    @Test func anOfficerOpensTwoHundredTwelveWithItsDetails() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳").organizations
        let opened = try officer.openCountyAccount(code: "212", organization: "FED-01", reason: "  转拨基层工会拨缴经费 ")
        #expect(opened == [Account(code: "212", name: "应付下级经费"), Account(code: "21201", name: "应付下级补助"),
                           Account(code: "21202", name: "应付下级转拨经费")])
        let chart = try officer.chart(for: "FED-01")
        #expect(!chart.isLeaf("212") && chart.isLeaf("21202") && chart.isOpenedCountyAccount("21202") && !chart.isOpenedCountyAccount("102"))
        // Only this union's chart has them.
        try book.admin.organizations.addOrganization(Organization(code: "FED-02", name: "某某县家政服务业工会联合会", level: .federation, parentCode: "CTY-01"))
        #expect(try officer.chart(for: "FED-02").account("212") == nil)
        let openings = try officer.countyAccountOpenings(organization: "FED-01")
        #expect(openings.map(\.code) == ["212"] && openings[0].reason == "转拨基层工会拨缴经费" && openings[0].openedBy == "王芳")
        // Its accounts take postings; a detail may go under them like under any other.
        try book.post("2026-03-10", [("102", 500_00), ("402", -300_00), ("21202", -200_00)])
        try officer.addAccount(Account(code: "2120101", name: "困难职工补助"), organization: "FED-01")
        // The admin opens 508 by a detail: the level-1 account and both details come with it.
        #expect(try book.admin.organizations.openCountyAccount(code: "50802", organization: "FED-01", reason: "补助下级工会").map(\.code) == ["508", "50801", "50802"])
        #expect(try book.admin.verification.verify().problems.isEmpty)
    }

    @Test func refusesOtherAccountsCountyUnionsAndMissingReasons() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳").organizations
        for code in ["201", "211", "50601", "21203"] {
            #expect(bookError { try officer.openCountyAccount(code: code, organization: "FED-01", reason: "x") }?.rule == "county-account-not-allowed", "\(code)")
        }
        #expect(bookError { try officer.openCountyAccount(code: "2", organization: "FED-01", reason: "x") }?.rule == "bad-account")
        #expect(bookError { try book.admin.organizations.openCountyAccount(code: "212", organization: "CTY-01", reason: "x") }?.rule == "county-account-not-allowed")
        let missing = bookError { try officer.openCountyAccount(code: "212", organization: "FED-01", reason: "  ") }
        #expect(missing?.rule == "opening-reason-missing" && missing?.category == .invalidInput)
        #expect(bookError { try officer.openCountyAccount(code: "212", organization: "FED-01", reason: String(repeating: "转", count: 201)) }?.rule == "opening-reason-too-long")
        #expect(bookError { try book.session("赵六").organizations.openCountyAccount(code: "212", organization: "FED-01", reason: "x") }?.category == .notPermitted)
        // Nothing was written by any refusal; a second opening of the same account is refused.
        #expect(try officer.countyAccountOpenings(organization: "FED-01").isEmpty)
        #expect(try officer.chart(for: "FED-01").account("212") == nil)
        try officer.openCountyAccount(code: "212", organization: "FED-01", reason: "转拨")
        #expect(bookError { try officer.openCountyAccount(code: "21201", organization: "FED-01", reason: "转拨") }?.rule == "bad-account")
    }

    @Test func theDatabaseHoldsTheRulesASecondTime() throws {
        let book = try InMemoryBook()
        try book.session("王芳").organizations.openCountyAccount(code: "132", organization: "FED-01", reason: "应收下级经费")
        func refused(_ sql: String) -> Bool {
            (try? book.store.database.write { db in try db.execute(sql: sql) }) == nil
        }
        // An organisation's own level-1 account: 132, 212 or 508 on the grassroots chart only.
        #expect(refused("INSERT INTO account (chart, organization_id, code, name) VALUES ('grassroots', (SELECT id FROM organization WHERE code = 'FED-01'), '201', '应付职工薪酬')"))
        #expect(refused("INSERT INTO account (chart, organization_id, code, name) VALUES ('county', (SELECT id FROM organization WHERE code = 'CTY-01'), '212', '应付下级经费')"))
        #expect(!refused("INSERT INTO account (chart, organization_id, code, name) VALUES ('grassroots', (SELECT id FROM organization WHERE code = 'FED-01'), '508', '补助下级支出')"))
        // v1's checks and triggers survived the rebuild.
        #expect(refused("INSERT INTO account (chart, organization_id, code, name, parent_id) VALUES ('grassroots', NULL, '1x', 'x', NULL)"))
        let triggers = try book.store.database.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") }
        for name in ["voucher_line_leaf", "voucher_line_chart", "account_detail_unused_parent", "account_opening_no_update"] {
            #expect(triggers.contains(name), "\(name)")
        }
        #expect(refused("UPDATE account_opening SET reason = '别的'"))
        #expect(refused("DELETE FROM account_opening"))
        #expect(refused("INSERT INTO account_opening (organization_id, code, reason, opened_at, opened_by) VALUES ((SELECT id FROM organization WHERE code = 'CTY-01'), '212', 'x', 'now', 'admin')"))
    }

    @Test func theOpeningIsSealedInTheOrganisationsChain() throws {
        let t = try TestBook()
        try t.book.organizations.openCountyAccount(code: "212", organization: "FED-01", reason: "转拨基层工会拨缴经费")
        #expect(try t.book.verification.verify().problems.isEmpty)
        try SealChainTests.tamper(t.path, "UPDATE account_opening SET reason = '别的'")
        let problems = SealChainTests.eventProblems(try t.opened(as: "t").verification.verify())
        #expect(problems.contains { $0.contains("account_opening") }, "\(problems)")
    }
}
