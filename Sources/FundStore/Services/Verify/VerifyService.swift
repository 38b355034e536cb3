import FundCore
import GRDB

/// Checking the whole book: integrity, balances against their lines, numbering, red ink, leaf
/// accounts, the seal chains, and the registry's warnings.
public struct VerifyService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Checks the whole book from first principles: the file's integrity and foreign keys, every
    /// posted voucher's balance and line count, gapless numbering, red-ink vouchers against
    /// their originals, and the turnover aggregates recomputed from the lines.
    public func verify() throws -> VerifyReport {
        try read { db in
            try authorizeWholeBook(db)
            var report = VerifyReport()
            report.organizations = try Int.fetchOne(db, sql: "SELECT count(*) FROM organization")!
            report.vouchers = try Int.fetchOne(db, sql: "SELECT count(*) FROM voucher WHERE status = 'posted'")!
            report.lines = try Int.fetchOne(db, sql: "SELECT count(*) FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id WHERE v.status = 'posted'")!
            for check in SQLiteBook.verifyChecks { report.problems += try check(db) }
            report.warnings = try SQLiteBook.registryWarnings(db) + SQLiteBook.untaggedSubsidySpending(db)
            return report
        }
    }
}

extension Session {
    /// This session's VerifyService.
    public var verification: VerifyService { VerifyService(session: self) }
}
