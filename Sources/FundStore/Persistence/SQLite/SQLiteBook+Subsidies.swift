import Foundation
import FundCore
import GRDB

extension SQLiteBook {
    /// The item with `code` and its row id; `BookError.subsidy(.unknownItem)` when there is none.
    // Transitional: callers outside subsidies and budgets still use this.
    static func subsidyItem(_ db: Database, code: String) throws -> (Int64, SubsidyItem) {
        guard let stored = try SQLiteStorage(db).subsidyItem(code: code) else { throw BookError.subsidy(.unknownItem(code: code)) }
        return (stored.id, stored.item)
    }

    /// The item's figures from the aggregates of both books, plus the returns linked to it.
    // Transitional: callers outside subsidies and budgets still use this.
    static func subsidyFigures(_ db: Database, item: SubsidyItem) throws -> SubsidyFigures {
        try SQLiteStorage(db).subsidyFigures(item: item)
    }
}
