import FundCore
import GRDB

extension BudgetRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "budget"

    enum Columns {
        static let id = Column("id")
        static let organizationID = Column("organization_id")
        static let year = Column("year")
        static let status = Column("status")
        static let document = Column("document")
        static let approvedAt = Column("approved_at")
        static let approvedBy = Column("approved_by")
        static let createdAt = Column("created_at")
        static let createdBy = Column("created_by")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        organizationID = row[Columns.organizationID]
        year = row[Columns.year]
        status = try row.stored(Columns.status, in: Self.databaseTableName)
        document = row[Columns.document]
        approvedAt = row[Columns.approvedAt]
        approvedBy = row[Columns.approvedBy]
        createdAt = row[Columns.createdAt]
        createdBy = row[Columns.createdBy]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.organizationID] = organizationID
        container[Columns.year] = year
        container[Columns.status] = status.rawValue
        container[Columns.document] = document
        container[Columns.approvedAt] = approvedAt
        container[Columns.approvedBy] = approvedBy
        container[Columns.createdAt] = createdAt
        container[Columns.createdBy] = createdBy
    }
}

extension BudgetLineRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "budget_line"

    enum Columns {
        static let id = Column("id")
        static let budgetID = Column("budget_id")
        static let position = Column("position")
        static let account = Column("account")
        static let expense = Column("expense")
        static let project = Column("project")
        static let counterpartID = Column("counterpart_id")
        static let amount = Column("amount")
        static let note = Column("note")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        budgetID = row[Columns.budgetID]
        position = row[Columns.position]
        account = row[Columns.account]
        let expense: String? = row[Columns.expense]
        expenseType = expense == "" ? nil : try row.stored(Columns.expense, in: Self.databaseTableName) as ExpenseType
        let project: String = row[Columns.project]
        self.project = project.isEmpty ? nil : project
        counterpartID = row[Columns.counterpartID]
        amount = Money(fen: row[Columns.amount])
        note = row[Columns.note]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.budgetID] = budgetID
        container[Columns.position] = position
        container[Columns.account] = account
        container[Columns.expense] = expenseType?.rawValue ?? ""
        container[Columns.project] = project ?? ""
        container[Columns.counterpartID] = counterpartID
        container[Columns.amount] = amount.fen
        container[Columns.note] = note
    }
}

extension BudgetAdjustmentRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "budget_adjustment"

    enum Columns {
        static let id = Column("id")
        static let budgetID = Column("budget_id")
        static let number = Column("number")
        static let document = Column("document")
        static let date = Column("date")
        static let reason = Column("reason")
        static let createdAt = Column("created_at")
        static let createdBy = Column("created_by")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        budgetID = row[Columns.budgetID]
        number = row[Columns.number]
        document = row[Columns.document]
        date = try row.storedDate(Columns.date, in: Self.databaseTableName)
        reason = row[Columns.reason]
        createdAt = row[Columns.createdAt]
        createdBy = row[Columns.createdBy]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.budgetID] = budgetID
        container[Columns.number] = number
        container[Columns.document] = document
        container[Columns.date] = date.description
        container[Columns.reason] = reason
        container[Columns.createdAt] = createdAt
        container[Columns.createdBy] = createdBy
    }
}

extension BudgetAdjustmentLineRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "budget_adjustment_line"

    enum Columns {
        static let adjustmentID = Column("adjustment_id")
        static let lineID = Column("line_id")
        static let delta = Column("delta")
    }

    init(row: Row) throws {
        adjustmentID = row[Columns.adjustmentID]
        lineID = row[Columns.lineID]
        delta = Money(fen: row[Columns.delta])
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.adjustmentID] = adjustmentID
        container[Columns.lineID] = lineID
        container[Columns.delta] = delta.fen
    }
}
