import Foundation
import FundTesting
import Testing

/// A whole session at the command line, from an empty book to a closed and reopened month, as a
/// golden transcript: every command, its exit status, and what it printed.
@Suite struct WorkflowTests {
    @Test func aFinanceOfficersMonth() throws {
        let folder = try CLI.temporaryFolder()
        let book = folder + "/book.sqlite"
        var transcript = ""
        func step(_ arguments: [String], as user: String = "王芳") throws {
            let result = try CLI.run(arguments + ["--book", book], environment: ["FUNDLEDGER_USER": user])
            transcript += "$ [\(user)] fundledger " + arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ") + "\n"
            transcript += (result.stdout + result.stderr).replacingOccurrences(of: folder, with: "$TMP")
            transcript += "[exit \(result.status)]\n\n"
        }
        try step(["init"])
        try step(["org", "add", "--code", "CTY-01", "--name", "某某县总工会", "--level", "county"])
        try step(["org", "add", "--code", "FED-01", "--name", "某某县物流行业工会联合会", "--level", "federation", "--parent", "CTY-01", "--independent"])
        try step(["org", "add", "--code", "FED-01", "--name", "重复", "--level", "federation"])
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026-03-05", "--summary", "收到会员会费", "--attachments", "1",
                  "--line", "102  4860.00", "--line", "401  -4860.00"])
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026-03-06", "--summary", "不平衡", "--line", "102  1.00", "--line", "401  -2.00"])
        try step(["voucher", "review", "--org", "FED-01", "1"])
        try step(["voucher", "post", "--org", "FED-01", "1"], as: "张会计")
        try step(["voucher", "review", "--org", "FED-01", "1"], as: "李强")
        try step(["voucher", "post", "--org", "FED-01", "1"], as: "张会计")
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026-03-10", "--summary", "劳动竞赛奖品", "--attachments", "3",
                  "--line", "50301  1200.00 ; project:XB-2026-001, expense:project", "--line", "102  -1200.00"])
        try step(["voucher", "review", "--org", "FED-01", "2"], as: "李强")
        try step(["voucher", "post", "--org", "FED-01", "2"], as: "张会计")
        try step(["voucher", "reverse", "--org", "FED-01", "2026-03/记-0002", "--date", "2026-03-20"])
        try step(["voucher", "review", "--org", "FED-01", "3"], as: "李强")
        try step(["voucher", "post", "--org", "FED-01", "3"], as: "张会计")
        try step(["voucher", "reverse", "--org", "FED-01", "2026-03/记-0002", "--date", "2026-03-21"])
        try step(["voucher", "list", "--org", "FED-01", "--format", "table"])
        try step(["voucher", "show", "--org", "FED-01", "2026-03/记-0003"])
        try step(["report", "trial-balance", "--org", "FED-01", "--year", "2026", "--period", "3", "--format", "table"])
        try step(["close", "--org", "FED-01", "--period", "2026-03"], as: "财务主管")
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026-03-25", "--summary", "补记", "--line", "102  1.00", "--line", "401  -1.00"])
        try step(["reopen", "--org", "FED-01", "--period", "2026-03", "--reason", "补记3月会费"], as: "财务主管")
        try step(["org", "show", "FED-01"])
        try step(["verify"])
        try step(["export-journal", "--org", "FED-01"])
        try step(["report", "trial-balance", "--org", "FED-09", "--year", "2026"])
        try step(["report", "trial-balance", "--org", "FED-01", "--year", "2026", "--period", "13"])
        Golden.assert(transcript.replacing(#/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/#, with: "<time>"),
                      "Tests/fundledgerTests/Golden/workflow.txt")
    }
}
