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

/// A file sent the way a browser sends it, as `multipart/form-data`.
struct Upload {
    var field = "statement"
    var fileName = "statement.csv"
    var contents: [UInt8]

    static let boundary = "----FundDeskTestBoundary4Zk9"

    /// The body of a form with `fields` (text) and the file.
    func body(_ fields: [(String, String)]) -> ByteBuffer {
        var bytes: [UInt8] = []
        for (name, value) in fields {
            bytes += Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        bytes += Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(fileName)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        bytes += contents
        bytes += Array("\r\n--\(Self.boundary)--\r\n".utf8)
        return ByteBuffer(bytes: bytes)
    }
}

extension Browser {
    /// POSTs a multipart form with the CSRF token (unless `csrf` is given) and the file.
    func upload(_ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], _ upload: Upload, csrf: String? = nil,
                body: ByteBuffer? = nil) async throws -> TestResponse {
        var headers = self.headers
        headers[.contentType] = "multipart/form-data; boundary=\(Upload.boundary)"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: body ?? upload.body([("_csrf", csrf ?? self.csrf)] + fields))
    }
}

/// 银行对账 on the desk: a statement uploaded as a file, matched automatically and by hand and
/// unmatched, with the command line's rules and refusals; the 调节表 on any date.
@Suite("Desk bank statements", .serialized)
struct BankStatementPageTests {
    static let statement = "日期,摘要,收入,支出,余额,参考号\n2026-05-07,会费转入,1000.00,,1000.00,A1\n2026-05-29,<script>alert(1)</script>付款,,200.00,800.00,A2\n2026-05-31,手续费,,5.00,795.00,A3\n"

    /// FED-01 with a receipt and a payment on 102, as a statement would show them.
    static func book() throws -> DeskFixture {
        let fixture = try DeskFixture()
        try fixture.post("2026-05-06", [("102", 1_000_00), ("401", -1_000_00)], summary: "收到会费")
        try fixture.post("2026-05-28", [("50504", 200_00), ("102", -200_00)], summary: "转账支票付款")
        return fixture
    }

    static func stored(_ fixture: DeskFixture) throws -> Int {
        try fixture.store.session(as: "王芳").cash.statementLines(organization: "FED-01", account: "102").count
    }

    @Test func anOfficerUploadsAStatementAndMatchesItAutomaticallyByHandAndUndoes() async throws {
        let fixture = try Self.book()
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let empty = try await officer.get(client, "/orgs/FED-01/bank")
            #expect(empty.status == .ok && empty.text.contains("尚未导入对账单") && empty.text.contains("enctype=\"multipart/form-data\""))
            let done = try await officer.upload(client, "/orgs/FED-01/bank/import", [("account", "102")], Upload(contents: Array(Self.statement.utf8)))
            #expect(done.status == .ok && done.text.contains("已导入对账单") && done.text.contains("共 3 行"))
            // The 摘要 is text, never markup.
            #expect(!done.text.contains("<script>alert(1)</script>") && done.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;付款"))
            #expect(done.text.contains("statement.csv") && done.text.contains("未勾对 3 行"))
            // The same file again is refused with the CLI's rule, and nothing more is stored.
            let again = try await officer.upload(client, "/orgs/FED-01/bank/import", [("account", "102")], Upload(contents: Array(Self.statement.utf8)))
            #expect(again.status == .conflict && again.text.contains("statement-already-imported"))
            #expect(try Self.stored(fixture) == 3)

            // Automatic: 1000 received on 05-06/05-07 and 200 paid on 05-28/05-29 pair; the 5.00 fee has no voucher.
            let days = try await officer.post(client, "/orgs/FED-01/bank/auto-match", [("account", "102"), ("days", "99")])
            #expect(days.status == .unprocessableContent && days.text.contains("match-days"))
            let auto = try await officer.post(client, "/orgs/FED-01/bank/auto-match", [("account", "102"), ("days", "3")])
            #expect(auto.status == .ok && auto.text.contains("自动勾对 2 行") && auto.text.contains("已勾对 2 行") && auto.text.contains("自动"))
            #expect(auto.text.contains("2026-05/记-0001") && auto.text.contains("王芳"))
            let lines = try fixture.store.session(as: "王芳").cash.statementLines(organization: "FED-01", account: "102")
            let paid = try #require(lines.first { $0.row.amountFen == 200_00 })
            let fee = try #require(lines.first { $0.row.amountFen == 5_00 })
            #expect(paid.match?.matchedBy == "王芳" && paid.match?.method == "auto")

            // Undo, twice: the second is refused.
            let undone = try await officer.post(client, "/orgs/FED-01/bank/unmatch", [("account", "102"), ("line", String(paid.id))])
            #expect(undone.status == .ok && undone.text.contains("已取消勾对"))
            let twice = try await officer.post(client, "/orgs/FED-01/bank/unmatch", [("account", "102"), ("line", String(paid.id))])
            #expect(twice.status.code >= 400 && twice.text.contains("statement-line-unmatched"))
            // By hand: the fee against the payment voucher differs; the payment row against it matches.
            let differs = try await officer.post(client, "/orgs/FED-01/bank/match", [("account", "102"), ("line", String(fee.id)), ("voucher", "2026-05/记-0002")])
            #expect(differs.status.code >= 400 && differs.text.contains("match-differs"))
            let hand = try await officer.post(client, "/orgs/FED-01/bank/match", [("account", "102"), ("line", String(paid.id)), ("voucher", "2026-05/记-0002")])
            #expect(hand.status == .ok && hand.text.contains("已与") && hand.text.contains("手工"))
            let unknown = try await officer.post(client, "/orgs/FED-01/bank/match", [("account", "102"), ("line", "999999"), ("voucher", "2026-05/记-0002")])
            #expect(unknown.status == .notFound && unknown.text.contains("statement-line-not-found"))
            let after = try fixture.store.session(as: "王芳").cash.statementLines(organization: "FED-01", account: "102")
            #expect(after.first { $0.id == paid.id }?.match?.method == "manual")
        }
    }

    @Test func aReaderSeesButMayNotImportOrMatchAndAnotherUnionSeesNothing() async throws {
        let fixture = try Self.book()
        let admin = fixture.store.session(as: "admin")
        try admin.access.grant(RoleGrant(user: "周婷", role: .cashier, organization: "FED-01"))
        try admin.access.setDeskPassword(user: "周婷", passwordHash: Passwords.hash(DeskFixture.password, cost: 4))
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            #expect(try await officer.upload(client, "/orgs/FED-01/bank/import", [("account", "102")], Upload(contents: Array(Self.statement.utf8))).status == .ok)
            let line = try #require(try fixture.store.session(as: "王芳").cash.statementLines(organization: "FED-01", account: "102").first)
            for reader in ["陈静", "周婷"] {
                let browser = try await loggedIn(client, reader)
                let page = try await browser.get(client, "/orgs/FED-01/bank")
                #expect(page.status == .ok && page.text.contains("会费转入") && !page.text.contains("上传导入") && page.text.contains("由本单位财务人员办理"))
                let upload = try await browser.upload(client, "/orgs/FED-01/bank/import", [("account", "102")],
                                                      Upload(fileName: "other.csv", contents: Array("日期,摘要,收入,支出,余额\n2026-06-02,利息,3.00,,798.00\n".utf8)))
                #expect(upload.status == .forbidden)
                #expect(try await browser.post(client, "/orgs/FED-01/bank/auto-match", [("account", "102")]).status == .forbidden)
                #expect(try await browser.post(client, "/orgs/FED-01/bank/match", [("line", String(line.id)), ("voucher", "2026-05/记-0001")]).status == .forbidden)
                #expect(try await browser.post(client, "/orgs/FED-01/bank/unmatch", [("line", String(line.id))]).status == .forbidden)
            }
            #expect(try Self.stored(fixture) == 3)
            #expect(try fixture.store.session(as: "王芳").cash.statementLines(organization: "FED-01", account: "102").allSatisfy { $0.match == nil })
            // Another federation's officer: neither the page nor any act.
            let other = try await loggedIn(client, "赵六")
            #expect(try await other.get(client, "/orgs/FED-01/bank").status == .forbidden)
            #expect(try await other.upload(client, "/orgs/FED-01/bank/import", [("account", "102")], Upload(fileName: "x.csv", contents: Array("x".utf8))).status == .forbidden)
            #expect(try await other.post(client, "/orgs/FED-01/bank/auto-match", [("account", "102")]).status == .forbidden)
            #expect(try await other.post(client, "/orgs/FED-01/bank/unmatch", [("line", String(line.id))]).status == .forbidden)
            // Nor may FED-02's officer reach FED-01's row through FED-02's own page.
            let own = try await other.post(client, "/orgs/FED-02/bank/unmatch", [("line", String(line.id))])
            #expect(own.status == .notFound && own.text.contains("statement-line-not-found"))
        }
    }

    @Test func anUploadWithoutTheTokenOversizedOrMalformedStoresNothing() async throws {
        let fixture = try Self.book()
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let file = Upload(contents: Array(Self.statement.utf8))
            // No token, a wrong token.
            let none = try await officer.upload(client, "/orgs/FED-01/bank/import", [("account", "102")], file,
                                                body: file.body([("account", "102")]))
            #expect(none.status == .forbidden)
            #expect(try await officer.upload(client, "/orgs/FED-01/bank/import", [("account", "102")], file, csrf: "forged").status == .forbidden)
            // Larger than 2 MB: 413 with a clear page.
            var large = Array(Self.statement.utf8)
            large += [UInt8](repeating: UInt8(ascii: "#"), count: MultipartForm.maximumBodyBytes)
            let tooLarge = try await officer.upload(client, "/orgs/FED-01/bank/import", [("account", "102")], Upload(contents: large))
            #expect(tooLarge.status == .contentTooLarge && tooLarge.text.contains("文件过大") && tooLarge.text.contains("2 MB"))
            // Cut off mid-way, and a body that is not multipart at all under a multipart type.
            var cut = file.body([("_csrf", officer.csrf), ("account", "102")])
            cut.moveWriterIndex(to: cut.writerIndex - 30)
            let truncated = try await officer.upload(client, "/orgs/FED-01/bank/import", [], file, body: cut)
            #expect(truncated.status == .badRequest && truncated.text.contains("multipart-closing-delimiter"))
            let garbage = try await officer.upload(client, "/orgs/FED-01/bank/import", [], file,
                                                   body: ByteBuffer(string: "_csrf=\(officer.csrf)&account=102"))
            #expect(garbage.status == .badRequest && garbage.text.contains("multipart-opening-delimiter"))
            // No file chosen.
            let noFile = try await officer.upload(client, "/orgs/FED-01/bank/import", [("account", "102")], Upload(fileName: "", contents: []))
            #expect(noFile.status == .badRequest && noFile.text.contains("请选择"))
            #expect(try Self.stored(fixture) == 0)
        }
    }

    @Test func aRefusedFileShowsEachProblemWithItsLineAndAGBKFileIsRead() async throws {
        let fixture = try Self.book()
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let bad = "日期,摘要,收入,支出,余额\n2026-05-07,会费转入,1000.00,,1000.00\n2026-13-01,错日期,,5.00,995.00\n2026-05-31,余额不符,,5.00,990.00\n"
            let refused = try await officer.upload(client, "/orgs/FED-01/bank/import", [("account", "102")], Upload(fileName: "bad.csv", contents: Array(bad.utf8)))
            #expect(refused.status == .unprocessableContent && refused.text.contains("bad.csv") && refused.text.contains("未导入任何内容"))
            #expect(refused.text.contains("bad.csv:3") && refused.text.components(separatedBy: "class=\"error\"").count >= 3)
            #expect(try Self.stored(fixture) == 0)
            // 日期,摘要,收入,支出,余额,参考号 in GBK: 2026/5/6 会费转入 1,000.00 / 2026年5月8日 手续费 5.00.
            let gbk: [UInt8] = [
                0xC8, 0xD5, 0xC6, 0xDA, 0x2C, 0xD5, 0xAA, 0xD2, 0xAA, 0x2C, 0xCA, 0xD5, 0xC8, 0xEB, 0x2C, 0xD6, 0xA7, 0xB3, 0xF6, 0x2C, 0xD3, 0xE0, 0xB6, 0xEE,
                0x2C, 0xB2, 0xCE, 0xBF, 0xBC, 0xBA, 0xC5, 0x0D, 0x0A, 0x32, 0x30, 0x32, 0x36, 0x2F, 0x35, 0x2F, 0x36, 0x2C, 0xBB, 0xE1, 0xB7, 0xD1, 0xD7, 0xAA,
                0xC8, 0xEB, 0x2C, 0x22, 0x31, 0x2C, 0x30, 0x30, 0x30, 0x2E, 0x30, 0x30, 0x22, 0x2C, 0x2C, 0x22, 0x31, 0x2C, 0x30, 0x30, 0x30, 0x2E, 0x30, 0x30,
                0x22, 0x2C, 0x41, 0x31, 0x0D, 0x0A, 0x32, 0x30, 0x32, 0x36, 0xC4, 0xEA, 0x35, 0xD4, 0xC2, 0x38, 0xC8, 0xD5, 0x2C, 0xCA, 0xD6, 0xD0, 0xF8, 0xB7,
                0xD1, 0x2C, 0x2C, 0x35, 0x2E, 0x30, 0x30, 0x2C, 0x39, 0x39, 0x35, 0x2E, 0x30, 0x30, 0x2C, 0x41, 0x32, 0x0D, 0x0A,
            ]
            let read = try await officer.upload(client, "/orgs/FED-01/bank/import", [("account", "102")], Upload(fileName: "gbk.csv", contents: gbk))
            #expect(read.status == .ok && read.text.contains("手续费") && read.text.contains("995.00"))
            #expect(try Self.stored(fixture) == 2)
            // An account that is not a bank account is refused by the store's rule.
            let cash = try await officer.get(client, "/orgs/FED-01/bank?account=101")
            #expect(cash.text.contains("not-a-bank-account"))
        }
    }
}
