import CFuzzDriver
import Foundation
import FundCore

/// Any bytes as an amount, strict and as people type it: parsing throws or gives fen whose text
/// (plain, grouped, with ¥) parses back to the same fen; what the strict parser takes, the typed
/// one takes alike.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzMoney(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let money = try? Money(parsing: text) {
        precondition((try? Money(parsing: money.description)) == money, "\(money) does not round-trip")
        precondition((try? Money(input: text)) == money, "\(text) reads differently when typed")
        _ = money.grouped
    }
    if let money = try? Money(input: text) {
        precondition((try? Money(parsing: money.description)) == money, "\(money) does not round-trip")
        precondition((try? Money(input: money.grouped)) == money, "\(money.grouped) does not read back")
    }
    return 0
}

var arguments = CommandLine.argc
var vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(fuzz_run_driver(&arguments, &vector) { fuzzMoney($0!, $1) })
