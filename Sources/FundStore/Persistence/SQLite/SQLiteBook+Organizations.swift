import FundCore
import GRDB

extension SQLiteBook {
    // Transitional: callers outside organisations, review, reports and verify still use this.
    static func organizationID(_ db: Database, _ code: String) throws -> Int64 {
        try SQLiteStorage(db).organizationID(code)
    }

    /// The chart and, for each code, the account's row id in the book.
    // Transitional: callers outside organisations, review, reports and verify still use this.
    static func chart(_ db: Database, organization: String) throws -> (chart: Chart, ids: [String: Int64]) {
        let (_, chart, ids) = try SQLiteStorage(db).chart(organization: organization)
        return (chart, ids)
    }
}
