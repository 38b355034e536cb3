import Foundation
import FundCore
import FundStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FundDesk

@Suite("Desk: 经审, 汇总, 用户与权限, 预算, 项目补贴", .serialized)
struct CommitteeCountyPageTests {
    /// The fixture with FED-01's committee (陈静 chairs) and a Saturday posting for the audit to find.
    func fixture() throws -> DeskFixture {
        let fixture = try DeskFixture()
        try fixture.post("2026-03-14", [("102", 100_00), ("401", -100_00)])
        return fixture
    }

    @Test func theCommitteeRunsTheAuditTheOfficerAnswersAndTheCommitteeResolves() async throws {
        let fixture = try fixture()
        let store = fixture.store
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let page = try await officer.get(client, "/orgs/FED-01/audit?year=2026")
            #expect(page.status == .ok)
            #expect(!page.text.contains("id=\"run-audit\""))
            let refused = try await officer.post(client, "/orgs/FED-01/audit/run", [("year", "2026")])
            #expect(refused.status == .forbidden)

            let chair = try await loggedIn(client, "陈静")
            let run = try await chair.post(client, "/orgs/FED-01/audit/run", [("year", "2026")])
            #expect(run.status == .ok)
            #expect(run.text.contains("审查已完成"))
            let findings = try store.session(as: "陈静").review.findings(organization: "FED-01", year: 2026)
            let saturday = try #require(findings.first { $0.rule == "non-working-day" })
            // The finding's voucher is one click away: a link to the voucher's page.
            let voucher = try #require(try store.session(as: "王芳").vouchers.vouchers(organization: "FED-01").first)
            #expect(run.text.contains("/orgs/FED-01/vouchers/\(voucher.id)\">2026-03/记-0001</a>"))

            let cannotYet = try await chair.post(client, "/orgs/FED-01/audit/findings/\(saturday.id)/resolve", [("text", "")])
            #expect(cannotYet.status == .conflict)
            let answer = try await officer.post(client, "/orgs/FED-01/audit/findings/\(saturday.id)/answer", [("text", "周六收取会费，<b>有签收单</b>")])
            #expect(answer.status == .ok)
            #expect(answer.text.contains("答复已保存"))
            #expect(answer.text.contains("&lt;b&gt;有签收单&lt;/b&gt;"))
            let committeePage = try await chair.get(client, "/orgs/FED-01/audit/findings/\(saturday.id)")
            #expect(committeePage.text.contains("id=\"resolve\""))
            let resolved = try await chair.post(client, "/orgs/FED-01/audit/findings/\(saturday.id)/resolve", [("text", "已核实")])
            #expect(resolved.status == .ok)
            #expect(resolved.text.contains("已整改"))

            // Another federation's officer: 403 on the page, and not found through her own organisation's address.
            let other = try await loggedIn(client, "赵六")
            #expect(try await other.get(client, "/orgs/FED-01/audit?year=2026").status == .forbidden)
            #expect(try await other.get(client, "/orgs/FED-02/audit/findings/\(saturday.id)").status == .notFound)
            #expect(try await other.post(client, "/orgs/FED-02/audit/findings/\(saturday.id)/answer", [("text", "x")]).status == .notFound)
            // No CSRF token, no act.
            #expect(try await officer.post(client, "/orgs/FED-01/audit/findings/\(saturday.id)/answer", [("text", "x")], csrf: "wrong").status == .forbidden)

            let workbook = try await chair.get(client, "/orgs/FED-01/audit/workbook.xlsx?year=2026")
            #expect(workbook.status == .ok)
            #expect(workbook.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        let finding = try #require(try store.session(as: "陈静").review.findings(organization: "FED-01", year: 2026).first { $0.rule == "non-working-day" })
        #expect(finding.status == .resolved)
    }

    @Test func theCountySeesTheRollUpAndEachMembersState() async throws {
        let fixture = try fixture()
        // FED-01 remits 50.00 to the county, which books no receipt: a flow difference of March.
        try fixture.post("2026-03-20", [("211", 50_00), ("102", -50_00)])
        try await fixture.test { client in
            let county = try await loggedIn(client, "钱进")
            let page = try await county.get(client, "/orgs/CTY-01/rollup?year=2026")
            #expect(page.status == .ok)
            #expect(page.text.contains("汇总表"))
            #expect(page.text.contains("合并数"))
            #expect(page.text.contains("FED-01") && page.text.contains("FED-02"))
            #expect(page.text.contains("本年尚未结账"))
            #expect(page.text.contains("/orgs/FED-01/reports/balance-sheet?year=2026"))
            #expect(page.text.contains("往来发生额差异（按月）") && page.text.contains("上缴 211 ↔ 402/132") && page.text.contains("2026-03/记-0002"))
            #expect(!page.text.contains("全部相符"))
            let workbook = try await county.get(client, "/orgs/CTY-01/rollup.xlsx?year=2026&month=6")
            #expect(workbook.status == .ok)
            #expect(workbook.headers[HTTPField.Name("Content-Disposition")!]?.contains("2026-06") == true)
            let officer = try await loggedIn(client, "赵六")
            #expect(try await officer.get(client, "/orgs/CTY-01/rollup?year=2026").status == .forbidden)
            #expect(try await county.get(client, "/orgs/CTY-01/rollup?month=13").status == .badRequest)
        }
    }

    @Test func theAdministratorGrantsSetsAPasswordAndUnlocks() async throws {
        let fixture = try fixture()
        let store = fixture.store
        try await fixture.test { client in
            // 李强 mistypes until locked.
            for _ in 0..<5 { _ = try await login(client, "李强", password: "wrong-password") }
            #expect(try await login(client, "李强").1 == nil)

            let officer = try await loggedIn(client, "王芳")
            #expect(try await officer.get(client, "/users").status == .forbidden)
            #expect(!(try await officer.get(client, "/").text.contains("href=\"/users\"")))

            let admin = try await loggedIn(client, "admin")
            #expect(try await admin.get(client, "/").text.contains("href=\"/users\""))
            let page = try await admin.get(client, "/users")
            #expect(page.status == .ok)
            #expect(page.text.contains("已锁定"))
            let unlocked = try await admin.post(client, "/users/unlock", [("user", "李强")])
            #expect(unlocked.text.contains("已解除锁定"))
            #expect(try await login(client, "李强").1 != nil)

            let granted = try await admin.post(client, "/users/grant", [("user", "孙丽"), ("role", "officer"), ("org", "FED-02")])
            #expect(granted.status == .ok)
            #expect(try store.session(as: "admin").access.roles().contains(RoleGrant(user: "孙丽", role: .officer, organization: "FED-02")))
            let short = try await admin.post(client, "/users/password", [("user", "孙丽"), ("password", "short"), ("again", "short")])
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("密码太短"))
            let differ = try await admin.post(client, "/users/password", [("user", "孙丽"), ("password", "long-enough-1"), ("again", "long-enough-2")])
            #expect(differ.text.contains("不一致"))
            let set = try await admin.post(client, "/users/password", [("user", "孙丽"), ("password", DeskFixture.password), ("again", DeskFixture.password)])
            #expect(set.status == .ok)
            let newcomer = try await loggedIn(client, "孙丽")
            #expect(try await newcomer.get(client, "/orgs/FED-02/vouchers").status == .ok)
            let revoked = try await admin.post(client, "/users/revoke", [("user", "孙丽"), ("role", "officer"), ("org", "FED-02")])
            #expect(revoked.status == .ok)
            #expect(try await newcomer.get(client, "/orgs/FED-02/vouchers").status == .forbidden)
            let last = try await admin.post(client, "/users/revoke", [("user", "admin"), ("role", "admin"), ("org", "*")])
            #expect(last.status != .ok)
        }
    }

    @Test func anOfficerImportsApprovesAndAdjustsABudget() async throws {
        let fixture = try fixture()
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            #expect(try await officer.get(client, "/orgs/FED-01/budgets?year=2026").text.contains("尚无预算"))
            let csv = "单位,年度,科目编码,支出类型,项目,往来单位,金额,说明\nFED-01,2026,401,,,,50000.00,会费收入\n"
            let imported = try await officer.post(client, "/orgs/FED-01/budgets/import", [("year", "2026"), ("csv", csv)])
            #expect(imported.status == .ok)
            #expect(imported.text.contains("预算草案已导入"))
            #expect(imported.text.contains("50,000.00"))
            let bad = try await officer.post(client, "/orgs/FED-01/budgets/import", [("year", "2026"), ("csv", "单位,年度,科目编码,金额\nFED-01,2026,401,abc\n")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("导入失败"))
            let approved = try await officer.post(client, "/orgs/FED-01/budgets/approve", [("year", "2026"), ("document", "某工〔2026〕1号")])
            #expect(approved.text.contains("已批复"))
            let adjusted = try await officer.post(client, "/orgs/FED-01/budgets/adjust", [
                ("year", "2026"), ("document", "某工〔2026〕9号"), ("date", "2026-06-30"), ("reason", "会员增加"), ("changes", "401 5,000.00")])
            #expect(adjusted.status == .ok)
            #expect(adjusted.text.contains("第1次预算调整"))
            #expect(adjusted.text.contains("55,000.00"))
            let asApproved = try await officer.get(client, "/orgs/FED-01/budgets?year=2026&version=0")
            #expect(asApproved.text.contains("50,000.00") && !asApproved.text.contains("55,000.00"))
            let committee = try await loggedIn(client, "陈静")
            #expect(try await committee.post(client, "/orgs/FED-01/budgets/approve", [("year", "2026"), ("document", "x")]).status == .forbidden)
        }
    }

    @Test func theCountyAppliesApprovesPaysAndSettlesASubsidy() async throws {
        let fixture = try DeskFixture()
        let store = fixture.store
        // The county keeps the books of its members too (an accounting centre): a subsidy act is
        // prepared in both the grantor's and the recipient's books.
        try store.session(as: "admin").access.grant(RoleGrant(user: "赵敏", role: .officer))
        // A subsidy act posts in the grantor's and the recipient's books: its reviewer keeps both.
        try store.session(as: "admin").access.grant(RoleGrant(user: "孙会计", role: .officer))
        try store.session(as: "admin").access.setDeskPassword(user: "赵敏", passwordHash: Passwords.hash(DeskFixture.password, cost: 4))
        try store.session(as: "admin").access.setDeskPassword(user: "孙会计", passwordHash: Passwords.hash(DeskFixture.password, cost: 4))
        try await fixture.test { client in
            let county = try await loggedIn(client, "赵敏")
            let applied = try await county.post(client, "/orgs/CTY-01/subsidies/apply", [
                ("year", "2026"), ("item", "XB-2026-901"), ("recipient", "FED-01"), ("title", "职工书屋"), ("purpose", "购书"),
                ("accounts", "50304"), ("approved", "8,000.00"), ("window_start", "2026-03-01"), ("deadline", "2026-12-31")])
            #expect(applied.status == .ok)
            #expect(applied.text.contains("已登记补贴项目 XB-2026-901"))
            #expect(try await county.get(client, "/").text.contains("<a href=\"/orgs/CTY-01/subsidies\">1</a>"))
            let approved = try await county.post(client, "/orgs/CTY-01/subsidies/approve", [("year", "2026"), ("item", "XB-2026-901"),
                                                                                             ("document", "某总工〔2026〕9号"), ("date", "2026-03-05")])
            #expect(approved.text.contains("已批复"))
            #expect(try await county.get(client, "/").text.contains("<a href=\"/orgs/CTY-01/subsidies\">0</a>"))
            let paid = try await county.post(client, "/orgs/CTY-01/subsidies/disburse", [("year", "2026"), ("item", "XB-2026-901"), ("amount", "8000"),
                                                                                          ("date", "2026-03-10"), ("reviewer", "孙会计"), ("reviewer_password", DeskFixture.password)])
            #expect(paid.status == .ok)
            #expect(paid.text.contains("已拨付"))
            #expect(paid.text.contains("8,000.00"))
            let settled = try await county.post(client, "/orgs/CTY-01/subsidies/settle", [("year", "2026"), ("item", "XB-2026-901"),
                                                                                           ("date", "2026-12-20"), ("reviewer", "孙会计"), ("reviewer_password", DeskFixture.password)])
            #expect(settled.status == .ok)
            #expect(settled.text.contains("已结项"))
            let workbook = try await county.get(client, "/orgs/CTY-01/subsidies/register.xlsx?year=2026")
            #expect(workbook.status == .ok)
            // The recipient sees what it received; it cannot act on the county's item from its own page.
            let recipient = try await loggedIn(client, "王芳")
            #expect(try await recipient.get(client, "/orgs/FED-01/subsidies?year=2026").text.contains("XB-2026-901"))
            #expect(try await recipient.post(client, "/orgs/FED-01/subsidies/settle", [("item", "XB-2026-901"), ("reviewer", "李强"), ("reviewer_password", DeskFixture.password)]).status == .notFound)
        }
        #expect(try store.session(as: "赵敏").subsidies.subsidy(code: "XB-2026-901").status == .settled)
    }
}
