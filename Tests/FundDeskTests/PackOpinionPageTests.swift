import Foundation
import FundCore
import FundStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FundDesk

@Suite("Desk: 审查意见, 月报报送, drill-down, dates as typed, Beijing times", .serialized)
struct PackOpinionPageTests {
    /// A time as the book stores it (2026-05-03T06:20:00Z), which no page shows.
    static func showsStoredTime(_ text: String) -> Bool { text.contains(#/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}/#) }

    /// The fixture with a second member of FED-01's committee (周敏) and March of FED-01 posted.
    func fixture() throws -> DeskFixture {
        let fixture = try DeskFixture()
        let admin = fixture.store.session(as: "admin")
        try admin.committees.addCommitteeMember(organization: "FED-01", CommitteeMember(name: "周敏", office: .member, start: LocalDate(parsing: "2026-01-01")!))
        try admin.access.setDeskPassword(user: "周敏", passwordHash: Passwords.hash(DeskFixture.password, cost: 4))
        try fixture.post("2026-03-14", [("102", 100_00), ("401", -100_00)])
        return fixture
    }

    @Test func aMemberDraftsTheOpinionAndEachMemberSignsItInTheirOwnLogin() async throws {
        let fixture = try fixture()
        _ = try fixture.store.session(as: "陈静").review.runAudit(organization: "FED-01", year: 2026)
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            #expect(!(try await officer.get(client, "/orgs/FED-01/audit?year=2026").text.contains("opinion-draft-form")))
            let refused = try await officer.post(client, "/orgs/FED-01/audit/opinion/draft", [("year", "2026"), ("through_month", "12"), ("conclusion", "agree"), ("text", "同意")])
            #expect(refused.status == .forbidden)

            let chair = try await loggedIn(client, "陈静")
            let page = try await chair.get(client, "/orgs/FED-01/audit?year=2026")
            #expect(page.text.contains("id=\"opinion-draft-form\""))
            let bad = try await chair.post(client, "/orgs/FED-01/audit/opinion/draft", [("year", "2026"), ("through_month", "12"), ("conclusion", "maybe"), ("text", "同意")])
            #expect(bad.status == .badRequest && bad.text.contains("审查结论"))
            let drafted = try await chair.post(client, "/orgs/FED-01/audit/opinion/draft", [
                ("year", "2026"), ("through_month", "12"), ("conclusion", "qualified"), ("text", "收支真实，<b>个别</b>凭证附件不全，已要求补齐。"),
            ])
            #expect(drafted.status == .ok)
            #expect(drafted.text.contains("审查意见草稿已保存"))
            #expect(drafted.text.contains("基本同意（有保留意见）") && drafted.text.contains("&lt;b&gt;个别&lt;/b&gt;"))
            #expect(drafted.text.contains("签署（0/2）") && drafted.text.contains("id=\"sign-opinion\""))
            let signed = try await chair.post(client, "/orgs/FED-01/audit/opinion/sign", [("year", "2026")])
            #expect(signed.status == .ok && signed.text.contains("签署（1/2）") && !signed.text.contains("id=\"sign-opinion\""))
            #expect(!Self.showsStoredTime(signed.text))
            let twice = try await chair.post(client, "/orgs/FED-01/audit/opinion/sign", [("year", "2026")])
            #expect(twice.status == .conflict && twice.text.contains("already-signed"))
            // Without the form's token nothing is signed.
            let member = try await loggedIn(client, "周敏")
            #expect(try await member.post(client, "/orgs/FED-01/audit/opinion/sign", [("year", "2026")], csrf: "wrong").status == .forbidden)
            let recorded = try await member.post(client, "/orgs/FED-01/audit/opinion/sign", [("year", "2026")])
            #expect(recorded.status == .ok && recorded.text.contains("审查意见已形成"))
            #expect(recorded.text.contains("id=\"print-opinion\"") && recorded.text.contains("陈静") && recorded.text.contains("周敏"))
            #expect(!recorded.text.contains("opinion-draft-form"))

            let print = try await chair.get(client, "/orgs/FED-01/audit/opinion?year=2026")
            #expect(print.status == .ok)
            #expect(print.text.contains("经费审查委员会审查意见") && print.text.contains("审查结论：基本同意（有保留意见）"))
            #expect(print.text.contains("周敏") && print.text.contains("陈静"))
            #expect(try await officer.get(client, "/orgs/FED-01/audit/opinion?year=2025").status == .notFound)
            let other = try await loggedIn(client, "赵六")
            #expect(try await other.get(client, "/orgs/FED-01/audit/opinion?year=2026").status == .forbidden)
            let workbook = try await chair.get(client, "/orgs/FED-01/audit/workbook.xlsx?year=2026")
            #expect(workbook.status == .ok)
        }
        let opinion = try #require(try fixture.store.session(as: "王芳").review.opinion(organization: "FED-01", year: 2026))
        #expect(opinion.signers.map(\.name) == ["陈静", "周敏"] && opinion.recordedBy == "周敏")
    }

    @Test func anOfficerSendsAClosedMonthUpAndTheCountyReceivesOrReturnsIt() async throws {
        let fixture = try fixture()
        let march = Period(year: 2026, month: 3)!
        try fixture.store.session(as: "王芳").periods.close(organization: "FED-01", period: march, reviewer: "李强")
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let page = try await officer.get(client, "/orgs/FED-01/packs?year=2026")
            #expect(page.status == .ok && page.text.contains("class=\"submit-pack\"") && page.text.contains("未报送"))
            let sent = try await officer.post(client, "/orgs/FED-01/packs/submit", [("period", "2026-03")])
            #expect(sent.status == .ok && sent.text.contains("已报送待签收") && !sent.text.contains("class=\"submit-pack\""))
            #expect(!Self.showsStoredTime(sent.text))
            #expect(try await officer.post(client, "/orgs/FED-01/packs/submit", [("period", "2026-03")]).status == .conflict)
            // The officer neither receives nor returns her own pack; an open month is not sent.
            #expect(try await officer.post(client, "/orgs/FED-01/packs/receive", [("period", "2026-03")]).status == .forbidden)
            #expect(try await officer.post(client, "/orgs/FED-01/packs/submit", [("period", "2026-04")]).status == .conflict)
            // Another federation's officer sees nothing of it.
            let other = try await loggedIn(client, "赵六")
            #expect(try await other.get(client, "/orgs/FED-01/packs?year=2026").status == .forbidden)
            #expect(try await other.get(client, "/orgs/FED-01/packs/2026-03.xlsx").status == .forbidden)
            #expect(try await other.post(client, "/orgs/FED-01/packs/submit", [("period", "2026-03")]).status == .forbidden)

            let county = try await loggedIn(client, "钱进")
            // 首页 counts the pack on the sender's row for the superior, never for the sender.
            #expect(try await county.get(client, "/").text.contains("<a href=\"/orgs/FED-01/packs\">1</a>"))
            #expect(try await officer.get(client, "/").text.contains("<a href=\"/orgs/FED-01/packs\">0</a>"))
            let rollup = try await county.get(client, "/orgs/CTY-01/rollup?year=2026")
            #expect(rollup.text.contains("已报送待签收") && rollup.text.contains("/orgs/FED-01/packs/2026-03.xlsx") && rollup.text.contains("签收或退回"))
            #expect(rollup.text.contains("已结账至2026-03（1个月）"))
            let workbook = try await county.get(client, "/orgs/FED-01/packs/2026-03.xlsx")
            #expect(workbook.status == .ok && workbook.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(workbook.body.readableBytes > 1000)
            let packs = try await county.get(client, "/orgs/FED-01/packs?year=2026")
            #expect(packs.text.contains("class=\"danger return-pack\"") && !packs.text.contains("class=\"submit-pack\""))
            #expect(try await county.post(client, "/orgs/FED-01/packs/return", [("period", "2026-03"), ("reason", "")]).status == .unprocessableContent)
            let returned = try await county.post(client, "/orgs/FED-01/packs/return", [("period", "2026-03"), ("reason", "拨缴经费与县总记录不符")])
            #expect(returned.status == .ok && returned.text.contains("已退回") && returned.text.contains("拨缴经费与县总记录不符"))
            // The sender's 首页 counts the returned month until it is sent again.
            #expect(try await officer.get(client, "/").text.contains("<a href=\"/orgs/FED-01/packs\">1</a>"))
            #expect(try await officer.post(client, "/orgs/FED-01/packs/submit", [("period", "2026/3")]).status == .ok)
            let received = try await county.post(client, "/orgs/FED-01/packs/receive", [("period", "2026-03")])
            #expect(received.status == .ok && received.text.contains("已签收"))
            #expect(try await county.get(client, "/orgs/CTY-01/rollup?year=2026").text.contains("已签收"))
        }
        // Each act was recorded with who did it, and a reopen supersedes what was received.
        let pack = try #require(try fixture.store.session(as: "钱进").periods.packs(organization: "FED-01").first)
        #expect(pack.events.map(\.action) == [.submit, .return, .submit, .receive] && pack.events.map(\.by) == ["王芳", "钱进", "王芳", "钱进"])
        try fixture.store.session(as: "王芳").periods.reopen(organization: "FED-01", period: march, reason: "补记收入", reviewer: "李强")
        try await fixture.test { client in
            let county = try await loggedIn(client, "钱进")
            #expect(try await county.get(client, "/orgs/CTY-01/rollup?year=2026").text.contains("已作废（报送后反结账）"))
        }
    }

    @Test func aSuperiorDrillsIntoTheFormsOfTheUnionsBelowOnlyAndReadOnly() async throws {
        let fixture = try fixture()
        let admin = fixture.store.session(as: "admin")
        try admin.organizations.addOrganization(Organization(code: "CTY-02", name: "另一县总工会", level: .county))
        try admin.organizations.addOrganization(Organization(code: "FED-03", name: "另一县建材行业工会联合会", level: .federation, parentCode: "CTY-02", independent: true))
        try admin.access.grant(RoleGrant(user: "孙丽", role: .superior, organization: "FED-02"))
        try admin.access.setDeskPassword(user: "孙丽", passwordHash: Passwords.hash(DeskFixture.password, cost: 4))
        try await fixture.test { client in
            let county = try await loggedIn(client, "钱进")
            let rollup = try await county.get(client, "/orgs/CTY-01/rollup?year=2026")
            for link in ["/orgs/FED-01/reports/balance-sheet?year=2026", "/orgs/FED-01/reports/income-expenditure?year=2026",
                         "/orgs/FED-01/reports/trial-balance?year=2026", "action=\"/orgs/FED-01/reports/detail-ledger\""] {
                #expect(rollup.text.contains(link), "\(link)")
            }
            for uri in ["/orgs/FED-01/reports/balance-sheet?year=2026", "/orgs/FED-01/reports/income-expenditure?year=2026",
                        "/orgs/FED-01/reports/trial-balance?year=2026", "/orgs/FED-01/reports/detail-ledger?year=2026&account=102"] {
                let page = try await county.get(client, uri)
                #expect(page.status == .ok, "\(uri)")
                // Read-only: no form that changes the books.
                #expect(!page.text.contains("method=\"post\" action=\"/orgs/FED-01"), "\(uri)")
            }
            // The superior writes nothing of the member's books.
            #expect(try await county.post(client, "/orgs/FED-01/vouchers/new", VoucherPageTests.grid([("x", "102", "1", ""), ("", "401", "", "1")])).status == .forbidden)
            // Not below: 403, whether the union is in another county or beside the user's own.
            #expect(try await county.get(client, "/orgs/FED-03/reports/trial-balance?year=2026").status == .forbidden)
            #expect(try await county.get(client, "/orgs/CTY-02/rollup?year=2026").status == .forbidden)
            let beside = try await loggedIn(client, "孙丽")
            #expect(try await beside.get(client, "/orgs/FED-01/reports/balance-sheet?year=2026").status == .forbidden)
            #expect(try await beside.get(client, "/orgs/FED-01/reports/detail-ledger?year=2026&account=102").status == .forbidden)
            #expect(try await beside.get(client, "/orgs/CTY-01/rollup?year=2026").status == .forbidden)
        }
    }

    @Test func datesAreReadAsPeopleTypeThemAndARefusalNamesTheField() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let form = try await officer.get(client, "/orgs/FED-01/vouchers/new")
            #expect(!form.text.contains("type=\"date\"") && form.text.contains("placeholder=\"如 2026-05-03\""))
            for date in ["2026/5/3", "2026年5月3日", "２０２６-05-03"] {
                let saved = try await officer.post(client, "/orgs/FED-01/vouchers/new", VoucherPageTests.grid([("购买办公用品", "50504", "10", ""), ("", "102", "", "10")], date: date))
                #expect(saved.status == .seeOther, "\(date)")
            }
            let unreadable = try await officer.post(client, "/orgs/FED-01/vouchers/new", VoucherPageTests.grid([("购买办公用品", "50504", "10", ""), ("", "102", "", "10")], date: "5月3日"))
            #expect(unreadable.status == .unprocessableContent && unreadable.text.contains("日期“5月3日”无法识别") && unreadable.text.contains("2026/5/3"))
        }
        let dates = try fixture.store.session(as: "王芳").vouchers.vouchers(organization: "FED-01").map(\.draft.date.description)
        #expect(dates == ["2026-05-03", "2026-05-03", "2026-05-03"])
        let templates = [BudgetPage.templates, SubsidyPage.templates, VoucherEntryPage.templates, VoucherPage.templates].flatMap(\.values)
        #expect(templates.allSatisfy { !$0.contains("type=\"date\"") })
    }

    @Test func aDateFieldOfAFormIsNamedWhenItCannotBeRead() throws {
        let form = FormData("date=2026%2F5%2F3&deadline=5%E6%9C%883%E6%97%A5&window_start=")
        #expect(try Input.date(form, "date", field: "日期", default: nil) == LocalDate(parsing: "2026-05-03"))
        #expect(try Input.date(form, "window_start", field: "使用期起始日期", default: LocalDate(parsing: "2026-01-01")) == LocalDate(parsing: "2026-01-01"))
        #expect(throws: DeskError.badField(name: "使用期截止日期", value: "5月3日（\(Input.dateHint)）")) {
            try SubsidyPage.date(form, "deadline", default: nil)
        }
        #expect(throws: DeskError.self) { try Input.date(FormData(""), "date", field: "日期", default: nil) }
    }

    @Test func timesAreShownInBeijingTimeToTheMinute() {
        #expect(DeskTime.show("2026-05-03T06:20:41Z") == "2026-05-03 14:20")
        #expect(DeskTime.show("2026-05-31T20:05:00Z") == "2026-06-01 04:05")
        #expect(DeskTime.show("2026-05-03") == "2026-05-03")
        #expect(DeskTime.show(seconds: 1_780_000_000) == "2026-05-29 04:26")
    }
}
