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
    /// The largest file converted from GBK in memory; a spreadsheet's CSV is far smaller, and a
    /// larger file is streamed as UTF-8 (or refused, when given as GBK).
    static let maximumBytes: Int64 = 256 << 20

    /// Whether the file reads as UTF-8, judged where its text first leaves ASCII: the bytes from
    /// there (a character cut at the end of them aside) are UTF-8, or it never leaves ASCII, or
    /// it opens with the UTF-8 byte-order mark. Read in chunks, and it stops there, so a large
    /// UTF-8 file costs one chunk.
    static func readsAsUTF8(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? handle.close() }
        var pending = Data()
        var first = true
        while true {
            let chunk = handle.readData(ofLength: 1 << 16)
            if first, chunk.starts(with: [0xEF, 0xBB, 0xBF]) { return true }
            first = false
            pending.append(chunk)
            if let start = pending.firstIndex(where: { $0 >= 0x80 }) {
                let window = pending[start...].prefix(64)
                if window.count < 64, !chunk.isEmpty { pending = Data(pending[start...]); continue }
                for cut in 0...min(3, window.count) where String(validating: window.dropLast(cut), as: UTF8.self) != nil { return true }
                return false
            }
            if chunk.isEmpty { return true }
            pending.removeAll(keepingCapacity: true)
        }
    }

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
