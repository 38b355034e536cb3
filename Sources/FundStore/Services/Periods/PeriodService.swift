import FundCore
import GRDB

/// Month closing (结账) and reopening (反结账), in order, with the period log.
public struct PeriodService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Closes a month (结账): only when every voucher dated in it is posted, its debits equal its
    /// credits, and every earlier month with postings is closed. Logged with who closed it.
    public func close(organization: String, period: Period) throws {
        try write { db in
            try authorize(db, .writeBooks, organization: organization)
            let organizationID = try SQLiteBook.organizationID(db, organization)
            if try SQLiteBook.isClosed(db, organizationID: organizationID, period: period) {
                throw BookError.periodAlreadyClosed(organization: organization, period: period)
            }
            if let open = try Int.fetchOne(db, sql: """
                SELECT min(v.period) FROM voucher v WHERE v.organization_id = ? AND v.period < ? AND v.status = 'posted'
                  AND NOT EXISTS (SELECT 1 FROM period_close c WHERE c.organization_id = v.organization_id AND c.period = v.period)
                """, arguments: [organizationID, period.key]) {
                throw BookError.closeOutOfOrder(organization: organization, period: period, open: Period(key: open)!)
            }
            let unposted = try Row.fetchAll(db, sql: "SELECT id, date, summary FROM voucher WHERE organization_id = ? AND period = ? AND status <> 'posted' ORDER BY id",
                                            arguments: [organizationID, period.key])
            if !unposted.isEmpty {
                throw BookError.unpostedVouchers(organization: organization, period: period,
                                                 vouchers: unposted.map { "#\($0["id"] as Int64) \($0["date"] as String)" })
            }
            let sums = try Row.fetchOne(db, sql: "SELECT coalesce(sum(debit), 0) AS d, coalesce(sum(credit), 0) AS c FROM balance WHERE organization_id = ? AND period = ?",
                                        arguments: [organizationID, period.key])!
            let debits = Money(fen: sums["d"]), credits = Money(fen: sums["c"])
            if debits != credits {
                throw BookError.periodUnbalanced(organization: organization, period: period, debits: debits, credits: credits)
            }
            let at = Store.now()
            try db.execute(sql: "INSERT INTO period_close (organization_id, period, closed_at, closed_by) VALUES (?, ?, ?, ?)",
                           arguments: [organizationID, period.key, at, user])
            try db.execute(sql: "INSERT INTO period_log (organization_id, period, action, at, by) VALUES (?, ?, 'close', ?, ?)",
                           arguments: [organizationID, period.key, at, user])
        }
    }

    /// Reopens a closed month (反结账), the latest closed one first; the reason is logged.
    public func reopen(organization: String, period: Period, reason: String) throws {
        guard !reason.trimmingWhitespace.isEmpty else { throw BookError.missingReason }
        try write { db in
            try authorize(db, .writeBooks, organization: organization)
            let organizationID = try SQLiteBook.organizationID(db, organization)
            guard try SQLiteBook.isClosed(db, organizationID: organizationID, period: period) else {
                throw BookError.periodNotClosed(organization: organization, period: period)
            }
            if let later = try Int.fetchOne(db, sql: "SELECT max(period) FROM period_close WHERE organization_id = ? AND period > ?",
                                            arguments: [organizationID, period.key]) {
                throw BookError.reopenOutOfOrder(organization: organization, period: period, closed: Period(key: later)!)
            }
            try db.execute(sql: "DELETE FROM period_close WHERE organization_id = ? AND period = ?", arguments: [organizationID, period.key])
            try db.execute(sql: "INSERT INTO period_log (organization_id, period, action, at, by, reason) VALUES (?, ?, 'reopen', ?, ?, ?)",
                           arguments: [organizationID, period.key, Store.now(), user, reason])
        }
    }

    /// The months of an organisation that are closed, in order.
    public func closedPeriods(organization: String) throws -> [Period] {
        try read { db in
            try authorize(db, .read, organization: organization)
            let organizationID = try SQLiteBook.organizationID(db, organization)
            return try Int.fetchAll(db, sql: "SELECT period FROM period_close WHERE organization_id = ? ORDER BY period",
                                    arguments: [organizationID]).compactMap(Period.init(key:))
        }
    }

    public func periodLog(organization: String) throws -> [PeriodLogEntry] {
        try read { db in
            try authorize(db, .read, organization: organization)
            let organizationID = try SQLiteBook.organizationID(db, organization)
            return try Row.fetchAll(db, sql: "SELECT * FROM period_log WHERE organization_id = ? ORDER BY id", arguments: [organizationID]).map {
                PeriodLogEntry(organization: organization, period: Period(key: $0["period"])!, action: $0["action"],
                               at: $0["at"], by: $0["by"], reason: $0["reason"])
            }
        }
    }
}

extension Session {
    /// This session's PeriodService.
    public var periods: PeriodService { PeriodService(session: self) }
}
