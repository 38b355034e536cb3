import FundCore

/// A county-chart account opened on a grassroots chart, as the book recorded it: which code was
/// asked for, the business that needed it, who opened it and when.
public struct CountyAccountOpening: Hashable, Sendable {
    /// The code asked for (a level-1 account or one of its details).
    public let code: String
    /// The business that needs it, as the officer gave it.
    public let reason: String
    /// When it was opened (UTC, shown in Beijing time).
    public let openedAt: String
    /// Who opened it.
    public let openedBy: String

    public init(code: String, reason: String, openedAt: String, openedBy: String) {
        self.code = code
        self.reason = reason
        self.openedAt = openedAt
        self.openedBy = openedBy
    }
}

extension OrganizationService {
    /// The longest reason an opening records, in characters.
    public static let openingReasonLimit = 200

    /// Opens on `organization`'s grassroots chart the county-chart account `code` (132, 212 or
    /// 508, or a detail of one) with every prescribed detail it lacks, so that a township union or
    /// federation can book the pass-downs and subsidies the standard lets it book on the county
    /// chart (domain notes §2.10). The reason is recorded with who opened it and sealed in the
    /// organisation's event chain; any other account, a county-chart union, or no reason is
    /// refused and nothing is written. The union's officer or the book's administrator opens
    /// them. Returns the accounts added, parents first.
    @discardableResult
    public func openCountyAccount(code: String, organization: String, reason: String) throws -> [Account] {
        let reason = reason.trimmingWhitespace
        try checkText(["the reason": reason])
        return try writing { storage in
            // The union's officer, or the book's administrator (who sets up the charts).
            do { try authorize(storage, .writeBooks, organization: organization) } catch let refusal as BookError {
                guard case .notPermitted = refusal, (try? authorize(storage, .administer, organization: nil)) != nil else { throw refusal }
            }
            guard !reason.isEmpty else { throw BookError.chart(.openingReasonMissing(code: code)) }
            guard reason.count <= Self.openingReasonLimit else {
                throw BookError.chart(.openingReasonTooLong(code: code, limit: Self.openingReasonLimit))
            }
            let (organizationID, chart, _) = try storage.chart(organization: organization)
            let accounts: [Account]
            do throws(ChartError) { accounts = try chart.countyAccountsToOpen(code) } catch { throw BookError.chart(error) }
            var ids = try storage.chart(organization: organization).accountIDs
            for account in accounts {
                // Parents come first, so each detail hangs under the row its parent got just before.
                try storage.insertAccount(AccountRecord(chart: chart.kind, organizationID: organizationID, code: account.code, name: account.name,
                                                        parentID: account.parentCode.flatMap { ids[$0] }))
                ids = try storage.chart(organization: organization).accountIDs
            }
            try storage.insertAccountOpening(AccountOpeningRecord(organizationID: organizationID, code: code, reason: reason,
                                                                  openedAt: Store.now(), openedBy: user))
            return accounts
        }
    }

    /// The county-chart accounts `organization` opened, by code, with their reasons: what a
    /// reviewer asks when a grassroots-chart union's forms show 212 or 508.
    public func countyAccountOpenings(organization: String) throws -> [CountyAccountOpening] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try storage.accountOpenings(organizationID: try storage.organizationID(organization)).map {
                CountyAccountOpening(code: $0.code, reason: $0.reason, openedAt: $0.openedAt, openedBy: $0.openedBy)
            }
        }
    }
}
