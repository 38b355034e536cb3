import FundCore

/// County-chart accounts opened on a grassroots chart, and why.
protocol AccountOpeningStorage {
    /// Records an opening.
    func insertAccountOpening(_ opening: AccountOpeningRecord) throws
    /// The openings of the organisation `organizationID`, by code.
    func accountOpenings(organizationID: Int64) throws -> [AccountOpeningRecord]
}
