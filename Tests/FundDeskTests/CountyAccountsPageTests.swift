import Foundation
import FundCore
import FundStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FundDesk

@Suite("Desk 建账: the county accounts a grassroots-chart union opened")
struct CountyAccountsPageTests {
    @Test func theOpeningPageListsThemWithTheirReasons() async throws {
        let fixture = try DeskFixture()
        try fixture.store.session(as: "王芳").organizations.openCountyAccount(code: "212", organization: "FED-01", reason: "转拨基层工会拨缴经费")
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let page = try await officer.get(client, "/orgs/FED-01/opening")
            #expect(page.status == .ok && page.text.contains("按县级以上工会会计科目增设的科目"))
            #expect(page.text.contains("应付下级经费") && page.text.contains("21202 应付下级转拨经费") && page.text.contains("转拨基层工会拨缴经费"))
            // The committee reads it too; a union that opened nothing says so; the county chart has no such section.
            #expect(try await loggedIn(client, "陈静").get(client, "/orgs/FED-01/opening").text.contains("转拨基层工会拨缴经费"))
            let other = try await loggedIn(client, "赵六").get(client, "/orgs/FED-02/opening")
            #expect(other.text.contains("本单位未增设县级科目") && !other.text.contains("转拨基层工会拨缴经费"))
            #expect(try await loggedIn(client, "admin").get(client, "/orgs/CTY-01/opening").text.contains("按县级以上工会会计科目增设的科目") == false)
            // Another union's officer may not read it.
            #expect(try await loggedIn(client, "赵六").get(client, "/orgs/FED-01/opening").status == .forbidden)
        }
    }
}
