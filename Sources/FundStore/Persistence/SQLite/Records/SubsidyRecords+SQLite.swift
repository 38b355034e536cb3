import FundCore
import GRDB

extension SubsidyItemRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "subsidy_item"

    enum Columns {
        static let id = Column("id")
        static let code = Column("code")
        static let grantorID = Column("grantor_id")
        static let recipientID = Column("recipient_id")
        static let title = Column("title")
        static let purpose = Column("purpose")
        static let accounts = Column("accounts")
        static let approved = Column("approved")
        static let document = Column("document")
        static let documentDate = Column("document_date")
        static let windowStart = Column("window_start")
        static let deadline = Column("deadline")
        static let status = Column("status")
        static let createdAt = Column("created_at")
        static let createdBy = Column("created_by")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        code = row[Columns.code]
        grantorID = row[Columns.grantorID]
        recipientID = row[Columns.recipientID]
        title = row[Columns.title]
        purpose = row[Columns.purpose]
        let accounts: String = row[Columns.accounts]
        self.accounts = accounts.split(separator: " ").map(String.init)
        approved = Money(fen: row[Columns.approved])
        document = row[Columns.document]
        let documentDate: String? = row[Columns.documentDate]
        self.documentDate = documentDate == nil ? nil : try row.storedDate(Columns.documentDate, in: Self.databaseTableName)
        windowStart = try row.storedDate(Columns.windowStart, in: Self.databaseTableName)
        deadline = try row.storedDate(Columns.deadline, in: Self.databaseTableName)
        status = try row.stored(Columns.status, in: Self.databaseTableName)
        createdAt = row[Columns.createdAt]
        createdBy = row[Columns.createdBy]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.code] = code
        container[Columns.grantorID] = grantorID
        container[Columns.recipientID] = recipientID
        container[Columns.title] = title
        container[Columns.purpose] = purpose
        container[Columns.accounts] = accounts.joined(separator: " ")
        container[Columns.approved] = approved.fen
        container[Columns.document] = document
        container[Columns.documentDate] = documentDate?.description
        container[Columns.windowStart] = windowStart.description
        container[Columns.deadline] = deadline.description
        container[Columns.status] = status.rawValue
        container[Columns.createdAt] = createdAt
        container[Columns.createdBy] = createdBy
    }
}

extension SubsidyLogRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "subsidy_log"

    enum Columns {
        static let id = Column("id")
        static let itemID = Column("item_id")
        static let at = Column("at")
        static let by = Column("by")
        static let action = Column("action")
        static let detail = Column("detail")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        itemID = row[Columns.itemID]
        at = row[Columns.at]
        by = row[Columns.by]
        action = try row.stored(Columns.action, in: Self.databaseTableName)
        detail = row[Columns.detail]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.itemID] = itemID
        container[Columns.at] = at
        container[Columns.by] = by
        container[Columns.action] = action.rawValue
        container[Columns.detail] = detail
    }
}

extension SubsidyVoucherRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "subsidy_voucher"

    enum Columns {
        static let itemID = Column("item_id")
        static let voucherID = Column("voucher_id")
        static let role = Column("role")
        static let side = Column("side")
    }

    init(row: Row) throws {
        itemID = row[Columns.itemID]
        voucherID = row[Columns.voucherID]
        role = try row.stored(Columns.role, in: Self.databaseTableName)
        side = try row.stored(Columns.side, in: Self.databaseTableName)
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.itemID] = itemID
        container[Columns.voucherID] = voucherID
        container[Columns.role] = role.rawValue
        container[Columns.side] = side.rawValue
    }
}
