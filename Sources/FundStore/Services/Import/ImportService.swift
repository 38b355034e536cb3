import Foundation
import FundCore
import GRDB

/// Bulk import of journal and CSV voucher files, all or nothing.
public struct ImportService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Imports journal files (and CSV files of voucher lines, by their .csv ending) all or nothing: every transaction becomes a posted voucher, or, at
    /// the first problems, nothing is written and every problem found is reported with its line.
    public func importJournal(paths: [String], defaultOrganization: String?,
                              dryRun: Bool = false, progress: ((Int64, Int64) -> Void)? = nil) throws -> ImportSummary {
        var readers: [LineReader] = []
        for path in paths {
            do throws(InputError) { readers.append(try LineReader(path: path)) } catch { throw InputErrors([error]) }
        }
        defer { readers.forEach { $0.closeFile() } }
        let totalBytes = readers.reduce(0) { $0 + $1.fileSize }
        var summary = ImportSummary()
        summary.dryRun = dryRun
        var errors: [InputError] = []
        var failedSeries: Set<String> = []
        var context = PostingContext()
        context.authorize = { db, code in try self.authorize(db, .writeBooks, organization: code) }
        let maximumErrors = 50

        func handle(_ db: Database, _ entry: JournalEntry, file: String, importID: Int64) throws {
            var draft = entry.draft
            guard let organization = entry.organization ?? defaultOrganization else {
                errors.append(InputError(file: file, line: entry.headerLine, rule: "missing-org",
                                         message: "the transaction names no organisation; add the tag org:CODE after ';' or run the import with --org CODE"))
                return
            }
            draft.organization = organization
            let series = organization + "/" + draft.period.description + "/" + draft.word
            do {
                let chart = try context.organization(db, organization).chart
                for (index, name) in entry.accountNames.enumerated() {
                    guard let name else { continue }
                    let code = draft.lines[index].accountCode
                    if let expected = chart.fullName(code), expected != name {
                        errors.append(InputError(file: file, line: entry.postingLines[index], rule: "account-name-mismatch",
                                                 message: "account \(code) is named \"\(expected)\" in the chart, not \"\(name)\"; correct the name or write the code alone"))
                        failedSeries.insert(series)
                        return
                    }
                }
                _ = try SQLiteBook.insertDraft(db, draft, context: &context, importID: importID)
                try SQLiteBook.postInserted(db, bookkeeper: user, requestedNumber: draft.number, context: &context)
                summary.vouchers += 1
                summary.lines += draft.lines.count
                summary.byOrganization[organization, default: 0] += 1
            } catch let error as BookError where error.isNotPermitted {
                throw error
            } catch let error as BookError {
                // A voucher that failed earlier in the same month makes later numbers and
                // reversals of it fail too; report only the first cause.
                if failedSeries.contains(series) {
                    if case .numberNotNext = error { return }
                    if case let .voucherProblems(_, problems) = error, problems.allSatisfy({ $0.rule == .reversesNothing }) { return }
                }
                failedSeries.insert(series)
                errors.append(contentsOf: SQLiteBook.inputErrors(error, entry: entry, file: file))
            }
        }

        let run: (Database) throws -> Void = { db in
            try db.execute(sql: "INSERT INTO import_batch (file, imported_at, imported_by, voucher_count) VALUES (?, ?, ?, 0)",
                           arguments: [paths.joined(separator: " "), Store.now(), user])
            let importID = db.lastInsertedRowID
            var lastReport: Int64 = 0
            var doneBytes: Int64 = 0
            for index in readers.indices {
                let file = readers[index].displayName
                if file.lowercased().hasSuffix(".csv") {
                    do {
                        for entry in try SQLiteBook.readCSVVouchers(&readers[index], user: user) {
                            try handle(db, entry, file: file, importID: importID)
                            if errors.count >= maximumErrors { break }
                        }
                    } catch let error as InputErrors {
                        errors.append(contentsOf: error.errors)
                    } catch let error as InputError {
                        errors.append(error)
                    }
                    doneBytes += readers[index].fileSize
                    continue
                }
                var parser = JournalParser(file: file, defaultPreparer: user)
                do {
                    while let line = try readers[index].next() {
                        if let entry = try parser.feed(line, line: readers[index].lineNumber) {
                            try handle(db, entry, file: file, importID: importID)
                        }
                        if errors.count >= maximumErrors { break }
                        let done = doneBytes + readers[index].bytesRead
                        if let progress, done - lastReport >= 1 << 20 {
                            lastReport = done
                            progress(done, totalBytes)
                        }
                    }
                    if errors.count < maximumErrors, let entry = try parser.finish() {
                        try handle(db, entry, file: file, importID: importID)
                    }
                } catch let error as InputError {
                    errors.append(error)
                }
                doneBytes += readers[index].fileSize
                if errors.count >= maximumErrors { break }
            }
            progress?(totalBytes, totalBytes)
            if errors.isEmpty && summary.vouchers == 0 {
                errors.append(InputError(file: paths.joined(separator: ", "), line: 0, rule: "no-transactions",
                                         message: "the file holds no transactions; a journal holds vouchers as a dated line followed by indented postings"))
            }
            if !errors.isEmpty { throw InputErrors(errors) }
            try context.flush(db)
            try db.execute(sql: "UPDATE import_batch SET voucher_count = ? WHERE id = ?", arguments: [summary.vouchers, importID])
        }
        do {
            try session.store.database.writeWithoutTransaction { db in
                // A large import touches the indexes all over; a bigger page cache for its length
                // keeps them in memory (the default is 2 MiB). Memory stays bounded by this figure.
                let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA cache_size = -\(SQLiteBook.importCacheKiB)")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(cache)") }
                try db.inTransaction(.immediate) {
                    try run(db)
                    return dryRun ? .rollback : .commit
                }
            }
        } catch let error as DatabaseError {
            throw Store.map(error, path: session.path)
        } catch let error as BookError {
            session.logRefusal(error)
            throw error
        }
        return summary
    }
}

extension Session {
    /// This session's ImportService.
    public var imports: ImportService { ImportService(session: self) }
}
