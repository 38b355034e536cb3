import Crypto

/// The hash of a seal: SHA-256 of the previous link's hash, a newline, and the canonical
/// payload (`SealPayload`, `SealEncoding`), as 64 lowercase hex digits. Kept in the store, which
/// owns the cryptography, so that FundCore (which decides the payload) stays Foundation only.
enum SealHash {
    /// The hash of a version 1 payload text (its UTF-8 bytes).
    static func sha256(_ previous: String, _ payload: String) -> String {
        sha256(previous, Array(payload.utf8))
    }

    /// The hash of a payload's bytes.
    static func sha256(_ previous: String, _ payload: [UInt8]) -> String {
        var hasher = SHA256()
        var previous = previous
        previous.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        withUnsafeBytes(of: UInt8(0x0A)) { hasher.update(bufferPointer: $0) }
        hasher.update(data: payload)
        return hex(hasher.finalize())
    }

    /// Whether `hash` (stored text) is the hash of `payload` after `previous`, without building
    /// either as a string.
    static func matches(previous: UnsafeBufferPointer<UInt8>, payload: ArraySlice<UInt8>, hash: UnsafeBufferPointer<UInt8>) -> Bool {
        guard hash.count == 64 else { return false }
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(previous))
        withUnsafeBytes(of: UInt8(0x0A)) { hasher.update(bufferPointer: $0) }
        payload.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        let digits: StaticString = "0123456789abcdef"
        var index = 0
        for byte in hasher.finalize() {
            guard hash[index] == digits.utf8Start[Int(byte >> 4)], hash[index + 1] == digits.utf8Start[Int(byte & 0x0F)] else { return false }
            index += 2
        }
        return true
    }

    /// A 32-byte digest or authentication code as 64 lowercase hex digits.
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        String(unsafeUninitializedCapacity: 64) { output in
            let digits: StaticString = "0123456789abcdef"
            var index = 0
            for byte in digest.prefix(32) {
                output[index] = digits.utf8Start[Int(byte >> 4)]
                output[index + 1] = digits.utf8Start[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }
}
