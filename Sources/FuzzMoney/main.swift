import CFuzzDriver
import Foundation
import FundCore

/// Any bytes as an amount: parsing throws or gives fen whose text parses back to the same fen.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzMoney(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let money = try? Money(parsing: text) {
        precondition((try? Money(parsing: money.description)) == money, "\(money) does not round-trip")
        _ = money.grouped
    }
    return 0
}

var arguments = CommandLine.argc
var vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(fuzz_run_driver(&arguments, &vector) { fuzzMoney($0!, $1) })
