import FundCore
import GRDB

extension Book {
    /// Reads budget lines from a CSV file (org/单位, year/年度, account/科目编码, expense/支出类型,
    /// project/项目, counterpart/往来单位, amount/金额, note/说明) and stores each organisation's
    /// draft budget for its year, replacing an earlier draft. All or nothing; an approved budget
    /// changes only through `adjustBudget`.
    @discardableResult
    public func importBudgets(path: String, by user: String) throws -> [(organization: String, year: Int, lines: Int)] {
        let (file, records) = try Book.readCSVRecords(path: path)
        guard let header = records.first else {
            throw InputErrors([InputError(file: file, line: 0, rule: "empty-file", message: "the file is empty; the first row names the columns org,year,account,expense,project,counterpart,amount,note")])
        }
        let aliases = ["单位": "org", "年度": "year", "科目编码": "account", "支出类型": "expense", "项目": "project",
                       "往来单位": "counterpart", "金额": "amount", "预算数": "amount", "说明": "note"]
        let columns = header.fields.map { aliases[$0] ?? $0.lowercased() }
        for required in ["org", "year", "account", "amount"] where !columns.contains(required) {
            throw InputErrors([InputError(file: file, line: header.line, column: required, rule: "missing-column",
                                          message: "the header has no column \(required); name the columns org,year,account,expense,project,counterpart,amount,note")])
        }
        var errors: [InputError] = []
        var groups: [String: (organization: String, year: Int, line: Int, lines: [BudgetLine])] = [:]
        var order: [String] = []
        for record in records.dropFirst() {
            var values: [String: String] = [:]
            for (name, value) in zip(columns, record.fields) where !value.isEmpty { values[name] = value }
            func fail(_ column: String, _ message: String) {
                errors.append(InputError(file: file, line: record.line, column: column, rule: "bad-budget-line", message: message))
            }
            guard let organization = values["org"] else { fail("org", "the row names no organisation"); continue }
            guard let year = Int(values["year"] ?? ""), (1900...9999).contains(year) else { fail("year", "\"\(values["year"] ?? "")\" is not a year"); continue }
            guard let account = values["account"], AccountCode.isWellFormed(account) else { fail("account", "\"\(values["account"] ?? "")\" is not an account code"); continue }
            var expense: ExpenseType?
            if let text = values["expense"] {
                guard let type = ExpenseType(text: text) else { fail("expense", "\"\(text)\" is not 基本支出 or 项目支出"); continue }
                expense = type
            }
            guard let amount = try? Money(parsing: values["amount"] ?? "") else { fail("amount", "\"\(values["amount"] ?? "")\" is not an amount"); continue }
            let key = organization + "|" + String(year)
            if groups[key] == nil { groups[key] = (organization, year, record.line, []); order.append(key) }
            groups[key]!.lines.append(BudgetLine(key: BudgetKey(account: account, expenseType: expense, project: values["project"],
                                                               counterpart: values["counterpart"]), original: amount, note: values["note"] ?? ""))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return try write { db in
            var result: [(String, Int, Int)] = []
            for key in order {
                let group = groups[key]!
                func fail(_ message: String) -> InputErrors {
                    InputErrors([InputError(file: file, line: group.line, column: "org", rule: "bad-budget", message: "\(group.organization) \(group.year): \(message)")])
                }
                guard let organizationID = try Int64.fetchOne(db, sql: "SELECT id FROM organization WHERE code = ?", arguments: [group.organization]) else {
                    throw fail("there is no organisation \(group.organization) in the book")
                }
                try authorize(db, .writeBooks, organization: group.organization)
                let chart = try Book.chart(db, organization: group.organization).chart
                if let problem = Budget.check(group.lines, chart: chart).first { throw fail(problem) }
                if let row = try Row.fetchOne(db, sql: "SELECT id, status FROM budget WHERE organization_id = ? AND year = ?", arguments: [organizationID, group.year]) {
                    if row["status"] as String == "approved" {
                        throw fail("the budget is approved; it changes only through a numbered adjustment (`fundledger budget adjust`)")
                    }
                    try db.execute(sql: "DELETE FROM budget_line WHERE budget_id = ?", arguments: [row["id"] as Int64])
                    try db.execute(sql: "DELETE FROM budget WHERE id = ?", arguments: [row["id"] as Int64])
                }
                try db.execute(sql: "INSERT INTO budget (organization_id, year, status, created_at, created_by) VALUES (?, ?, 'draft', ?, ?)",
                               arguments: [organizationID, group.year, Book.now(), user])
                let budgetID = db.lastInsertedRowID
                for (position, line) in group.lines.enumerated() {
                    try Book.insertBudgetLine(db, budgetID: budgetID, position: position + 1, line: line, file: file, row: group.line)
                }
                result.append((group.organization, group.year, group.lines.count))
            }
            return result
        }
    }

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

    /// Approves a draft budget (批复) under a document number; from then on it changes only by
    /// numbered adjustments.
    public func approveBudget(organization: String, year: Int, document: String, by user: String) throws {
        try write { db in
            try authorize(db, .writeBooks, organization: organization)
            let organizationID = try Book.organizationID(db, organization)
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM budget WHERE organization_id = ? AND year = ?", arguments: [organizationID, year]) else {
                throw BookError.noBudget(organization: organization, year: year)
            }
            if status == "approved" { throw BookError.database("\(organization)'s budget for \(year) is already approved") }
            try db.execute(sql: "UPDATE budget SET status = 'approved', document = ?, approved_at = ?, approved_by = ? WHERE organization_id = ? AND year = ?",
                           arguments: [document, Book.now(), user, organizationID, year])
        }
    }

    /// Records a numbered adjustment (预算调整) of an approved budget: the document, date and
    /// reason, and the change of each line (new lines may be added). Every version is kept.
    @discardableResult
    public func adjustBudget(organization: String, year: Int, document: String, date: LocalDate, reason: String,
                             changes: [BudgetKey: Money], by user: String) throws -> Int {
        guard !reason.trimmingWhitespace.isEmpty, !document.trimmingWhitespace.isEmpty else { throw BookError.missingReason }
        return try write { db in
            try authorize(db, .writeBooks, organization: organization)
            let organizationID = try Book.organizationID(db, organization)
            guard let row = try Row.fetchOne(db, sql: "SELECT id, status FROM budget WHERE organization_id = ? AND year = ?", arguments: [organizationID, year]) else {
                throw BookError.noBudget(organization: organization, year: year)
            }
            guard row["status"] as String == "approved" else {
                throw BookError.database("\(organization)'s budget for \(year) is a draft; change the draft and import it again, or approve it first")
            }
            let budgetID: Int64 = row["id"]
            var current = try Book.loadBudget(db, organizationID: organizationID, organization: organization, year: year, through: nil)!
            let chart = try Book.chart(db, organization: organization).chart
            let newLines = changes.keys.filter { key in !current.lines.contains { $0.key == key } }.sorted()
            let added = newLines.map { BudgetLine(key: $0, original: .zero) }
            if let problem = Budget.check(current.lines + added, chart: chart).first { throw BookError.database(problem) }
            var position = current.lines.count
            for line in added {
                position += 1
                try Book.insertBudgetLine(db, budgetID: budgetID, position: position, line: line, file: "--change", row: 0)
                current.lines.append(line)
            }
            let number = (try Int.fetchOne(db, sql: "SELECT max(number) FROM budget_adjustment WHERE budget_id = ?", arguments: [budgetID]) ?? 0) + 1
            try db.execute(sql: "INSERT INTO budget_adjustment (budget_id, number, document, date, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [budgetID, number, document, date.description, reason, Book.now(), user])
            let adjustmentID = db.lastInsertedRowID
            for (key, delta) in changes where !delta.isZero {
                let line = current.lines.first { $0.key == key }!
                if line.adjusted.fen + delta.fen < 0 {
                    throw BookError.database("line \(key) would fall to \(Money(fen: line.adjusted.fen + delta.fen)); a budget line cannot go below zero")
                }
                let lineID = try Book.budgetLineID(db, budgetID: budgetID, key: key)
                try db.execute(sql: "INSERT INTO budget_adjustment_line (adjustment_id, line_id, delta) VALUES (?, ?, ?)",
                               arguments: [adjustmentID, lineID, delta.fen])
            }
            return number
        }
    }

    /// The organisation's budget for a year, with amounts after every adjustment up to `version`
    /// (nil: all of them; 0: as approved).
    public func budget(organization: String, year: Int, version: Int? = nil) throws -> Budget? {
        try read { db in
            try authorize(db, .read, organization: organization)
            return try Book.loadBudget(db, organizationID: try Book.organizationID(db, organization), organization: organization, year: year, through: version)
        }
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
