import FundCore
import GRDB

extension SQLiteStorage: ReviewStorage {
    func postedVouchers(organizationID: Int64, year: Int) throws -> [Voucher] {
        let ids = try Int64.fetchAll(db, sql: """
            SELECT id FROM voucher WHERE organization_id = ? AND status = 'posted' AND period BETWEEN ? AND ?
            ORDER BY date, period, word, number
            """, arguments: [organizationID, year * 100 + 1, year * 100 + 12])
        return try ids.map { try voucher(id: $0) }
    }

    func auditedSubsidies(organizationID: Int64, year: Int) throws -> [AuditedSubsidy] {
        var subsidies: [AuditedSubsidy] = []
        for itemCode in try String.fetchAll(db, sql: "SELECT code FROM subsidy_item WHERE recipient_id = ? ORDER BY code", arguments: [organizationID]) {
            guard let stored = try subsidyItem(code: itemCode) else { throw BookError.subsidy(.unknownItem(code: itemCode)) }
        let (itemID, item) = (stored.id, stored.item)
            let before = try summing(organizationID: organizationID, from: 190001, to: (year - 1) * 100 + 12) { try SubsidyBeforeRow.fetchOne(db, sql: """
                SELECT coalesce(sum(CASE WHEN a.code LIKE '4%' THEN (CASE l.side WHEN 'C' THEN l.amount ELSE -l.amount END) ELSE 0 END), 0) AS received,
                       coalesce(sum(CASE WHEN a.code LIKE '5%' THEN (CASE l.side WHEN 'D' THEN l.amount ELSE -l.amount END) ELSE 0 END), 0) AS spent
                FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id JOIN account a ON a.id = l.account_id
                WHERE v.organization_id = ? AND v.status = 'posted' AND v.kind <> 'closing' AND l.project = ? AND v.period < ?
                """, arguments: [organizationID, itemCode, year * 100 + 1]) }
            let settled = try String.fetchOne(db, sql: "SELECT detail FROM subsidy_log WHERE item_id = ? AND action = 'settle' ORDER BY id DESC LIMIT 1",
                                              arguments: [itemID]).flatMap { LocalDate(parsing: $0.prefix(10)) }
            subsidies.append(AuditedSubsidy(item: item, receivedBefore: before?.received ?? 0, spentBefore: before?.spent ?? 0, settledOn: settled))
        }
        return subsidies
    }

    func auditedBudget(organizationID: Int64, organization: String, year: Int) throws -> [AuditedBudgetLine] {
        guard let budget = try budget(organizationID: organizationID, organization: organization, year: year, through: nil),
              budget.status == .approved else { return [] }
        let actuals = try budgetActuals(organizationID: organizationID, budget: budget, year: year, month: 12)
        return budget.lines.map { AuditedBudgetLine(key: $0.key, budget: $0.adjusted, actual: Money(fen: actuals[$0.key]?.yearToDate ?? 0)) }
    }

    func insertAudit(_ audit: AuditRowRecord) throws -> Int64 {
        try audit.insert(db)
        return db.lastInsertedRowID
    }

    func audits(organizationID: Int64, year: Int) throws -> [AuditRowRecord] {
        try AuditRowRecord.filter(AuditRowRecord.Columns.organizationID == organizationID && AuditRowRecord.Columns.year == year)
            .order(AuditRowRecord.Columns.id).fetchAll(db)
    }

    func latestAuditID(organizationID: Int64, year: Int) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit WHERE organization_id = ? AND year = ?", arguments: [organizationID, year])
    }

    func finding(id: Int64) throws -> FindingRowRecord? {
        try FindingRowRecord.fetchOne(db, key: id)
    }

    func finding(organizationID: Int64, year: Int, rule: String, key: String) throws -> FindingRowRecord? {
        try FindingRowRecord.filter(FindingRowRecord.Columns.organizationID == organizationID && FindingRowRecord.Columns.year == year
            && FindingRowRecord.Columns.rule == rule && FindingRowRecord.Columns.key == key).fetchOne(db)
    }

    func findings(organizationID: Int64, year: Int) throws -> [FindingRowRecord] {
        try FindingRowRecord.filter(FindingRowRecord.Columns.organizationID == organizationID && FindingRowRecord.Columns.year == year)
            .order(FindingRowRecord.Columns.id).fetchAll(db)
    }

    func insertFinding(_ finding: FindingRowRecord) throws -> Int64 {
        try finding.insert(db)
        return db.lastInsertedRowID
    }

    func updateFinding(_ finding: FindingRowRecord) throws {
        try finding.update(db, columns: [FindingRowRecord.Columns.text, FindingRowRecord.Columns.amount, FindingRowRecord.Columns.status,
                                         FindingRowRecord.Columns.lastAuditID])
    }

    func linkFindingVoucher(_ link: FindingVoucherRecord) throws {
        try link.insert(db, onConflict: .ignore)
    }

    func findingVoucherLabels(findingID: Int64) throws -> [String] {
        try FindingVoucherRecord.filter(FindingVoucherRecord.Columns.findingID == findingID).order(FindingVoucherRecord.Columns.voucherID).fetchAll(db)
            .map { try voucherLabel(id: $0.voucherID) ?? "#\($0.voucherID)" }
    }

    func findingVoucherIDs(findingID: Int64) throws -> [Int64] {
        try FindingVoucherRecord.filter(FindingVoucherRecord.Columns.findingID == findingID).order(FindingVoucherRecord.Columns.voucherID).fetchAll(db)
            .map(\.voucherID)
    }

    func appendFindingEvent(_ event: FindingEventRecord) throws {
        try event.insert(db)
    }

    func findingEvents(findingID: Int64) throws -> [FindingEventRecord] {
        try FindingEventRecord.filter(FindingEventRecord.Columns.findingID == findingID).order(FindingEventRecord.Columns.id).fetchAll(db)
    }

    func opinion(organizationID: Int64, year: Int) throws -> OpinionRowRecord? {
        try OpinionRowRecord.filter(OpinionRowRecord.Columns.organizationID == organizationID && OpinionRowRecord.Columns.year == year).fetchOne(db)
    }

    func insertOpinion(_ opinion: OpinionRowRecord) throws -> Int64 {
        try opinion.insert(db)
        return db.lastInsertedRowID
    }

    func insertOpinionSigner(_ signer: OpinionSignerRecord) throws {
        try signer.insert(db)
    }

    func opinionSigners(opinionID: Int64) throws -> [OpinionSignerRecord] {
        try OpinionSignerRecord.fetchAll(db, sql: """
            SELECT * FROM opinion_signer WHERE opinion_id = ?
            ORDER BY CASE office WHEN 'chair' THEN 0 WHEN 'vice-chair' THEN 1 ELSE 2 END, name
            """, arguments: [opinionID])
    }
}

/// What a recipient received and spent on a subsidy item before the audited year.
private struct SubsidyBeforeRow: FetchableRecord {
    let received: Int64
    let spent: Int64

    init(row: Row) throws {
        received = try row.sumFen("received")
        spent = try row.sumFen("spent")
    }
}
