import FundCore

/// The year's end (年终结转): carrying income and expenditure forward into the funds, reopening a
/// carried year by red ink, and the fund balances a year leaves.
public struct YearEndService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Carries the year forward (年终结转): posts, as closing vouchers dated 31 December, the
    /// entries that empty every income and expenditure account into 321/322 (331 at county
    /// level), then clear the year's details into 32104/32205 (33104/33205). Running it again
    /// finds nothing left to carry and posts nothing. The acting user prepares the vouchers and
    /// `reviewer`, another officer of the organisation, reviews them: a rule-made voucher has real
    /// people on it like any other (`VoucherPeople`).
    public func closeYear(organization: String, year: Int, reviewer: String) throws -> YearEndSummary {
        let reviewer = PersonName.normalized(reviewer)
        return try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let (organizationID, chart) = try checkYear(storage, organization: organization, year: year)
            let before = try storage.fundBalances(organizationID: organizationID, through: year)
            if let account = YearEnd.accountToCheckForEarlierYears(before) {
                let earlier = try storage.netBalance(organizationID: organizationID, account: account, before: year * 100 + 1)
                if let problem = YearEnd.problem(year: year, earlierNetFen: earlier) { throw BookError(problem, organization: organization) }
            }
            var summary = YearEndSummary()
            for draft in try BookError.summing({ () throws(SumOverflow) in
                try CarryForward.periodEnd(organization: organization, year: year, chart: chart, balances: before, preparer: user)
            }) {
                summary.vouchers.append(try postedRef(storage.postGenerated(draft, reviewer: reviewer, bookkeeper: user)))
            }
            let after = try storage.fundBalances(organizationID: organizationID, through: year)
            for draft in try BookError.summing({ () throws(SumOverflow) in
                try CarryForward.yearEnd(organization: organization, year: year, chart: chart, balances: after, preparer: user)
            }) {
                summary.vouchers.append(try postedRef(storage.postGenerated(draft, reviewer: reviewer, bookkeeper: user)))
            }
            if !summary.vouchers.isEmpty {
                try storage.appendPeriodLog(PeriodLogRecord(organizationID: organizationID, period: try december(year), action: .closeYear,
                                                            at: Store.now(), by: user))
            }
            return summary
        }
    }

    /// Undoes `close-year` (反年结): every closing voucher of the year that still stands is
    /// cancelled by a posted red-ink voucher, latest first, prepared by the acting user and
    /// reviewed by `reviewer`. The reason is logged.
    public func reopenYear(organization: String, year: Int, reason: String, reviewer: String) throws -> YearEndSummary {
        let reviewer = PersonName.normalized(reviewer)
        try checkText(["the reason": reason])
        guard !reason.trimmingWhitespace.isEmpty else { throw BookError.missingReason }
        return try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let (organizationID, _) = try checkYear(storage, organization: organization, year: year)
            let standing = try storage.standingClosingVouchers(organizationID: organizationID, period: year * 100 + 12)
            // All drafts are decided before the first posts: cancelling one closing voucher
            // changes nothing another's cancellation depends on.
            let drafts = try standing.map { original in
                YearEnd.cancellation(of: original.draft, ref: try postedRef(original), organization: organization, preparer: user)
            }
            var summary = YearEndSummary()
            for draft in drafts {
                summary.vouchers.append(try postedRef(storage.postGenerated(draft, reviewer: reviewer, bookkeeper: user)))
            }
            if !summary.vouchers.isEmpty {
                try storage.appendPeriodLog(PeriodLogRecord(organizationID: organizationID, period: try december(year), action: .reopenYear,
                                                            at: Store.now(), by: user, reason: reason))
            }
            return summary
        }
    }

    /// Net balances through the end of `year`, by account, project and fund source.
    public func fundBalances(organization: String, through year: Int) throws -> [FundBalance] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try storage.fundBalances(organizationID: try storage.organizationID(organization), through: year)
        }
    }

    /// What both year-end acts require (`YearEnd.problem`): December open, every voucher of the
    /// year posted. Returns the organisation's row id and chart.
    private func checkYear(_ storage: any BookStorage, organization: String, year: Int) throws -> (Int64, Chart) {
        let organizationID = try storage.organizationID(organization)
        let december = try december(year)
        let problem = YearEnd.problem(december: december, decemberClosed: try storage.isClosed(organizationID: organizationID, period: december.key),
                                      unposted: try storage.unpostedVouchers(organizationID: organizationID, year: year))
        if let problem { throw BookError(problem, organization: organization) }
        return (organizationID, try storage.chartOfAccounts(organization: organization))
    }

    /// December of `year`.
    private func december(_ year: Int) throws -> Period {
        guard let december = Period(year: year, month: 12) else { throw BookError.yearOutOfRange(year) }
        return december
    }

    /// The number a posted voucher carries; a posted voucher without one was changed outside
    /// FundLedger.
    private func postedRef(_ voucher: Voucher) throws -> VoucherRef {
        guard let ref = voucher.ref else {
            throw BookError.storedValueInvalid(table: "voucher", column: "number", value: "NULL", row: "id " + String(voucher.id))
        }
        return ref
    }
}

extension BookError {
    /// The refusal for a year-end problem of `organization`, in the words of the month close.
    init(_ problem: YearEndProblem, organization: String) {
        switch problem {
        case let .decemberClosed(december):
            self = .periodClosed(organization: organization, period: december)
        case let .unpostedVouchers(december, vouchers):
            self = .unpostedVouchers(organization: organization, period: december, vouchers: vouchers)
        case let .priorYearOpen(year):
            self = .priorYearOpen(organization: organization, year: year)
        }
    }
}

extension Session {
    /// This session's YearEndService.
    public var yearEnd: YearEndService { YearEndService(session: self) }
}
