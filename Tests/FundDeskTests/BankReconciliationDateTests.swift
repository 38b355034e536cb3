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

/// The desk's 银行存款余额调节表 on any date, its 导出Excel the workbook `export bank-reconciliation --date` writes.
@Suite("Desk bank reconciliation on a date")
struct BankReconciliationDateTests {
    @Test func theReconciliationOnAnyDateAndItsWorkbookAreTheCLIs() async throws {
        let fixture = try BankStatementPageTests.book()
        let session = fixture.store.session(as: "王芳")
        try session.cash.importStatement(organization: "FED-01", account: "102", fileName: "statement.csv", contents: Data(BankStatementPageTests.statement.utf8))
        try session.cash.matchAutomatically(organization: "FED-01", account: "102")
        let created = fixture.desk.workbookTime
        let date = LocalDate(year: 2026, month: 5, day: 29)!
        let expected = try ReportPages.workbookBytes { path in
            try BankReconciliationWorkbook.write(try Reports.bankReconciliation(session, organization: "FED-01", account: "102", date: date), to: path,
                                                 created: created)
        }
        let monthEnd = try ReportPages.workbookBytes { path in
            try BankReconciliationWorkbook.write(try Reports.bankReconciliation(session, organization: "FED-01", account: "102",
                                                                                date: LocalDate(year: 2026, month: 5, day: 31)!), to: path, created: created)
        }
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            // On 05-29 the fee is not yet on the statement: book 800.00 = bank 800.00.
            let page = try await officer.get(client, "/orgs/FED-01/reports/bank-reconciliation?account=102&date=2026/5/29")
            #expect(page.status == .ok && page.text.contains("2026-05-29") && page.text.contains("800.00") && page.text.contains("name=\"date\""))
            let workbook = try await officer.get(client, "/orgs/FED-01/reports/bank-reconciliation.xlsx?account=102&date=2026-05-29")
            #expect(workbook.status == .ok && Data(workbook.body.readableBytesView) == expected && expected != monthEnd)
            #expect(workbook.headers[HTTPField.Name("Content-Disposition")!]?.contains("2026-05-29") == true)
            // Without a date, the month's last day, as before.
            let month = try await officer.get(client, "/orgs/FED-01/reports/bank-reconciliation.xlsx?year=2026&month=5")
            #expect(Data(month.body.readableBytesView) == monthEnd)
            let shown = try await officer.get(client, "/orgs/FED-01/reports/bank-reconciliation?year=2026&month=5")
            #expect(shown.text.contains("value=\"2026-05-31\"") && shown.text.contains("795.00"))
            // A date that cannot be read is named.
            let bad = try await officer.get(client, "/orgs/FED-01/reports/bank-reconciliation?date=2026-02-30")
            #expect(bad.status == .badRequest && bad.text.contains("日期"))
            // The bank page offers the 调节表 on the statement's last month end.
            let bank = try await officer.get(client, "/orgs/FED-01/bank")
            #expect(bank.text.contains("value=\"2026-05-31\"") && bank.text.contains("/orgs/FED-01/reports/bank-reconciliation"))
        }
    }
}
