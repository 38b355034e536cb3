import FundCore
@testable import FundStore
import GRDB
import Testing

/// A real refusal of each category, as a server would map it to a status: every category is
/// reachable, and each refusal carries its rule id.
@Suite struct ErrorCategoryTests {
    @Test func notFound() throws {
        let book = try InMemoryBook()
        let error = bookError { _ = try book.admin.periods.closedPeriods(organization: "NOPE") }
        #expect(error?.category == .notFound && error?.rule == "unknown-org")
    }

    @Test func notPermitted() throws {
        let book = try InMemoryBook()
        let error = bookError { _ = try book.session("王芳").periods.closedPeriods(organization: "CTY-01") }
        #expect(error?.category == .notPermitted && error?.rule == "not-permitted")
    }

    @Test func conflict() throws {
        let book = try InMemoryBook()
        try book.post("2026-02-10", [("102", 100), ("401", -100)])
        try book.session("王芳").periods.close(organization: "FED-01", period: Period(year: 2026, month: 2)!, reviewer: "李强")
        let error = bookError { try book.session("王芳").periods.close(organization: "FED-01", period: Period(year: 2026, month: 2)!, reviewer: "李强") }
        #expect(error?.category == .conflict && error?.rule == "period-already-closed")
    }

    @Test func invalidInput() throws {
        let book = try InMemoryBook()
        let error = bookError { try book.post("2026-02-10", [("102", 100), ("401", -99)]) }
        #expect(error?.category == .invalidInput && error?.rule == "voucher-refused")
    }

    @Test func storage() throws {
        let book = try InMemoryBook()
        try book.admin.access.grant(RoleGrant(user: "陈静", role: .superior, organization: "FED-01"))
        try book.store.database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE user_role SET role = 'emperor' WHERE user = '陈静'")
        }
        let error = bookError { _ = try book.admin.access.roles() }
        #expect(error?.category == .storage && error?.rule == "stored-value-invalid")
    }

    @Test func everyCaseOfEveryCategoryHasARuleId() {
        for category in ErrorCategory.allCases { #expect(!category.rawValue.isEmpty) }
    }
}
