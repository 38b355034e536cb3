import ArgumentParser
import FundStore

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the whole book: file integrity, every voucher's balance and numbering, red-ink vouchers, and the balances recomputed from the lines.")
    @OptionGroup var options: BookOptions

    func run() throws {
        try reporting {
            let report = try options.openReading().verification.verify()
            let scope = "\(report.organizations) organisations, \(report.vouchers) posted vouchers, \(report.lines) lines"
            let warnings = report.warnings.map { "  warning: \($0)\n" }.joined()
            emit("verified \(scope): \(report.summary)\n" + report.problems.map { "  - \($0)\n" }.joined() + warnings)
            if report.problems.isEmpty { return }
            throw ExitCode(1)
        }
    }
}
