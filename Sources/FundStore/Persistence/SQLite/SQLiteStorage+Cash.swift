import FundCore
import GRDB

/// What the cash and bank check has read within one posting context. An import keeps one
/// context for its whole transaction, so each account is read once and then kept up to date by
/// the vouchers the context posts; a voucher dated before what was read makes it read again.
struct CashCache {
    struct Key: Hashable {
        let organizationID: Int64
        let accountID: Int64
    }
    /// Each account's position from the first day of `from` on.
    var positions: [Key: (from: Period, position: CashPosition)] = [:]
    /// Whether an organisation refuses 102 in credit.
    var refusesBankCredit: [Int64: Bool] = [:]
}

extension SQLiteStorage: CashStorage {
    func bankCreditMode(organizationID: Int64) throws -> BankCreditMode {
        guard let text = try String.fetchOne(db.cachedStatement(sql: "SELECT bank_credit FROM cash_control WHERE organization_id = ?"),
                                             arguments: [organizationID]) else { return .warn }
        guard let mode = BankCreditMode(rawValue: text) else {
            throw BookError.storedValueInvalid(table: "cash_control", column: "bank_credit", value: text, row: "organization_id \(organizationID)")
        }
        return mode
    }

    func setBankCreditMode(organizationID: Int64, _ setting: BankCreditSetting) throws {
        try db.execute(sql: """
            INSERT INTO cash_control (organization_id, bank_credit, set_at, set_by) VALUES (?, ?, ?, ?)
            ON CONFLICT (organization_id) DO UPDATE SET bank_credit = excluded.bank_credit, set_at = excluded.set_at, set_by = excluded.set_by
            """, arguments: [organizationID, setting.mode.rawValue, setting.setAt, setting.setBy])
    }

    func cashShortfalls(voucherID: Int64) throws -> [CashShortfall] {
        let voucher = try self.voucher(id: voucherID)
        guard voucher.status == .posted else { return [] }
        let draft = voucher.draft
        let accounts = try CashLineRow.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT a.code, l.account_id FROM voucher_line l JOIN account a ON a.id = l.account_id WHERE l.voucher_id = ?
            """), arguments: [voucherID])
        let organizationID = try self.organizationID(draft.organization)
        let changes = try BookError.summing { () throws(SumOverflow) in try CashRules.netChanges(draft.lines, organization: draft.organization, period: draft.period) }
        var shortfalls: [CashShortfall] = []
        for account in accounts.sorted(by: { $0.code < $1.code }) {
            guard let change = changes[account.code], change < 0 else { continue }
            let position = try cashPosition(organizationID: organizationID, accountID: account.accountID, from: draft.period, excluding: voucherID)
            if let shortfall = try BookError.summing({ () throws(SumOverflow) in
                try CashRules.shortfall(organization: draft.organization, account: account.code, date: draft.date, change: change, position: position)
            }) { shortfalls.append(shortfall) }
        }
        return shortfalls
    }

    /// What the book holds of one account before anything dated in `from` or later is added:
    /// the balance before `from` (from the balance table) and each day's posted turnover from
    /// the first of `from` on, leaving out `excluding`.
    func cashPosition(organizationID: Int64, accountID: Int64, from: Period, excluding: Int64? = nil) throws -> CashPosition {
        let organization = { (try? String.fetchOne(self.db, sql: "SELECT code FROM organization WHERE id = ?", arguments: [organizationID])) ?? nil }
        var opening: Int64 = 0
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT debit, credit FROM balance WHERE organization_id = ? AND account_id = ? AND period < ?
            """), arguments: [organizationID, accountID, from.key]) {
            let debit: Int64 = row[0], credit: Int64 = row[1]
            let (net, o1) = debit.subtractingReportingOverflow(credit)
            let (sum, o2) = opening.addingReportingOverflow(net)
            if o1 || o2 { throw BookError.sumOverflow(SumOverflow(organization: organization() ?? "", account: nil, month: from)) }
            opening = sum
        }
        var days: [LocalDate: Int64] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT v.date, l.side, l.amount FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id
            WHERE v.organization_id = ? AND v.period >= ? AND v.status = 'posted' AND l.account_id = ? AND v.id <> ?
            """), arguments: [organizationID, from.key, accountID, excluding ?? 0]) {
            let text: String = row[0], side: String = row[1], amount: Int64 = row[2]
            guard let date = LocalDate(parsing: text) else {
                throw BookError.storedValueInvalid(table: "voucher", column: "date", value: text, row: "a voucher of organization id \(organizationID)")
            }
            let signed = side == "D" ? amount : -amount
            let (sum, overflow) = (days[date] ?? 0).addingReportingOverflow(signed)
            if overflow { throw BookError.sumOverflow(SumOverflow(organization: organization() ?? "", account: nil, month: date.period)) }
            days[date] = sum
        }
        return CashPosition(opening: opening, days: days)
    }

    /// The posting path's check of cash and bank: a voucher that would leave 101 (or a detail) in
    /// credit on its date or a later day is refused, as is one leaving 102 in credit where the
    /// organisation refuses that; then the context's positions take the voucher in. Runs before
    /// the voucher's own lines count as posted.
    func checkCash(_ target: PostingTarget, label: String, context: inout PostingContext) throws {
        let draft = target.draft
        let changes = try BookError.summing { () throws(SumOverflow) in try CashRules.netChanges(draft.lines, organization: draft.organization, period: draft.period) }
        guard !changes.isEmpty else { return }
        var accountIDs: [String: Int64] = [:]
        for (index, line) in draft.lines.enumerated() where index < target.accountIDs.count { accountIDs[line.accountCode] = target.accountIDs[index] }
        for code in changes.keys.sorted() {
            guard let change = changes[code], change < 0, let accountID = accountIDs[code], let kind = CashRules.kind(of: code) else { continue }
            if kind == .bank {
                let refuses: Bool
                if let cached = context.cash.refusesBankCredit[target.organizationID] {
                    refuses = cached
                } else {
                    refuses = try bankCreditMode(organizationID: target.organizationID) == .refuse
                    context.cash.refusesBankCredit[target.organizationID] = refuses
                }
                guard refuses else { continue }
            }
            let key = CashCache.Key(organizationID: target.organizationID, accountID: accountID)
            let position: CashPosition
            if let cached = context.cash.positions[key], cached.from <= draft.period {
                position = cached.position
            } else {
                try context.flush(db)
                position = try cashPosition(organizationID: target.organizationID, accountID: accountID, from: draft.period)
                context.cash.positions[key] = (draft.period, position)
            }
            if let shortfall = try BookError.summing({ () throws(SumOverflow) in
                try CashRules.shortfall(organization: draft.organization, account: code, date: draft.date, change: change, position: position)
            }) {
                throw BookError.cash(kind == .cash ? .cashNegative(voucher: label, shortfall: shortfall) : .bankNegative(voucher: label, shortfall: shortfall))
            }
        }
        for (code, change) in changes {
            guard let accountID = accountIDs[code] else { continue }
            let key = CashCache.Key(organizationID: target.organizationID, accountID: accountID)
            guard let cached = context.cash.positions[key] else { continue }
            if draft.period < cached.from {
                context.cash.positions[key] = nil
                continue
            }
            let (sum, overflow) = (cached.position.days[draft.date] ?? 0).addingReportingOverflow(change)
            // A day beyond Int64 is read again (and refused as an overflow) by the next check.
            context.cash.positions[key] = overflow ? nil : cached
            if !overflow { context.cash.positions[key]?.position.days[draft.date] = sum }
        }
    }
}

extension SQLiteStorage {
    func cashJournalLines(organizationID: Int64, kind: CashAccountKind, year: Int) throws -> [CashJournalLine] {
        try CashJournalLineRow.fetchAll(db, sql: """
            SELECT v.date, v.period, v.word, v.number, v.summary, l.summary AS line_summary, a.code, l.side, l.amount, l.project,
                   (SELECT group_concat(a2.code, ' ') FROM voucher_line l2 JOIN account a2 ON a2.id = l2.account_id
                    WHERE l2.voucher_id = v.id AND l2.side <> l.side) AS counter
            FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id JOIN account a ON a.id = l.account_id
            WHERE v.organization_id = ? AND v.status = 'posted' AND v.period BETWEEN ? AND ? AND a.code LIKE ? || '%'
            ORDER BY v.date, v.period, v.word, v.number, l.position
            """, arguments: [organizationID, year * 100 + 1, year * 100 + 12, kind == .cash ? "101" : "102"]).map(\.line)
    }
}

extension SQLiteStorage {
    func cashConfirmation(voucherID: Int64) throws -> CashConfirmation? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT cashier, confirmed_at FROM cash_confirmation WHERE voucher_id = ?"),
                                         arguments: [voucherID]) else { return nil }
        return CashConfirmation(voucherID: voucherID, cashier: row["cashier"], confirmedAt: row["confirmed_at"])
    }

    func insertCashConfirmation(_ confirmation: CashConfirmation) throws {
        try db.execute(sql: "INSERT INTO cash_confirmation (voucher_id, cashier, confirmed_at) VALUES (?, ?, ?)",
                       arguments: [confirmation.voucherID, confirmation.cashier, confirmation.confirmedAt])
    }
}

/// A journal line: the ledger line's columns and the codes of the voucher's other side.
private struct CashJournalLineRow: FetchableRecord {
    let line: CashJournalLine

    init(row: Row) throws {
        let ledger = try LedgerLine(row: row)
        let counter: String? = row["counter"]
        let codes = Set((counter ?? "").split(separator: " ").map(String.init)).sorted()
        line = CashJournalLine(date: ledger.date, ref: ledger.ref, summary: ledger.summary, accountCode: ledger.accountCode, side: ledger.side,
                               amountFen: ledger.amountFen, counterAccounts: codes)
    }
}

/// A cash or bank account on a voucher: its code and row id.
private struct CashLineRow: FetchableRecord {
    let code: String
    let accountID: Int64

    init(row: Row) {
        code = row[0]
        accountID = row[1]
    }
}
