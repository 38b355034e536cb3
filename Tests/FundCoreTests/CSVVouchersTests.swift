import Testing
@testable import FundCore

@Suite struct CSVVouchersTests {
    static func read(_ text: String) -> Result<[JournalEntry], InputErrors> {
        let records = text.split(separator: "\n").enumerated().map { (line: $0.offset + 1, fields: $0.element.split(separator: ",", omittingEmptySubsequences: false).map(String.init)) }
        return CSVVoucherReader(file: "v.csv", defaultPreparer: "导入员").entries(records)
    }

    static func rules(_ text: String) -> [String] {
        if case let .failure(errors) = read(text) { return errors.errors.map(\.rule) }
        return []
    }

    @Test func twoOrganisationsSameNumberAreTwoVouchers() throws {
        let text = """
            单位,日期,凭证号,摘要,科目编码,借方,贷方
            FED-01,2026-03-05,记-0001,收到会员会费,102,500.00,
            CTY-01,2026-03-05,记-0001,收到会员会费,102,300.00,
            FED-01,2026-03-05,记-0001,收到会员会费,401,,500.00
            CTY-01,2026-03-05,记-0001,收到会员会费,401,,300.00
            """
        let entries = try CSVVouchersTests.read(text).get()
        #expect(entries.map(\.organization) == ["FED-01", "CTY-01"])
        #expect(entries.map(\.draft.number) == [1, 1])
        #expect(entries.map(\.postingLines) == [[2, 4], [3, 5]])
        #expect(entries[1].draft.lines.map(\.amount.fen) == [30_000, 30_000])
    }

    @Test func rowsWithAndWithoutAnOrganisationUnderOneNumberAreMixed() {
        let text = """
            单位,日期,凭证号,摘要,科目编码,借方,贷方
            FED-01,2026-03-05,1,收到会员会费,102,500.00,
            ,2026-03-05,1,收到会员会费,401,,500.00
            """
        #expect(CSVVouchersTests.rules(text) == ["mixed-organizations"])
    }

    @Test func negativeDebitOrCreditIsRefused() {
        let header = "日期,凭证号,摘要,科目编码,借方,贷方\n"
        #expect(CSVVouchersTests.rules(header + "2026-03-05,1,x,102,-500.00,\n2026-03-05,1,x,401,,500.00") == ["negative-amount"])
        #expect(CSVVouchersTests.rules(header + "2026-03-05,1,x,102,500.00,\n2026-03-05,1,x,401,,-500.00") == ["negative-amount"])
        guard case let .failure(errors) = CSVVouchersTests.read(header + "2026-03-05,1,x,102,-500.00,\n2026-03-05,1,x,401,,500.00") else {
            Issue.record("a negative debit was read")
            return
        }
        #expect(errors.errors[0].description == "v.csv:2 column 借方: the amount -500.00 under 借方 is negative; write 500.00 under 贷方 instead (negative amounts belong only to a red-ink voucher, with 冲销 filled) [negative-amount]")
    }

    @Test func negativeAmountsStayOnTheirSideInARedInkVoucher() throws {
        let text = """
            日期,凭证号,摘要,科目编码,借方,贷方,冲销
            2026-03-07,3,注销,50301,-120.00,,2026-03/记-0002
            2026-03-07,3,注销,102,,-120.00,2026-03/记-0002
            """
        let entries = try CSVVouchersTests.read(text).get()
        #expect(entries[0].draft.lines.map(\.side) == [.debit, .credit])
        #expect(entries[0].draft.lines.map(\.amount.fen) == [-12_000, -12_000])
    }

    @Test func bothDebitAndCreditFilledIsRefused() {
        let header = "日期,凭证号,摘要,科目编码,借方,贷方\n"
        #expect(CSVVouchersTests.rules(header + "2026-03-05,1,x,102,500.00,500.00\n2026-03-05,1,x,401,,500.00") == ["two-amounts"])
        #expect(CSVVouchersTests.rules(header + "2026-03-05,1,x,102,-500.00,500.00\n2026-03-05,1,x,401,,500.00") == ["two-amounts"])
        // A zero in the other column is an empty cell, as spreadsheet exports write it.
        #expect(CSVVouchersTests.rules(header + "2026-03-05,1,x,102,500.00,0.00\n2026-03-05,1,x,401,0,500.00") == [])
    }
}
