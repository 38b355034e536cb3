import FundCore
import FundReports
import Testing

/// 现金日记账 and 银行存款日记账 from values: day by day with 本日合计, 本月合计 and 本年累计, one
/// journal per bank account detail.
@Suite struct CashJournalTests {
    static let organization = Organization(code: "FED-01", name: "某某县物流行业工会联合会", level: .federation, parentCode: "CTY-01", independent: true)

    static func line(_ date: String, _ number: Int, _ account: String, _ fen: Int64, _ counter: [String], _ summary: String = "收付") -> CashJournalLine {
        let day = LocalDate(parsing: date)!
        return CashJournalLine(date: day, ref: VoucherRef(period: day.period, word: "记", number: number), summary: summary, accountCode: account,
                               side: fen >= 0 ? .debit : .credit, amountFen: Int64(fen.magnitude), counterAccounts: counter)
    }

    @Test func daysMonthsAndTheYearAreTotalled() throws {
        let chart = Chart.standard(.grassroots)
        let lines = [Self.line("2026-04-02", 1, "101", 3_000_00, ["102"], "提取备用金"), Self.line("2026-04-02", 2, "101", -500_00, ["50502"]),
                     Self.line("2026-04-12", 3, "101", -800_00, ["50502", "50504"]), Self.line("2026-05-10", 1, "101", -200_00, ["50405"])]
        let journal = try CashJournal.make(kind: .cash, organization: Self.organization, chart: chart, year: 2026, opening: ["101": 100_00],
                                           lines: lines)
        #expect(journal.title == "现金日记账" && journal.sections.map(\.code) == ["101"])
        let rows = journal.sections[0].rows
        #expect(rows.map(\.kind) == [.opening, .line, .line, .dayTotal, .line, .dayTotal, .monthTotal, .yearTotal, .line, .dayTotal, .monthTotal, .yearTotal])
        #expect(rows[3].debitFen == 3_000_00 && rows[3].creditFen == 500_00 && rows[3].balanceFen == 2_600_00)
        #expect(rows[1].counterAccount == "102 银行存款" && rows[4].counterAccount == "505 业务支出")
        #expect(rows[6].debitFen == 3_000_00 && rows[6].creditFen == 1_300_00 && rows[6].balanceFen == 1_800_00)
        #expect(rows[11].debitFen == 3_000_00 && rows[11].creditFen == 1_500_00 && rows[11].balanceFen == 1_600_00)
        // One month: its balance brought forward, its days, its totals; the year's to date.
        let may = try CashJournal.make(kind: .cash, organization: Self.organization, chart: chart, year: 2026, month: 5, opening: ["101": 100_00],
                                       lines: lines)
        #expect(may.sections[0].rows.map(\.kind) == [.opening, .line, .dayTotal, .monthTotal, .yearTotal])
        #expect(may.sections[0].rows[0].summary == "期初余额" && may.sections[0].rows[0].balanceFen == 1_800_00)
        #expect(may.sections[0].rows[4].creditFen == 1_500_00)
        #expect(may.rendered(.csv).contains("day_total"))
    }

    @Test func eachBankAccountDetailHasItsJournal() throws {
        var chart = Chart.standard(.grassroots)
        chart = Chart(kind: chart.kind, accounts: chart.accounts + [Account(code: "10201", name: "基本户"),
                                                                   Account(code: "10202", name: "经费集中户")])
        let lines = [Self.line("2026-03-05", 1, "10201", 500_00, ["401"]), Self.line("2026-03-06", 2, "10202", 900_00, ["402"])]
        let journal = try CashJournal.make(kind: .bank, organization: Self.organization, chart: chart, year: 2026, opening: [:], lines: lines)
        #expect(journal.title == "银行存款日记账" && journal.sections.map(\.code) == ["10201", "10202"])
        #expect(journal.sections[1].rows.last?.balanceFen == 900_00)
        // A book with no cash at all still shows the account, at zero.
        let none = try CashJournal.make(kind: .cash, organization: Self.organization, chart: chart, year: 2026, opening: [:], lines: [])
        #expect(none.sections.map(\.code) == ["101"] && none.sections[0].rows.count == 1)
    }
}
