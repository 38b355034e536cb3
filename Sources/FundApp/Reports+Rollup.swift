import FundCore
import FundReports
import FundStore

extension Reports {
    /// 汇总表 of an organisation and every organisation below it, with the vouchers on each side
    /// of every reconciliation difference: the balance pairs and the flows of each month.
    public static func rollup(_ book: Session, organization code: String, year: Int, month: Int?) throws -> Rollup {
        let through = month ?? 12
        return try summing {
            try Rollup(data: try book.rollup.rollupData(root: code, year: year, month: through), year: year, month: through,
                       vouchers: { organization, account, counterpart, project in
                           try book.rollup.pairVouchers(organization: organization, accountPrefix: account, counterpart: counterpart, project: project)
                       },
                       flowVouchers: { queries in try book.rollup.flowVouchers(queries) })
        }
    }
}
