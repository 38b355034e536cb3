import FundCore
import GRDB

extension SQLiteBook {
    /// Net balances through the end of `year`, by account, project and fund source.
    // Transitional: callers outside year end and assets still use this.
    static func fundBalances(_ db: Database, organizationID: Int64, through year: Int) throws -> [FundBalance] {
        try SQLiteStorage(db).fundBalances(organizationID: organizationID, through: year)
    }
}
