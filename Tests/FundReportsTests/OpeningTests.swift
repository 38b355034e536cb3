import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import FundTesting
import Testing

/// 建账: balances entered once, shown by the forms as 年初余额 and never as activity; a trial
/// balance from another package; a book that starts in the middle of the year.
@Suite struct OpeningTests {
    static let january = Period(year: 2026, month: 1)!
    static let july = Period(year: 2026, month: 7)!

    /// FED-01's balances at the start of 2026, grassroots chart: 借方合计 = 贷方合计 = 30,500.00.
    static let balances: [OpeningBalance] = [
        OpeningBalance(accountCode: "101", netFen: 50_000), OpeningBalance(accountCode: "102", netFen: 2_000_000),
        OpeningBalance(accountCode: "162", netFen: 1_000_000), OpeningBalance(accountCode: "163", netFen: -200_000),
        OpeningBalance(accountCode: "301", netFen: -800_000), OpeningBalance(accountCode: "211", netFen: -150_000),
        OpeningBalance(accountCode: "32104", netFen: -300_000, project: "XB-2025-01"), OpeningBalance(accountCode: "32205", netFen: -1_600_000),
    ]

    @Test(arguments: [OutputFormat.table, .csv])
    func openingBalancesAreTheFormsOpeningAndNeverActivity(format: OutputFormat) throws {
        let t = try TestBook()
        let opening = try t.book.opening.open(organization: "FED-01", firstPeriod: Self.january, balances: Self.balances, reviewer: "李强")
        #expect(opening.ref?.description == "2025-12/建-0001" && opening.reviewer == "李强" && opening.status == .posted)
        try t.post("FED-01", "2026-01-15", [("102", 100_000), ("401", -100_000)], summary: "收会费")
        _ = try t.book.periods.close(organization: "FED-01", period: Self.january, reviewer: "李强")
        let sheet = try Reports.balanceSheet(t.book, organization: "FED-01", year: 2026, month: 1)
        #expect(sheet.failedChecks.isEmpty, "\(sheet.failedChecks)")
        let income = try Reports.incomeExpenditure(t.book, organization: "FED-01", year: 2026, month: 1)
        #expect(income.value("三、收入合计") == 100_000 && income.value("三、收入合计", column: 1) == 100_000)
        let trial = try Reports.trialBalance(t.book, organization: "FED-01", year: 2026, month: nil)
        let ext = format == .table ? "txt" : "csv"
        Golden.assert(sheet.rendered(format), "Tests/FundReportsTests/Golden/opening-balance-sheet-FED-01-2026-01.\(ext)")
        Golden.assert(income.rendered(format), "Tests/FundReportsTests/Golden/opening-income-expenditure-FED-01-2026-01.\(ext)")
        Golden.assert(trial.rendered(format), "Tests/FundReportsTests/Golden/opening-trial-balance-FED-01-2026.\(ext)")
        // The opening month is closed by the opening: it takes nothing more, and January closed after it.
        let late = try? t.post("FED-01", "2025-12-20", [("102", 100), ("401", -100)])
        #expect(late == nil)
        #expect(try t.book.verification.verify().problems.isEmpty)
    }

    @Test func anOpeningIsRefusedTwiceAfterActivityOrUnbalanced() throws {
        let t = try TestBook()
        func refusal(_ balances: [OpeningBalance], organization: String = "FED-01") -> BookError? {
            do { _ = try t.book.opening.open(organization: organization, firstPeriod: Self.january, balances: balances, reviewer: "李强") }
            catch let error as BookError { return error } catch { return nil }
            return nil
        }
        var unbalanced = Self.balances
        unbalanced[0].netFen += 1
        guard case .opening(.unbalanced("FED-01", Money(fen: 3_050_001), Money(fen: 3_050_000)))? = refusal(unbalanced) else {
            Issue.record("an unbalanced opening"); return
        }
        #expect(refusal(unbalanced)?.chinese.contains("借方合计 30,500.01") == true)
        #expect(refusal(Self.balances + [OpeningBalance(accountCode: "401", netFen: -1, line: 9)])?.rule == "opening-income-expenditure")
        #expect(refusal([OpeningBalance(accountCode: "32104", netFen: -5), OpeningBalance(accountCode: "102", netFen: 5)])?.rule == "opening-needs-project")
        #expect(refusal([])?.rule == "opening-empty")
        // 301 must mirror the non-cash assets, as in every voucher.
        #expect(refusal([OpeningBalance(accountCode: "162", netFen: 5), OpeningBalance(accountCode: "32205", netFen: -5)])?.rule == "voucher-refused")
        _ = try t.book.opening.open(organization: "FED-01", firstPeriod: Self.january, balances: Self.balances, reviewer: "李强")
        let twice = refusal(Self.balances)
        #expect(twice?.rule == "opening-once" && twice?.category == .conflict)
        try t.post("CTY-01", "2026-02-03", [("102", 100), ("402", -100)])
        let after = refusal([OpeningBalance(accountCode: "101", netFen: 5), OpeningBalance(accountCode: "32205", netFen: -5)], organization: "CTY-01")
        guard case .opening(.activityPosted("CTY-01", "2026-02/记-0001"))? = after else { Issue.record("opened after a voucher"); return }
        #expect(after?.category == .conflict)
    }

    /// A county union moving from another package in July: the trial balance as the package
    /// exports it (level-1 subtotals, thousands separators, GBK), its first forms.
    @Test(arguments: [OutputFormat.table, .csv])
    func aTrialBalanceFromAnotherPackageOpensAMidYearBook(format: OutputFormat) throws {
        let t = try TestBook()
        // 科目编码,科目名称,借方余额,贷方余额,项目 / 101,库存现金,"1,000.00",, / 102,银行存款,"250,000.00",, / 162 50000.00 / 163 贷 5000.00 /
        // 301 资产基金 贷 45000.00 (a subtotal) / 30104 贷 45000.00 / 21202 贷 20000.00 / 32104 累计结转 贷 30000.00 XM-01 /
        // 32205 累计结余 贷 "201,000.00", as Excel on Chinese Windows saves it: GBK with CRLF.
        let hex = "bfc6c4bfb1e0c2eb2cbfc6c4bfc3fbb3c62cbde8b7bdd3e0b6ee2cb4fbb7bdd3e0b6ee2ccfeec4bf0d0a3130312cbfe2b4e6cfd6bdf02c22312c3030302e3030222c2c0d0a3130322cd2f8d0d0b4e6bfee2c223235302c3030302e3030222c2c0d0a3136322cb9ccb6a8d7cab2fa2c35303030302e30302c2c0d0a3136332cc0dbbcc6d5dbbec92c2c353030302e30302c0d0a3330312cd7cab2fabbf9bdf02c2c34353030302e30302c0d0a33303130342cb9ccb6a8d7cab2fa2c2c34353030302e30302c0d0a32313230322cd3a6b8b6cfc2bcb6d7aab2a6beadb7d12c2c32303030302e30302c0d0a33323130342cc0dbbcc6bde1d7aa2c2c33303030302e30302c584d2d30310d0a33323230352cc0dbbcc6bde1d3e02c2c223230312c3030302e3030222c0d0a"
        var bytes = Data()
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        let file = t.folder + "/余额表.csv"
        try bytes.write(to: URL(fileURLWithPath: file))
        let opening = try t.book.opening.importTrialBalance(organization: "CTY-01", firstPeriod: Self.july, path: file, reviewer: "李强")
        #expect(opening.ref?.description == "2026-06/建-0001" && opening.draft.lines.count == 8)
        #expect(try t.book.opening.firstPeriod(organization: "CTY-01") == Self.july)
        try t.post("CTY-01", "2026-07-15", [("102", 1_000_000), ("402", -1_000_000)], summary: "收到拨缴经费")
        // Earlier months are not "unclosed": July closes.
        _ = try t.book.periods.close(organization: "CTY-01", period: Self.july, reviewer: "李强")
        let sheet = try Reports.balanceSheet(t.book, organization: "CTY-01", year: 2026, month: 7)
        #expect(sheet.failedChecks.isEmpty, "\(sheet.failedChecks)")
        let income = try Reports.incomeExpenditure(t.book, organization: "CTY-01", year: 2026, month: 7)
        #expect(income.value("三、收入合计", column: 1) == 1_000_000)
        let ext = format == .table ? "txt" : "csv"
        Golden.assert(sheet.rendered(format), "Tests/FundReportsTests/Golden/opening-balance-sheet-CTY-01-2026-07.\(ext)")
        Golden.assert(income.rendered(format), "Tests/FundReportsTests/Golden/opening-income-expenditure-CTY-01-2026-07.\(ext)")
        Golden.assert(try Reports.trialBalance(t.book, organization: "CTY-01", year: 2026, month: nil).rendered(format),
                      "Tests/FundReportsTests/Golden/opening-trial-balance-CTY-01-2026.\(ext)")
        Golden.assert(try Reports.generalLedger(t.book, organization: "CTY-01", year: 2026, month: 7).rendered(format),
                      "Tests/FundReportsTests/Golden/opening-general-ledger-CTY-01-2026-07.\(ext)")
    }

    @Test func eachBadRowOfATrialBalanceIsNamedWithItsLine() throws {
        let t = try TestBook()
        let file = try t.write("bad.csv", """
            科目编码,科目名称,借方余额,贷方余额
            101,库存现金,100.00,
            119,借出款,500.00,
            102,现金,50.00,
            301,资产基金,,70.00
            30104,固定资产,,60.00
            135,其他应收款,12.3.4,
            32205,累计结余,,570.00

            """)
        do {
            _ = try t.book.opening.importTrialBalance(organization: "CTY-01", firstPeriod: Self.january, path: file, reviewer: "李强")
            Issue.record("a bad trial balance opened the book")
        } catch let errors as InputErrors {
            #expect(errors.errors.map { "\($0.line) \($0.rule)" } == ["3 bad-account", "4 account-name-mismatch", "5 subtotal-mismatch", "7 bad-amount"])
        }
        #expect(try t.book.opening.firstPeriod(organization: "CTY-01") == nil)
    }
}
