import Foundation
import FundCore
import FundStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FundDesk

@Suite("Desk: 联合会", .serialized)
struct FederationPageTests {
    @Test func theAdministratorRecordsTownshipsTermAndCommitteeAndTheSeedsRulesRefuse() async throws {
        let fixture = try DeskFixture()
        let store = fixture.store
        try await fixture.test { client in
            let admin = try await loggedIn(client, "admin")
            let page = try await admin.get(client, "/orgs/FED-01/federation")
            #expect(page.status == .ok)
            #expect(page.text.contains("未登记任期"))

            let townships = try await admin.post(client, "/orgs/FED-01/federation/townships", [("add", "城关镇、东关镇")])
            #expect(townships.status == .ok)
            #expect(townships.text.contains("城关镇、东关镇") || townships.text.contains("东关镇、城关镇"))

            let noTerm = try await admin.post(client, "/orgs/FED-01/federation/term", [("kind", "extension"), ("date", "2027-12-31"), ("document", "某总工〔2027〕5号")])
            #expect(noTerm.status == .unprocessableContent)
            #expect(noTerm.text.contains("[federation-term]"))
            let renewed = try await admin.post(client, "/orgs/FED-01/federation/term", [("kind", "re-election"), ("date", "2026-05-01"), ("years", "5")])
            #expect(renewed.status == .ok)
            #expect(renewed.text.contains("5年，2026-05-01 至 2031-05-01"))

            let chair = try await admin.post(client, "/orgs/FED-01/federation/members",
                                             [("name", "张伟"), ("union", "某某县物流商会"), ("post", "association-president"), ("office", "chair"), ("start", "2026-05-01")])
            #expect(chair.status == .unprocessableContent)
            #expect(chair.text.contains("[association-head-as-chair]"))
            let seated = try await admin.post(client, "/orgs/FED-01/federation/members",
                                              [("name", "李娜"), ("union", "某某物流有限公司工会"), ("post", "union-chair"), ("office", "chair"), ("start", "2026-05-01")])
            #expect(seated.status == .ok)
            let left = try await admin.post(client, "/orgs/FED-01/federation/members/left", [("name", "李娜"), ("date", "2026-05-20")])
            #expect(left.status == .ok)
            #expect(left.text.contains("需替补"))
            #expect(try store.session(as: "王芳").federations.members(federation: "FED-01").first?.leftPost == LocalDate(parsing: "2026-05-20"))

            // An officer reads the page but may not change the federation's records.
            let officer = try await loggedIn(client, "王芳")
            #expect(try await officer.get(client, "/orgs/FED-01/federation").status == .ok)
            let refused = try await officer.post(client, "/orgs/FED-01/federation/townships", [("add", "西山乡")])
            #expect(refused.status == .forbidden)

            // A county is no federation.
            let county = try await admin.get(client, "/orgs/CTY-01/federation")
            #expect(county.text.contains("不是工会联合会"))
        }
    }
}
