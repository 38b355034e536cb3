import Foundation
import FundCore
import FundStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FundDesk

@Suite("Desk roles, CSRF and headers")
struct AccessTests {
    /// Every page of an organisation, with whether a reader who does not keep the books may see it.
    static func pages(voucher id: Int64) -> [(uri: String, readers: Bool)] {
        [
            ("/orgs/FED-01/vouchers?period=2026-05", true), ("/orgs/FED-01/vouchers?period=all", true),
            ("/orgs/FED-01/vouchers/new", false),
            ("/orgs/FED-01/vouchers/\(id)", true), ("/orgs/FED-01/vouchers/\(id)/print", true),
            ("/orgs/FED-01/reports", true), ("/orgs/FED-01/reports/trial-balance?year=2026", true),
            ("/orgs/FED-01/reports/general-ledger?year=2026", true), ("/orgs/FED-01/reports/detail-ledger?year=2026&account=102", true),
            ("/orgs/FED-01/reports/balance-sheet?year=2026&month=5", true), ("/orgs/FED-01/reports/income-expenditure?year=2026", true),
            ("/orgs/FED-01/reports/trial-balance.xlsx?year=2026", true), ("/orgs/FED-01/reports/journal.xlsx?year=2026", true),
            ("/orgs/FED-01/reports/general-ledger.xlsx?year=2026", true), ("/orgs/FED-01/reports/detail-ledger.xlsx?year=2026&account=102", true),
            ("/orgs/FED-01/reports/balance-sheet.xlsx?year=2026", true), ("/orgs/FED-01/reports/income-expenditure.xlsx?year=2026", true),
            ("/orgs/FED-01/reports/subsidies?year=2026", true), ("/orgs/FED-01/reports/subsidies.xlsx?year=2026", true),
            ("/orgs/FED-01/periods?year=2026", true),
        ]
    }

    @Test func everyPageRendersForEachRoleThatMaySeeItAnd403sForOthers() async throws {
        let fixture = try DeskFixture()
        let voucher = try fixture.post("2026-05-06", [("102", 500_00), ("401", -500_00)])
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳"), committee = try await loggedIn(client, "陈静")
            let superior = try await loggedIn(client, "钱进"), admin = try await loggedIn(client, "admin")
            let stranger = try await loggedIn(client, "赵六")
            #expect(try await officer.get(client, "/").status == .ok)
            #expect(try await stranger.get(client, "/").status == .ok)
            for page in Self.pages(voucher: voucher.id) {
                #expect(try await officer.get(client, page.uri).status == .ok, "officer \(page.uri)")
                for reader in [committee, superior, admin] {
                    let status = try await reader.get(client, page.uri).status
                    #expect(status == (page.readers ? .ok : .forbidden), "reader \(page.uri): \(status)")
                }
                let refused = try await stranger.get(client, page.uri)
                #expect(refused.status == .forbidden, "stranger \(page.uri)")
                #expect(refused.text.contains("无权访问"))
            }
            // An organisation that does not exist answers as one the user may not read.
            #expect(try await officer.get(client, "/orgs/NOPE/vouchers").status == .forbidden)
        }
    }

    @Test func formsWithoutTheSessionTokenAre403AndChangeNothing() async throws {
        let fixture = try DeskFixture()
        let draft = try fixture.post("2026-05-06", [("102", 500_00), ("401", -500_00)], post: false)
        try await fixture.test { client in
            let reviewer = try await loggedIn(client, "李强")
            let other = try await loggedIn(client, "王芳")
            for csrf in ["", "wrong", other.csrf] {
                let response = try await reviewer.post(client, "/orgs/FED-01/vouchers/batch", [("act", "review"), ("voucher", String(draft.id))], csrf: csrf)
                #expect(response.status == .forbidden)
            }
            #expect(try await reviewer.post(client, "/logout", [], csrf: "nope").status == .forbidden)
        }
        #expect(try fixture.store.session(as: "李强").vouchers.voucher(id: draft.id).status == .draft)
    }

    @Test func everyKindOfResponseCarriesTheSecurityHeaders() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let browser = try await loggedIn(client, "王芳")
            let stranger = try await loggedIn(client, "赵六")
            let responses = [
                try await client.execute(uri: "/healthz", method: .get),
                try await client.execute(uri: "/login", method: .get),
                try await client.execute(uri: "/assets/desk.css", method: .get),
                try await client.execute(uri: "/assets/desk.js", method: .get),
                try await client.execute(uri: "/assets/nothing.js", method: .get),
                try await client.execute(uri: "/orgs/FED-01/vouchers", method: .get),
                try await browser.get(client, "/"), try await browser.get(client, "/no/such/page"),
                try await stranger.get(client, "/orgs/FED-01/vouchers"),
                try await browser.post(client, "/orgs/FED-01/vouchers/batch", [("act", "post")], csrf: "bad"),
                try await browser.get(client, "/orgs/FED-01/reports/trial-balance.xlsx?year=2026"),
                try await browser.get(client, "/orgs/FED-01/vouchers?period=2026-13"),
            ]
            for response in responses {
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!] == SecurityMiddleware.contentSecurityPolicy)
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
                #expect(response.headers[.cacheControl] != nil)
            }
            #expect(responses[2].headers[.cacheControl]?.contains("max-age") == true)
            #expect(responses[6].headers[.cacheControl] == "no-store")
            #expect(responses[4].status == .notFound)
            #expect(responses[7].status == .notFound)
            #expect(responses[11].status == .badRequest)
        }
    }

    @Test func pagesHoldNoInlineScriptOrStyle() async throws {
        let fixture = try DeskFixture()
        let voucher = try fixture.post("2026-05-06", [("102", 500_00), ("401", -500_00)])
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            for page in Self.pages(voucher: voucher.id) where !page.uri.contains(".xlsx") {
                let html = try await officer.get(client, page.uri).text
                #expect(!html.contains("style=\""), "\(page.uri)")
                #expect(!html.contains("<style"), "\(page.uri)")
                #expect(!html.contains("onclick") && !html.contains("onchange"), "\(page.uri)")
                #expect(html.components(separatedBy: "<script").count - 1 == html.components(separatedBy: "<script src=\"/assets/desk.js\" defer></script>").count - 1)
            }
        }
    }

    @Test func userTextIsEscaped() async throws {
        let fixture = try DeskFixture()
        let voucher = try fixture.post("2026-05-06", [("102", 500_00), ("401", -500_00)], summary: "<script>alert('x')</script>&\"")
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            for uri in ["/orgs/FED-01/vouchers?period=2026-05", "/orgs/FED-01/vouchers/\(voucher.id)", "/orgs/FED-01/vouchers/\(voucher.id)/print",
                        "/orgs/FED-01/vouchers?period=2026-05&text=%3Cb%3Ebold"] {
                let html = try await officer.get(client, uri).text
                #expect(!html.contains("<script>alert"), "\(uri)")
                #expect(!html.contains("<b>bold"), "\(uri)")
            }
            let list = try await officer.get(client, "/orgs/FED-01/vouchers?period=2026-05").text
            #expect(list.contains("&lt;script&gt;alert("))
        }
    }
}
