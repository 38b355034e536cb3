import Foundation
import FundCore
import FundReports

/// Every form of one month in one workbook, for sending up: 资产负债表, 收入支出表, the attached
/// forms due monthly (成本费用表 for county-level unions), 科目余额表, 总账.
public enum MonthlyPack {
    public static func write(balanceSheet: Form, incomeExpenditure: Form, attached: [Form] = [], trialBalance: TrialBalance, generalLedger: Ledger,
                             to path: String, preparedBy: String? = nil, created: Date? = nil) throws {
        let workbook = try Workbook(path: path, properties: FormWorkbook.properties("月度报表", trialBalance.organization.name,
                                                                                   trialBalance.periodText, created))
        try FormWorkbook.addSheet(balanceSheet, to: workbook, name: BalanceSheet.title, preparedBy: preparedBy)
        try FormWorkbook.addSheet(incomeExpenditure, to: workbook, name: IncomeExpenditure.title, preparedBy: preparedBy)
        for form in attached { try FormWorkbook.addSheet(form, to: workbook, name: form.title, preparedBy: preparedBy) }
        try TrialBalanceWorkbook.addSheet(trialBalance, to: workbook, preparedBy: preparedBy)
        try LedgerWorkbook.addSheet(generalLedger, to: workbook)
        try workbook.close()
    }
}
