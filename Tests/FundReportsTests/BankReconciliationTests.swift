import FundCore
import FundReports
import Testing

/// The 银行存款余额调节表 from its input: both sides adjusted, the difference named when they differ.
@Suite struct BankReconciliationTests {
    static let organization = Organization(code: "FED-01", name: "某某县物流行业工会联合会", level: .federation, parentCode: "CTY-01")
    static func day(_ d: Int) -> LocalDate { LocalDate(year: 2026, month: 12, day: d)! }

    static func input(bank: Int64) -> BankReconciliationInput {
        BankReconciliationInput(accountCode: "102", date: day(31), statementFrom: LocalDate(year: 2026, month: 10, day: 1)!, bookBalanceFen: 2_617_665,
                                bankBalanceFen: bank,
                                bankOnly: [.init(date: day(25), reference: "B9", summary: "手续费", signedFen: -1_200),
                                           .init(date: day(30), reference: "B10", summary: "会费转入", signedFen: 60_000)],
                                bookOnly: [.init(date: day(18), reference: "2026-12/记-0002", summary: "送温暖", signedFen: -760_000)])
    }

    @Test func bothSidesAdjustToTheSameBalance() throws {
        let report = try BankReconciliation.make(Self.input(bank: 3_436_465), organization: Self.organization, chart: Chart.standard(.grassroots))
        #expect(report.book.balanceFen == 2_617_665 && report.book.addedFen == 60_000 && report.book.takenFen == 1_200)
        #expect(report.book.adjustedFen == 2_676_465 && report.bank.adjustedFen == 2_676_465 && report.differenceFen == 0)
        #expect(report.bank.taken.map(\.reference) == ["2026-12/记-0002"] && report.bank.added.isEmpty)
        #expect(report.conclusion == "调节后余额相等")
        let table = report.rendered(.table)
        #expect(table.contains("银行存款余额调节表") && table.contains("加：银行已收、单位未收") && table.contains("减：单位已付、银行未付"))
        #expect(table.contains("26,764.65") && table.contains("送温暖"))
        let csv = report.rendered(.csv)
        #expect(csv.hasPrefix("side,kind,label,date,reference,summary,amount") && csv.contains("bank,adjusted,调节后余额,,,,26764.65"))
        #expect(report.rendered(.json).contains("\"difference\": \"0.00\""))
    }

    @Test func aDifferenceIsNamed() throws {
        let report = try BankReconciliation.make(Self.input(bank: 3_436_000), organization: Self.organization, chart: Chart.standard(.grassroots))
        #expect(report.differenceFen == 465 && report.conclusion.contains("差额 4.65"))
    }

    @Test func aSumBeyondTheBookIsAnError() {
        var input = Self.input(bank: 0)
        input.bookBalanceFen = .max
        #expect(throws: SumOverflow.self) { try BankReconciliation.make(input, organization: Self.organization, chart: Chart.standard(.grassroots)) }
    }
}
