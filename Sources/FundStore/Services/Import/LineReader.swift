import Foundation
import FundCore

/// Reads a text file line by line in fixed-size chunks, so that memory stays flat whatever the
/// file's size. Checks the encoding as it goes: UTF-8 only, a byte-order mark only at the very
/// start, one kind of line ending, no NUL bytes, and no line longer than `Limits.lineBytes`.
struct LineReader {
    let displayName: String
    /// The file read chunk by chunk; nil when the whole text was given at once (`init(data:)`).
    private let handle: FileHandle?
    private var buffer = Data()
    private var position = 0
    private var atEnd = false
    private(set) var lineNumber = 0
    private(set) var bytesRead: Int64 = 0
    let fileSize: Int64
    private var lineEnding: String?

    init(path: String, displayName: String? = nil) throws(InputError) {
        self.displayName = displayName ?? path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: self.displayName, line: 0, rule: "unreadable-file", message: "the file cannot be opened; check the path and that it is readable",
                             chinese: "文件无法打开；请检查路径和读取权限")
        }
        self.handle = handle
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        fileSize = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        if fileSize > Limits.importFileBytes {
            throw InputError(file: self.displayName, line: 0, rule: "file-too-large", message: "the file has \(fileSize) bytes, more than the limit of \(Limits.importFileBytes) per import; split it by month or organisation",
                             chinese: "文件有 \(fileSize) 个字节，超过单次导入的上限 \(Limits.importFileBytes)；请按月或按单位拆分")
        }
    }

    /// Reads text already in memory (a file converted from GBK to UTF-8), with the same checks.
    init(data: Data, displayName: String) {
        self.displayName = displayName
        self.handle = nil
        buffer = data
        atEnd = true
        fileSize = Int64(data.count)
        bytesRead = Int64(data.count)
    }

    private func error(_ rule: String, _ message: String, _ chinese: String) -> InputError {
        InputError(file: displayName, line: lineNumber, rule: rule, message: message, chinese: chinese)
    }

    /// The next line without its ending, or nil at the end of the file.
    mutating func next() throws(InputError) -> Substring? {
        while true {
            let start = position, count = buffer.count
            let newline: Int? = buffer.withUnsafeBytes { raw in
                guard start < count, let base = raw.baseAddress,
                      let found = memchr(base + start, 0x0A, count - start) else { return nil }
                return base.distance(to: UnsafeRawPointer(found))
            }
            if let newline {
                position = newline + 1
                return try decode(start..<newline, terminated: true)
            }
            if count - position > Limits.lineBytes {
                if lineNumber == 0, let problem = buffer.withUnsafeBytes({ LineReader.fileFormatProblem(UnsafeRawBufferPointer(rebasing: $0[position..<count])) }) {
                    throw InputError(file: displayName, line: 0, rule: problem.0, message: problem.1, chinese: problem.2)
                }
                lineNumber += 1
                throw error("line-too-long", "the line is longer than the limit of \(Limits.lineBytes) bytes; a journal line holds one transaction header or one posting",
                            "该行超过 \(Limits.lineBytes) 个字节的上限；日记账的一行只写一个凭证首行或一个分录行")
            }
            if atEnd {
                if position < count {
                    position = count
                    return try decode(start..<count, terminated: false)
                }
                return nil
            }
            guard let handle else { atEnd = true; continue }
            let chunk = handle.readData(ofLength: 1 << 20)
            bytesRead += Int64(chunk.count)
            if chunk.isEmpty { atEnd = true }
            buffer.removeSubrange(0..<position)
            position = 0
            buffer.append(chunk)
        }
    }

    /// A whole file in a form the reader cannot take, judged on its first line's raw bytes: UTF-16
    /// (by its byte-order mark, or by the zero byte beside every ASCII character), or lines ended
    /// by CR alone (a carriage return inside the first line). Nil for anything else.
    static func fileFormatProblem(_ bytes: UnsafeRawBufferPointer) -> (String, String, String)? {
        let fix = "save it as UTF-8 (in Excel: Save As, CSV UTF-8; in a text editor: encoding UTF-8)"
        let chineseFix = "请另存为 UTF-8（Excel：另存为“CSV UTF-8”；文本编辑器：编码选 UTF-8）"
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return ("utf-16", "the file is UTF-16 (it starts with a UTF-16 byte-order mark); " + fix,
                    "文件是 UTF-16 编码（以 UTF-16 字节顺序标记开头）；" + chineseFix)
        }
        var zerosAtEven = 0, zerosAtOdd = 0
        for (index, byte) in bytes.prefix(Limits.lineBytes).enumerated() where byte == 0 {
            if index.isMultiple(of: 2) { zerosAtEven += 1 } else { zerosAtOdd += 1 }
        }
        if zerosAtEven + zerosAtOdd >= 2, zerosAtEven == 0 || zerosAtOdd == 0 {
            return ("utf-16", "the file is UTF-16 (a zero byte stands beside every letter of its first line); " + fix,
                    "文件是 UTF-16 编码（首行每个字母旁都有一个零字节）；" + chineseFix)
        }
        var body = bytes
        if body.last == 0x0D { body = UnsafeRawBufferPointer(rebasing: body.dropLast()) }
        if body.contains(0x0D) {
            return ("cr-line-endings", "lines end with CR only (old Mac line endings), so the file reads as one line; save it with LF or CRLF line endings (in a text editor: line endings Unix or Windows)",
                    "各行只以 CR 结尾（旧式 Mac 换行），整个文件被读成一行；请用 LF 或 CRLF 换行另存（文本编辑器中换行符选 Unix 或 Windows）")
        }
        return nil
    }

    /// Checks and decodes the bytes of one line, straight from the buffer.
    private mutating func decode(_ range: Range<Int>, terminated: Bool) throws(InputError) -> Substring {
        if lineNumber == 0, let problem = buffer.withUnsafeBytes({ LineReader.fileFormatProblem(UnsafeRawBufferPointer(rebasing: $0[range])) }) {
            throw InputError(file: displayName, line: 0, rule: problem.0, message: problem.1, chinese: problem.2)
        }
        lineNumber += 1
        let first = lineNumber == 1
        // (text or nil, the ending, the problem found) worked out on the raw bytes in one pass.
        let (text, ending, problem): (String?, String, (String, String, String)?) = buffer.withUnsafeBytes { raw in
            var bytes = UnsafeRawBufferPointer(rebasing: raw[range])
            var ending = "LF"
            if bytes.last == 0x0D {
                bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast())
                ending = "CRLF"
            }
            if first, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropFirst(3)) }
            if bytes.count > Limits.lineBytes {
                return (nil, ending, ("line-too-long", "the line has \(bytes.count) bytes, more than the limit of \(Limits.lineBytes)",
                                        "该行有 \(bytes.count) 个字节，超过上限 \(Limits.lineBytes)"))
            }
            if let base = bytes.baseAddress, !bytes.isEmpty {
                if memchr(base, 0, bytes.count) != nil {
                    return (nil, ending, ("nul-byte", "the line holds a NUL byte; the file is binary or damaged, not UTF-8 text",
                                            "该行含 NUL 字节；文件是二进制文件或已损坏，不是 UTF-8 文本；请另存为 UTF-8 文本"))
                }
                // Checked on the bytes: decoding would silently drop a mark at the start of a line.
                var index = 0
                while index + 2 < bytes.count {
                    if bytes[index] == 0xEF, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
                        return (nil, ending, ("bom-inside", "a byte-order mark (U+FEFF) stands inside the file; it may only open the file. Remove it, often left by joining two files",
                                                "文件中间有字节顺序标记（U+FEFF，BOM）；它只能出现在文件开头。请删去，它常是拼接两个文件时留下的"))
                    }
                    index += 1
                }
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return (nil, ending, ("bad-utf8", "the line is not valid UTF-8; save the file as UTF-8 (for a spreadsheet export choose \"CSV UTF-8\")",
                                        "该行不是有效的 UTF-8 文本；请把文件另存为 UTF-8（电子表格导出时选“CSV UTF-8”；Excel 或 WPS 保存的 GBK 文件可加 --encoding gbk 导入）"))
            }
            return (text, ending, nil)
        }
        if terminated {
            if let lineEnding, lineEnding != ending {
                throw error("mixed-line-endings", "the line ends in \(ending) but earlier lines end in \(lineEnding); save the file with one kind of line ending",
                            "该行以 \(ending) 结尾，而前面各行以 \(lineEnding) 结尾；请统一用一种换行符另存")
            }
            lineEnding = ending
        }
        if let problem { throw error(problem.0, problem.1, problem.2) }
        guard let text else { preconditionFailure("a line with no problem is decoded text") }
        return Substring(text)
    }

    func closeFile() { try? handle?.close() }
}

