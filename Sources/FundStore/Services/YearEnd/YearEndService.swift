import FundCore
import GRDB

/// The year's end (年终结转): carrying income and expenditure forward into the funds, reopening a
/// carried year by red ink, and the fund balances a year leaves.
public struct YearEndService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Carries the year forward (年终结转): posts, as closing vouchers dated 31 December, the
    /// entries that empty every income and expenditure account into 321/322 (331 at county
    /// level), then clear the year's details into 32104/32205 (33104/33205). Running it again
    /// finds nothing left to carry and posts nothing.
    public func closeYear(organization: String, year: Int) throws -> YearEndSummary {
        try write { db in
            try authorize(db, .writeBooks, organization: organization)
            let (organizationID, chart) = try SQLiteBook.yearEndChecks(db, organization: organization, year: year)
            let before = try SQLiteBook.fundBalances(db, organizationID: organizationID, through: year)
            if let stale = before.first(where: { CarryForward.closesAtPeriodEnd($0.accountCode) && $0.netFen != 0 }),
               try SQLiteBook.hasActivity(db, organizationID: organizationID, before: year, account: stale.accountCode) {
                throw BookError.priorYearOpen(organization: organization, year: year - 1)
            }
            var summary = YearEndSummary()
            var context = PostingContext()
            for draft in CarryForward.periodEnd(organization: organization, year: year, chart: chart, balances: before, preparer: user) {
                summary.vouchers.append(try SQLiteBook.postGenerated(db, draft, context: &context, bookkeeper: user))
            }
            let after = try SQLiteBook.fundBalances(db, organizationID: organizationID, through: year)
            for draft in CarryForward.yearEnd(organization: organization, year: year, chart: chart, balances: after, preparer: user) {
                summary.vouchers.append(try SQLiteBook.postGenerated(db, draft, context: &context, bookkeeper: user))
            }
            if !summary.vouchers.isEmpty {
                try db.execute(sql: "INSERT INTO period_log (organization_id, period, action, at, by) VALUES (?, ?, 'close-year', ?, ?)",
                               arguments: [organizationID, year * 100 + 12, Store.now(), user])
            }
            return summary
        }
    }

    /// Undoes `close-year` (反年结): every closing voucher of the year that still stands is
    /// cancelled by a posted red-ink voucher, latest first. The reason is logged.
    public func reopenYear(organization: String, year: Int, reason: String) throws -> YearEndSummary {
        guard !reason.trimmingWhitespace.isEmpty else { throw BookError.missingReason }
        return try write { db in
            try authorize(db, .writeBooks, organization: organization)
            let (organizationID, _) = try SQLiteBook.yearEndChecks(db, organization: organization, year: year)
            let ids = try Int64.fetchAll(db, sql: """
                SELECT v.id FROM voucher v WHERE v.organization_id = ? AND v.period = ? AND v.kind = 'closing' AND v.status = 'posted'
                  AND v.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM voucher r WHERE r.reverses_id = v.id)
                ORDER BY v.number DESC
                """, arguments: [organizationID, year * 100 + 12])
            var summary = YearEndSummary()
            var context = PostingContext()
            for id in ids {
                let original = try SQLiteBook.fetchVoucher(db, id: id)
                let ref = original.ref!
                let draft = VoucherDraft(organization: organization, date: original.draft.date, summary: "注销\(ref.chinese)年终结转凭证",
                                         preparer: user, reverses: ref, kind: .closing, lines: original.draft.lines.map { $0.reversed() })
                summary.vouchers.append(try SQLiteBook.postGenerated(db, draft, context: &context, bookkeeper: user))
            }
            if !summary.vouchers.isEmpty {
                try db.execute(sql: "INSERT INTO period_log (organization_id, period, action, at, by, reason) VALUES (?, ?, 'reopen-year', ?, ?, ?)",
                               arguments: [organizationID, year * 100 + 12, Store.now(), user, reason])
            }
            return summary
        }
    }

    /// Net balances through the end of `year`, by account, project and fund source.
    public func fundBalances(organization: String, through year: Int) throws -> [FundBalance] {
        try read { db in
            try authorize(db, .read, organization: organization)
            return try SQLiteBook.fundBalances(db, organizationID: try SQLiteBook.organizationID(db, organization), through: year)
        }
    }
}

extension Session {
    /// This session's YearEndService.
    public var yearEnd: YearEndService { YearEndService(session: self) }
}
