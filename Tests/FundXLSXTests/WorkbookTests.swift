import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import FundTesting
import FundXLSX
import Testing

/// Unzips one member of a workbook with the system's unzip (no code of ours in between).
func member(_ path: String, _ name: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
    process.arguments = ["-p", path, name]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    // One element a line, so that a golden diff points at the cell that changed.
    return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "><", with: ">\n<")
}

let pinned = Date(timeIntervalSince1970: 1_767_225_600)   // 2026-01-01T00:00:00Z

@Suite struct WorkbookNamesTests {
    @Test(arguments: ["", String(repeating: "表", count: 32), "a[b", "a:b", "a*b", "a?b", "a/b", "a\\b", "'ab", "ab'"])
    func badSheetNamesAreRefusedInSwift(name: String) {
        #expect(throws: XLSXError.self) { try WorkbookNames.validateSheetName(name, existing: []) }
    }

    @Test func duplicateSheetNamesIgnoreCase() throws {
        try WorkbookNames.validateSheetName("序时账", existing: [])
        #expect(throws: XLSXError.self) { try WorkbookNames.validateSheetName("Sheet1", existing: ["sheet1"]) }
    }

    @Test(arguments: ["A1", "XFD1048576", "r1c1", "R", "c", "1abc", "a b", "a-b", ""])
    func badDefinedNames(name: String) {
        #expect(throws: XLSXError.self) { try WorkbookNames.validateDefinedName(name) }
    }

    @Test(arguments: ["期末借方合计", "_total", "Total.2026", "ABCD1"])
    func goodDefinedNames(name: String) throws {
        try WorkbookNames.validateDefinedName(name)
    }

    @Test func columnNames() {
        #expect(["A", "Z", "AA", "AZ", "BA", "XFD"] == [0, 25, 26, 51, 52, 16383].map(columnName))
        #expect(cellName(row: 4, column: 2) == "C5")
    }
}

@Suite struct WorkbookTests {
    func demo() throws -> (TestBook, Organization) {
        let t = try TestBook.empty()
        _ = try t.book.organizations.importOrganizations(path: Golden.root.appendingPathComponent("ledgers/demo/organizations.csv").path)
        // The demo's importer keeps every union's books and is the preparer the journal defaults to.
        try t.book.access.grant(RoleGrant(user: "演示导入", role: .officer))
        _ = try t.book.access.importRoles(path: Golden.root.appendingPathComponent("ledgers/demo/officers.csv").path)
        // The townships pass their grassroots unions' share down through 212, as the demo opens it.
        for township in try t.book.organizations.organizations() where township.level == .township {
            try t.book.organizations.openCountyAccount(code: "212", organization: township.code, reason: "转拨所属基层工会拨缴经费")
        }
        _ = try t.opened(as: "演示导入").imports.importJournal(paths: [Golden.root.appendingPathComponent("ledgers/demo/2026.journal").path],
                                                           defaultOrganization: nil)
        return (t, try t.book.organizations.organization("FED-01"))
    }

    func trialBalance(_ t: TestBook, _ organization: Organization) throws -> TrialBalance {
        let from = Period(year: 2026, month: 1)!, to = Period(year: 2026, month: 12)!
        return try TrialBalance(organization: organization, chart: try t.book.organizations.chart(for: organization.code),
                            turnovers: try t.book.ledger.turnovers(organization: organization.code, from: from, to: to), from: from, to: to)
    }

    @Test func trialBalanceSheetIsGoldenAndReproducible() throws {
        let (t, organization) = try demo()
        let report = try trialBalance(t, organization)
        let first = t.folder + "/a.xlsx", second = t.folder + "/b.xlsx"
        try TrialBalanceWorkbook.write(report, to: first, preparedBy: "王芳", created: pinned)
        try TrialBalanceWorkbook.write(report, to: second, preparedBy: "王芳", created: pinned)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
        Golden.assert(try member(first, "xl/worksheets/sheet1.xml"), "Tests/FundXLSXTests/Golden/trial-balance-FED-01-2026.sheet1.xml")
        Golden.assert(try member(first, "xl/workbook.xml"), "Tests/FundXLSXTests/Golden/trial-balance-FED-01-2026.workbook.xml")
        #expect(try member(first, "docProps/core.xml").contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z</dcterms:created>"))
    }

    /// 工会01表 and 工会02表 of FED-01 for March, its months closed, in the 2021 layout: no 行次,
    /// totals as formulas, the notes and the signature line with the organisation's signers.
    @Test func formSheetsAreGolden() throws {
        let (t, _) = try demo()
        for month in 1...3 { try t.book.periods.close(organization: "FED-01", period: Period(year: 2026, month: month)!, reviewer: "李强") }
        try t.book.signatures.setSigner(organization: "FED-01", role: .legalRepresentative, name: "陈静")
        let path = t.folder + "/forms.xlsx"
        try MonthlyPack.write(balanceSheet: try Reports.balanceSheet(t.book, organization: "FED-01", year: 2026, month: 3),
                              incomeExpenditure: try Reports.incomeExpenditure(t.book, organization: "FED-01", year: 2026, month: 3),
                              trialBalance: try Reports.trialBalance(t.book, organization: "FED-01", year: 2026, month: 3),
                              generalLedger: try Reports.generalLedger(t.book, organization: "FED-01", year: 2026, month: 3),
                              to: path, preparedBy: "王芳", created: pinned)
        Golden.assert(try member(path, "xl/worksheets/sheet1.xml"), "Tests/FundXLSXTests/Golden/balance-sheet-FED-01-2026-03.sheet1.xml")
        Golden.assert(try member(path, "xl/worksheets/sheet2.xml"), "Tests/FundXLSXTests/Golden/income-expenditure-FED-01-2026-03.sheet2.xml")
        let strings = try member(path, "xl/sharedStrings.xml")
        #expect(strings.contains("法定代表人：陈静") && strings.contains("制表：王芳") && !strings.contains("行次"))
    }

    @Test func journalSheetIsGolden() throws {
        let (t, organization) = try demo()
        let path = t.folder + "/j.xlsx"
        let from = Period(year: 2026, month: 3)!, to = Period(year: 2026, month: 3)!
        let count = try JournalWorkbook.write(book: t.book, organization: organization, chart: try t.book.organizations.chart(for: "FED-01"),
                                              from: from, to: to, path: path, created: pinned)
        #expect(count == 16)
        Golden.assert(try member(path, "xl/worksheets/sheet1.xml"), "Tests/FundXLSXTests/Golden/journal-FED-01-2026-03.sheet1.xml")
    }

    @Test func aFailedExportLeavesNoFileBehind() throws {
        let (t, organization) = try demo()
        let report = try trialBalance(t, organization)
        #expect(throws: XLSXError.self) { try TrialBalanceWorkbook.write(report, to: t.folder + "/missing/x.xlsx") }
        let existing = t.folder + "/keep.xlsx"
        try Data("previous".utf8).write(to: URL(fileURLWithPath: existing))
        let workbook = try Workbook(path: existing, properties: DocumentProperties(title: "t", created: pinned))
        _ = try workbook.addWorksheet("一")
        #expect(throws: XLSXError.self) { try workbook.addWorksheet("一") }
        #expect(throws: XLSXError.self) { try workbook.defineName("A1", formula: "=1") }
        // Abandoned without close: the old file stays as it was and no partial file is left.
        _ = consume workbook
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.folder).filter { $0.contains("partial") }.isEmpty)
    }

    @Test func closingTwiceIsAnErrorNotACrash() throws {
        let t = try TestBook.empty()
        let workbook = try Workbook(path: t.folder + "/w.xlsx", properties: DocumentProperties(title: "t", created: pinned))
        let sheet = try workbook.addWorksheet("表")
        try sheet.write("x", row: 0, column: 0)
        try workbook.close()
        #expect(throws: XLSXError.self) { try workbook.close() }
        #expect(throws: XLSXError.self) { try workbook.addWorksheet("二") }
    }
}

@Suite struct ReviewWorkbookTests {
    @Test func reviewWorkbookIsGolden() throws {
        let t = try TestBook()
        let elected = LocalDate(parsing: "2026-01-01")!
        try t.book.committees.addCommittee(Committee(organization: "FED-01", elected: elected, termYears: 5, members: [
            CommitteeMember(name: "陈静", office: .chair, start: elected), CommitteeMember(name: "王磊", office: .member, start: elected)]))
        try t.book.subsidies.addSubsidy(SubsidyItem(code: "XB-2026-001", grantor: "CTY-01", recipient: "FED-01", title: "劳动竞赛", purpose: "奖品", accounts: ["50301"],
                                          approved: Money(fen: 5_000_00), document: "某总工〔2026〕1号", documentDate: LocalDate(parsing: "2026-03-01"),
                                          windowStart: LocalDate(parsing: "2026-03-01")!, deadline: LocalDate(parsing: "2026-09-30")!, status: .approved))
        _ = try t.book.subsidies.disburseSubsidy(code: "XB-2026-001", amount: Money(fen: 5_000_00), date: LocalDate(parsing: "2026-03-10")!, reviewer: "李强")
        try t.post("FED-01", "2026-03-14", [("50301", 1_200_00), ("102", -1_200_00)], project: "XB-2026-001")
        let chair = try t.opened(as: "陈静")
        let outcome = try chair.review.runAudit(organization: "FED-01", year: 2026)
        try t.book.access.grant(RoleGrant(user: "刘敏", role: .officer, organization: "FED-01"))
        try t.opened(as: "刘敏").review.answerFinding(id: try #require(outcome.findings.first).id, text: "周六加班")
        try chair.review.recordOpinion(organization: "FED-01", year: 2026, text: "同意。", signers: ["陈静", "王磊"], on: LocalDate(parsing: "2027-01-20")!)
        var report = try Reports.review(chair, organization: "FED-01", year: 2026)
        // The run's time and the seal depend on when the test runs.
        report.audits = report.audits.map { var audit = $0; audit.runAt = "2027-01-15T08:00:00Z"; audit.sealHash = String(repeating: "a", count: 64); return audit }
        let path = t.folder + "/review.xlsx"
        try ReviewWorkbook.write(report, to: path, created: pinned)
        Golden.assert(try member(path, "xl/workbook.xml"), "Tests/FundXLSXTests/Golden/review-FED-01-2026.workbook.xml")
        for (index, name) in ["summary", "findings", "item", "opinion"].enumerated() {
            Golden.assert(try member(path, "xl/worksheets/sheet\(index + 1).xml"), "Tests/FundXLSXTests/Golden/review-FED-01-2026.\(name).xml")
        }
        Golden.assert(try member(path, "xl/sharedStrings.xml"), "Tests/FundXLSXTests/Golden/review-FED-01-2026.sharedStrings.xml")
    }
}
