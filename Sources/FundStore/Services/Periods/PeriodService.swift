import FundCore

/// Month closing (结账) and reopening (反结账), in order, with the period log.
public struct PeriodService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Closes a month (结账): only when every voucher dated in it is posted, its debits equal its
    /// credits, and every earlier month with postings is closed. Logged with who closed it.
    public func close(organization: String, period: Period) throws {
        try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let organizationID = try storage.organizationID(organization)
            if try storage.isClosed(organizationID: organizationID, period: period.key) {
                throw BookError.periodAlreadyClosed(organization: organization, period: period)
            }
            if let open = try storage.earliestOpenPostedPeriod(organizationID: organizationID, before: period.key) {
                throw BookError.closeOutOfOrder(organization: organization, period: period, open: open)
            }
            let unposted = try storage.unpostedVouchers(organizationID: organizationID, period: period.key)
            if !unposted.isEmpty {
                throw BookError.unpostedVouchers(organization: organization, period: period, vouchers: unposted)
            }
            let totals = try storage.periodTotals(organizationID: organizationID, period: period.key)
            let debits = Money(fen: totals.debitFen), credits = Money(fen: totals.creditFen)
            if debits != credits {
                throw BookError.periodUnbalanced(organization: organization, period: period, debits: debits, credits: credits)
            }
            let at = Store.now()
            try storage.insertPeriodClose(PeriodCloseRecord(organizationID: organizationID, period: period, closedAt: at, closedBy: user))
            try storage.appendPeriodLog(PeriodLogRecord(organizationID: organizationID, period: period, action: .close, at: at, by: user))
        }
    }

    /// Reopens a closed month (反结账), the latest closed one first; the reason is logged.
    public func reopen(organization: String, period: Period, reason: String) throws {
        guard !reason.trimmingWhitespace.isEmpty else { throw BookError.missingReason }
        try checkText(["the reason": reason])
        try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let organizationID = try storage.organizationID(organization)
            guard try storage.isClosed(organizationID: organizationID, period: period.key) else {
                throw BookError.periodNotClosed(organization: organization, period: period)
            }
            if let later = try storage.latestClosedPeriod(organizationID: organizationID, after: period.key) {
                throw BookError.reopenOutOfOrder(organization: organization, period: period, closed: later)
            }
            try storage.deletePeriodClose(organizationID: organizationID, period: period.key)
            try storage.appendPeriodLog(PeriodLogRecord(organizationID: organizationID, period: period, action: .reopen, at: Store.now(),
                                                        by: user, reason: reason))
        }
    }

    /// The months of an organisation that are closed, in order.
    public func closedPeriods(organization: String) throws -> [Period] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try storage.closedPeriods(organizationID: try storage.organizationID(organization)).map(\.period)
        }
    }

    /// The organisation's closes and reopens (with year ends), oldest first.
    public func periodLog(organization: String) throws -> [PeriodLogEntry] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try storage.periodLog(organizationID: try storage.organizationID(organization)).map {
                PeriodLogEntry(organization: organization, period: $0.period, action: $0.action.rawValue, at: $0.at, by: $0.by, reason: $0.reason)
            }
        }
    }
}

extension Session {
    /// Month closing and reopening, as this session's user.
    public var periods: PeriodService { PeriodService(session: self) }
}
