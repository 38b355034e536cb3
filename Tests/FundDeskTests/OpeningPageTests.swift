import Foundation
import FundCore
import FundStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FundDesk

@Suite("Desk 建账: opening balances pasted from a trial balance")
struct OpeningPageTests {
    static let balances = "科目编码\t科目名称\t借方余额\t贷方余额\t项目\n102\t银行存款\t1,500.00\t\t\n32104\t累计结转\t\t500.00\tXB-1\n32205\t累计结余\t\t1000.00\t\n"

    @Test func anOfficerOpensTheBookOnceFromPastedRows() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let form = try await officer.get(client, "/orgs/FED-01/opening")
            #expect(form.status == .ok && form.text.contains("name=\"balances\""))
            let unbalanced = try await officer.post(client, "/orgs/FED-01/opening", [
                ("first_period", "2026-07"), ("reviewer", "李强"), ("reviewer_password", DeskFixture.password), ("balances", Self.balances.replacingOccurrences(of: "1000.00", with: "999.00")),
            ])
            #expect(unbalanced.status == .unprocessableContent && unbalanced.text.contains("[opening-unbalanced]"))
            let opened = try await officer.post(client, "/orgs/FED-01/opening", [("first_period", "2026-07"), ("reviewer", "李强"), ("reviewer_password", DeskFixture.password), ("balances", Self.balances)])
            #expect(opened.status == .ok && opened.text.contains("已建账：自2026-07起") && opened.text.contains("2026-06/建-0001"))
            #expect(!opened.text.contains("name=\"balances\""))
            // The committee reads the page but may not open a book.
            let member = try await loggedIn(client, "陈静")
            #expect(try await member.get(client, "/orgs/FED-01/opening").text.contains("自 2026-07 建账"))
            #expect(try await member.post(client, "/orgs/FED-01/opening", [("first_period", "2026-07"), ("reviewer", "李强"), ("reviewer_password", DeskFixture.password), ("balances", Self.balances)])
                .status == .forbidden)
        }
        #expect(try fixture.store.session(as: "王芳").opening.firstPeriod(organization: "FED-01") == Period(year: 2026, month: 7))
    }
}
