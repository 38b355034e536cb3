import Foundation
import FundApp
import FundCore
import FundStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FundDesk

/// The attached forms, the 附注 and the annual pack on the desk: the county's pages, a refusal
/// where a form is not due, and 导出Excel returning the CLI's workbook.
@Suite("Desk attached forms", .serialized)
struct AttachedFormPageTests {
    @Test func theCountysFormsAndItsAnnualPack() async throws {
        let fixture = try DeskFixture()
        let session = fixture.store.session(as: "钱进")
        let created = fixture.desk.workbookTime
        let expected = try ReportPages.workbookBytes { path in
            try writeAnnualPack(book: session, organization: "CTY-01", year: 2026, path: path, user: "钱进", created: created)
        }
        try await fixture.test { client in
            let superior = try await loggedIn(client, "钱进")
            let costs = try await superior.get(client, "/orgs/CTY-01/reports/costs?year=2026&month=5")
            #expect(costs.status == .ok)
            #expect(costs.text.contains("成本费用表") && costs.text.contains("本月数") && costs.text.contains("费用总计"))
            let assets = try await superior.get(client, "/orgs/CTY-01/reports/state-assets?year=2026")
            #expect(assets.status == .ok && assets.text.contains("非流动资产合计"))
            let none = try await superior.get(client, "/orgs/CTY-01/reports/appropriations?year=2026")
            #expect(none.status == .conflict && none.text.contains("attached-form-not-due"))
            let pack = try await superior.get(client, "/orgs/CTY-01/reports/annual-pack.xlsx?year=2026")
            #expect(pack.status == .ok)
            #expect(Data(pack.body.readableBytesView) == expected)
            #expect(try await superior.get(client, "/orgs/CTY-01/reports/notes.xlsx?year=2026").status == .ok)
            let index = try await superior.get(client, "/orgs/CTY-01/reports?year=2026")
            #expect(index.text.contains("财政拨款收入支出表") && index.text.contains("年度报表"))
        }
    }

    @Test func aFederationPreparesNoAttachedForm() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let officer = try await loggedIn(client, "王芳")
            let refused = try await officer.get(client, "/orgs/FED-01/reports/costs?year=2026")
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("attached-form-not-due") && refused.text.contains("工会附03表"))
            #expect(try await officer.get(client, "/orgs/FED-01/reports/annual-pack.xlsx?year=2026").status == .ok)
        }
    }
}
