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

@Suite("Desk reports and closing", .serialized)
struct ReportPageTests {
    @Test func theTrialBalanceWorkbookIsTheOneTheCLIWrites() async throws {
        let fixture = try DeskFixture()
        try fixture.post("2026-05-06", [("102", 500_00), ("401", -500_00)])
        let session = fixture.store.session(as: "陈静")
        // What `fundledger export trial-balance --org FED-01 --year 2026 --as 陈静` writes, made at
        // the same second as the desk's (the workbook records when it was made).
        let created = fixture.desk.workbookTime
        let expected = try ReportPages.workbookBytes { path in
            try TrialBalanceWorkbook.write(try Reports.trialBalance(session, organization: "FED-01", year: 2026, month: nil), to: path,
                                           preparedBy: "陈静", created: created)
        }
        try await fixture.test { client in
            let committee = try await loggedIn(client, "陈静")
            let response = try await committee.get(client, "/orgs/FED-01/reports/trial-balance.xlsx?year=2026")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(response.headers[HTTPField.Name("Content-Disposition")!]?.contains("filename*=UTF-8''") == true)
            let desk = Data(response.body.readableBytesView)
            #expect(desk == expected)
            #expect(desk.count > 1000)
            let page = try await committee.get(client, "/orgs/FED-01/reports/trial-balance?year=2026")
            #expect(page.text.contains("科目余额表"))
            #expect(page.text.contains("500.00"))
        }
    }

    @Test func aReportTheBookCannotMakeSaysWhy() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let none = try await officer.get(client, "/orgs/FED-01/reports/budget-execution?year=2026")
            #expect(none.status == .notFound)
            #expect(none.text.contains("no-budget") || none.text.contains("budget"))
            #expect(try await officer.get(client, "/orgs/FED-01/reports/budget-execution.xlsx?year=2026").status == .notFound)
            #expect(try await officer.get(client, "/orgs/FED-01/reports/trial-balance?year=20x6").status == .badRequest)
        }
    }

    @Test func closingShowsItsChecksAndRefusesWhatIsNotPosted() async throws {
        let fixture = try DeskFixture()
        try fixture.post("2026-04-06", [("102", 500_00), ("401", -500_00)])
        try fixture.post("2026-05-06", [("102", 100_00), ("401", -100_00)], post: false)
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let page = try await officer.get(client, "/orgs/FED-01/periods?year=2026")
            #expect(page.text.contains("✗ 1张未记账"))
            let april = try await officer.post(client, "/orgs/FED-01/periods/close", [("period", "2026-04"), ("reviewer", "李强"), ("reviewer_password", DeskFixture.password)])
            #expect(april.status == .ok)
            #expect(april.text.contains("2026-04已结账"))
            let may = try await officer.post(client, "/orgs/FED-01/periods/close", [("period", "2026-05")])
            #expect(may.status == .conflict)
            #expect(may.text.contains("未记账"))
            let reopen = try await officer.post(client, "/orgs/FED-01/periods/reopen", [("period", "2026-04"), ("reason", "补记凭证"), ("reviewer", "李强"), ("reviewer_password", DeskFixture.password)])
            #expect(reopen.status == .ok)
        }
        #expect(try fixture.store.session(as: "王芳").periods.closedPeriods(organization: "FED-01").isEmpty)
    }
}
