import CFuzzDriver
import Foundation
import FundCore

/// Any bytes as a CSV file of vouchers: records or a located error, then entries or errors.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var parser = CSVParser(file: "fuzz")
    var records: [(line: Int, fields: [String])] = []
    do {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let record = try parser.feed(line, number: index + 1) { records.append(record) }
        }
        try parser.finish()
    } catch {
        return 0
    }
    switch CSVVoucherReader(file: "fuzz", defaultPreparer: "fuzz").entries(records) {
    case let .success(entries): precondition(entries.allSatisfy { !$0.draft.lines.isEmpty })
    case let .failure(errors): precondition(!errors.errors.isEmpty)
    }
    return 0
}

var arguments = CommandLine.argc
var vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(fuzz_run_driver(&arguments, &vector) { fuzzCSV($0!, $1) })
