import FundCore
import GRDB

extension BookOpeningRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "book_opening"

    enum Columns {
        static let organizationID = Column("organization_id")
        static let firstPeriod = Column("first_period")
        static let voucherID = Column("voucher_id")
        static let openedAt = Column("opened_at")
        static let openedBy = Column("opened_by")
    }

    init(row: Row) throws {
        organizationID = row[Columns.organizationID]
        firstPeriod = try row.storedPeriod(Columns.firstPeriod, in: Self.databaseTableName)
        voucherID = row[Columns.voucherID]
        openedAt = row[Columns.openedAt]
        openedBy = row[Columns.openedBy]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.organizationID] = organizationID
        container[Columns.firstPeriod] = firstPeriod.key
        container[Columns.voucherID] = voucherID
        container[Columns.openedAt] = openedAt
        container[Columns.openedBy] = openedBy
    }
}
