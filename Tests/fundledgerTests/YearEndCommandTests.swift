import Foundation
import Testing

/// The month's 期末结转, the year-end acts and the forms' signers at the command line.
@Suite struct YearEndCommandTests {
    @Test func aYearClosedMonthByMonthWithAProjectReleasedAndTheFormsSigned() throws {
        let folder = try CLI.temporaryFolder()
        let book = folder + "/book.sqlite"
        @discardableResult
        func run(_ arguments: [String], as user: String = "王芳", ok: Bool = true) throws -> CLI.Result {
            let result = try CLI.run(arguments + ["--book", book], environment: ["FUNDLEDGER_USER": user])
            #expect((result.status == 0) == ok, "\(arguments): \(result.stderr)")
            return result
        }
        try run(["init"], as: "测试员")
        try run(["org", "add", "--code", "CTY-01", "--name", "某某县总工会", "--level", "county"], as: "测试员")
        try run(["org", "add", "--code", "FED-01", "--name", "某某县物流行业工会联合会", "--level", "federation", "--parent", "CTY-01", "--independent"], as: "测试员")
        for user in ["王芳", "李强"] { try run(["user", "grant", user, "officer", "--org", "FED-01"], as: "测试员") }
        var number = 0
        func voucher(_ date: String, _ lines: [String]) throws {
            try run(["voucher", "add", "--org", "FED-01", "--date", date, "--summary", "测试凭证"] + lines.flatMap { ["--line", $0] })
            number += 1
            try run(["voucher", "review", "--org", "FED-01", "#\(number)"], as: "李强")
            try run(["voucher", "post", "--org", "FED-01", "#\(number)"])
        }
        try voucher("2026-03-05", ["102  5000.00", "40302  -5000.00 ; project:XB-1"])
        try voucher("2026-05-08", ["50301  2000.00 ; project:XB-1, expense:project", "102  -2000.00"])
        let march = try run(["close", "--org", "FED-01", "--period", "2026-03", "--reviewer", "李强"])
        #expect(march.stdout == "已结账：FED-01 2026-03（期末结转 2026-03/记-0002）\n")
        try run(["year-end", "transfer-in", "--org", "FED-01", "--year", "2026", "--project", "XB-1", "--document", "某工联发〔2026〕12号", "--reviewer", "李强"], ok: false)
        try run(["close-year", "--org", "FED-01", "--year", "2026", "--reviewer", "李强"])
        let released = try run(["year-end", "transfer-in", "--org", "FED-01", "--year", "2026", "--project", "XB-1", "--amount", "1000",
                                "--document", "某工联发〔2026〕12号", "--reviewer", "李强"])
        #expect(released.stdout.hasPrefix("FED-01 2026 年：结转转入已记账 2026-12/记-"), "\(released.stdout)")
        let refused = try run(["year-end", "adjust", "--org", "FED-01", "--year", "2026", "--project", "XB-2", "--amount", "1000.01",
                               "--document", "某工联发〔2026〕13号", "--reviewer", "李强"], ok: false)
        #expect(refused.stderr.contains("[above-free-surplus]"))
        // close-year carried May in May: closing it now finds nothing left to carry.
        #expect(try run(["close", "--org", "FED-01", "--period", "2026-05"]).stdout == "已结账：FED-01 2026-05\n")
        try run(["close", "--org", "FED-01", "--period", "2026-12", "--reviewer", "李强"])

        let signers = try run(["signers", "--org", "FED-01", "--legal-representative", "陈静", "--accounting-head", "王芳"])
        #expect(signers.stdout == "法定代表人：陈静\n主管会计工作的负责人：\n会计机构负责人：王芳\n")
        let sheet = try run(["report", "balance-sheet", "--org", "FED-01", "--year", "2026", "--format", "table"]).stdout
        #expect(sheet.contains("2026年12月31日") && !sheet.contains("行次"))
        #expect(sheet.hasSuffix("法定代表人：陈静    主管会计工作的负责人：    会计机构负责人：王芳    制表：\n"))
        // 32104 XB-1 keeps 2,000.00; 1,000.00 released into 32205.
        let json = try run(["report", "balance-sheet", "--org", "FED-01", "--year", "2026", "--format", "json"]).stdout
        let form = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let rows = form?["rows"] as? [[String: Any]] ?? []
        func closing(_ item: String) -> String? { (rows.first { $0["item"] as? String == item }?["values"] as? [Any])?.last as? String }
        #expect(closing("工会资金结转") == "2000.00" && closing("工会资金结余") == "1000.00")
        try run(["verify"], as: "测试员")
    }
}
