import Foundation
import FundCore
import GRDB

extension SQLiteBook {
    /// Actuals of every line of `budget` in `month` and from January to `month`.
    // Transitional: callers outside subsidies and budgets still use this.
    static func budgetActuals(_ db: Database, organizationID: Int64, budget: Budget, year: Int, month: Int) throws -> [BudgetKey: BudgetActual] {
        try SQLiteStorage(db).budgetActuals(organizationID: organizationID, budget: budget, year: year, month: month)
    }
}
