import ArgumentParser
import FundCore
import FundStore

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Check the whole book: file integrity, every voucher's balance and numbering, red-ink vouchers, and the balances recomputed from the lines.", "校验整个账套：文件完整性、每张凭证的平衡与编号、红字冲销凭证，以及由凭证行重算的余额。"))
    @OptionGroup var options: BookOptions

    func run() throws {
        try reporting {
            let report = try options.openReading().verification.verify()
            let warnings = report.warnings.map { "  " + CLIText.warningPrefix.text(language) + $0.text(language) + "\n" }.joined()
            say(.verified(organizations: report.organizations, vouchers: report.vouchers, lines: report.lines, problems: report.problems.count,
                          warnings: report.warnings.count))
            if report.problems.isEmpty {
                emit(warnings)
                return
            }
            emit(report.problems.map { "  - " + $0.text(language) + "\n" }.joined() + warnings)
            throw ExitCode(1)
        }
    }
}
