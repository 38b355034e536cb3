import FundCore

/// What opening a book (建账) reads and writes.
protocol OpeningStorage {
    /// The organisation's opening, if its book was opened with balances.
    func opening(organizationID: Int64) throws -> BookOpeningRecord?
    /// The first voucher of the organisation (draft or posted), named as a person finds it, or
    /// nil when it has none.
    func firstVoucherLabel(organizationID: Int64) throws -> String?
    /// Records the opening.
    func insertOpening(_ record: BookOpeningRecord) throws
}

extension OpeningStorage {
    /// The month through which the balances of `year` are carried in (年初余额): December of the
    /// year before, or the opening month of a book opened in the middle of `year` (`Opening`).
    func yearOpeningKey(organizationID: Int64, year: Int) throws -> Int {
        let december = (year - 1) * 100 + 12
        guard let opened = try opening(organizationID: organizationID) else { return december }
        let month = Opening.openingPeriod(firstPeriod: opened.firstPeriod)
        return month.year == year ? month.key : december
    }

    /// The first month of `year` the book holds: January, or the first period of a book opened
    /// in the middle of `year`, whose opening month before it holds the opening alone.
    func firstHeldPeriod(organizationID: Int64, year: Int) throws -> Period? {
        guard let january = Period(year: year, month: 1) else { return nil }
        guard let opened = try opening(organizationID: organizationID), opened.firstPeriod.year == year else { return january }
        return opened.firstPeriod
    }
}
