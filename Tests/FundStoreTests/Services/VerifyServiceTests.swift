import FundCore
import GRDB
@testable import FundStore
import Testing

@Suite struct VerifyServiceTests {
    @Test func aCleanBookHasOnlyTheRegistrysWarnings() throws {
        let book = try InMemoryBook()
        try book.post("2026-03-10", [("102", 100_00), ("401", -100_00)])
        let report = try book.admin.verification.verify()
        #expect(report.organizations == 2 && report.vouchers == 1 && report.lines == 2)
        #expect(report.problems.isEmpty)
        // FED-01 manages its funds independently without a committee, and records no term.
        #expect(report.warnings.map(\.check) == ["review-committee", "term"])
        #expect(report.warnings.first?.description.hasPrefix("FED-01: manages its funds independently") == true)
        try book.admin.committees.addCommittee(Committee(organization: "FED-01", elected: Store.today(), termYears: 5))
        #expect(try book.admin.verification.verify().warnings.map(\.check) == ["term"])
        #expect(bookError { _ = try book.session("王芳").verification.verify() }?.category == .notPermitted)
    }

    @Test func aChangedAggregateIsNamedWithItsVouchers() throws {
        let book = try InMemoryBook()
        try book.post("2026-03-10", [("102", 100_00), ("401", -100_00)])
        try book.store.database.writeWithoutTransaction { db in
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'balance'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
            try db.execute(sql: "UPDATE balance SET debit = debit + 1 WHERE debit > 0")
        }
        let problems = try book.admin.verification.verify().problems
        let balance = try #require(problems.first { $0.check == "balance" })
        #expect(balance.organization == "FED-01" && balance.voucher == "2026-03/记-0001")
        #expect(balance.message.hasPrefix("account 102 in 2026-03: the stored turnover is debit 100.01"))
    }
}
