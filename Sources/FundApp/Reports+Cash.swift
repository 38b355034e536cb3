import FundCore
import FundReports
import FundStore

extension Reports {
    /// 现金日记账 (`.cash`) or 银行存款日记账 (`.bank`) of `year`, or of its month `month`.
    public static func cashJournal(_ book: Session, organization code: String, kind: CashAccountKind, year: Int, month: Int?) throws -> CashJournal {
        let chart = try book.organizations.chart(for: code)
        let (opening, lines) = try book.cash.journal(organization: code, kind: kind, year: year)
        return try summing { try CashJournal.make(kind: kind, organization: try book.organizations.organization(code), chart: chart, year: year,
                                                 month: month, opening: opening, lines: lines) }
    }
}

extension Reports {
    /// 银行存款余额调节表 of `account` (102 or a detail) on `date`, from the imported statements and their matches.
    public static func bankReconciliation(_ book: Session, organization code: String, account: String, date: LocalDate) throws -> BankReconciliation {
        let input = try book.cash.reconciliation(organization: code, account: account, date: date)
        let chart = try book.organizations.chart(for: code)
        let organization = try book.organizations.organization(code)
        return try summing { try BankReconciliation.make(input, organization: organization, chart: chart) }
    }
}
