/// What was actually received or spent against a budget line.
public struct BudgetActual: Hashable, Sendable {
    public var month: Int64
    public var yearToDate: Int64

    public init(month: Int64 = 0, yearToDate: Int64 = 0) {
        self.month = month
        self.yearToDate = yearToDate
    }
}
