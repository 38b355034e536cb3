import FundCore
import GRDB

extension VoucherRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "voucher"

    enum Columns {
        static let id = Column("id")
        static let organizationID = Column("organization_id")
        static let date = Column("date")
        static let period = Column("period")
        static let word = Column("word")
        static let number = Column("number")
        static let summary = Column("summary")
        static let attachments = Column("attachments")
        static let preparer = Column("preparer")
        static let reviewer = Column("reviewer")
        static let bookkeeper = Column("bookkeeper")
        static let status = Column("status")
        static let kind = Column("kind")
        static let reversesID = Column("reverses_id")
        static let importID = Column("import_id")
        static let createdAt = Column("created_at")
        static let postedAt = Column("posted_at")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        organizationID = row[Columns.organizationID]
        date = try row.storedDate(Columns.date, in: Self.databaseTableName)
        period = try row.storedPeriod(Columns.period, in: Self.databaseTableName)
        word = row[Columns.word]
        number = row[Columns.number]
        summary = row[Columns.summary]
        attachments = row[Columns.attachments]
        preparer = row[Columns.preparer]
        reviewer = row[Columns.reviewer]
        bookkeeper = row[Columns.bookkeeper]
        status = try row.stored(Columns.status, in: Self.databaseTableName)
        kind = try row.stored(Columns.kind, in: Self.databaseTableName)
        reversesID = row[Columns.reversesID]
        importID = row[Columns.importID]
        createdAt = row[Columns.createdAt]
        postedAt = row[Columns.postedAt]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.organizationID] = organizationID
        container[Columns.date] = date.description
        container[Columns.period] = period.key
        container[Columns.word] = word
        container[Columns.number] = number
        container[Columns.summary] = summary
        container[Columns.attachments] = attachments
        container[Columns.preparer] = preparer
        container[Columns.reviewer] = reviewer
        container[Columns.bookkeeper] = bookkeeper
        container[Columns.status] = status.rawValue
        container[Columns.kind] = kind.rawValue
        container[Columns.reversesID] = reversesID
        container[Columns.importID] = importID
        container[Columns.createdAt] = createdAt
        container[Columns.postedAt] = postedAt
    }
}

extension VoucherLineRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "voucher_line"

    enum Columns {
        static let id = Column("id")
        static let voucherID = Column("voucher_id")
        static let position = Column("position")
        static let accountID = Column("account_id")
        static let side = Column("side")
        static let amount = Column("amount")
        static let summary = Column("summary")
        static let project = Column("project")
        static let expenseType = Column("expense_type")
        static let economicClass = Column("econ")
        static let counterpartID = Column("counterpart_id")
        static let fundSource = Column("fund_source")
        static let basicClass = Column("basic_class")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        voucherID = row[Columns.voucherID]
        position = row[Columns.position]
        accountID = row[Columns.accountID]
        side = try row.stored(Columns.side, in: Self.databaseTableName)
        amountFen = row[Columns.amount]
        summary = row[Columns.summary]
        project = row[Columns.project]
        expenseType = try row.storedOptional(Columns.expenseType, in: Self.databaseTableName)
        economicClass = row[Columns.economicClass]
        counterpartID = row[Columns.counterpartID]
        fundSource = try row.storedOptional(Columns.fundSource, in: Self.databaseTableName)
        basicClass = try row.storedOptional(Columns.basicClass, in: Self.databaseTableName)
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.voucherID] = voucherID
        container[Columns.position] = position
        container[Columns.accountID] = accountID
        container[Columns.side] = side.rawValue
        container[Columns.amount] = amountFen
        container[Columns.summary] = summary
        container[Columns.project] = project
        container[Columns.expenseType] = expenseType?.rawValue
        container[Columns.economicClass] = economicClass
        container[Columns.counterpartID] = counterpartID
        container[Columns.fundSource] = fundSource?.rawValue
        container[Columns.basicClass] = basicClass?.rawValue
    }
}
