import Foundation
import FundCore

/// Bulk import of journal and CSV voucher files, all or nothing.
public struct ImportService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Imports journal files (and CSV files of voucher lines, by their .csv ending) all or nothing: every transaction becomes a posted voucher, or, at
    /// the first problems, nothing is written and every problem found is reported with its line.
    ///
    /// One checked pass: each voucher is checked in Swift by the rules every posting uses and
    /// then inserted as posted with its lines and seal; the database checks the whole batch once
    /// at the end, in the same transaction, instead of voucher by voucher. A journal file is
    /// parsed on a second thread (`JournalFeed`) while this one checks and writes; entries and
    /// problems of the text come in the file's order, as they would read in line.
    ///
    /// Every voucher names its preparer (the importing user when it names none) and its
    /// reviewer (`defaultReviewer` when it names none), two officers of its organisation
    /// (`VoucherPeople`). With `historical`, the history of an old book may name people who are
    /// not users of this one: they are recorded as historical people, sealed so, and listed by
    /// the audit.
    ///
    /// `encoding` is the files' text encoding: by default UTF-8, with a CSV file that is not
    /// UTF-8 but GBK (as Excel and WPS save it on Chinese Windows) read as GBK.
    public func importJournal(paths: [String], defaultOrganization: String?, defaultReviewer: String? = nil, historical: Bool = false,
                              encoding: TextEncoding = .automatic,
                              dryRun: Bool = false, progress: ((Int64, Int64) -> Void)? = nil) throws -> ImportSummary {
        let defaultReviewer = defaultReviewer.map(PersonName.normalized)
        var readers: [LineReader] = []
        for path in paths {
            do throws(InputError) { readers.append(try ImportFiles.reader(path: path, encoding: encoding)) } catch { throw InputErrors([error]) }
        }
        defer { readers.forEach { $0.closeFile() } }
        let totalBytes = readers.reduce(0) { $0 + $1.fileSize }
        var summary = ImportSummary()
        summary.dryRun = dryRun
        var errors: [InputError] = []
        var failedSeries: Set<String> = []
        var unknownOrganizations: Set<String> = []
        var context = PostingContext()
        context.authorize = { storage, code in try self.authorize(storage, .writeBooks, organization: code) }
        context.allowsHistoricalPeople = historical
        let maximumErrors = 50

        func handle(_ storage: any BookStorage, _ entry: JournalEntry, file: String, importID: Int64) throws {
            var draft = entry.draft
            guard let organization = entry.organization ?? defaultOrganization else {
                errors.append(InputError(file: file, line: entry.headerLine, rule: "missing-org",
                                         message: "the transaction names no organisation; add the tag org:CODE after ';' or run the import with --org CODE",
                                         chinese: "凭证没有注明单位；请在“;”之后加上标签 org:单位代码，或导入时给出 --org 单位代码"))
                return
            }
            draft.organization = organization
            if draft.reviewer == nil { draft.reviewer = defaultReviewer }
            let series = organization + "/" + draft.period.description + "/" + draft.word
            do {
                let chart = try storage.postingChart(organization, context: &context)
                if let mismatch = entry.accountNameMismatches(in: chart).first {
                    errors.append(InputError(file: file, line: entry.postingLines[mismatch.lineIndex], rule: AccountNameMismatch.rule,
                                             message: mismatch.description, chinese: mismatch.chinese))
                    failedSeries.insert(series)
                    return
                }
                try storage.importVoucher(draft, context: &context, importID: importID, bookkeeper: user, requestedNumber: draft.number)
                summary.vouchers += 1
                summary.lines += draft.lines.count
                summary.byOrganization[organization, default: 0] += 1
            } catch let error as BookError where error.isNotPermitted {
                throw error
            } catch let BookError.unknownOrganization(code) {
                // Said once per organisation, where it is first named: every later voucher of it fails alike.
                if unknownOrganizations.insert(code).inserted {
                    errors.append(ImportFiles.unknownOrganization(code, entry: entry, file: file))
                }
            } catch let error as BookError {
                // A voucher that failed earlier in the same month makes later numbers and
                // reversals of it fail too; report only the first cause.
                if failedSeries.contains(series) {
                    if case .numberNotNext = error { return }
                    if case let .voucherProblems(_, problems) = error, problems.allSatisfy({ $0.rule == .reversesNothing }) { return }
                }
                failedSeries.insert(series)
                errors.append(contentsOf: ImportFiles.inputErrors(error, entry: entry, file: file))
            }
        }

        let run: (any BookStorage) throws -> Void = { storage in
            let importID = try storage.insertImportBatch(ImportBatchRecord(file: paths.joined(separator: " "), importedAt: Store.now(),
                                                                           importedBy: user, voucherCount: 0))
            try storage.openBulkImport(batchID: importID)
            var lastReport: Int64 = 0
            var doneBytes: Int64 = 0
            for index in readers.indices {
                let file = readers[index].displayName
                let isWorkbook = ImportFiles.isWorkbook(file)
                if isWorkbook || file.lowercased().hasSuffix(".csv") {
                    do {
                        let entries = isWorkbook ? try ImportFiles.readWorkbookVouchers(path: file, user: user)
                            : try ImportFiles.readCSVVouchers(&readers[index], user: user)
                        for entry in entries {
                            try handle(storage, entry, file: file, importID: importID)
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
                // The file is parsed on a second thread while this one checks and writes.
                let feed = JournalFeed(reader: readers[index], parser: JournalParser(file: file, defaultPreparer: user))
                feed.start()
                defer { feed.stop() }
                batches: while let batch = feed.next() {
                    for entry in batch.entries {
                        try handle(storage, entry, file: file, importID: importID)
                        if errors.count >= maximumErrors { break batches }
                    }
                    if let failure = batch.failure { errors.append(failure) }
                    let done = doneBytes + batch.bytesRead
                    if let progress, done - lastReport >= 1 << 20 {
                        lastReport = done
                        progress(done, totalBytes)
                    }
                }
                doneBytes += readers[index].fileSize
                if errors.count >= maximumErrors { break }
            }
            progress?(totalBytes, totalBytes)
            if errors.isEmpty && summary.vouchers == 0 {
                errors.append(InputError(file: paths.joined(separator: ", "), line: 0, rule: "no-transactions",
                                         message: "the file holds no transactions; a journal holds vouchers as a dated line followed by indented postings",
                                         chinese: "文件中没有凭证；日记账中每张凭证先写一行带日期的凭证首行，其下是缩进的分录行"))
            }
            if !errors.isEmpty { throw InputErrors(errors) }
            try storage.flushBalances(&context)
            try storage.closeBulkImport(batchID: importID)
            try storage.setImportVoucherCount(batchID: importID, count: summary.vouchers)
        }
        try session.writingInBulk(rollback: dryRun, run)
        return summary
    }
}

extension Session {
    /// This session's ImportService.
    public var imports: ImportService { ImportService(session: self) }
}
