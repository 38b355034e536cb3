import FundCore

/// Budgets: draft import, approval, numbered adjustments with every version kept, budget control
/// (warn or refuse), and actuals against the budget lines.
///
/// Whether lines are sound, whether an adjustment may be made, the actuals and the overruns are
/// decided in FundCore (`Budget.problems`, `BudgetAdjustments`, `BudgetControl`); the service
/// loads what they need through the storage and applies the answer.
public struct BudgetService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Actuals of every line of the organisation's budget for `year`, in `month` and from January
    /// to `month`, from the aggregates (closing vouchers left out).
    public func budgetActuals(organization: String, year: Int, month: Int) throws -> [BudgetKey: BudgetActual] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let organizationID = try storage.organizationID(organization)
            guard let budget = try storage.budget(organizationID: organizationID, organization: organization, year: year, through: nil) else {
                throw BookError.noBudget(organization: organization, year: year)
            }
            return try storage.budgetActuals(organizationID: organizationID, budget: budget, year: year, month: month)
        }
    }

    /// Overruns caused by a posted voucher, for the CLI to warn about.
    public func budgetOverruns(voucherID: Int64) throws -> [BudgetOverrun] {
        try reading { storage in
            let voucher = try storage.budgetCheckedVoucher(id: voucherID)
            try authorize(storage, .read, organization: voucher.draft.organization)
            return try storage.budgetOverruns(voucher: voucher)
        }
    }

    /// Whether postings that overrun the budget only warn (default) or are refused.
    public func setBudgetControl(organization: String, refuse: Bool) throws {
        try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let organizationID = try storage.organizationID(organization)
            try storage.setBudgetControlMode(organizationID: organizationID, refuse ? .refuse : .warn)
        }
    }

    /// Reads budget lines from a CSV file (org/单位, year/年度, account/科目编码, expense/支出类型,
    /// project/项目, counterpart/往来单位, amount/金额, note/说明) and stores each organisation's
    /// draft budget for its year, replacing an earlier draft. All or nothing; an approved budget
    /// changes only through `adjustBudget`.
    @discardableResult
    public func importBudgets(path: String) throws -> [(organization: String, year: Int, lines: Int)] {
        let (file, records) = try ImportFiles.readCSVRecords(path: path)
        guard let header = records.first else {
            throw InputErrors([InputError(file: file, line: 0, rule: "empty-file", message: "the file is empty; the first row names the columns org,year,account,expense,project,counterpart,amount,note",
                                          chinese: "文件为空；第一行应写列名 org,year,account,expense,project,counterpart,amount,note（或 单位,年度,科目编码,支出类型,项目,往来单位,金额,说明）")])
        }
        let aliases = ["单位": "org", "年度": "year", "科目编码": "account", "支出类型": "expense", "项目": "project",
                       "往来单位": "counterpart", "金额": "amount", "预算数": "amount", "说明": "note"]
        let columns = header.fields.map { aliases[$0] ?? $0.lowercased() }
        for required in ["org", "year", "account", "amount"] where !columns.contains(required) {
            throw InputErrors([InputError(file: file, line: header.line, column: required, rule: "missing-column",
                                          message: "the header has no column \(required); name the columns org,year,account,expense,project,counterpart,amount,note",
                                          chinese: "表头没有 \(required) 列；列名应为 org,year,account,expense,project,counterpart,amount,note（或 单位,年度,科目编码,支出类型,项目,往来单位,金额,说明）")])
        }
        var errors: [InputError] = []
        var groups: [String: (organization: String, year: Int, line: Int, lines: [BudgetLine])] = [:]
        var order: [String] = []
        for record in records.dropFirst() {
            var values: [String: String] = [:]
            for (name, value) in zip(columns, record.fields) where !value.isEmpty { values[name] = value }
            func fail(_ column: String, _ message: String, _ chinese: String) {
                errors.append(InputError(file: file, line: record.line, column: column, rule: "bad-budget-line", message: message, chinese: chinese))
            }
            guard let organization = values["org"] else { fail("org", "the row names no organisation", "该行没有填写单位"); continue }
            guard let year = Int(values["year"] ?? ""), (1900...9999).contains(year) else { fail("year", "\"\(values["year"] ?? "")\" is not a year", "“\(values["year"] ?? "")”不是年份"); continue }
            guard let account = values["account"], AccountCode.isWellFormed(account) else { fail("account", "\"\(values["account"] ?? "")\" is not an account code", "“\(values["account"] ?? "")”不是科目编码"); continue }
            var expense: ExpenseType?
            if let text = values["expense"] {
                guard let type = ExpenseType(text: text) else { fail("expense", "\"\(text)\" is not 基本支出 or 项目支出", "“\(text)”不是 基本支出 或 项目支出"); continue }
                expense = type
            }
            guard let amount = try? Money(input: values["amount"] ?? "") else { fail("amount", "\"\(values["amount"] ?? "")\" is not an amount", "“\(values["amount"] ?? "")”不是金额"); continue }
            guard amount.fen.magnitude <= UInt64(Limits.lineAmountFen) else {
                errors.append(InputError(file: file, line: record.line, column: "amount", rule: "amount-too-large",
                                         message: "the amount \(amount.grouped) exceeds the limit of \(Money(fen: Limits.lineAmountFen).grouped) yuan per budget line; split it over several lines",
                                         chinese: "金额 \(amount.grouped) 超过每个预算行的上限 \(Money(fen: Limits.lineAmountFen).grouped) 元；请拆成几行"))
                continue
            }
            let key = organization + "|" + String(year)
            if groups[key] == nil { groups[key] = (organization, year, record.line, []); order.append(key) }
            groups[key]?.lines.append(BudgetLine(key: BudgetKey(account: account, expenseType: expense, project: values["project"],
                                                               counterpart: values["counterpart"]), original: amount, note: values["note"] ?? ""))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return try writing { storage in
            var result: [(String, Int, Int)] = []
            for key in order {
                guard let group = groups[key] else { continue }
                func fail(_ message: String, _ chinese: String) -> InputErrors {
                    InputErrors([InputError(file: file, line: group.line, column: "org", rule: "bad-budget", message: "\(group.organization) \(group.year): \(message)",
                                            chinese: "\(group.organization) \(group.year) 年：\(chinese)")])
                }
                guard let organizationID = try organizationIDIfAny(group.organization, in: storage) else {
                    throw fail("there is no organisation \(group.organization) in the book", "账套中没有单位 \(group.organization)")
                }
                try authorize(storage, .writeBooks, organization: group.organization)
                let chart = try storage.budgetChart(organization: group.organization)
                if let problem = Budget.problems(group.lines, chart: chart).first { throw fail(problem.description, problem.chinese) }
                if let existing = try storage.budgetRecord(organizationID: organizationID, year: group.year), let existingID = existing.id {
                    if existing.status == .approved {
                        throw fail("the budget is approved; it changes only through a numbered adjustment (`fundledger budget adjust`)",
                                   "预算已批复；只能通过编号的预算调整（`fundledger budget adjust`）更改")
                    }
                    try storage.deleteDraftBudget(id: existingID)
                }
                let budgetID = try storage.insertBudget(BudgetRecord(organizationID: organizationID, year: group.year, status: .draft,
                                                                     createdAt: Store.now(), createdBy: user))
                for (position, line) in group.lines.enumerated() {
                    try insertLine(line, budgetID: budgetID, position: position + 1, file: file, row: group.line, in: storage)
                }
                result.append((group.organization, group.year, group.lines.count))
            }
            return result
        }
    }

    /// Approves a draft budget (批复) under a document number; from then on it changes only by
    /// numbered adjustments. Returns what the seed's rules warn of (a federation under the union
    /// without a line of its own), or refuses it where the union's setting says so.
    @discardableResult
    public func approveBudget(organization: String, year: Int, document: String) throws -> [FederationRefusal] {
        try checkText(["the document": document])
        return try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let organizationID = try storage.organizationID(organization)
            guard let record = try storage.budgetRecord(organizationID: organizationID, year: year), let budgetID = record.id else {
                throw BookError.noBudget(organization: organization, year: year)
            }
            if record.status == .approved { throw BookError.budget(.alreadyApproved(organization: organization, year: year)) }
            let lines = try storage.budget(organizationID: organizationID, organization: organization, year: year, through: nil)?.lines.map(\.key) ?? []
            let warnings = try FederationService.checkFederationLines(organization: organization, organizationID: organizationID, year: year,
                                                                      lines: lines, in: storage)
            try storage.approveBudget(id: budgetID, document: document, at: Store.now(), by: user)
            return warnings
        }
    }

    /// Records a numbered adjustment (预算调整) of an approved budget: the document, date and
    /// reason, and the change of each line (new lines may be added). Every version is kept.
    @discardableResult
    public func adjustBudget(organization: String, year: Int, document: String, date: LocalDate, reason: String,
                             changes: [BudgetKey: Money]) throws -> Int {
        try checkText(["the document": document, "the reason": reason])
        guard !reason.trimmingWhitespace.isEmpty, !document.trimmingWhitespace.isEmpty else { throw BookError.missingReason }
        return try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let organizationID = try storage.organizationID(organization)
            guard let record = try storage.budgetRecord(organizationID: organizationID, year: year), let budgetID = record.id,
                  let current = try storage.budget(organizationID: organizationID, organization: organization, year: year, through: nil) else {
                throw BookError.noBudget(organization: organization, year: year)
            }
            let chart = try storage.budgetChart(organization: organization)
            let added = try decided { () throws(BudgetProblem) in try BudgetAdjustments.newLines(current, changes: changes, chart: chart) }
            var lineIDs: [BudgetKey: Int64] = [:]
            for line in try storage.budgetLines(budgetID: budgetID) { lineIDs[line.key] = line.record.id }
            var position = current.lines.count
            for line in added {
                position += 1
                lineIDs[line.key] = try insertLine(line, budgetID: budgetID, position: position, file: "--change", row: 0, in: storage)
            }
            let deltas = try decided { () throws(BudgetProblem) in try BudgetAdjustments.deltas(current.lines + added, changes: changes) }
            let number = (try storage.budgetAdjustments(budgetID: budgetID).last?.number ?? 0) + 1
            let adjustmentID = try storage.insertBudgetAdjustment(BudgetAdjustmentRecord(budgetID: budgetID, number: number, document: document, date: date,
                                                                                         reason: reason, createdAt: Store.now(), createdBy: user))
            for (key, delta) in deltas {
                guard let lineID = lineIDs[key] else { continue }
                try storage.insertBudgetAdjustmentLine(BudgetAdjustmentLineRecord(adjustmentID: adjustmentID, lineID: lineID, delta: delta))
            }
            return number
        }
    }

    /// The organisation's budget for a year, with amounts after every adjustment up to `version`
    /// (nil: all of them; 0: as approved).
    public func budget(organization: String, year: Int, version: Int? = nil) throws -> Budget? {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try storage.budget(organizationID: try storage.organizationID(organization), organization: organization, year: year, through: version)
        }
    }

    // MARK: - Applying decisions

    /// Stores a line, its counterpart resolved to the organisation's row; an unknown counterpart
    /// is an input error at `file`'s `row`. The line's row id.
    @discardableResult
    private func insertLine(_ line: BudgetLine, budgetID: Int64, position: Int, file: String, row: Int, in storage: any BookStorage) throws -> Int64 {
        var counterpartID: Int64?
        if let code = line.key.counterpart {
            guard let id = try organizationIDIfAny(code, in: storage) else {
                throw InputErrors([InputError(file: file, line: row, column: "counterpart", rule: "unknown-counterpart",
                                              message: "the counterpart organisation \(code) is not in the book",
                                              chinese: "往来单位 \(code) 不在账套中")])
            }
            counterpartID = id
        }
        return try storage.insertBudgetLine(BudgetLineRecord(budgetID: budgetID, position: position, account: line.key.account,
                                                             expenseType: line.key.expenseType, project: line.key.project,
                                                             counterpartID: counterpartID, amount: line.original, note: line.note))
    }

    /// The decision's answer, or its problem as the book's refusal.
    private func decided<T>(_ decide: () throws(BudgetProblem) -> T) throws -> T {
        do throws(BudgetProblem) { return try decide() } catch { throw BookError.budget(error) }
    }

    private func organizationIDIfAny(_ code: String, in storage: any BookStorage) throws -> Int64? {
        do {
            return try storage.organizationID(code)
        } catch let error as BookError {
            if case .unknownOrganization = error { return nil }
            throw error
        }
    }
}

extension Session {
    /// This session's BudgetService.
    public var budgets: BudgetService { BudgetService(session: self) }
}
