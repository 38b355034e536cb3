import Foundation
import Testing

/// `org open-balances` (建账 from a trial balance) and the asset acts, as an officer runs them.
@Suite struct OpenBalancesCommandTests {
    @Test func anOfficerOpensABookThenScrapsAnAssetThroughItsTwoSteps() throws {
        let folder = try CLI.temporaryFolder()
        let book = folder + "/book.sqlite"
        func step(_ arguments: [String], user: String = "王芳", expect status: Int32 = 0) throws -> CLI.Result {
            let result = try CLI.run(arguments + ["--book", book, "--lang", "en"], environment: ["FUNDLEDGER_USER": user])
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            return result
        }
        #expect(try CLI.run(["init", "--book", book], environment: ["FUNDLEDGER_USER": "admin"]).status == 0)
        _ = try step(["org", "add", "--code", "CTY-01", "--name", "某某县总工会", "--level", "county"], user: "admin")
        _ = try step(["org", "add", "--code", "FED-01", "--name", "某某县物流行业工会联合会", "--level", "federation", "--parent", "CTY-01", "--independent"],
                     user: "admin")
        _ = try step(["user", "grant", "王芳", "officer", "--org", "FED-01"], user: "admin")
        _ = try step(["user", "grant", "李强", "officer", "--org", "FED-01"], user: "admin")
        let csv = folder + "/余额表.csv"
        try """
            科目编码,科目名称,借方余额,贷方余额
            102,银行存款,"20,000.00",
            162,固定资产,6000.00,
            301,资产基金,,6000.00
            32205,累计结余,,"20,000.00"

            """.write(toFile: csv, atomically: true, encoding: .utf8)
        let opened = try step(["org", "open-balances", "--org", "FED-01", "--file", csv, "--first-period", "2026-03", "--reviewer", "李强"])
        #expect(opened.stdout.contains("opened the book of FED-01 from 2026-03: posted 2026-02/建-0001, 4 opening balances, debits and credits 26,000.00 each"))
        let again = try step(["org", "open-balances", "--org", "FED-01", "--file", csv, "--first-period", "2026-03", "--reviewer", "李强"], expect: 1)
        #expect(again.stderr.contains("[opening-once]"))
        let short = try step(["asset", "add", "--org", "FED-01", "--code", "ZC-1", "--name", "复印机", "--cost", "6000", "--life", "48",
                              "--acquired", "2025-03-01", "--class", "office-equipment"], expect: 1)
        #expect(short.stderr.contains("[asset-minimum-life]") || short.stderr.contains("below the standard's minimum of 6 years"))
        _ = try step(["asset", "add", "--org", "FED-01", "--code", "ZC-1", "--name", "复印机", "--cost", "6000", "--life", "72",
                      "--acquired", "2025-03-01", "--class", "办公设备"])
        let scrapped = try step(["asset", "dispose", "--org", "FED-01", "--code", "ZC-1", "--act", "scrap", "--date", "2026-03-10", "--reviewer", "李强"])
        #expect(scrapped.stdout.contains("posted 2026-03/记-0001: scrap (报废) of asset ZC-1"))
        let settled = try step(["asset", "settle", "--org", "FED-01", "--code", "ZC-1", "--date", "2026-03-20", "--reviewer", "李强"])
        #expect(settled.stdout.contains("posted 2026-03/记-0002: scrap (报废) of asset ZC-1 settled against 301"))
        let list = try step(["asset", "list", "--org", "FED-01", "--format", "csv"])
        #expect(list.stdout.contains("ZC-1,复印机,6000.00,72,2025-03-01,office-equipment,scrap 2026-03-10"))
        _ = try step(["verify"], user: "admin")
    }
}
