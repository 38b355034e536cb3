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
        try step(["user", "grant", "王芳", "officer", "--org", "FED-01"])
        try step(["user", "grant", "李强", "officer", "--org", "FED-01"])
        try step(["user", "grant", "张会计", "officer", "--org", "FED-01"])
        try step(["user", "grant", "财务主管", "officer", "--org", "FED-01"])
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026-03-05", "--summary", "收到会员会费", "--attachments", "1",
                  "--line", "102  4860.00", "--line", "401  -4860.00"])
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026-03-06", "--summary", "不平衡", "--line", "102  1.00", "--line", "401  -2.00"])
        try step(["voucher", "review", "--org", "FED-01", "#1"])
        try step(["voucher", "post", "--org", "FED-01", "#1"], as: "张会计")
        try step(["voucher", "review", "--org", "FED-01", "#1"], as: "李强")
        try step(["voucher", "post", "--org", "FED-01", "#1"], as: "张会计")
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026-03-10", "--summary", "劳动竞赛奖品", "--attachments", "3",
                  "--line", "50301  1200.00 ; project:XB-2026-001, expense:project", "--line", "102  -1200.00"])
        try step(["voucher", "review", "--org", "FED-01", "#2"], as: "李强")
        try step(["voucher", "post", "--org", "FED-01", "#2"], as: "张会计")
        try step(["voucher", "reverse", "--org", "FED-01", "2026-03/记-0002", "--date", "2026-03-20"])
        try step(["voucher", "review", "--org", "FED-01", "#3"], as: "李强")
        try step(["voucher", "post", "--org", "FED-01", "#3"], as: "张会计")
        try step(["voucher", "reverse", "--org", "FED-01", "2026-03/记-0002", "--date", "2026-03-21"])
        try step(["voucher", "list", "--org", "FED-01", "--format", "table"])
        try step(["voucher", "show", "--org", "FED-01", "2026-03/记-0003"])
        try step(["report", "trial-balance", "--org", "FED-01", "--year", "2026", "--period", "3", "--format", "table"])
        try step(["close", "--org", "FED-01", "--period", "2026-03", "--reviewer", "李强"], as: "财务主管")
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026-03-25", "--summary", "补记", "--line", "102  1.00", "--line", "401  -1.00"])
        try step(["reopen", "--org", "FED-01", "--period", "2026-03", "--reason", "补记3月会费", "--reviewer", "李强"], as: "财务主管")
        try step(["org", "show", "FED-01"])
        try step(["verify"])
        try step(["export-journal", "--org", "FED-01"])
        try step(["report", "trial-balance", "--org", "FED-09", "--year", "2026"])
        try step(["report", "trial-balance", "--org", "FED-01", "--year", "2026", "--period", "13"])
        // The chain heads' hashes cover the times of the acts: they differ in every run.
        Golden.assert(transcript.replacing(#/\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\dZ?/#, with: "<time>").replacing(#/[0-9a-f]{64}/#, with: "<hash>"),
                      "Tests/fundledgerTests/Golden/workflow.txt")
    }

    /// A review committee's year at the command line: the committee, an audit, a finding
    /// answered and resolved, refusals outside each role, the opinion and the working papers.
    @Test func aReviewCommitteesYear() throws {
        let folder = try CLI.temporaryFolder()
        let book = folder + "/book.sqlite"
        var transcript = ""
        func step(_ arguments: [String], as user: String = "管理员") throws {
            let needsBook = arguments.prefix(2) != ["review", "rules"]
            let result = try CLI.run(arguments + (needsBook ? ["--book", book] : []), environment: ["FUNDLEDGER_USER": user])
            transcript += "$ [\(user)] fundledger " + arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")
                .replacingOccurrences(of: folder, with: "$TMP") + "\n"
            transcript += (result.stdout + result.stderr).replacingOccurrences(of: folder, with: "$TMP")
            transcript += "[exit \(result.status)]\n\n"
        }
        try step(["init"])
        try step(["org", "add", "--code", "CTY-01", "--name", "某某县总工会", "--level", "county"])
        try step(["org", "add", "--code", "FED-01", "--name", "某某县物流行业工会联合会", "--level", "federation", "--parent", "CTY-01", "--independent"])
        try step(["org", "add", "--code", "FED-02", "--name", "某某县家政服务业工会联合会", "--level", "federation", "--parent", "CTY-01", "--independent"])
        try step(["user", "grant", "王芳", "officer", "--org", "FED-01"])
        try step(["user", "grant", "李强", "officer", "--org", "FED-01"])
        try step(["user", "grant", "孙丽", "officer", "--org", "FED-02"])
        // The committee is independent of the books it reviews: no officer of FED-01 sits on it,
        // no member becomes its officer, and the committee role comes only with a seat.
        try step(["committee", "add", "--org", "FED-01", "--elected", "2026-03-01", "--term", "5", "--member", "主任:陈静", "--member", "委员:李强"])
        try step(["committee", "add", "--org", "FED-01", "--elected", "2026-03-01", "--term", "5", "--member", "主任:陈静", "--member", "委员:周敏"])
        try step(["user", "grant", "周敏", "officer", "--org", "FED-01"])
        try step(["user", "grant", "赵六", "committee", "--org", "FED-01"])
        try step(["committee", "show", "--org", "FED-01", "--format", "table"])
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026-03-14", "--summary", "收到会员会费", "--attachments", "0",
                  "--line", "102  4860.00", "--line", "401  -4860.00"], as: "王芳")
        try step(["voucher", "review", "--org", "FED-01", "#1"], as: "李强")
        try step(["voucher", "post", "--org", "FED-01", "#1"], as: "王芳")
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026-03-16", "--summary", "经审会委员记账", "--line", "102  1.00", "--line", "401  -1.00"], as: "陈静")
        try step(["voucher", "list", "--org", "FED-01"], as: "孙丽")
        try step(["review", "rules", "--format", "csv"], as: "陈静")
        try step(["review", "config", "--org", "FED-01", "--set", "cash-limit=500.00", "--format", "table"], as: "陈静")
        try step(["review", "run", "--org", "FED-01", "--year", "2026", "--format", "table"], as: "陈静")
        try step(["review", "resolve", "1"], as: "陈静")
        try step(["review", "answer", "1", "--text", "附件已补"], as: "陈静")
        try step(["review", "answer", "1", "--text", "附件已补"], as: "王芳")
        try step(["review", "resolve", "1", "--text", "已核对"], as: "王芳")
        try step(["review", "resolve", "1", "--text", "已核对"], as: "陈静")
        try step(["review", "run", "--org", "FED-01", "--year", "2026", "--format", "csv"], as: "陈静")
        try step(["review", "show", "--org", "FED-01", "--year", "2026", "1", "--format", "csv"], as: "王芳")
        try step(["review", "opinion", "--org", "FED-01", "--year", "2026", "--text", "同意2026年度决算。", "--signer", "陈静", "--date", "2027-01-20"], as: "陈静")
        try step(["review", "opinion", "--org", "FED-01", "--year", "2026", "--text", "同意2026年度决算。", "--signer", "陈静", "--signer", "周敏",
                  "--date", "2027-01-20"], as: "陈静")
        try step(["review", "opinion", "--org", "FED-01", "--year", "2026"], as: "王芳")
        try step(["export", "review", "--org", "FED-01", "--year", "2026", "-o", folder + "/review.xlsx"], as: "陈静")
        try step(["user", "log", "--format", "csv"])
        Golden.assert(transcript.replacing(#/\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\dZ?/#, with: "<time>")
                          .replacing(#/seal chain head (\d+) [0-9a-f]{16}/#, with: "seal chain head <seq> <hash>")
                          .replacing(#/封签链头 第\d+号 [0-9a-f]{16}/#, with: "封签链头 <seq> <hash>"),
                      "Tests/fundledgerTests/Golden/review.txt")
    }
}
