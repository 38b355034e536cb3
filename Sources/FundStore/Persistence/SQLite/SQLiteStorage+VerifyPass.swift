import FundCore
import GRDB

/// The key of a monthly turnover aggregate (`balance`), as `verify` recomputes it from the lines:
/// the posting path's own key by row ids (absent dimensions '' or 0, as the aggregate stores them).
typealias TurnoverKey = PostingContext.StoredBalanceKey

/// Debits and credits in fen, both as posted (red ink negative).
struct TurnoverTotals {
    var debit: Int64 = 0
    var credit: Int64 = 0
}

/// A posted voucher as `verify` names it: its month, word and number (or its row id when it has
/// no number) and its organisation's code.
struct VerifiedVoucher {
    let id: Int64
    let period: Int?
    let word: String?
    let number: Int?
    let organization: String

    /// "2026-03/记-0002", or "#17" for a voucher without a number.
    func label() throws -> String {
        guard let number else { return "#" + String(id) }
        guard let period, let month = Period(key: period) else {
            throw BookError.storedValueInvalid(table: "voucher", column: "period", value: period.map(String.init) ?? "NULL", row: "id " + String(id))
        }
        return VoucherRef(period: month, word: word ?? "", number: number).description
    }
}

/// What one pass over every voucher and its lines finds (`SQLiteStorage.verifyPass`).
struct VerifyPass {
    /// Sealed vouchers whose rows no longer give their seal's hash.
    var sealFailures: [Int64: SealContentFailure] = [:]
    /// Posted vouchers that do not balance or have fewer than two lines, in id order.
    var unbalanced: [(voucher: VerifiedVoucher, lines: Int, debit: Int64, credit: Int64)] = []
    /// Posted vouchers with a line on an account that has detail accounts (at most 50, each
    /// voucher and account once).
    var parentPostings: [(voucher: VerifiedVoucher, account: String)] = []
    /// The monthly aggregates as the posted lines give them.
    var turnovers: [TurnoverKey: TurnoverTotals] = [:]

    /// The year aggregates as the posted lines give them: the monthly ones added up by year.
    func yearTurnovers() throws -> [YearBalanceKey: TurnoverTotals] {
        var years: [YearBalanceKey: TurnoverTotals] = [:]
        for (key, totals) in turnovers {
            let yearKey = YearBalanceKey(organizationID: key.organizationID, accountID: key.accountID, project: key.project,
                                         counterpartID: key.counterpartID, year: Int(key.period / 100), closing: key.closing)
            try years[yearKey, default: TurnoverTotals()].add(totals.debit, totals.credit)
        }
        return years
    }
}

extension TurnoverTotals {
    /// Adds a debit and a credit; a sum past Int64 is `SumNotInteger`, as SQLite's `sum()` fails.
    mutating func add(_ moreDebit: Int64, _ moreCredit: Int64) throws {
        let (newDebit, debitOverflow) = debit.addingReportingOverflow(moreDebit)
        let (newCredit, creditOverflow) = credit.addingReportingOverflow(moreCredit)
        if debitOverflow || creditOverflow { throw SumNotInteger() }
        (debit, credit) = (newDebit, newCredit)
    }
}

extension SQLiteStorage {
    /// How many postings to parent accounts `verify` names at most.
    static let maximumParentPostings = 50

    /// Reads every voucher (with its seal) and every line once, both in voucher order, and
    /// recomputes from them what the checks compare: each seal's payload and hash, each posted
    /// voucher's totals and line count, the postings to parent accounts, and the turnover
    /// aggregates. The same rows the separate queries of each check read (a line counts only
    /// with its voucher; a seal's payload only with the voucher's organisation and the line's
    /// account, as their joins have it), so the same problems are found.
    func verifyPass() throws -> VerifyPass {
        var pass = VerifyPass()
        var accounts: [Int64: DatabaseValue] = [:], organizations: [Int64: DatabaseValue] = [:]
        let codes = try Row.fetchCursor(db, sql: "SELECT 0, id, code FROM organization UNION ALL SELECT 1, id, code FROM account")
        while let row = try codes.next() {
            if row[0] as Int64 == 0 { organizations[row[1]] = row[2] } else { accounts[row[1]] = row[2] }
        }
        // The accounts that have detail accounts: for the standard charts (a child of no
        // organisation) or for the organisations that added a child of their own.
        var parents: [Int64: (standard: Bool, organizations: Set<Int64>)] = [:]
        let children = try Row.fetchCursor(db, sql: "SELECT parent_id, organization_id FROM account WHERE parent_id IS NOT NULL")
        while let row = try children.next() {
            guard case let .int64(parent) = (row[0] as DatabaseValue).storage else { continue }
            let owner: DatabaseValue = row[1]
            switch owner.storage {
            case .null: parents[parent, default: (false, [])].standard = true
            case let .int64(organization): parents[parent, default: (false, [])].organizations.insert(organization)
            default: continue
            }
        }
        for id in try Int64.fetchAll(db, sql: "SELECT voucher_id FROM voucher_seal WHERE voucher_id NOT IN (SELECT id FROM voucher)") {
            pass.sealFailures[id] = .missing
        }
        // Columns 0–11: the voucher as the checks read it and its seal; from 12 on, the sealed
        // fields in `sealedRows`' order.
        let vouchers = try Row.fetchCursor(db, sql: """
            SELECT v.id, v.organization_id, o.id IS NOT NULL, v.status, v.kind, v.period, v.word, v.number,
                   s.voucher_id IS NOT NULL, s.previous, s.hash, s.payload_version,
                   o.code, v.id, v.date, v.period, v.word, v.number, v.summary, v.attachments, v.preparer, v.reviewer,
                   v.bookkeeper, v.status, v.kind, v.reverses_id, v.posted_at, v.historical
            FROM voucher v LEFT JOIN organization o ON o.id = v.organization_id LEFT JOIN voucher_seal s ON s.voucher_id = v.id
            ORDER BY v.id
            """)
        let lines = try Row.fetchCursor(db, sql: """
            SELECT l.voucher_id, l.position, l.account_id, l.side, l.amount, l.summary, l.project, l.expense_type, l.econ,
                   l.counterpart_id, l.fund_source, l.basic_class
            FROM voucher_line l ORDER BY l.voucher_id, l.position
            """)
        var pending = try nextVerifiedLine(lines)
        var voucherFields: [DatabaseValue] = []
        voucherFields.reserveCapacity(16)
        var sealedLines: [[DatabaseValue]] = []
        var namedParentPostings: Set<ParentPosting> = []
        while let voucher = try vouchers.next() {
            let voucherID: Int64 = voucher[0]
            let organizationValue: DatabaseValue = voucher[1]
            let organizationPresent: Bool = voucher[2]
            let posted = String.fromDatabaseValue(voucher[3]) == "posted"
            let closing = String.fromDatabaseValue(voucher[4]) == "closing"
            let periodValue: DatabaseValue = voucher[5]
            let sealed: Bool = voucher[8]
            let organizationID: Int64? = if case let .int64(id) = organizationValue.storage { id } else { nil }
            let period: Int64? = if case let .int64(key) = periodValue.storage { key } else { nil }
            var named: VerifiedVoucher? {
                guard organizationPresent, let organizationID, let code = String.fromDatabaseValue(organizations[organizationID] ?? .null) else { return nil }
                return VerifiedVoucher(id: voucherID, period: period.map { Int($0) }, word: String.fromDatabaseValue(voucher[6]),
                                       number: Int.fromDatabaseValue(voucher[7]), organization: code)
            }
            sealedLines.removeAll(keepingCapacity: true)
            var lineCount = 0
            var totals = TurnoverTotals()
            while let line = pending, line.voucherID <= voucherID {
                pending = try nextVerifiedLine(lines)
                guard line.voucherID == voucherID else { continue }
                let account = line.accountID.flatMap { accounts[$0] }
                if sealed, let account { sealedLines.append(line.sealedValues(account: account, organizations: organizations)) }
                guard posted else { continue }
                lineCount += 1
                let debit = line.side == "D" ? line.amount : 0, credit = line.side == "C" ? line.amount : 0
                try totals.add(debit, credit)
                guard let accountID = line.accountID else { continue }
                if let organizationID, let period {
                    let key = TurnoverKey(organizationID: organizationID, accountID: accountID, period: Int(period), project: line.project,
                                          source: line.source, closing: closing, expense: line.expense, counterpartID: line.counterpartID,
                                          basicClass: line.basicClass)
                    try pass.turnovers[key, default: TurnoverTotals()].add(debit, credit)
                }
                if pass.parentPostings.count < Self.maximumParentPostings, let organizationID,
                   let parent = parents[accountID], parent.standard || parent.organizations.contains(organizationID),
                   let code = String.fromDatabaseValue(account ?? .null), let named,
                   namedParentPostings.insert(ParentPosting(voucherID: voucherID, account: code)).inserted {
                    pass.parentPostings.append((named, code))
                }
            }
            if posted, totals.debit != totals.credit || lineCount < 2, let named {
                pass.unbalanced.append((named, lineCount, totals.debit, totals.credit))
            }
            guard sealed else { continue }
            guard organizationPresent else {
                pass.sealFailures[voucherID] = .missing
                continue
            }
            voucherFields.removeAll(keepingCapacity: true)
            for index in 12..<28 { voucherFields.append(voucher[index]) }
            // The historical people's duties are sealed only on a voucher that has them.
            if voucherFields.last == .null { voucherFields.removeLast() }
            let payload = Self.sealPayload(version: Int.fromDatabaseValue(voucher[11]) ?? 0, voucher: voucherFields, lines: sealedLines)
            let previous: String = voucher[9], hash: String = voucher[10]
            if SealHash.sha256(previous, payload) != hash { pass.sealFailures[voucherID] = .changed }
        }
        return pass
    }
}

/// A voucher and an account code named once among the postings to parent accounts.
private struct ParentPosting: Hashable {
    let voucherID: Int64
    let account: String
}

/// A stored line as the pass reads it: what the aggregates and totals need, and the sealed
/// columns as stored.
private struct VerifiedLine {
    let voucherID: Int64
    /// Nil when the stored value is not a number (it then joins no account).
    let accountID: Int64?
    /// 'D' or 'C' (nil for anything else, which counts on neither side).
    let side: String?
    let amount: Int64
    /// Absent dimensions as the aggregates key them: '' and 0.
    let project: String, source: String, expense: String, basicClass: String
    let counterpartID: Int64
    /// The stored position, side, amount, summary, project, expense type, economic class,
    /// counterpart id, fund source and 基本支出 class.
    let stored: [DatabaseValue]

    /// The line's sealed values in `sealedRows`' order: its account's and counterpart's codes in
    /// place of their ids (a counterpart not in the book is NULL, as the outer join gives), and
    /// the 基本支出 class only when it has one.
    func sealedValues(account: DatabaseValue, organizations: [Int64: DatabaseValue]) -> [DatabaseValue] {
        var values: [DatabaseValue] = [stored[0], account]
        values.reserveCapacity(11)
        values.append(contentsOf: stored[1...6])
        if case let .int64(id) = stored[7].storage { values.append(organizations[id] ?? .null) } else { values.append(.null) }
        values.append(stored[8])
        if !stored[9].isNull { values.append(stored[9]) }
        return values
    }
}

extension SQLiteStorage {
    /// The next line of `lines` whose voucher id is a number (any other joins no voucher).
    private func nextVerifiedLine(_ lines: RowCursor) throws -> VerifiedLine? {
        while let row = try lines.next() {
            guard case let .int64(voucherID) = (row[0] as DatabaseValue).storage else { continue }
            let accountValue: DatabaseValue = row[2], amountValue: DatabaseValue = row[4]
            let accountID: Int64? = if case let .int64(id) = accountValue.storage { id } else { nil }
            // The amount is an INTEGER by its CHECK; anything else makes the sums fail as SQLite's would.
            guard case let .int64(amount) = amountValue.storage else { throw SumNotInteger() }
            let counterpart: DatabaseValue = row[9]
            let counterpartID: Int64 = switch counterpart.storage {
            case .null: 0
            case let .int64(id): id
            // A counterpart id that is not a number matches no aggregate's.
            default: Int64.min
            }
            var stored: [DatabaseValue] = []
            stored.reserveCapacity(10)
            stored.append(row[1])
            for index in 3...11 { stored.append(row[index]) }
            let side: DatabaseValue = row[3]
            return VerifiedLine(voucherID: voucherID, accountID: accountID, side: String.fromDatabaseValue(side), amount: amount,
                                project: String.fromDatabaseValue(row[6]) ?? "", source: String.fromDatabaseValue(row[10]) ?? "",
                                expense: String.fromDatabaseValue(row[7]) ?? "", basicClass: String.fromDatabaseValue(row[11]) ?? "",
                                counterpartID: counterpartID, stored: stored)
        }
        return nil
    }
}
