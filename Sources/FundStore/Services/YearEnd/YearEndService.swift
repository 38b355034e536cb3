import FundCore

/// The year's end (年终结转): carrying income and expenditure forward into the funds, reopening a
/// carried year by red ink, and the fund balances a year leaves.
public struct YearEndService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Carries the year forward (年终结转). First the 期末结转 of every month not carried yet: each
    /// open month's income and expenditure is carried by a closing voucher dated that month's
    /// last day (the month stays open; closing it later finds nothing left), and what is left in
    /// months closed before months were carried is carried on 31 December. Then the year's
    /// details are cleared into 32104/32205 (33104/33205). Running it again finds nothing left
    /// to carry and posts nothing. The acting user prepares the closing vouchers and `reviewer`,
    /// another officer of the organisation, reviews them: a rule-made voucher has real people on
    /// it like any other (`VoucherPeople`).
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
            let december = try december(year)
            // The whole year's earmarked projects, as the year end has always seen them.
            let earmarked = try PeriodService.earmarkedProjects(storage, organizationID: organizationID, year: year, through: december)
            var summary = YearEndSummary()
            var leftInClosedMonths: [FundBalance] = []
            for month in 1...12 {
                guard let period = Period(year: year, month: month) else { continue }
                let uncarried = try storage.fundBalances(organizationID: organizationID, from: period.key, through: period.key)
                    .filter { CarryForward.closesAtPeriodEnd($0.accountCode) }
                if uncarried.isEmpty { continue }
                if try storage.isClosed(organizationID: organizationID, period: period.key) {
                    leftInClosedMonths += uncarried
                    continue
                }
                try post(storage, try BookError.summing({ () throws(SumOverflow) in
                    try CarryForward.monthEnd(organization: organization, period: period, chart: chart, balances: uncarried,
                                              earmarked: earmarked, preparer: user)
                }), reviewer: reviewer, into: &summary)
            }
            try post(storage, try BookError.summing({ () throws(SumOverflow) in
                try CarryForward.monthEnd(organization: organization, period: december, chart: chart, balances: leftInClosedMonths,
                                          earmarked: earmarked, preparer: user)
            }), reviewer: reviewer, into: &summary)
            let after = try storage.fundBalances(organizationID: organizationID, through: year)
            try post(storage, try BookError.summing({ () throws(SumOverflow) in
                try CarryForward.yearEnd(organization: organization, year: year, chart: chart, balances: after, preparer: user)
            }), reviewer: reviewer, into: &summary)
            if !summary.vouchers.isEmpty {
                try storage.appendPeriodLog(PeriodLogRecord(organizationID: organizationID, period: december, action: .closeYear,
                                                            at: Store.now(), by: user))
            }
            return summary
        }
    }

    /// Undoes `close-year` (反年结): every closing voucher of the year that still stands in a
    /// month still open is cancelled by a posted red-ink voucher, latest first (closed months
    /// keep their 期末结转: reopen them to undo it). The red-ink vouchers are prepared by the acting
    /// user and reviewed by `reviewer`. The reason is logged.
    public func reopenYear(organization: String, year: Int, reason: String, reviewer: String) throws -> YearEndSummary {
        let reviewer = PersonName.normalized(reviewer)
        try checkText(["the reason": reason])
        guard !reason.trimmingWhitespace.isEmpty else { throw BookError.missingReason }
        return try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let (organizationID, _) = try checkYear(storage, organization: organization, year: year)
            var standing: [Voucher] = []
            for month in (1...12).reversed() {
                let key = year * 100 + month
                if try storage.isClosed(organizationID: organizationID, period: key) { continue }
                standing += try storage.standingClosingVouchers(organizationID: organizationID, period: key)
            }
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

    /// A year-end act (结转转入 or 单位内部调剂, `YearEndActs`), after `close-year`: posts the act's
    /// voucher dated 31 December, approved by the document it names, then clears what it moved
    /// into 累计 (32204 → 32205, 32102 → 32104; the same for 331/332). The vouchers carry the
    /// acting officer and the document, sealed like every posting; `reopen-year` cancels them
    /// with the rest of the year end. `reviewer`, another officer, reviews them.
    public func act(organization: String, _ request: YearEndActRequest, reviewer: String) throws -> YearEndSummary {
        let reviewer = PersonName.normalized(reviewer)
        try checkText(["the project": request.project, "the document": request.document])
        return try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let (organizationID, chart) = try checkYear(storage, organization: organization, year: request.year)
            let balances = try storage.fundBalances(organizationID: organizationID, through: request.year)
            let draft: VoucherDraft
            do throws(YearEndActProblem) {
                draft = try YearEndActs.draft(organization: organization, chart: chart, request: request, balances: balances, preparer: user)
            } catch { throw BookError.yearEndAct(error) }
            var summary = YearEndSummary()
            try post(storage, [draft], reviewer: reviewer, into: &summary)
            let after = try storage.fundBalances(organizationID: organizationID, through: request.year)
            try post(storage, try BookError.summing({ () throws(SumOverflow) in
                try CarryForward.yearEnd(organization: organization, year: request.year, chart: chart, balances: after, preparer: user)
            }), reviewer: reviewer, into: &summary)
            return summary
        }
    }

    /// Posts generated drafts in order through the one posting path, noting their numbers.
    private func post(_ storage: any BookStorage, _ drafts: [VoucherDraft], reviewer: String, into summary: inout YearEndSummary) throws {
        for draft in drafts { summary.vouchers.append(try postedRef(storage.postGenerated(draft, reviewer: reviewer, bookkeeper: user))) }
    }

    /// Net balances through the end of `period`, by account, project, fund source and expense
    /// type: what a form folds into the funds when a month is not carried yet.
    public func fundBalances(organization: String, through period: Period) throws -> [FundBalance] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try storage.fundBalances(organizationID: try storage.organizationID(organization), from: 190001, through: period.key)
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
