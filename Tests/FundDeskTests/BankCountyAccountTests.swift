import Foundation
import FundApp
import FundCore
import FundStore
import FundXLSX
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FundDesk

/// 建账: a grassroots-chart union's officer opens a county account (132, 212, 508) with a reason,
/// with the refusals of `account open`.
@Suite("Desk 建账: opening a county account")
struct BankCountyAccountTests {
    @Test func anOfficerOpensACountyAccountOnTheOpeningPage() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let page = try await officer.get(client, "/orgs/FED-01/opening")
            #expect(page.status == .ok && page.text.contains("action=\"/orgs/FED-01/opening/county-account\"") && page.text.contains("212 应付下级经费"))
            let noReason = try await officer.post(client, "/orgs/FED-01/opening/county-account", [("account", "212"), ("reason", " ")])
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("opening-reason-missing"))
            let notAllowed = try await officer.post(client, "/orgs/FED-01/opening/county-account", [("account", "401"), ("reason", "试试")])
            #expect(notAllowed.status.code >= 400 && notAllowed.text.contains("county-account-not-allowed") && notAllowed.text.contains("value=\"试试\""))
            let opened = try await officer.post(client, "/orgs/FED-01/opening/county-account", [("account", "212"), ("reason", "转拨<b>基层</b>经费")])
            #expect(opened.status == .ok && opened.text.contains("已按县级以上工会会计科目增设") && opened.text.contains("21202"))
            #expect(opened.text.contains("转拨&lt;b&gt;基层&lt;/b&gt;经费") && !opened.text.contains("<b>基层</b>"))
            let twice = try await officer.post(client, "/orgs/FED-01/opening/county-account", [("account", "212"), ("reason", "再次")])
            #expect(twice.status.code >= 400 && twice.text.contains("bad-account"))
            #expect(try fixture.store.session(as: "王芳").organizations.chart(for: "FED-01").account("21202") != nil)
            // The committee reads the page without the form and is refused the act; another union's officer sees nothing.
            let committee = try await loggedIn(client, "陈静")
            #expect(!(try await committee.get(client, "/orgs/FED-01/opening")).text.contains("opening/county-account"))
            #expect(try await committee.post(client, "/orgs/FED-01/opening/county-account", [("account", "508"), ("reason", "补助")]).status == .forbidden)
            let other = try await loggedIn(client, "赵六")
            #expect(try await other.post(client, "/orgs/FED-01/opening/county-account", [("account", "508"), ("reason", "补助")]).status == .forbidden)
            #expect(try await officer.post(client, "/orgs/FED-01/opening/county-account", [("account", "508"), ("reason", "补助")], csrf: "forged").status == .forbidden)
            #expect(try fixture.store.session(as: "王芳").organizations.chart(for: "FED-01").account("508") == nil)
        }
    }
}
