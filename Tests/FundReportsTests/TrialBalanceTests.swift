import Foundation
import FundCore
import FundReports
import FundStore
import FundTesting
import Testing

/// The demo county's book, loaded once per test from ledgers/demo.
func demoBook() throws -> Session {
    let t = try TestBook.empty()
    _ = try t.book.organizations.importOrganizations(path: Golden.root.appendingPathComponent("ledgers/demo/organizations.csv").path)
    // The demo's importer keeps every union's books and is the preparer the journal defaults to.
    try t.book.access.grant(RoleGrant(user: "演示导入", role: .officer))
    _ = try t.book.access.importRoles(path: Golden.root.appendingPathComponent("ledgers/demo/officers.csv").path)
    // The townships pass their grassroots unions' share down through 212, as the demo opens it.
    for township in try t.book.organizations.organizations() where township.level == .township {
        try t.book.organizations.openCountyAccount(code: "212", organization: township.code, reason: "转拨所属基层工会拨缴经费")
    }
    _ = try t.opened(as: "演示导入").imports.importJournal(paths: ["ledgers/demo/2026.journal", "ledgers/demo/2026-fed-02-q4.csv"].map {
        Golden.root.appendingPathComponent($0).path
    }, defaultOrganization: nil)
    return t.book
}

func trialBalance(_ book: Session, _ code: String, _ from: String, _ to: String, includeZero: Bool = false) throws -> TrialBalance {
    let from = Period(parsing: from)!, to = Period(parsing: to)!
    return try TrialBalance(organization: try book.organizations.organization(code), chart: try book.organizations.chart(for: code),
                        turnovers: try book.ledger.turnovers(organization: code, from: from, to: to), from: from, to: to,
                        includeZero: includeZero)
}

@Suite struct TrialBalanceTests {
    /// FED-01 in March 2026, worked by hand from ledgers/demo/2026.journal:
    /// 102 opening = 4,860 + 36,000 + 30,000 - 14,400 - 6,000 - 12,600 = 37,860.00 debit.
    /// March debits on 102: 50,000 (项目补贴) + 21.30 (第一季度结息) = 50,021.30. March credits: 18,500 +
    /// 3,200 + 8,800 + 7,800, and the red-ink line -8,800 on the same credit side, = 29,500. Closing
    /// 37,860 + 50,021.30 - 29,500 = 58,381.30.
    /// 50301 竞赛: debits 18,500 + 8,800 - 8,800 (red ink) + 7,800 = 26,300.
    @Test func handWorkedFigures() throws {
        let report = try trialBalance(try demoBook(), "FED-01", "2026-03", "2026-03")
        let bank = try #require(report.rows.first { $0.code == "102" })
        #expect(bank.openingDebit == 3_786_000 && bank.periodDebit == 5_002_130 && bank.periodCredit == 2_950_000)
        #expect(bank.closingDebit == 5_838_130 && bank.closingCredit == 0)
        let contest = try #require(report.rows.first { $0.code == "50301" })
        #expect(contest.periodDebit == 2_630_000 && contest.periodCredit == 0)
        let parent = try #require(report.rows.first { $0.code == "503" })
        #expect(parent.periodDebit == contest.periodDebit)
        let fund = try #require(report.rows.first { $0.code == "301" })
        #expect(fund.closingCredit == 320_000)
        #expect(report.balanced)
        #expect(report.totals.periodDebit == report.totals.periodCredit)
    }

    /// A year's report opens at zero and its closing columns balance for every organisation.
    @Test func everyOrganisationBalances() throws {
        let book = try demoBook()
        for organization in try book.organizations.organizations() {
            let report = try trialBalance(book, organization.code, "2026-01", "2026-12")
            #expect(report.balanced, "\(organization.code)")
            #expect(report.totals.openingDebit == 0)
        }
    }

    @Test func zeroAccountsOnlyOnRequest() throws {
        let book = try demoBook()
        let brief = try trialBalance(book, "FED-03", "2026-01", "2026-12")
        let full = try trialBalance(book, "FED-03", "2026-01", "2026-12", includeZero: true)
        #expect(brief.rows.map(\.code) == ["102", "131", "13101", "401", "403", "40301", "40302", "501", "50101", "503", "50304"])
        #expect(full.rows.count == Chart.standard(.grassroots).accounts.count)
        #expect(full.totals == brief.totals)
    }

    @Test(arguments: OutputFormat.allCases)
    func goldenRenderings(format: OutputFormat) throws {
        let book = try demoBook()
        let ext = format == .table ? "txt" : format.rawValue
        Golden.assert(try trialBalance(book, "FED-01", "2026-03", "2026-03").rendered(format),
                      "Tests/FundReportsTests/Golden/trial-balance-FED-01-2026-03.\(ext)")
        Golden.assert(try trialBalance(book, "CTY-01", "2026-01", "2026-12").rendered(format),
                      "Tests/FundReportsTests/Golden/trial-balance-CTY-01-2026.\(ext)")
    }

    @Test(arguments: OutputFormat.allCases)
    func goldenLists(format: OutputFormat) throws {
        let book = try demoBook()
        let ext = format == .table ? "txt" : format.rawValue
        Golden.assert(OrganizationList(organizations: try book.organizations.organizations()).rendered(format), "Tests/FundReportsTests/Golden/org-list.\(ext)")
        Golden.assert(VoucherList(vouchers: try book.vouchers.vouchers(organization: "FED-01", period: Period(parsing: "2026-03"))).rendered(format),
                      "Tests/FundReportsTests/Golden/voucher-list-FED-01-2026-03.\(ext)")
        Golden.assert(AccountList(chart: Chart.standard(.county)).rendered(format), "Tests/FundReportsTests/Golden/account-list-county.\(ext)")
    }

    @Test func goldenVoucherView() throws {
        let book = try demoBook()
        let red = try book.vouchers.voucher(organization: "FED-01", reference: "2026-03/记-0005")
        Golden.assert(VoucherView(voucher: red, chart: try book.organizations.chart(for: "FED-01")).rendered(),
                      "Tests/FundReportsTests/Golden/voucher-FED-01-2026-03-0005.txt")
    }

    /// A voucher from an old book's history shows which of its people are historical.
    @Test func aHistoricalPersonIsMarkedOnTheVoucher() throws {
        let book = try demoBook()
        var voucher = try book.vouchers.voucher(organization: "FED-01", reference: "2026-03/记-0005")
        voucher.historicalDuties = [.reviewer]
        let text = VoucherView(voucher: voucher, chart: try book.organizations.chart(for: "FED-01")).rendered()
        #expect(text.contains("审核：\(voucher.reviewer ?? "")（历史人员）") && !text.contains("\(voucher.draft.preparer)（历史人员）"), "\(text)")
    }

    @Test func tablesAlignHanCharactersByDisplayWidth() {
        let text = Render.table(headers: ["科目", "x"], rows: [["银行存款", "1"], ["ab", "22"]], rightAligned: [1])
        let lines = text.split(separator: "\n")
        #expect(lines[2] == "银行存款   1")
        #expect(lines[3] == "ab        22")
    }

    @Test func csvQuotesWhatNeedsIt() {
        #expect(Render.csv(headers: ["a", "b"], rows: [["x,y", "say \"hi\""]]) == "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n")
        #expect(Render.jsonString("a\"b\\\n\u{1}") == "\"a\\\"b\\\\\\n\\u0001\"")
    }
}
