import FundCore
import GRDB

/// Budgets: draft import, approval, numbered adjustments with every version kept, budget control
/// (warn or refuse), and actuals against the budget lines.
public struct BudgetService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Actuals of every line of the organisation's budget for `year`, in `month` and from January
    /// to `month`, from the aggregates (closing vouchers left out).
    public func budgetActuals(organization: String, year: Int, month: Int) throws -> [BudgetKey: BudgetActual] {
        try read { db in
            try authorize(db, .read, organization: organization)
            let organizationID = try SQLiteBook.organizationID(db, organization)
            guard let budget = try SQLiteBook.loadBudget(db, organizationID: organizationID, organization: organization, year: year, through: nil) else {
                throw BookError.noBudget(organization: organization, year: year)
            }
            return try SQLiteBook.budgetActuals(db, organizationID: organizationID, budget: budget, year: year, month: month)
        }
    }

    /// Overruns caused by a posted voucher, for the CLI to warn about.
    public func budgetOverruns(voucherID: Int64) throws -> [String] {
        try read { db in
            let voucher = try SQLiteBook.fetchVoucher(db, id: voucherID)
            try authorize(db, .read, organization: voucher.draft.organization)
            return try SQLiteBook.budgetOverruns(db, voucher: voucher)
        }
    }

    /// Whether postings that overrun the budget only warn (default) or are refused.
    public func setBudgetControl(organization: String, refuse: Bool) throws {
        try write { db in
            try authorize(db, .writeBooks, organization: organization)
            _ = try SQLiteBook.organizationID(db, organization)
            try db.execute(sql: "UPDATE organization SET budget_control = ? WHERE code = ?", arguments: [refuse ? "refuse" : "warn", organization])
        }
    }

    /// Reads budget lines from a CSV file (org/单位, year/年度, account/科目编码, expense/支出类型,
    /// project/项目, counterpart/往来单位, amount/金额, note/说明) and stores each organisation's
    /// draft budget for its year, replacing an earlier draft. All or nothing; an approved budget
    /// changes only through `adjustBudget`.
    @discardableResult
    public func importBudgets(path: String) throws -> [(organization: String, year: Int, lines: Int)] {
        let (file, records) = try SQLiteBook.readCSVRecords(path: path)
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
                let chart = try SQLiteBook.chart(db, organization: group.organization).chart
                if let problem = Budget.check(group.lines, chart: chart).first { throw fail(problem) }
                if let row = try Row.fetchOne(db, sql: "SELECT id, status FROM budget WHERE organization_id = ? AND year = ?", arguments: [organizationID, group.year]) {
                    if row["status"] as String == "approved" {
                        throw fail("the budget is approved; it changes only through a numbered adjustment (`fundledger budget adjust`)")
                    }
                    try db.execute(sql: "DELETE FROM budget_line WHERE budget_id = ?", arguments: [row["id"] as Int64])
                    try db.execute(sql: "DELETE FROM budget WHERE id = ?", arguments: [row["id"] as Int64])
                }
                try db.execute(sql: "INSERT INTO budget (organization_id, year, status, created_at, created_by) VALUES (?, ?, 'draft', ?, ?)",
                               arguments: [organizationID, group.year, Store.now(), user])
                let budgetID = db.lastInsertedRowID
                for (position, line) in group.lines.enumerated() {
                    try SQLiteBook.insertBudgetLine(db, budgetID: budgetID, position: position + 1, line: line, file: file, row: group.line)
                }
                result.append((group.organization, group.year, group.lines.count))
            }
            return result
        }
    }

    /// Approves a draft budget (批复) under a document number; from then on it changes only by
    /// numbered adjustments.
    public func approveBudget(organization: String, year: Int, document: String) throws {
        try write { db in
            try authorize(db, .writeBooks, organization: organization)
            let organizationID = try SQLiteBook.organizationID(db, organization)
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM budget WHERE organization_id = ? AND year = ?", arguments: [organizationID, year]) else {
                throw BookError.noBudget(organization: organization, year: year)
            }
            if status == "approved" { throw BookError.database("\(organization)'s budget for \(year) is already approved") }
            try db.execute(sql: "UPDATE budget SET status = 'approved', document = ?, approved_at = ?, approved_by = ? WHERE organization_id = ? AND year = ?",
                           arguments: [document, Store.now(), user, organizationID, year])
        }
    }

    /// Records a numbered adjustment (预算调整) of an approved budget: the document, date and
    /// reason, and the change of each line (new lines may be added). Every version is kept.
    @discardableResult
    public func adjustBudget(organization: String, year: Int, document: String, date: LocalDate, reason: String,
                             changes: [BudgetKey: Money]) throws -> Int {
        guard !reason.trimmingWhitespace.isEmpty, !document.trimmingWhitespace.isEmpty else { throw BookError.missingReason }
        return try write { db in
            try authorize(db, .writeBooks, organization: organization)
            let organizationID = try SQLiteBook.organizationID(db, organization)
            guard let row = try Row.fetchOne(db, sql: "SELECT id, status FROM budget WHERE organization_id = ? AND year = ?", arguments: [organizationID, year]) else {
                throw BookError.noBudget(organization: organization, year: year)
            }
            guard row["status"] as String == "approved" else {
                throw BookError.database("\(organization)'s budget for \(year) is a draft; change the draft and import it again, or approve it first")
            }
            let budgetID: Int64 = row["id"]
            var current = try SQLiteBook.loadBudget(db, organizationID: organizationID, organization: organization, year: year, through: nil)!
            let chart = try SQLiteBook.chart(db, organization: organization).chart
            let newLines = changes.keys.filter { key in !current.lines.contains { $0.key == key } }.sorted()
            let added = newLines.map { BudgetLine(key: $0, original: .zero) }
            if let problem = Budget.check(current.lines + added, chart: chart).first { throw BookError.database(problem) }
            var position = current.lines.count
            for line in added {
                position += 1
                try SQLiteBook.insertBudgetLine(db, budgetID: budgetID, position: position, line: line, file: "--change", row: 0)
                current.lines.append(line)
            }
            let number = (try Int.fetchOne(db, sql: "SELECT max(number) FROM budget_adjustment WHERE budget_id = ?", arguments: [budgetID]) ?? 0) + 1
            try db.execute(sql: "INSERT INTO budget_adjustment (budget_id, number, document, date, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [budgetID, number, document, date.description, reason, Store.now(), user])
            let adjustmentID = db.lastInsertedRowID
            for (key, delta) in changes where !delta.isZero {
                let line = current.lines.first { $0.key == key }!
                if line.adjusted.fen + delta.fen < 0 {
                    throw BookError.database("line \(key) would fall to \(Money(fen: line.adjusted.fen + delta.fen)); a budget line cannot go below zero")
                }
                let lineID = try SQLiteBook.budgetLineID(db, budgetID: budgetID, key: key)
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
            return try SQLiteBook.loadBudget(db, organizationID: try SQLiteBook.organizationID(db, organization), organization: organization, year: year, through: version)
        }
    }
}

extension Session {
    /// This session's BudgetService.
    public var budgets: BudgetService { BudgetService(session: self) }
}
