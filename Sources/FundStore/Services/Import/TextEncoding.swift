import Foundation
import FundCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encoding of an import file. Excel and WPS on Chinese Windows save CSV in GBK (code
/// page 936) unless told "CSV UTF-8"; such a file is read as it is rather than refused.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8; a CSV file that is not valid UTF-8 but is valid GB18030 (GBK's superset) and
    /// holds Chinese text is read as GBK.
    case automatic = "auto"
    /// UTF-8 only.
    case utf8 = "utf-8"
    /// GBK, read as GB18030, of which GBK and GB2312 are subsets.
    case gbk

    /// Reads the names people use: `auto`, `utf-8`/`utf8`, `gbk`/`gb18030`/`gb2312`/`cp936`.
    public init?(name: String) {
        switch name.lowercased() {
        case "auto", "automatic": self = .automatic
        case "utf-8", "utf8": self = .utf8
        case "gbk", "gb18030", "gb2312", "cp936": self = .gbk
        default: return nil
        }
    }
}

/// GB18030 to UTF-8 through the C library's iconv: the conversion is exact or refused (nil), never
/// lossy, so a file is either read as written or not at all.
enum GB18030 {
    /// `bytes` as UTF-8, or nil when they are not valid GB18030.
    static func utf8(_ bytes: Data) -> Data? {
        if bytes.isEmpty { return Data() }
        guard let converter = iconv_open("UTF-8", "GB18030"), Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var input = [UInt8](bytes)
        // A GB18030 character of n bytes is at most 2n - 1 bytes of UTF-8 (2 -> 3, 4 -> 4).
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var produced = 0
        let complete: Bool = input.withUnsafeMutableBytes { inputBytes in
            output.withUnsafeMutableBytes { outputBytes in
                var inputPointer: UnsafeMutablePointer<CChar>? = inputBytes.baseAddress!.assumingMemoryBound(to: CChar.self)
                var inputLeft = inputBytes.count
                var outputPointer: UnsafeMutablePointer<CChar>? = outputBytes.baseAddress!.assumingMemoryBound(to: CChar.self)
                var outputLeft = outputBytes.count
                let result = iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                produced = outputBytes.count - outputLeft
                return result != -1 && inputLeft == 0
            }
        }
        return complete ? Data(output.prefix(produced)) : nil
    }

    /// Whether `bytes`, not being UTF-8, are a GBK text: valid GB18030, no NUL byte (UTF-16 and
    /// binary files have them), and at least one Chinese character once decoded.
    static func isLikelyText(_ bytes: Data, decoded: Data) -> Bool {
        guard !bytes.contains(0), let text = String(data: decoded, encoding: .utf8) else { return false }
        return text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }
}
