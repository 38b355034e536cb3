import Foundation
import FundCore
import FundStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FundDesk

/// Changing and deleting drafts at the desk, amounts read as people type them, accounts found
/// by name, a line's dimensions, and refusals worded for the browser.
@Suite("Desk vouchers: editing, deleting, typed input")
struct VoucherEditTests {
    static func grid(_ lines: [(String, String, String, String)]) -> [(String, String)] { VoucherPageTests.grid(lines) }

    @Test func aDraftIsChangedInPlaceOfTheOldOneAndAReviewedOneNeedsItsReviewAgain() async throws {
        let fixture = try DeskFixture()
        let draft = try fixture.post("2026-05-06", [("50504", 100_00), ("102", -100_00)], post: false)
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let page = try await officer.get(client, "/orgs/FED-01/vouchers/\(draft.id)")
            #expect(page.text.contains("/orgs/FED-01/vouchers/\(draft.id)/edit"))
            let form = try await officer.get(client, "/orgs/FED-01/vouchers/\(draft.id)/edit")
            #expect(form.text.contains("修改凭证") && form.text.contains("value=\"100.00\""))
            let saved = try await officer.post(client, "/orgs/FED-01/vouchers/\(draft.id)/edit", Self.grid([
                ("购买办公用品", "50504", "120.00", ""), ("", "102", "", "120.00"),
            ]))
            #expect(saved.status == .seeOther)
        }
        let vouchers = try fixture.store.session(as: "王芳").vouchers.vouchers(organization: "FED-01")
        #expect(vouchers.count == 1 && vouchers[0].id != draft.id)
        #expect(vouchers[0].status == .draft && vouchers[0].draft.lines.map(\.amount.fen) == [120_00, 120_00])
        // A posted voucher is not changed nor deleted: red ink cancels it.
        let posted = try fixture.post("2026-05-08", [("50504", 50_00), ("102", -50_00)])
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let page = try await officer.get(client, "/orgs/FED-01/vouchers/\(posted.id)")
            #expect(!page.text.contains("/vouchers/\(posted.id)/edit") && !page.text.contains("/vouchers/\(posted.id)/delete"))
            #expect(try await officer.get(client, "/orgs/FED-01/vouchers/\(posted.id)/edit").status == .seeOther)
            let refused = try await officer.post(client, "/orgs/FED-01/vouchers/\(posted.id)/delete", [("confirm", "1")])
            #expect(refused.status == .conflict || refused.status == .unprocessableContent)
        }
        #expect(try fixture.store.session(as: "王芳").vouchers.voucher(id: posted.id).status == .posted)
    }

    @Test func aDraftIsDeletedOnlyByAnOfficerWithTheFormsToken() async throws {
        let fixture = try DeskFixture()
        let draft = try fixture.post("2026-05-06", [("50504", 100_00), ("102", -100_00)], post: false)
        try await fixture.test { client in
            let committee = try await loggedIn(client, "陈静")
            #expect(try await committee.post(client, "/orgs/FED-01/vouchers/\(draft.id)/delete", [("confirm", "1")]).status == .forbidden)
            let other = try await loggedIn(client, "赵六")
            #expect(try await other.post(client, "/orgs/FED-01/vouchers/\(draft.id)/delete", [("confirm", "1")]).status == .forbidden)
            let officer = try await loggedIn(client, "王芳")
            #expect(try await officer.post(client, "/orgs/FED-01/vouchers/\(draft.id)/delete", [("confirm", "1")], csrf: "forged").status == .forbidden)
            #expect(try fixture.store.session(as: "王芳").vouchers.vouchers(organization: "FED-01").count == 1)
            let deleted = try await officer.post(client, "/orgs/FED-01/vouchers/\(draft.id)/delete", [("confirm", "1")])
            #expect(deleted.status == .seeOther)
            let list = try await officer.get(client, try #require(deleted.headers[.location]))
            #expect(list.text.contains("凭证已删除"))
        }
        #expect(try fixture.store.session(as: "王芳").vouchers.vouchers(organization: "FED-01").isEmpty)
    }

    @Test func amountsWithMisplacedCommasAreRefusedNeverReadOtherwise() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            for typed in ["12,5", "12,50", "1,23,4", "1.234,50"] {
                let response = try await officer.post(client, "/orgs/FED-01/vouchers/new", Self.grid([
                    ("购买办公用品", "50504", typed, ""), ("", "102", "", "125.00"),
                ]))
                #expect(response.status == .unprocessableContent, "\(typed)")
                #expect(response.text.contains("金额无法识别"), "\(typed)")
            }
            let fullWidth = try await officer.post(client, "/orgs/FED-01/vouchers/new", Self.grid([
                ("购买办公用品", "50504", "１，２３４．５", ""), ("", "102", "", "¥1,234.50"),
            ]))
            #expect(fullWidth.status == .seeOther)
        }
        let vouchers = try fixture.store.session(as: "王芳").vouchers.vouchers(organization: "FED-01")
        #expect(vouchers.count == 1 && vouchers[0].draft.lines.map(\.amount.fen) == [123_450, 123_450])
    }

    @Test func anAccountTypedByItsNameIsFoundAndAnAmbiguousNameIsRefused() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let saved = try await officer.post(client, "/orgs/FED-01/vouchers/new", Self.grid([
                ("购买办公用品", "其他业务支出", "10.00", ""), ("", "银行存款", "", "10.00"),
            ]))
            #expect(saved.status == .seeOther, "\(saved.text.components(separatedBy: "role=\"alert\"").dropFirst().prefix(3))")
            let nowhere = try await officer.post(client, "/orgs/FED-01/vouchers/new", Self.grid([
                ("购买办公用品", "无此科目", "10.00", ""), ("", "102", "", "10.00"),
            ]))
            #expect(nowhere.status == .unprocessableContent && nowhere.text.contains("没有名为“无此科目”的末级会计科目"))
        }
        let vouchers = try fixture.store.session(as: "王芳").vouchers.vouchers(organization: "FED-01")
        #expect(vouchers.map { $0.draft.lines.map(\.accountCode) } == [["50504", "102"]])
    }

    @Test func aLineCarriesItsProjectCounterpartExpenseTypeAndFundSource() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let form = try await officer.get(client, "/orgs/FED-01/vouchers/new")
            #expect(form.text.contains("<datalist id=\"counterparts\"><option value=\"CTY-01 "))
            var fields = [("date", "2026-05-06"), ("attachments", "1")]
            fields += [("summary", "购书"), ("account", "50304"), ("debit", "80.00"), ("credit", ""),
                       ("project", "XM-1"), ("counterpart", ""), ("expense", "项目支出"), ("source", "工会资金")]
            fields += [("summary", ""), ("account", "102"), ("debit", ""), ("credit", "80.00"),
                       ("project", ""), ("counterpart", ""), ("expense", ""), ("source", "")]
            let saved = try await officer.post(client, "/orgs/FED-01/vouchers/new", fields)
            #expect(saved.status == .seeOther)
            var bad = fields
            bad[8] = ("expense", "<script>x</script>")
            let refused = try await officer.post(client, "/orgs/FED-01/vouchers/new", bad)
            #expect(refused.status == .unprocessableContent && !refused.text.contains("<script>x"))
        }
        let line = try #require(try fixture.store.session(as: "王芳").vouchers.vouchers(organization: "FED-01").first?.draft.lines.first)
        #expect(line.dimensions.project == "XM-1" && line.dimensions.expenseType == .project && line.dimensions.fundSource == .union)
    }

    @Test func refusalsOnTheDeskReadWithoutCommandLineAdvice() async throws {
        let fixture = try DeskFixture()
        try fixture.post("2026-01-06", [("102", 500_00), ("401", -500_00)])
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let missing = try await officer.get(client, "/orgs/FED-01/vouchers/987654")
            #expect(missing.status == .notFound)
            #expect(!missing.text.contains("fundledger") && !missing.text.contains("前往登录") && missing.text.contains("返回首页"))
            let closing = try await officer.post(client, "/orgs/FED-01/periods/close", [("period", "2026-01")])
            #expect(closing.text.contains("须由另一名财务人员审核") && closing.text.contains("[closing-needs-reviewer]"))
            #expect(!closing.text.contains("--reviewer") && !closing.text.contains("`"))
        }
    }

    @Test func aFormLargerThanTheDeskReadsIsAnsweredWith413AndNothingSaved() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let huge = try await officer.post(client, "/orgs/FED-01/vouchers/new",
                                              Self.grid([("购买办公用品", "50504", "10.00", ""), ("", "102", "", "10.00")]) + [("filler", String(repeating: "x", count: 1_200_000))])
            #expect(huge.status == .contentTooLarge && huge.text.contains("[form-too-large]"))
        }
        #expect(try fixture.store.session(as: "王芳").vouchers.vouchers(organization: "FED-01").isEmpty)
    }

    @Test func aLedgerOfAnAccountOpensByTheAccountsName() async throws {
        let fixture = try DeskFixture()
        try fixture.post("2026-05-06", [("102", 500_00), ("401", -500_00)])
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let byName = try await officer.get(client, "/orgs/FED-01/reports/detail-ledger?year=2026&account=%E9%93%B6%E8%A1%8C%E5%AD%98%E6%AC%BE")
            #expect(byName.status == .ok && byName.text.contains("500.00"))
            let unknown = try await officer.get(client, "/orgs/FED-01/reports/detail-ledger?year=2026&account=%E6%97%A0%E6%AD%A4")
            #expect(unknown.status == .badRequest && unknown.text.contains("请写科目编码"))
        }
    }

    @Test func postingThatLeavesTheBankInCreditSaysSoOnTheDesk() async throws {
        let fixture = try DeskFixture()
        let draft = try fixture.post("2026-05-06", [("50504", 100_00), ("102", -100_00)], post: false)
        _ = try fixture.store.session(as: "李强").vouchers.reviewVoucher(id: draft.id, reviewer: "李强")
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let posted = try await officer.post(client, "/orgs/FED-01/vouchers/batch", [("act", "post"), ("voucher", String(draft.id)), ("single", "1")])
            #expect(posted.status == .ok)
            #expect(posted.text.contains("class=\"warning\"") && posted.text.contains("贷方余额") && posted.text.contains("[bank-negative]"))
        }
        #expect(try fixture.store.session(as: "王芳").vouchers.voucher(id: draft.id).status == .posted)
    }

    @Test func reviewingOneVoucherFromItsPageReturnsToThatPage() async throws {
        let fixture = try DeskFixture()
        let draft = try fixture.post("2026-05-06", [("50504", 100_00), ("102", -100_00)], post: false)
        try await fixture.test { client in
            let own = try await loggedIn(client, "王芳")
            let refused = try await own.post(client, "/orgs/FED-01/vouchers/batch", [("act", "review"), ("voucher", String(draft.id)), ("single", "1")])
            #expect(refused.status == .conflict && refused.text.contains("reviewer-is-preparer") && !refused.text.contains("批量审核结果"))
            let reviewer = try await loggedIn(client, "李强")
            let reviewed = try await reviewer.post(client, "/orgs/FED-01/vouchers/batch", [("act", "review"), ("voucher", String(draft.id)), ("single", "1")])
            #expect(reviewed.status == .seeOther && reviewed.headers[.location] == "/orgs/FED-01/vouchers/\(draft.id)")
        }
    }
}

@Suite("Desk menu by role")
struct DeskMenuTests {
    @Test func theMenuOffersOnlyWhatTheUserCanOpen() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            // The county's superior reads the unions below it: 汇总 is offered; entry is not (no writing).
            let county = try await loggedIn(client, "钱进")
            let countyPage = try await county.get(client, "/orgs/CTY-01/vouchers")
            #expect(countyPage.text.contains("href=\"/orgs/CTY-01/rollup\"") && !countyPage.text.contains("href=\"/orgs/CTY-01/vouchers/new\""))
            // A federation's officer reads no union below it: no 汇总; entry is offered.
            let officer = try await loggedIn(client, "王芳")
            let own = try await officer.get(client, "/orgs/FED-01/vouchers")
            #expect(!own.text.contains("href=\"/orgs/FED-01/rollup\"") && own.text.contains("href=\"/orgs/FED-01/vouchers/new\""))
            // The committee reads FED-01's books and writes none.
            let committee = try await loggedIn(client, "陈静")
            #expect(!(try await committee.get(client, "/orgs/FED-01/vouchers")).text.contains("href=\"/orgs/FED-01/vouchers/new\""))
        }
    }
}

@Suite("Desk 首页 over many organisations")
struct HomePagingTests {
    @Test func everyOrganisationIsReachedPageByPage() async throws {
        let fixture = try DeskFixture()
        let admin = fixture.store.session(as: "admin")
        for number in 1...45 {
            try admin.organizations.addOrganization(Organization(code: String(format: "GRS-%02d", number), name: "基层工会\(number)", level: .grassroots,
                                                                 parentCode: "CTY-01"))
        }
        try await fixture.test { client in
            let admin = try await loggedIn(client, "admin")
            let first = try await admin.get(client, "/")
            #expect(first.text.contains("共 48 个单位") && first.text.contains("href=\"/?page=2\""))
            #expect(!first.text.contains("<td>GRS-45</td>") && first.text.contains("<td>GRS-01</td>"))
            let second = try await admin.get(client, "/?page=2")
            #expect(second.text.contains("<td>GRS-45</td>") && second.text.contains("第 41–48 个"))
        }
    }
}
