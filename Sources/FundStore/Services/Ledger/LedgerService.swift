import FundCore

/// The posted books as reports read them: turnovers by account and period, an account's lines,
/// and the journal streamed in numbering order.
public struct LedgerService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Net balance per leaf account at the start of `year` and the monthly turnovers of the year.
    public func monthlyTurnovers(organization: String, year: Int) throws -> (opening: [String: Int64], months: [MonthlyTurnover]) {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let organizationID = try storage.organizationID(organization)
            // A book opened in the middle of the year starts there: its opening is 期初, not a month's turnover.
            let first = try storage.firstHeldPeriod(organizationID: organizationID, year: year)?.key ?? year * 100 + 1
            let opening = try storage.openingNets(organizationID: organizationID, before: first)
            return (opening, try storage.monthlyTurnovers(organizationID: organizationID, from: first, to: year * 100 + 12))
        }
    }

    /// Activity per account, project and fund source in `from...to`, leaving out closing vouchers
    /// when `excludingClosing` (the 收入支出表 reports a year's income, not its carry-forward).
    public func activity(organization: String, from: Period, to: Period, excludingClosing: Bool) throws -> [AccountActivity] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try storage.activity(organizationID: try storage.organizationID(organization), from: from, to: to, excludingClosing: excludingClosing)
        }
    }

    /// Every posted line on `account` or its details in `year`, in date and number order.
    public func ledgerLines(organization: String, account: String, year: Int) throws -> [LedgerLine] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let organizationID = try storage.organizationID(organization)
            let lines = try storage.ledgerLines(organizationID: organizationID, account: account, year: year)
            guard let first = try storage.firstHeldPeriod(organizationID: organizationID, year: year), first.month > 1 else { return lines }
            return lines.filter { $0.date.period >= first }
        }
    }

    /// Opening net balance and turnovers per leaf account for months `from...to`, read from
    /// the aggregates (O(accounts x months) rows, never the lines).
    public func turnovers(organization: String, from: Period, to: Period) throws -> [AccountTurnover] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try storage.turnovers(organizationID: try storage.organizationID(organization), from: from, to: to)
        }
    }

    /// Line-level journal rows (序时账) of an organisation for a range of months, streamed to
    /// `body` in date and number order without holding them all in memory.
    /// `start` learns the number of lines first, in the same read transaction.
    public func forEachJournalLine(organization: String, from: Period, to: Period, start: (Int) throws -> Void = { _ in },
                                   _ body: (JournalRow) throws -> Void) throws {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let organizationID = try storage.organizationID(organization)
            try start(try storage.journalLineCount(organizationID: organizationID, from: from, to: to))
            try storage.forEachJournalLine(organizationID: organizationID, from: from, to: to, body)
        }
    }

    /// Every posted voucher of an organisation (or of all), with its organisation's chart, in
    /// organisation, month, word and number order, so that a reversal follows its original.
    public func forEachPostedVoucher(organization: String?, _ body: (Voucher, Chart) throws -> Void) throws {
        try reading { storage in
            if let organization {
                try authorize(storage, .read, organization: organization)
            } else {
                try session.authorizeWholeBook(storage)
            }
            var charts: [String: Chart] = [:]
            for id in try storage.postedVoucherIDs(organization: organization) {
                let voucher = try storage.postedVoucher(id: id)
                let code = voucher.draft.organization
                let chart = try charts[code] ?? storage.chart(organization: code).chart
                charts[code] = chart
                try body(voucher, chart)
            }
        }
    }
}

extension Session {
    /// This session's LedgerService.
    public var ledger: LedgerService { LedgerService(session: self) }
}
