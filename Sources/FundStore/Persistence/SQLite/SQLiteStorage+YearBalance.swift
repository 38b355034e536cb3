import FundCore
import GRDB

/// A key of the year aggregate (`year_balance`, migration v15-year-aggregates) by row ids: a
/// monthly balance key without the month, the fund source and the expense type.
struct YearBalanceKey: Hashable {
    let organizationID: Int64
    let accountID: Int64
    let project: String
    let counterpartID: Int64
    let year: Int
    let closing: Bool
}

extension PostingContext {
    /// Adds the pending monthly turnovers to the year aggregate, in the transaction that adds them
    /// to `balance`: the keys of one year are added together in Swift first, so a batch of an
    /// import writes each year row once. A year row whose sum would pass Int64 is
    /// `BookError.sumOverflow` naming the organisation, the account and the year; the refusal
    /// rolls the whole transaction back.
    static func addYearTurnovers(_ db: Database, _ pending: [StoredBalanceKey: (debit: Int64, credit: Int64)]) throws {
        var years: [YearBalanceKey: (debit: Int64, credit: Int64)] = [:]
        years.reserveCapacity(pending.count)
        for (key, sums) in pending {
            let year = YearBalanceKey(organizationID: key.organizationID, accountID: key.accountID, project: key.project,
                                      counterpartID: key.counterpartID, year: key.period / 100, closing: key.closing)
            var total = years[year] ?? (0, 0)
            let (debit, debitOverflow) = total.debit.addingReportingOverflow(sums.debit)
            let (credit, creditOverflow) = total.credit.addingReportingOverflow(sums.credit)
            if debitOverflow || creditOverflow { throw try yearOverflow(db, year) }
            total = (debit, credit)
            years[year] = total
        }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO year_balance (organization_id, account_id, project, counterpart_id, year, closing, debit, credit)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (organization_id, account_id, project, counterpart_id, year, closing)
            DO UPDATE SET debit = debit + excluded.debit, credit = credit + excluded.credit
            """)
        for (key, sums) in years {
            do {
                var insert = BoundInsert(upsert)
                insert.bind(key.organizationID)
                insert.bind(key.accountID)
                insert.bind(key.project)
                insert.bind(key.counterpartID)
                insert.bind(key.year)
                insert.bind(key.closing)
                insert.bind(sums.debit)
                insert.bind(sums.credit)
                try insert.execute()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT && (error.message ?? "").contains("typeof") {
                throw try yearOverflow(db, key)
            }
        }
    }

    /// The refusal for a year row past Int64.
    private static func yearOverflow(_ db: Database, _ key: YearBalanceKey) throws -> BookError {
        let organization = try String.fetchOne(db, sql: "SELECT code FROM organization WHERE id = ?", arguments: [key.organizationID]) ?? ""
        let account = try String.fetchOne(db, sql: "SELECT code FROM account WHERE id = ?", arguments: [key.accountID])
        return BookError.sumOverflow(SumOverflow(organization: organization, account: account, year: key.year))
    }
}

extension SQLiteStorage {
    /// The year aggregate against the year turnovers the posted lines give (`VerifyPass.yearTurnovers`):
    /// each row that differs, with the vouchers behind it: a row changed, added or removed outside FundLedger.
    func yearBalanceProblems(_ turnovers: consuming [YearBalanceKey: TurnoverTotals]) throws -> [VerifyProblem] {
        var organizations: [Int64: String] = [:], accounts: [Int64: String] = [:]
        let codes = try Row.fetchCursor(db, sql: "SELECT 0, id, code FROM organization UNION ALL SELECT 1, id, code FROM account")
        while let row = try codes.next() {
            if row[0] as Int64 == 0 { organizations[row[1]] = row[2] } else { accounts[row[1]] = row[2] }
        }
        var differences: [YearBalanceDifference] = []
        func compare(_ key: YearBalanceKey, want: TurnoverTotals, have: TurnoverTotals) {
            guard want.debit != have.debit || want.credit != have.credit,
                  let organization = organizations[key.organizationID], let account = accounts[key.accountID] else { return }
            differences.append(YearBalanceDifference(key: key, organization: organization, account: account, want: want, have: have))
        }
        // Each stored row against the lines' figure for its key; then the keys the lines give
        // that no row has.
        let stored = try Row.fetchCursor(db, sql: "SELECT organization_id, account_id, project, counterpart_id, year, closing, debit, credit FROM year_balance")
        while let row = try stored.next() {
            let key = YearBalanceKey(organizationID: row[0], accountID: row[1], project: row[2], counterpartID: row[3], year: row[4], closing: row[5])
            compare(key, want: turnovers.removeValue(forKey: key) ?? TurnoverTotals(), have: TurnoverTotals(debit: row[6], credit: row[7]))
        }
        for (key, want) in turnovers { compare(key, want: want, have: TurnoverTotals()) }
        differences.sort { a, b in
            (a.organization, a.key.year, a.account, a.key.project, a.key.counterpartID, a.key.closing ? 1 : 0)
                < (b.organization, b.key.year, b.account, b.key.project, b.key.counterpartID, b.key.closing ? 1 : 0)
        }
        return try differences.prefix(50).map { difference in
            let vouchers = try yearVouchers(difference)
            let project = difference.key.project
            let place = "account \(difference.account)\(project.isEmpty ? "" : " project " + project) in \(difference.key.year)"
                + (difference.key.closing ? " (closing vouchers)" : "")
            let chinesePlace = "科目 \(difference.account)\(project.isEmpty ? "" : " 项目 " + project) \(difference.key.year)年" + (difference.key.closing ? "（结转凭证）" : "")
            return VerifyProblem(check: "year-balance", organization: difference.organization, voucher: vouchers.first,
                message: "\(place): the stored year turnover is debit \(Money(fen: difference.have.debit)) credit \(Money(fen: difference.have.credit)) but the posted lines give debit \(Money(fen: difference.want.debit)) credit \(Money(fen: difference.want.credit))" + (vouchers.isEmpty ? "" : " (vouchers \(vouchers.joined(separator: ", ")))"),
                chineseMessage: "\(chinesePlace)：年度余额汇总中的发生额为借方 \(Money(fen: difference.have.debit))、贷方 \(Money(fen: difference.have.credit))，而已记账凭证行合计为借方 \(Money(fen: difference.want.debit))、贷方 \(Money(fen: difference.want.credit))"
                    + (vouchers.isEmpty ? "" : "（涉及凭证 \(vouchers.joined(separator: "、"))）") + "；账套在 FundLedger 之外被改动，请从备份恢复")
        }
    }

    /// The first posted vouchers (by number) behind a year row that differs.
    private func yearVouchers(_ difference: YearBalanceDifference) throws -> [String] {
        try VoucherRefRow.fetchAll(db, sql: """
            SELECT DISTINCT v.period, v.word, v.number FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
            WHERE v.organization_id = ? AND v.period BETWEEN ? AND ? AND l.account_id = ? AND coalesce(l.project, '') = ?
              AND coalesce(l.counterpart_id, 0) = ? AND (v.kind = 'closing') = ? AND v.status = 'posted'
            ORDER BY v.period, v.word, v.number LIMIT 5
            """, arguments: [difference.key.organizationID, difference.key.year * 100 + 1, difference.key.year * 100 + 12, difference.key.accountID,
                             difference.key.project, difference.key.counterpartID, difference.key.closing]).map(\.ref.description)
    }
}

/// A year row that differs from what the posted lines give.
private struct YearBalanceDifference {
    let key: YearBalanceKey
    let organization: String
    let account: String
    let want: TurnoverTotals, have: TurnoverTotals
}
