import FundCore

/// 建账: opening an organisation's book with its balances, once, before anything else is posted
/// (`Opening`). The balances are one voucher of word 建, prepared by the acting user, reviewed by
/// a second officer and dated in the month before the book's first period, which the opening
/// closes; the forms read it as 年初余额, never as activity.
public struct OpeningService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Opens the book of `organization` from `firstPeriod` with `balances`, reviewed by
    /// `reviewer`. Refused (`BookError.opening`) when the book was opened already, when the
    /// organisation has any voucher, or when the balances are empty, hold an income or
    /// expenditure account, a 321 balance without its project, or do not balance; a balance
    /// the voucher rules refuse (an account outside the chart, 301 not mirroring the non-cash
    /// assets) is refused as any voucher is. Returns the posted opening voucher.
    public func open(organization: String, firstPeriod: Period, balances: [OpeningBalance], reviewer: String) throws -> Voucher {
        let reviewer = PersonName.normalized(reviewer)
        return try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let organizationID = try storage.organizationID(organization)
            if let opened = try storage.opening(organizationID: organizationID) {
                throw BookError.opening(.alreadyOpened(organization: organization, firstPeriod: opened.firstPeriod))
            }
            if let first = try storage.firstVoucherLabel(organizationID: organizationID) {
                throw BookError.opening(.activityPosted(organization: organization, voucher: first))
            }
            let draft: VoucherDraft
            do throws(OpeningProblem) {
                draft = try Opening.draft(organization: organization, firstPeriod: firstPeriod, balances: balances, preparer: user)
            } catch { throw BookError.opening(error) }
            let voucher = try storage.postGenerated(draft, reviewer: reviewer, bookkeeper: user)
            let at = Store.now()
            let openingPeriod = Opening.openingPeriod(firstPeriod: firstPeriod)
            try storage.insertOpening(BookOpeningRecord(organizationID: organizationID, firstPeriod: firstPeriod, voucherID: voucher.id,
                                                        openedAt: at, openedBy: user))
            // The opening month holds the opening alone and is never an earlier month left open.
            try storage.insertPeriodClose(PeriodCloseRecord(organizationID: organizationID, period: openingPeriod, closedAt: at, closedBy: user))
            try storage.appendPeriodLog(PeriodLogRecord(organizationID: organizationID, period: openingPeriod, action: .close, at: at, by: user,
                                                        reason: "建账"))
            return voucher
        }
    }

    /// Opens the book from another package's trial balance (科目余额表): a CSV file (UTF-8 or GBK,
    /// as Excel saves it) or the first sheet of an .xlsx workbook, with the columns 科目编码,
    /// 科目名称, 借方余额, 贷方余额 and optionally 项目 (`OpeningTrialBalance`). Every bad row is
    /// named with its line and nothing is opened.
    public func importTrialBalance(organization: String, firstPeriod: Period, path: String, reviewer: String) throws -> Voucher {
        let file: String
        var records: [(line: Int, fields: [String])] = []
        if ImportFiles.isWorkbook(path) {
            do throws(InputError) { records = try XLSXSheet.records(path: path) } catch { throw InputErrors([error]) }
            file = path
        } else {
            let read = try ImportFiles.readCSVRecords(path: path)
            file = read.file
            records = read.records
        }
        let chart = try session.organizations.chart(for: organization)
        switch OpeningTrialBalance.read(file: file, records: records, chart: chart) {
        case let .failure(errors): throw errors
        case let .success(balances): return try open(organization: organization, firstPeriod: firstPeriod, balances: balances, reviewer: reviewer)
        }
    }

    /// The month whose end the forms of `year` read as 年初余额: December of the year before, or
    /// the opening month of a book opened in the middle of `year`; nil before the book's years.
    public func yearOpening(organization: String, year: Int) throws -> Period? {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return Period(key: try storage.yearOpeningKey(organizationID: try storage.organizationID(organization), year: year))
        }
    }

    /// The first period of the organisation's book when it was opened with balances, else nil.
    public func firstPeriod(organization: String) throws -> Period? {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try storage.opening(organizationID: try storage.organizationID(organization))?.firstPeriod
        }
    }
}

extension Session {
    /// This session's OpeningService.
    public var opening: OpeningService { OpeningService(session: self) }
}
