import CFuzzDriver
import Foundation
import FundCore

/// Any bytes as a seal payload: decoding throws, or gives groups whose encoding is exactly the
/// bytes (one spelling per payload) and which decode again to themselves.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzSeal(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let decoded = try? SealEncoding.decode(bytes) {
        let encoded = SealEncoding.encode(kind: decoded.kind, decoded.groups)
        precondition(encoded == bytes, "a payload decodes from bytes that are not its encoding")
        let again = try? SealEncoding.decode(encoded)
        precondition(again?.kind == decoded.kind && again?.groups == decoded.groups, "a payload does not round-trip")
        if decoded.kind == .event, let event = SealedEvent(payload: bytes) {
            precondition(event.payload == bytes, "an event does not round-trip through its payload")
        }
    }
    return 0
}

var arguments = CommandLine.argc
var vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(fuzz_run_driver(&arguments, &vector) { fuzzSeal($0!, $1) })
