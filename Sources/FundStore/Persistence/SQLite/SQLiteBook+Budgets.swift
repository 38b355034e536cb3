import Foundation
import FundCore
import GRDB

extension SQLiteBook {
    /// The organisation's budget for a year, with amounts after every adjustment up to `version`.
    // Transitional: callers outside subsidies and budgets still use this.
    static func loadBudget(_ db: Database, organizationID: Int64, organization: String, year: Int, through version: Int?) throws -> Budget? {
        try SQLiteStorage(db).budget(organizationID: organizationID, organization: organization, year: year, through: version)
    }
}
