import CFuzzDriver
import Foundation
import FundCore

let chart = Chart.standard(.grassroots)

/// Any bytes as a journal: the parser throws a located error or gives entries, and the voucher
/// rules judge every entry without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzJournal(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var parser = JournalParser(file: "fuzz", defaultPreparer: "fuzz")
    do {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let entry = try parser.feed(line, line: index + 1) { _ = VoucherRules.check(entry.draft, chart: chart) }
        }
        if let entry = try parser.finish() { _ = VoucherRules.check(entry.draft, chart: chart) }
    } catch {
        precondition(error.line >= 0 && !error.rule.isEmpty)
    }
    return 0
}

var arguments = CommandLine.argc
var vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(fuzz_run_driver(&arguments, &vector) { fuzzJournal($0!, $1) })
