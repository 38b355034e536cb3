import Foundation
import FundCore
import FundStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FundDesk

@Suite("Desk vouchers: entry, review, posting, red ink, print")
struct VoucherPageTests {
    static func grid(_ lines: [(String, String, String, String)], date: String = "2026-05-06", attachments: String = "2") -> [(String, String)] {
        var fields = [("date", date), ("attachments", attachments)]
        for (summary, account, debit, credit) in lines {
            fields += [("summary", summary), ("account", account), ("debit", debit), ("credit", credit)]
        }
        // The blank lines of the grid come along, as a browser sends them.
        for _ in 0..<2 { fields += [("summary", ""), ("account", ""), ("debit", ""), ("credit", "")] }
        return fields
    }

    @Test func theEntryGridSavesADraftFromCodesOrListChoices() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let form = try await officer.get(client, "/orgs/FED-01/vouchers/new")
            #expect(form.text.contains("<datalist id=\"accounts\">"))
            #expect(form.text.contains("50504 "))
            #expect(!form.text.contains("value=\"505 "))  // a parent account is not offered
            let saved = try await officer.post(client, "/orgs/FED-01/vouchers/new", Self.grid([
                ("购买办公用品", "50504 办公费", "1,234.56", ""), ("", "102", "", "1234.56"),
            ]))
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers[.location])
            let page = try await officer.get(client, location)
            #expect(page.text.contains("2026-05 记-（记账时编号）"))
            #expect(page.text.contains("壹仟贰佰叁拾肆元伍角陆分"))
        }
        let vouchers = try fixture.store.session(as: "王芳").vouchers.vouchers(organization: "FED-01")
        #expect(vouchers.count == 1)
        let draft = try #require(vouchers.first).draft
        #expect(draft.preparer == "王芳")
        #expect(draft.attachments == 2)
        #expect(draft.lines.map(\.accountCode) == ["50504", "102"])
        #expect(draft.lines.map(\.amount.fen) == [123_456, 123_456])
        #expect(draft.lines.map(\.summary) == ["购买办公用品", "购买办公用品"])
    }

    @Test func entryErrorsAreShownBesideTheLineAndNothingIsSaved() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let unbalanced = try await officer.post(client, "/orgs/FED-01/vouchers/new", Self.grid([
                ("购买办公用品", "50504", "100.00", ""), ("购买办公用品", "102", "", "90.00"),
            ]))
            #expect(unbalanced.status == .unprocessableContent)
            #expect(unbalanced.text.contains("unbalanced"))
            #expect(unbalanced.text.contains("value=\"100.00\""))
            let unreadable = try await officer.post(client, "/orgs/FED-01/vouchers/new", Self.grid([
                ("购买办公用品", "50504", "1.2.3", ""), ("购买办公用品", "505", "", "90.00"), ("x", "", "1", "1"),
            ]))
            #expect(unreadable.status == .unprocessableContent)
            #expect(unreadable.text.contains("金额无法识别"))
            #expect(unreadable.text.contains("一行只能填借方或贷方金额之一"))
            #expect(unreadable.text.contains("class=\"line-error\""))
            let parent = try await officer.post(client, "/orgs/FED-01/vouchers/new", Self.grid([
                ("购买办公用品", "505", "90.00", ""), ("购买办公用品", "102", "", "90.00"),
            ]))
            #expect(parent.status == .unprocessableContent)
            #expect(parent.text.contains("not-leaf-account"))
            #expect(parent.text.contains("<tr class=\"line has-error\">"))
        }
        #expect(try fixture.store.session(as: "王芳").vouchers.vouchers(organization: "FED-01").isEmpty)
    }

    /// 40401 is offered with its two parts of 基本支出; the part chosen is the line's class, and a
    /// 40401 line without one is refused beside it.
    @Test func appropriationIncomeIsEnteredWithItsClass() async throws {
        let fixture = try DeskFixture()
        try fixture.store.session(as: "admin").access.grant(RoleGrant(user: "王芳", role: .officer, organization: "CTY-01"))
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let form = try await officer.get(client, "/orgs/CTY-01/vouchers/new")
            #expect(form.text.contains("value=\"40401 财政拨款收入 人员经费\"") && form.text.contains("value=\"40401 财政拨款收入 公用经费\""))
            let missing = try await officer.post(client, "/orgs/CTY-01/vouchers/new", Self.grid([
                ("收到财政拨款", "102", "300.00", ""), ("", "40401 财政拨款收入", "", "300.00"),
            ]))
            #expect(missing.status == .unprocessableContent && missing.text.contains("basic-class-missing"))
            let saved = try await officer.post(client, "/orgs/CTY-01/vouchers/new", Self.grid([
                ("收到财政拨款", "102", "300.00", ""), ("", "40401 财政拨款收入 人员经费", "", "240.00"),
                ("", "40401 财政拨款收入 公用经费", "", "60.00"),
            ]))
            #expect(saved.status == .seeOther)
        }
        let voucher = try #require(try fixture.store.session(as: "王芳").vouchers.vouchers(organization: "CTY-01").first)
        #expect(voucher.draft.lines.map(\.dimensions.basicClass) == [nil, .personnel, .operating])
        #expect(voucher.draft.lines.dropFirst().allSatisfy { $0.dimensions.expenseType == .basic })
    }

    @Test func aSecondOfficerReviewsAndPostsTickedVouchersInABatch() async throws {
        let fixture = try DeskFixture()
        let first = try fixture.post("2026-05-07", [("102", 300_00), ("401", -300_00)], post: false)
        let second = try fixture.post("2026-05-06", [("102", 200_00), ("401", -200_00)], post: false)
        try await fixture.test { client in
            let preparer = try await loggedIn(client, "王芳")
            let home = try await preparer.get(client, "/").text
            #expect(home.contains("status=draft\">2</a>"))
            #expect(home.contains("<td>2026-05</td>"))
            let own = try await preparer.post(client, "/orgs/FED-01/vouchers/batch", [("act", "review"), ("voucher", String(first.id)), ("back", "period=2026-05")])
            #expect(own.status == .ok)
            #expect(own.text.contains("reviewer-is-preparer"))
            let reviewer = try await loggedIn(client, "李强")
            let ids = [first.id, second.id].map { ("voucher", String($0)) }
            let reviewed = try await reviewer.post(client, "/orgs/FED-01/vouchers/batch", [("act", "review"), ("back", "period=2026-05")] + ids)
            #expect(reviewed.text.components(separatedBy: "完成").count - 1 == 2)
            let posted = try await reviewer.post(client, "/orgs/FED-01/vouchers/batch", [("act", "post"), ("back", "period=2026-05")] + ids)
            #expect(posted.text.contains("2026-05 记-0001"))
            #expect(posted.text.contains("2026-05 记-0002"))
            // A reader sees the list without the batch buttons.
            let committee = try await loggedIn(client, "陈静")
            let list = try await committee.get(client, "/orgs/FED-01/vouchers?period=2026-05")
            #expect(!list.text.contains("value=\"post\""))
            #expect(try await committee.post(client, "/orgs/FED-01/vouchers/batch", [("act", "post")] + ids).status == .forbidden)
        }
        let session = fixture.store.session(as: "李强")
        // Posted in date order: the 6 May voucher has the first number.
        #expect(try session.vouchers.voucher(id: second.id).number == 1)
        #expect(try session.vouchers.voucher(id: first.id).number == 2)
        #expect(try session.vouchers.voucher(id: first.id).reviewer == "李强")
        #expect(try session.vouchers.voucher(id: first.id).bookkeeper == "李强")
    }

    @Test func aPostedVoucherIsReversedWithItsReason() async throws {
        let fixture = try DeskFixture()
        let voucher = try fixture.post("2026-05-06", [("102", 500_00), ("401", -500_00)])
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let page = try await officer.get(client, "/orgs/FED-01/vouchers/\(voucher.id)")
            #expect(page.text.contains("红字冲销"))
            let missing = try await officer.post(client, "/orgs/FED-01/vouchers/\(voucher.id)/reverse", [("date", "2026-05-20"), ("reason", "")])
            #expect(missing.status == .unprocessableContent)
            let done = try await officer.post(client, "/orgs/FED-01/vouchers/\(voucher.id)/reverse", [("date", "2026-05-20"), ("reason", "重复入账")])
            #expect(done.status == .seeOther)
        }
        let vouchers = try fixture.store.session(as: "王芳").vouchers.vouchers(organization: "FED-01")
        let red = try #require(vouchers.first { $0.draft.isRedInk })
        #expect(red.draft.summary == "冲销2026-05 记-0001：重复入账")
        #expect(red.status == .draft)
    }

    @Test func thePrintPageIsTheVoucherFormWithWhoDidWhat() async throws {
        let fixture = try DeskFixture()
        let voucher = try fixture.post("2026-05-06", [("50504", 12_345_67), ("102", -12_345_67)], summary: "购买办公用品")
        try await fixture.test { client in
            let committee = try await loggedIn(client, "陈静")
            let print = try await committee.get(client, "/orgs/FED-01/vouchers/\(voucher.id)/print")
            #expect(print.status == .ok)
            for text in ["记 账 凭 证", "某某县物流行业工会联合会", "2026年5月6日", "2026-05 记-0001", "附单据 1 张", "壹万贰仟叁佰肆拾伍元陆角柒分",
                         "12,345.67", "会计主管", "记账：王芳", "审核：李强", "出纳", "制单：王芳"] {
                #expect(print.text.contains(text), "\(text)")
            }
        }
    }
}
