import Foundation
import FundCore
import GRDB

extension SQLiteBook {
    static func insertBudgetLine(_ db: Database, budgetID: Int64, position: Int, line: BudgetLine, file: String, row: Int) throws {
        var counterpartID: Int64?
        if let code = line.key.counterpart {
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM organization WHERE code = ?", arguments: [code]) else {
                throw InputErrors([InputError(file: file, line: row, column: "counterpart", rule: "unknown-counterpart",
                                              message: "the counterpart organisation \(code) is not in the book")])
            }
            counterpartID = id
        }
        try db.execute(sql: """
            INSERT INTO budget_line (budget_id, position, account, expense, project, counterpart_id, amount, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [budgetID, position, line.key.account, line.key.expenseType?.rawValue ?? "", line.key.project ?? "",
                             counterpartID, line.original.fen, line.note])
    }

    static func budgetLineID(_ db: Database, budgetID: Int64, key: BudgetKey) throws -> Int64 {
        try Int64.fetchOne(db, sql: """
            SELECT l.id FROM budget_line l LEFT JOIN organization c ON c.id = l.counterpart_id
            WHERE l.budget_id = ? AND l.account = ? AND l.expense = ? AND l.project = ? AND coalesce(c.code, '') = ?
            """, arguments: [budgetID, key.account, key.expenseType?.rawValue ?? "", key.project ?? "", key.counterpart ?? ""])!
    }

    static func loadBudget(_ db: Database, organizationID: Int64, organization: String, year: Int, through version: Int?) throws -> Budget? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM budget WHERE organization_id = ? AND year = ?", arguments: [organizationID, year]) else { return nil }
        let budgetID: Int64 = row["id"]
        let lineRows = try Row.fetchAll(db, sql: """
            SELECT l.id, l.account, l.expense, l.project, c.code AS counterpart, l.amount, l.note,
                   coalesce((SELECT sum(al.delta) FROM budget_adjustment_line al JOIN budget_adjustment a ON a.id = al.adjustment_id
                             WHERE al.line_id = l.id AND a.number <= ?), 0) AS delta
            FROM budget_line l LEFT JOIN organization c ON c.id = l.counterpart_id WHERE l.budget_id = ? ORDER BY l.position
            """, arguments: [version ?? Int.max, budgetID])
        let lines = lineRows.map { line -> BudgetLine in
            let expense: String = line["expense"], project: String = line["project"]
            let key = BudgetKey(account: line["account"], expenseType: ExpenseType(rawValue: expense), project: project.isEmpty ? nil : project,
                                counterpart: line["counterpart"])
            let original = Money(fen: line["amount"])
            return BudgetLine(key: key, original: original, adjusted: Money(fen: original.fen + (line["delta"] as Int64)), note: line["note"])
        }
        let adjustments = try Row.fetchAll(db, sql: "SELECT * FROM budget_adjustment WHERE budget_id = ? AND number <= ? ORDER BY number",
                                           arguments: [budgetID, version ?? Int.max]).map { adjustment -> BudgetAdjustment in
            var changes: [BudgetKey: Money] = [:]
            for change in try Row.fetchAll(db, sql: "SELECT line_id, delta FROM budget_adjustment_line WHERE adjustment_id = ?", arguments: [adjustment["id"] as Int64]) {
                let index = lineRows.firstIndex { ($0["id"] as Int64) == (change["line_id"] as Int64) }!
                changes[lines[index].key] = Money(fen: change["delta"])
            }
            return BudgetAdjustment(number: adjustment["number"], document: adjustment["document"], date: LocalDate(parsing: adjustment["date"] as String)!,
                                    reason: adjustment["reason"], changes: changes)
        }
        return Budget(organization: organization, year: year, status: BudgetStatus(rawValue: row["status"])!, document: row["document"],
                      lines: lines, adjustments: adjustments)
    }
}
