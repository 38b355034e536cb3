import Foundation
import FundCore

/// Reading import files into entries, and placing the book's refusals at the lines they concern.
enum ImportFiles {
    /// A reader of `path` in `encoding`: a GBK file (given as such, or a CSV file found to be
    /// one) is converted to UTF-8 in memory, within the import size limit; anything else is read
    /// from the file as UTF-8, with the reader's checks.
    static func reader(path: String, encoding: TextEncoding) throws(InputError) -> LineReader {
        // A workbook is read whole by `XLSXSheet`; its reader only carries the name and size.
        if isWorkbook(path) {
            let plain = try LineReader(path: path)
            plain.closeFile()
            return LineReader(data: Data(), displayName: path)
        }
        let isCSV = path.lowercased().hasSuffix(".csv")
        guard encoding == .gbk || (encoding == .automatic && isCSV) else { return try LineReader(path: path) }
        // The limit and the file's existence are checked as for any file, before it is read.
        let plain = try LineReader(path: path)
        plain.closeFile()
        if encoding == .automatic {
            // A file that reads as UTF-8 where it first leaves ASCII streams as UTF-8, in flat
            // memory whatever its size; only one that does not is read whole to be tried as GBK.
            guard !GB18030.readsAsUTF8(path: path), plain.fileSize <= GB18030.maximumBytes,
                  let bytes = FileManager.default.contents(atPath: path), String(validating: bytes, as: UTF8.self) == nil,
                  let decoded = GB18030.utf8(bytes), GB18030.isLikelyText(bytes, decoded: decoded) else { return try LineReader(path: path) }
            return LineReader(data: decoded, displayName: path)
        }
        guard plain.fileSize <= GB18030.maximumBytes else {
            throw InputError(file: path, line: 0, rule: "file-too-large",
                             message: "the file has \(plain.fileSize) bytes, more than \(GB18030.maximumBytes) read as GBK; save it as CSV UTF-8, or split it",
                             chinese: "文件有 \(plain.fileSize) 个字节，超过按 GBK 读取的上限 \(GB18030.maximumBytes)；请另存为“CSV UTF-8”，或拆分文件")
        }
        guard let bytes = FileManager.default.contents(atPath: path), let decoded = GB18030.utf8(bytes) else {
            throw InputError(file: path, line: 0, rule: "bad-gbk",
                             message: "the file is not valid GBK text (--encoding gbk); save it again as CSV, or as CSV UTF-8 and import it without --encoding",
                             chinese: "文件不是有效的 GBK 文本（--encoding gbk）；请重新另存为 CSV，或另存为“CSV UTF-8”后不加 --encoding 导入")
        }
        return LineReader(data: decoded, displayName: path)
    }

    /// Every record of a CSV file (blank lines skipped; GBK read as such), with the name errors should use.
    static func readCSVRecords(path: String) throws -> (file: String, records: [(line: Int, fields: [String])]) {
        var reader: LineReader
        do throws(InputError) { reader = try ImportFiles.reader(path: path, encoding: .automatic) } catch { throw InputErrors([error]) }
        defer { reader.closeFile() }
        return (reader.displayName, try csvRecords(&reader))
    }

    /// Every record `reader` holds as CSV, blank lines skipped; the first problem as `InputErrors`.
    static func csvRecords(_ reader: inout LineReader) throws -> [(line: Int, fields: [String])] {
        var parser = CSVParser(file: reader.displayName)
        var records: [(line: Int, fields: [String])] = []
        do throws(InputError) {
            while let line = try reader.next() {
                if line.trimmingWhitespace.isEmpty { continue }
                if let record = try parser.feed(line, number: reader.lineNumber) { records.append(record) }
            }
            try parser.finish()
        } catch { throw InputErrors([error]) }
        return records
    }

    /// Whether `path` is an Excel workbook of voucher lines, by its ending.
    static func isWorkbook(_ path: String) -> Bool { path.lowercased().hasSuffix(".xlsx") }

    /// Reads the first sheet of a workbook of voucher lines into entries, with the columns and
    /// messages of a CSV file.
    static func readWorkbookVouchers(path: String, user: String) throws -> [JournalEntry] {
        let records: [(line: Int, fields: [String])]
        do throws(InputError) { records = try XLSXSheet.records(path: path) } catch { throw InputErrors([error]) }
        switch CSVVoucherReader(file: path, defaultPreparer: user).entries(records) {
        case let .success(entries): return entries
        case let .failure(errors): throw errors
        }
    }

    /// Reads a CSV file of voucher lines into entries (the whole file: rows of one voucher may be
    /// anywhere in it).
    static func readCSVVouchers(_ reader: inout LineReader, user: String) throws -> [JournalEntry] {
        var parser = CSVParser(file: reader.displayName)
        var records: [(line: Int, fields: [String])] = []
        while let line = try reader.next() {
            if let record = try parser.feed(line, number: reader.lineNumber) { records.append(record) }
        }
        try parser.finish()
        switch CSVVoucherReader(file: reader.displayName, defaultPreparer: user).entries(records) {
        case let .success(entries): return entries
        case let .failure(errors): throw errors
        }
    }

    /// An organisation the book does not have, told where the file (or `--org`) names it and
    /// with both fixes: correct the code, or add the organisation.
    static func unknownOrganization(_ code: String, entry: JournalEntry, file: String) -> InputError {
        let source: String, chineseSource: String
        if entry.organization == nil {
            (source, chineseSource) = ("correct --org \(code)", "请更正 --org \(code)")
        } else if file.lowercased().hasSuffix(".csv") || isWorkbook(file) {
            (source, chineseSource) = ("correct the 单位 (org) column", "请更正“单位”列")
        } else {
            (source, chineseSource) = ("correct the tag org:\(code)", "请更正标签 org:\(code)")
        }
        return InputError(file: file, line: entry.headerLine, rule: "unknown-org",
                          message: "there is no organisation \(code) in the book; \(source), or add it with `fundledger org add` (`fundledger org list` shows the codes)",
                          chinese: "账套中没有单位 \(code)；\(chineseSource)，或用 `fundledger org add` 增设（`fundledger org list` 列出各单位代码）")
    }

    /// Places a book error at the journal lines it concerns.
    static func inputErrors(_ error: BookError, entry: JournalEntry, file: String) -> [InputError] {
        if case let .voucherProblems(_, problems) = error {
            return problems.map { problem in
                let line = problem.lineIndex.map { entry.postingLines[$0] } ?? entry.headerLine
                return InputError(file: file, line: line, rule: problem.rule.rawValue, message: problem.message,
                                  chineseMessage: problem.chinese)
            }
        }
        return [InputError(file: file, line: entry.headerLine, rule: error.rule, message: error.description, chineseMessage: error.chinese)]
    }
}
