import Crypto

/// The hash of a seal: SHA-256 of the previous link's hash, a newline, and the voucher's
/// canonical payload (`SealPayload`), as 64 lowercase hex digits. Kept in the store, which owns
/// the cryptography, so that FundCore (which decides the payload) stays Foundation only.
enum SealHash {
    static func sha256(_ previous: String, _ payload: String) -> String {
        var hasher = SHA256()
        var previous = previous, payload = payload
        previous.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        withUnsafeBytes(of: UInt8(0x0A)) { hasher.update(bufferPointer: $0) }
        payload.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        let digest = hasher.finalize()
        return String(unsafeUninitializedCapacity: 64) { output in
            let digits: StaticString = "0123456789abcdef"
            var index = 0
            digest.withUnsafeBytes { bytes in
                for byte in bytes {
                    output[index] = digits.utf8Start[Int(byte >> 4)]
                    output[index + 1] = digits.utf8Start[Int(byte & 0x0F)]
                    index += 2
                }
            }
            return 64
        }
    }
}
