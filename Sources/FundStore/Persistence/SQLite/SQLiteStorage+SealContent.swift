import FundCore
import GRDB

/// Why a voucher does not match the seal it got when posted.
enum SealContentFailure: Hashable, Sendable {
    /// The voucher (or its organisation) is gone from the book.
    case missing
    /// Its stored rows give another hash than the seal's.
    case changed
}

extension SQLiteStorage {
    /// Every sealed voucher (of one organisation, or of the whole book) whose stored rows no
    /// longer give its seal's hash, by voucher id. The same payload as `sealPayload(voucherID:version:)`
    /// gives, rebuilt in one pass: the seals with their vouchers and all their lines are each read
    /// by one statement in voucher order and merged, and the account and organisation codes come
    /// from one look-up each instead of a join per line.
    func sealContentFailures(organizationID only: Int64?) throws -> [Int64: SealContentFailure] {
        var accounts: [Int64: DatabaseValue] = [:], organizations: [Int64: DatabaseValue] = [:]
        let codes = try Row.fetchCursor(db, sql: "SELECT 0, id, code FROM organization UNION ALL SELECT 1, id, code FROM account")
        while let row = try codes.next() {
            if row[0] as Int64 == 0 { organizations[row[1]] = row[2] } else { accounts[row[1]] = row[2] }
        }
        let filter = only.map { _ in " WHERE s.organization_id = ?" } ?? ""
        let arguments: StatementArguments = only.map { [$0] } ?? []
        // Columns 0–4: the seal and whether its voucher and organisation are there; from 5 on,
        // the voucher's sealed fields in `sealedRows`' order.
        let seals = try Row.fetchCursor(db, sql: """
            SELECT s.voucher_id, s.previous, s.hash, s.payload_version, v.id IS NOT NULL AND o.id IS NOT NULL,
                   o.code, v.id, v.date, v.period, v.word, v.number, v.summary, v.attachments, v.preparer, v.reviewer,
                   v.bookkeeper, v.status, v.kind, v.reverses_id, v.posted_at, v.historical
            FROM voucher_seal s LEFT JOIN voucher v ON v.id = s.voucher_id LEFT JOIN organization o ON o.id = v.organization_id
            \(filter) ORDER BY s.voucher_id
            """, arguments: arguments)
        let lineFilter = only.map { _ in " WHERE l.voucher_id IN (SELECT s.voucher_id FROM voucher_seal s WHERE s.organization_id = ?)" } ?? ""
        let lines = try Row.fetchCursor(db, sql: """
            SELECT l.voucher_id, l.position, l.account_id, l.side, l.amount, l.summary, l.project, l.expense_type, l.econ,
                   l.counterpart_id, l.fund_source, l.basic_class
            FROM voucher_line l\(lineFilter) ORDER BY l.voucher_id, l.position
            """, arguments: arguments)
        var failures: [Int64: SealContentFailure] = [:]
        // The first line not yet given to a voucher: (its voucher id, its sealed values).
        var pending: (voucherID: Int64, values: [DatabaseValue])? = try nextSealedLine(lines, accounts: accounts, organizations: organizations)
        var voucherFields: [DatabaseValue] = []
        voucherFields.reserveCapacity(16)
        while let seal = try seals.next() {
            let voucherID: Int64 = seal[0]
            var voucherLines: [[DatabaseValue]] = []
            while let line = pending, line.voucherID <= voucherID {
                if line.voucherID == voucherID { voucherLines.append(line.values) }
                pending = try nextSealedLine(lines, accounts: accounts, organizations: organizations)
            }
            guard seal[4] as Bool else {
                failures[voucherID] = .missing
                continue
            }
            voucherFields.removeAll(keepingCapacity: true)
            for index in 5..<21 { voucherFields.append(seal[index]) }
            // The historical people's duties are sealed only on a voucher that has them.
            if voucherFields.last == .null { voucherFields.removeLast() }
            let version = Int.fromDatabaseValue(seal[3]) ?? 0
            let payload = Self.sealPayload(version: version, voucher: voucherFields, lines: voucherLines)
            let previous: String = seal[1], hash: String = seal[2]
            if SealHash.sha256(previous, payload) != hash { failures[voucherID] = .changed }
        }
        return failures
    }

    /// The next line of `lines` as the seal reads it, the codes of its account and counterpart in
    /// place of their ids; a line whose account is not in the book is left out, as the inner join
    /// of `sealedRows` leaves it out.
    private func nextSealedLine(_ lines: RowCursor, accounts: [Int64: DatabaseValue], organizations: [Int64: DatabaseValue]) throws
        -> (voucherID: Int64, values: [DatabaseValue])? {
        while let row = try lines.next() {
            // A voucher id that is not a number matches no voucher.
            guard case let .int64(voucherID) = (row[0] as DatabaseValue).storage else { continue }
            guard case let .int64(accountID) = (row[2] as DatabaseValue).storage, let account = accounts[accountID] else { continue }
            var values: [DatabaseValue] = [row[1], account]
            values.reserveCapacity(11)
            for index in 3...8 { values.append(row[index]) }
            let counterpart: DatabaseValue = row[9]
            if case let .int64(id) = counterpart.storage { values.append(organizations[id] ?? .null) } else { values.append(.null) }
            values.append(row[10])
            // The 基本支出 class is sealed only on a line that has one.
            let basicClass: DatabaseValue = row[11]
            if !basicClass.isNull { values.append(basicClass) }
            return (voucherID, values)
        }
        return nil
    }
}
