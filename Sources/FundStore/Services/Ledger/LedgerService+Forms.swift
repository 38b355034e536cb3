import FundCore

extension LedgerService {
    /// Activity per account, project, fund source and 基本支出/项目支出 in `from...to`, without
    /// the closing vouchers: what 工会附01表 reads its 收入 and 支出 columns from.
    public func detailedActivity(organization: String, from: Period, to: Period) throws -> [DetailedActivity] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try storage.detailedActivity(organizationID: try storage.organizationID(organization), from: from, to: to)
        }
    }
}
