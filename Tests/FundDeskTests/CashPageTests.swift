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

/// 现金日记账 and 银行存款日记账 on the desk, and the cashier's page: confirming a payment fills the
/// 出纳 box of the printed voucher; only a cashier of the organisation may confirm.
@Suite("Desk cash and bank", .serialized)
struct CashPageTests {
    @Test func theCashJournalPageAndItsWorkbookAreTheCLIs() async throws {
        let fixture = try DeskFixture()
        try fixture.post("2026-05-06", [("101", 800_00), ("102", -800_00)], summary: "提取备用金")
        try fixture.post("2026-05-06", [("50502", 300_00), ("101", -300_00)], summary: "会议茶水")
        let session = fixture.store.session(as: "王芳")
        let created = fixture.desk.workbookTime
        let expected = try ReportPages.workbookBytes { path in
            try CashJournalWorkbook.write(try Reports.cashJournal(session, organization: "FED-01", kind: .cash, year: 2026, month: 5), to: path,
                                          created: created)
        }
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let page = try await officer.get(client, "/orgs/FED-01/reports/cash-journal?year=2026&month=5")
            #expect(page.status == .ok)
            #expect(page.text.contains("现金日记账") && page.text.contains("本日合计") && page.text.contains("500.00"))
            #expect(page.text.contains("102 银行存款"))
            let workbook = try await officer.get(client, "/orgs/FED-01/reports/cash-journal.xlsx?year=2026&month=5")
            #expect(workbook.status == .ok && Data(workbook.body.readableBytesView) == expected)
            let bank = try await officer.get(client, "/orgs/FED-01/reports/bank-journal?year=2026")
            #expect(bank.status == .ok && bank.text.contains("银行存款日记账"))
            // Another federation's officer reads neither.
            let other = try await loggedIn(client, "赵六")
            #expect(try await other.get(client, "/orgs/FED-01/reports/cash-journal?year=2026").status == .forbidden)
        }
    }

    @Test func aCashierConfirmsAPaymentAndThePrintedVoucherShowsWho() async throws {
        let fixture = try DeskFixture()
        let admin = fixture.store.session(as: "admin")
        try admin.access.grant(RoleGrant(user: "周婷", role: .cashier, organization: "FED-01"))
        try admin.access.setDeskPassword(user: "周婷", passwordHash: Passwords.hash(DeskFixture.password, cost: 4))
        try fixture.post("2026-05-06", [("102", 900_00), ("401", -900_00)], summary: "收到会费")
        let payment = try fixture.post("2026-05-07", [("50504", 200_00), ("102", -200_00)], summary: "购买办公用品")
        try await fixture.test { client in
            // An officer sees the list but has no button, and is refused when posting it anyway.
            let officer = try await loggedIn(client, "王芳")
            let listed = try await officer.get(client, "/orgs/FED-01/cashier?period=2026-05")
            #expect(listed.status == .ok && listed.text.contains("购买办公用品") && !listed.text.contains("确认收付</button>"))
            let refused = try await officer.post(client, "/orgs/FED-01/cashier/confirm", [("voucher", String(payment.id)), ("period", "2026-05")])
            #expect(refused.status == .forbidden)
            let cashier = try await loggedIn(client, "周婷")
            let page = try await cashier.get(client, "/orgs/FED-01/cashier?period=2026-05")
            #expect(page.text.contains("确认收付</button>"))
            // Without the form's token nothing happens.
            let forged = try await cashier.post(client, "/orgs/FED-01/cashier/confirm", [("voucher", String(payment.id))], csrf: "forged")
            #expect(forged.status == .forbidden)
            let done = try await cashier.post(client, "/orgs/FED-01/cashier/confirm", [("voucher", String(payment.id)), ("period", "2026-05")])
            #expect(done.status == .ok && done.text.contains("已确认收付"))
            let again = try await cashier.post(client, "/orgs/FED-01/cashier/confirm", [("voucher", String(payment.id)), ("period", "2026-05")])
            #expect(again.status == .conflict && again.text.contains("cash-already-confirmed"))
            let print = try await officer.get(client, "/orgs/FED-01/vouchers/\(payment.id)/print")
            #expect(print.text.contains("出纳：周婷"))
        }
    }

    @Test func theBankReconciliationPageAndItsWorkbookAreTheCLIs() async throws {
        let fixture = try DeskFixture()
        try fixture.post("2026-05-06", [("102", 1_000_00), ("401", -1_000_00)], summary: "收到会费")
        try fixture.post("2026-05-28", [("50504", 200_00), ("102", -200_00)], summary: "转账支票付款")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("desk-statement-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("statement.csv")
        try "日期,摘要,收入,支出,余额\n2026-05-07,会费转入,1000.00,,1000.00\n2026-05-31,手续费,,5.00,995.00\n".write(to: file, atomically: true, encoding: .utf8)
        let session = fixture.store.session(as: "王芳")
        try session.cash.importStatement(organization: "FED-01", account: "102", path: file.path)
        #expect(try session.cash.matchAutomatically(organization: "FED-01", account: "102") == 1)
        let created = fixture.desk.workbookTime
        let date = LocalDate(year: 2026, month: 5, day: 31)!
        let expected = try ReportPages.workbookBytes { path in
            try BankReconciliationWorkbook.write(try Reports.bankReconciliation(session, organization: "FED-01", account: "102", date: date), to: path,
                                                 created: created)
        }
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let page = try await officer.get(client, "/orgs/FED-01/reports/bank-reconciliation?year=2026&month=5")
            #expect(page.status == .ok)
            // Book 800.00 - 5.00 = 795.00; bank 995.00 - 200.00 = 795.00.
            #expect(page.text.contains("银行存款余额调节表") && page.text.contains("减：银行已付、单位未付") && page.text.contains("795.00"))
            #expect(page.text.contains("调节后余额相等") && page.text.contains("转账支票付款"))
            let workbook = try await officer.get(client, "/orgs/FED-01/reports/bank-reconciliation.xlsx?year=2026&month=5")
            #expect(workbook.status == .ok && Data(workbook.body.readableBytesView) == expected)
            // A month without a statement row is not found, in Chinese.
            let none = try await officer.get(client, "/orgs/FED-01/reports/bank-reconciliation?year=2026&month=4")
            #expect(none.status == .notFound && none.text.contains("no-statement"))
            let other = try await loggedIn(client, "赵六")
            #expect(try await other.get(client, "/orgs/FED-01/reports/bank-reconciliation?year=2026&month=5").status == .forbidden)
            let cashier = try await officer.get(client, "/orgs/FED-01/cashier?period=2026-05")
            #expect(cashier.text.contains("/orgs/FED-01/reports/bank-reconciliation?year=2026&amp;month=5") || cashier.text.contains("/orgs/FED-01/reports/bank-reconciliation?year=2026&month=5"))
        }
    }
}
