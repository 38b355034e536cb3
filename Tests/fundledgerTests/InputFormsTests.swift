import Foundation
import FundTesting
import Testing

/// Input as people have it and one way to say each thing, at the command line, as a golden
/// transcript: typed amounts and dates, lines split on any whitespace, account names checked,
/// vouchers named by 凭证字号 (never a bare number), several reviewed and posted at once, ids
/// never reused, `--period YYYY-MM` for reports, `--org` for `org show`, verify's count.
@Suite struct InputFormsTests {
    @Test func anOfficerTypesAsSheWrites() throws {
        let folder = try CLI.temporaryFolder()
        let book = folder + "/book.sqlite"
        var transcript = ""
        func step(_ arguments: [String], as user: String = "王芳") throws {
            let result = try CLI.run(arguments + ["--book", book], environment: ["FUNDLEDGER_USER": user])
            transcript += "$ [\(user)] fundledger " + arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")
                .replacingOccurrences(of: folder, with: "$TMP") + "\n"
            transcript += (result.stdout + result.stderr).replacingOccurrences(of: folder, with: "$TMP")
            transcript += "[exit \(result.status)]\n\n"
        }
        try step(["init"])
        try step(["org", "add", "--org", "CTY-01", "--name", "某某县总工会", "--level", "county"])
        try step(["org", "add", "--code", "FED-01", "--name", "某某县物流行业工会联合会", "--level", "federation", "--parent", "CTY-01", "--independent"])
        try step(["user", "grant", "王芳", "officer", "--org", "FED-01"])
        try step(["user", "grant", "李强", "officer", "--org", "FED-01"])
        // One space between account and amount, grouped and ¥ amounts, full-width digits, dates as typed.
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026/5/6", "--summary", "收到会员会费",
                  "--line", "102 85,000.00", "--line", "401 会费收入 -¥85,000"])
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026年5月7日", "--summary", "购买办公用品",
                  "--line", "50504 ３００．００", "--line", "102 银行存款 -300"])
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026-5-8", "--summary", "写错科目名称",
                  "--line", "102 1.00", "--line", "401 银行存款 -1"])
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026-05-08", "--summary", "含糊的金额",
                  "--line", "102 1,00", "--line", "401 -1.00"])
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026-05-09", "--summary", "删除的草稿",
                  "--line", "102 5", "--line", "401 -5"])
        try step(["voucher", "delete", "--org", "FED-01", "#3"])
        try step(["voucher", "add", "--org", "FED-01", "--date", "2026-05-10", "--summary", "新的草稿",
                  "--line", "102 7", "--line", "401 -7"], as: "李强")
        // A bare number is refused; several are reviewed in one go, all or none.
        try step(["voucher", "review", "--org", "FED-01", "1"], as: "李强")
        try step(["voucher", "review", "--org", "FED-01", "#1", "#2", "#4"], as: "李强")
        try step(["voucher", "review", "--org", "FED-01", "#1", "#3", "记-0001", "#2"], as: "李强")
        try step(["voucher", "review", "--org", "FED-01", "#1", "#2"], as: "李强")
        try step(["voucher", "post", "--org", "FED-01", "--all-drafts"])
        try step(["voucher", "post", "--org", "FED-01", "#1", "#2"])
        try step(["voucher", "show", "--org", "FED-01", "--period", "2026-05", "记-0002"])
        try step(["voucher", "show", "--org", "FED-01", "记-0002"])
        try step(["voucher", "reverse", "--org", "FED-01", "2", "--date", "2026-05-20"])
        try step(["voucher", "reverse", "--org", "FED-01", "--period", "2026-05", "记-0002", "--date", "2026-05-20"])
        try step(["voucher", "review", "--org", "FED-01", "--all-drafts"], as: "李强")
        try step(["voucher", "list", "--org", "FED-01", "--format", "table"])
        try step(["report", "trial-balance", "--org", "FED-01", "--period", "2026-05", "--format", "table"])
        try step(["report", "trial-balance", "--org", "FED-01", "--period", "2026-13"])
        try step(["report", "trial-balance", "--org", "FED-01", "--year", "2025", "--period", "2026-05"])
        try step(["org", "show", "--org", "FED-01"])
        try step(["verify"])
        Golden.assert(transcript.replacing(#/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/#, with: "<time>").replacing(#/[0-9a-f]{64}/#, with: "<hash>"),
                      "Tests/fundledgerTests/Golden/input-forms.txt")
    }
}
