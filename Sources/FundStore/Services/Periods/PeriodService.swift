import FundCore

/// Month closing (结账) and reopening (反结账), in order, with the period log.
public struct PeriodService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Closes a month (结账): only when every voucher dated in it is posted, its debits equal its
    /// credits, and every earlier month with postings is closed. First it books the month's
    /// 期末结转: closing vouchers dated the month's last day that carry every income and
    /// expenditure account's turnover to 32103 (earmarked, with its project), 32203 and 33103
    /// (appropriations), so 4xx/5xx hold nothing once the month is closed (`CarryForward`).
    /// Logged with who closed it. Returns the closing vouchers posted (none when the month had no
    /// income or expenditure left to carry). The acting user prepares the closing vouchers and
    /// `reviewer`, another officer of the organisation, reviews them; a month with nothing to
    /// carry needs no reviewer.
    @discardableResult
    public func close(organization: String, period: Period, reviewer: String? = nil) throws -> [VoucherRef] {
        let reviewer = reviewer.map(PersonName.normalized)
        return try writing { storage in
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
            let carried = try carryForward(storage, organization: organization, organizationID: organizationID, period: period, reviewer: reviewer)
            let at = Store.now()
            try storage.insertPeriodClose(PeriodCloseRecord(organizationID: organizationID, period: period, closedAt: at, closedBy: user))
            try storage.appendPeriodLog(PeriodLogRecord(organizationID: organizationID, period: period, action: .close, at: at, by: user))
            return carried
        }
    }

    /// Posts the month's 期末结转 through the one posting path: the income and expenditure left
    /// in `period`, carried as `CarryForward.monthEnd` decides, with the projects earmarked so
    /// far in the year.
    private func carryForward(_ storage: any BookStorage, organization: String, organizationID: Int64, period: Period,
                              reviewer: String?) throws -> [VoucherRef] {
        let month = try storage.fundBalances(organizationID: organizationID, from: period.key, through: period.key)
            .filter { CarryForward.closesAtPeriodEnd($0.accountCode) }
        guard !month.isEmpty else { return [] }
        guard let reviewer else { throw BookError.closingNeedsReviewer(organization: organization, period: period) }
        let earmarked = try PeriodService.earmarkedProjects(storage, organizationID: organizationID, year: period.year, through: period)
        let chart = try storage.chartOfAccounts(organization: organization)
        var posted: [VoucherRef] = []
        for draft in try BookError.summing({ () throws(SumOverflow) in
            try CarryForward.monthEnd(organization: organization, period: period, chart: chart, balances: month, earmarked: earmarked, preparer: user)
        }) {
            let voucher = try storage.postGenerated(draft, reviewer: reviewer, bookkeeper: user)
            if let ref = voucher.ref { posted.append(ref) }
        }
        return posted
    }

    /// The projects earmarked in `year` up to `through`: the 321 balances carried in and the
    /// year's earmarked income (`CarryForward.earmarkedProjects(carried:activity:)`).
    static func earmarkedProjects(_ storage: any BookStorage, organizationID: Int64, year: Int, through: Period) throws -> Set<String> {
        let carried = try storage.fundBalances(organizationID: organizationID, from: 190001,
                                               through: try storage.yearOpeningKey(organizationID: organizationID, year: year))
        let activity = try storage.activity(organizationID: organizationID, from: Period(year: year, month: 1)!, to: through, excludingClosing: true)
        return CarryForward.earmarkedProjects(carried: carried, activity: activity)
    }

    /// Reopens a closed month (反结账), the latest closed one first: the month's 期末结转 vouchers
    /// are cancelled by posted red-ink vouchers, so its income and expenditure stand again until
    /// it is closed anew. The reason is logged.
    /// The red-ink vouchers are prepared by the acting user and reviewed by `reviewer`. A pack of
    /// the month sent up is marked superseded.
    public func reopen(organization: String, period: Period, reason: String, reviewer: String? = nil) throws {
        let reviewer = reviewer.map(PersonName.normalized)
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
            // Latest first; all drafts are decided before the first posts.
            let standing = try storage.standingClosingVouchers(organizationID: organizationID, period: period.key)
                .filter { YearEnd.carriesIncomeOrExpenditure($0.draft) }
            let drafts = try standing.map { original -> VoucherDraft in
                guard let ref = original.ref else {
                    throw BookError.storedValueInvalid(table: "voucher", column: "number", value: "NULL", row: "id " + String(original.id))
                }
                return YearEnd.monthCancellation(of: original.draft, ref: ref, organization: organization, preparer: user)
            }
            if !drafts.isEmpty {
                guard let reviewer else { throw BookError.closingNeedsReviewer(organization: organization, period: period) }
                for draft in drafts { _ = try storage.postGenerated(draft, reviewer: reviewer, bookkeeper: user) }
            }
            try storage.appendPeriodLog(PeriodLogRecord(organizationID: organizationID, period: period, action: .reopen, at: Store.now(),
                                                        by: user, reason: reason))
            // A pack sent up of this month no longer stands.
            try Self.supersede(storage, organization: organization, organizationID: organizationID, period: period, reason: reason, by: user)
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
