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
                try upsert.execute(arguments: [key.organizationID, key.accountID, key.project, key.counterpartID, key.year, key.closing,
                                               sums.debit, sums.credit])
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
    /// Recomputes the year aggregate from the posted lines and names each row that differs, with
    /// the vouchers behind it: a row changed, added or removed outside FundLedger.
    func yearBalanceProblems() throws -> [VerifyProblem] {
        let differences = try summing(organizationID: nil, from: 190001, to: 999912) { try YearBalanceDifferenceRow.fetchAll(db, sql: """
            WITH recomputed AS (
                SELECT v.organization_id, l.account_id, coalesce(l.project, '') AS project, coalesce(l.counterpart_id, 0) AS counterpart_id,
                       v.period / 100 AS year, v.kind = 'closing' AS closing,
                       sum(CASE l.side WHEN 'D' THEN l.amount ELSE 0 END) AS debit,
                       sum(CASE l.side WHEN 'C' THEN l.amount ELSE 0 END) AS credit
                FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id WHERE v.status = 'posted'
                GROUP BY v.organization_id, l.account_id, coalesce(l.project, ''), coalesce(l.counterpart_id, 0), v.period / 100, v.kind = 'closing'
            ), compared AS (
                SELECT r.organization_id, r.account_id, r.project, r.counterpart_id, r.year, r.closing,
                       r.debit AS want_debit, r.credit AS want_credit, coalesce(y.debit, 0) AS have_debit, coalesce(y.credit, 0) AS have_credit
                FROM recomputed r LEFT JOIN year_balance y ON y.organization_id = r.organization_id AND y.account_id = r.account_id
                     AND y.project = r.project AND y.counterpart_id = r.counterpart_id AND y.year = r.year AND y.closing = r.closing
                UNION ALL
                SELECT y.organization_id, y.account_id, y.project, y.counterpart_id, y.year, y.closing, 0, 0, y.debit, y.credit
                FROM year_balance y WHERE NOT EXISTS (SELECT 1 FROM recomputed r WHERE r.organization_id = y.organization_id
                     AND r.account_id = y.account_id AND r.project = y.project AND r.counterpart_id = y.counterpart_id
                     AND r.year = y.year AND r.closing = y.closing)
            )
            SELECT c.*, o.code AS organization, a.code AS account FROM compared c
            JOIN organization o ON o.id = c.organization_id JOIN account a ON a.id = c.account_id
            WHERE c.want_debit <> c.have_debit OR c.want_credit <> c.have_credit
            ORDER BY o.code, c.year, a.code, c.project, c.counterpart_id, c.closing LIMIT 50
            """) }
        return try differences.map { difference in
            let vouchers = try yearVouchers(difference)
            let project = difference.project
            let place = "account \(difference.account)\(project.isEmpty ? "" : " project " + project) in \(difference.year)"
                + (difference.closing ? " (closing vouchers)" : "")
            let chinesePlace = "科目 \(difference.account)\(project.isEmpty ? "" : " 项目 " + project) \(difference.year)年" + (difference.closing ? "（结转凭证）" : "")
            return VerifyProblem(check: "year-balance", organization: difference.organization, voucher: vouchers.first,
                message: "\(place): the stored year turnover is debit \(Money(fen: difference.haveDebit)) credit \(Money(fen: difference.haveCredit)) but the posted lines give debit \(Money(fen: difference.wantDebit)) credit \(Money(fen: difference.wantCredit))" + (vouchers.isEmpty ? "" : " (vouchers \(vouchers.joined(separator: ", ")))"),
                chineseMessage: "\(chinesePlace)：年度余额汇总中的发生额为借方 \(Money(fen: difference.haveDebit))、贷方 \(Money(fen: difference.haveCredit))，而已记账凭证行合计为借方 \(Money(fen: difference.wantDebit))、贷方 \(Money(fen: difference.wantCredit))"
                    + (vouchers.isEmpty ? "" : "（涉及凭证 \(vouchers.joined(separator: "、"))）") + "；账套在 FundLedger 之外被改动，请从备份恢复")
        }
    }

    /// The first posted vouchers (by number) behind a year row that differs.
    private func yearVouchers(_ difference: YearBalanceDifferenceRow) throws -> [String] {
        try VoucherRefRow.fetchAll(db, sql: """
            SELECT DISTINCT v.period, v.word, v.number FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
            WHERE v.organization_id = ? AND v.period BETWEEN ? AND ? AND l.account_id = ? AND coalesce(l.project, '') = ?
              AND coalesce(l.counterpart_id, 0) = ? AND (v.kind = 'closing') = ? AND v.status = 'posted'
            ORDER BY v.period, v.word, v.number LIMIT 5
            """, arguments: [difference.organizationID, difference.year * 100 + 1, difference.year * 100 + 12, difference.accountID,
                             difference.project, difference.counterpartID, difference.closing]).map(\.ref.description)
    }
}

/// A year row that differs from what the posted lines give.
private struct YearBalanceDifferenceRow: FetchableRecord {
    let organizationID: Int64
    let accountID: Int64
    let project: String
    let counterpartID: Int64
    let year: Int
    let closing: Bool
    let organization: String
    let account: String
    let wantDebit: Int64, wantCredit: Int64, haveDebit: Int64, haveCredit: Int64

    init(row: Row) throws {
        organizationID = row["organization_id"]
        accountID = row["account_id"]
        project = row["project"]
        counterpartID = row["counterpart_id"]
        year = row["year"]
        closing = row["closing"]
        organization = row["organization"]
        account = row["account"]
        wantDebit = try row.sumFen("want_debit")
        wantCredit = try row.sumFen("want_credit")
        haveDebit = try row.sumFen("have_debit")
        haveCredit = try row.sumFen("have_credit")
    }
}
