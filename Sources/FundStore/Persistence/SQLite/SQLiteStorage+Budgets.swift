import FundCore
import GRDB

extension SQLiteStorage: BudgetStorage {
    func budgetRecord(organizationID: Int64, year: Int) throws -> BudgetRecord? {
        // Cached statements here: a roll-up reads the budget of every member.
        try BudgetRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(BudgetRecord.databaseTableName) WHERE organization_id = ? AND year = ?"),
                                  arguments: [organizationID, year])
    }

    func budgetLines(budgetID: Int64) throws -> [StoredBudgetLine] {
        try BudgetLineRow.fetchAll(db.cachedStatement(sql: """
            SELECT l.*, c.code AS counterpart FROM budget_line l LEFT JOIN organization c ON c.id = l.counterpart_id
            WHERE l.budget_id = ? ORDER BY l.position
            """), arguments: [budgetID]).map(\.stored)
    }

    func budgetAdjustments(budgetID: Int64) throws -> [BudgetAdjustmentRecord] {
        try BudgetAdjustmentRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM \(BudgetAdjustmentRecord.databaseTableName) WHERE budget_id = ? ORDER BY number"),
                                            arguments: [budgetID])
    }

    func budgetAdjustmentLines(budgetID: Int64) throws -> [BudgetAdjustmentLineRecord] {
        try BudgetAdjustmentLineRecord.fetchAll(db.cachedStatement(sql: """
            SELECT al.* FROM budget_adjustment_line al JOIN budget_adjustment a ON a.id = al.adjustment_id WHERE a.budget_id = ?
            ORDER BY al.adjustment_id, al.line_id
            """), arguments: [budgetID])
    }

    func insertBudget(_ record: BudgetRecord) throws -> Int64 {
        try record.insert(db)
        return db.lastInsertedRowID
    }

    func deleteDraftBudget(id: Int64) throws {
        try BudgetLineRecord.filter(BudgetLineRecord.Columns.budgetID == id).deleteAll(db)
        try BudgetRecord.filter(BudgetRecord.Columns.id == id).deleteAll(db)
    }

    func insertBudgetLine(_ record: BudgetLineRecord) throws -> Int64 {
        try record.insert(db)
        return db.lastInsertedRowID
    }

    func approveBudget(id: Int64, document: String, at: String, by: String) throws {
        try db.execute(sql: "UPDATE budget SET status = 'approved', document = ?, approved_at = ?, approved_by = ? WHERE id = ?",
                       arguments: [document, at, by, id])
    }

    func insertBudgetAdjustment(_ record: BudgetAdjustmentRecord) throws -> Int64 {
        try record.insert(db)
        return db.lastInsertedRowID
    }

    func insertBudgetAdjustmentLine(_ record: BudgetAdjustmentLineRecord) throws {
        try record.insert(db)
    }

    func budgetActivity(organizationID: Int64, from: Int, through: Int, accountPrefix: String?) throws -> [BudgetActivity] {
        try summing(organizationID: organizationID, from: from, to: through) { try BudgetActivityRow.fetchAll(db, sql: """
            SELECT a.code, b.expense, b.project, c.code AS counterpart, b.period, sum(b.debit) AS debit, sum(b.credit) AS credit
            FROM balance b JOIN account a ON a.id = b.account_id LEFT JOIN organization c ON c.id = b.counterpart_id
            WHERE b.organization_id = ? AND b.period BETWEEN ? AND ? AND b.closing = 0
              AND (a.code LIKE '4%' OR a.code LIKE '5%') AND a.code LIKE ? || '%'
            GROUP BY a.code, b.expense, b.project, b.counterpart_id, b.period
            """, arguments: [organizationID, from, through, accountPrefix ?? ""]).map(\.activity) }
    }

    func budgetControlMode(organizationID: Int64) throws -> BudgetControlMode {
        guard let row = try BudgetControlRow.fetchOne(db.cachedStatement(sql: "SELECT id, budget_control FROM organization WHERE id = ?"),
                                                      arguments: [organizationID]) else {
            throw BookError.storedValueInvalid(table: "organization", column: "id", value: String(organizationID), row: "id \(organizationID)")
        }
        return row.mode
    }

    func setBudgetControlMode(organizationID: Int64, _ mode: BudgetControlMode) throws {
        try db.execute(sql: "UPDATE organization SET budget_control = ? WHERE id = ?", arguments: [mode.rawValue, organizationID])
    }

    func budgetChart(organization: String) throws -> Chart {
        try chart(organization: organization).chart
    }

    func budgetCheckedVoucher(id: Int64) throws -> Voucher {
        try voucher(id: id)
    }
}

/// A budget line's row with its counterpart's code.
private struct BudgetLineRow: FetchableRecord {
    let stored: StoredBudgetLine

    init(row: Row) throws {
        stored = StoredBudgetLine(record: try BudgetLineRecord(row: row), counterpart: row["counterpart"])
    }
}

/// Turnover by the budget's dimensions in one month. The aggregates keep "none" as empty text.
private struct BudgetActivityRow: FetchableRecord {
    let activity: BudgetActivity

    init(row: Row) throws {
        let expense: String = row["expense"], project: String = row["project"]
        activity = BudgetActivity(accountCode: row["code"], expenseType: expense.isEmpty ? nil : try row.stored(Column("expense"), in: "balance") as ExpenseType,
                                  project: project.isEmpty ? nil : project, counterpart: row["counterpart"], period: row["period"],
                                  debitFen: try row.sumFen("debit"), creditFen: try row.sumFen("credit"))
    }
}

/// An organisation's budget control.
private struct BudgetControlRow: FetchableRecord {
    let mode: BudgetControlMode

    init(row: Row) throws {
        mode = try row.stored(Column("budget_control"), in: "organization")
    }
}
