import Foundation
import FundCore

/// Reading import files into entries, and placing the book's refusals at the lines they concern.
enum ImportFiles {
    /// Every record of a CSV file (blank lines skipped), with the name errors should use.
    static func readCSVRecords(path: String) throws -> (file: String, records: [(line: Int, fields: [String])]) {
        var reader: LineReader
        do throws(InputError) { reader = try LineReader(path: path) } catch { throw InputErrors([error]) }
        defer { reader.closeFile() }
        var parser = CSVParser(file: reader.displayName)
        var records: [(line: Int, fields: [String])] = []
        do throws(InputError) {
            while let line = try reader.next() {
                if line.trimmingWhitespace.isEmpty { continue }
                if let record = try parser.feed(line, number: reader.lineNumber) { records.append(record) }
            }
            try parser.finish()
        } catch { throw InputErrors([error]) }
        return (reader.displayName, records)
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
        let source: String
        if entry.organization == nil {
            source = "correct --org \(code)"
        } else if file.lowercased().hasSuffix(".csv") {
            source = "correct the 单位 (org) column"
        } else {
            source = "correct the tag org:\(code)"
        }
        return InputError(file: file, line: entry.headerLine, rule: "unknown-org",
                          message: "there is no organisation \(code) in the book; \(source), or add it with `fundledger org add` (`fundledger org list` shows the codes)")
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
