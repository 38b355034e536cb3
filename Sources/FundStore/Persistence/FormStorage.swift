import FundCore

/// What the attached forms (附01–03) read beyond the other reports: activity by account,
/// project, fund source and expense type, so 基本支出 and 项目支出 stay apart.
protocol FormStorage {
    /// Debit and credit activity per account, project, fund source and expense type from `from`
    /// to `to`, without the closing vouchers (期末结转 and the year end's clearing).
    func detailedActivity(organizationID: Int64, from: Period, to: Period) throws -> [DetailedActivity]
}
