import FundCore
import GRDB
@testable import FundStore
import Testing

@Suite struct OrganizationServiceTests {
    @Test func listsTheTreeParentsFirst() throws {
        let book = try InMemoryBook()
        try book.admin.organizations.addOrganization(Organization(code: "FED-02", name: "某某县家政服务业工会联合会", level: .federation,
                                                                  parentCode: "CTY-01", termYears: 5, termStart: LocalDate(parsing: "2024-01-01")))
        try book.admin.organizations.addOrganization(Organization(code: "A-CTY", name: "另一县总工会", level: .county))
        let tree = try book.admin.organizations.organizations()
        #expect(tree.map(\.code) == ["A-CTY", "CTY-01", "FED-01", "FED-02"])
        let federation = try book.admin.organizations.organization("FED-02")
        #expect(federation.parentCode == "CTY-01" && federation.termYears == 5 && federation.termStart == LocalDate(parsing: "2024-01-01"))
        #expect(federation.chart == .grassroots)
        #expect(bookError { _ = try book.admin.organizations.organization("NOPE") }?.rule == "unknown-org")
    }

    @Test func refusesDuplicatesUnknownParentsAndBadNames() throws {
        let book = try InMemoryBook()
        let organizations = book.admin.organizations
        #expect(bookError { try organizations.addOrganization(Organization(code: "FED-01", name: "x", level: .federation)) }?.rule == "duplicate-org")
        #expect(bookError { try organizations.addOrganization(Organization(code: "FED-09", name: "x", level: .federation, parentCode: "NOPE")) }?.rule == "unknown-parent")
        #expect(bookError { try organizations.addOrganization(Organization(code: "FED-09", name: "某某县物流公司", level: .federation, parentCode: "CTY-01")) }?.rule == "bad-org")
        #expect(bookError { try book.session("王芳").organizations.addOrganization(Organization(code: "X", name: "x", level: .county)) }?.category == .notPermitted)
    }

    @Test func addsADetailAccountBeforeTheFirstPosting() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳").organizations
        try officer.addAccount(Account(code: "10201", name: "工商银行"), organization: "FED-01")
        let chart = try officer.chart(for: "FED-01")
        #expect(chart.account("10201")?.name == "工商银行")
        #expect(!chart.isLeaf("102"))
        #expect(bookError { try officer.addAccount(Account(code: "10201", name: "重复"), organization: "FED-01") }?.rule == "bad-account")
        try book.post("2026-03-10", [("50105", 100), ("10201", -100)])
        guard case let .parentHasPostings(account, parent, _)? = bookError({ try officer.addAccount(Account(code: "5010501", name: "生日"), organization: "FED-01") }) else {
            Issue.record("added a detail under an account with postings"); return
        }
        #expect(account == "5010501" && parent == "50105")
        // The county's chart is its own.
        #expect(try officer.chart(for: "CTY-01").account("10201") == nil)
    }

    @Test func aTamperedLevelIsAnErrorNamingTheTable() throws {
        let book = try InMemoryBook()
        try book.store.database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE organization SET level = 'kingdom' WHERE code = 'FED-01'")
        }
        guard case let .storedValueInvalid(table, column, value, _)? = bookError({ _ = try book.admin.organizations.organizations() }) else {
            Issue.record("read a tampered organisation"); return
        }
        #expect(table == "organization" && column == "level" && value.contains("kingdom"))
    }
}
