import FundCore
import FundReports
import FundStore

extension Reports {
    /// 预算执行情况表 through `month` (December when nil) of the year's budget.
    public static func budgetExecution(_ book: Session, organization code: String, year: Int, month: Int?) throws -> BudgetExecution {
        guard let budget = try book.budgets.budget(organization: code, year: year) else { throw BookError.noBudget(organization: code, year: year) }
        let through = month ?? 12
        return try summing { try BudgetExecution(organization: try book.organizations.organization(code), chart: try book.organizations.chart(for: code), budget: budget,
                               actuals: try book.budgets.budgetActuals(organization: code, year: year, month: through), month: through) }
    }
}
