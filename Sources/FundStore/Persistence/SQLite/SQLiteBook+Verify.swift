import Foundation
import FundCore
import GRDB

extension SQLiteBook {
    static let verifyChecks: [@Sendable (Database) throws -> [VerifyProblem]] = [
        integrity, foreignKeys, voucherBalance, numbering, reversals, leafAccounts, balances, seals,
    ]

    /// The seal chain of every organisation (SQLiteBook+Seal.swift): the first broken link of each.
    static func seals(_ db: Database) throws -> [VerifyProblem] {
        try sealProblems(db).map { problem in
            let parts = problem.label.split(separator: " ", maxSplits: 1).map(String.init)
            return VerifyProblem(check: "seal", organization: parts.first, voucher: parts.count > 1 ? parts[1] : nil, message: problem.reason)
        }
    }

    /// Federations that manage their funds independently must have a funds review committee
    /// (经费审查委员会) in term today. Every federation records its term.
    static func registryWarnings(_ db: Database) throws -> [VerifyProblem] {
        let today = Store.today()
        return try Row.fetchAll(db, sql: "SELECT code, independent, term_years FROM organization WHERE level = 'federation' ORDER BY code").flatMap { row in
            var warnings: [VerifyProblem] = []
            let committees = try Row.fetchAll(db, sql: """
                SELECT c.elected, c.term_years FROM committee c JOIN organization o ON o.id = c.organization_id WHERE o.code = ?
                """, arguments: [row["code"] as String])
            let inTerm = committees.contains { Committee(organization: "", elected: LocalDate(parsing: $0["elected"] as String)!, termYears: $0["term_years"]).inTerm(today) }
            if row["independent"] as Bool, !inTerm {
                warnings.append(VerifyProblem(check: "review-committee", organization: row["code"], voucher: nil,
                    message: "manages its funds independently (独立管理经费) and so must have a funds review committee (经费审查委员会); \(committees.isEmpty ? "none is recorded" : "none is in term today"); record it with `fundledger committee add`"))
            }
            if (row["term_years"] as Int?) == nil {
                warnings.append(VerifyProblem(check: "term", organization: row["code"], voucher: nil,
                    message: "has no term of office recorded; give its term (3 or 5 years) and start date"))
            }
            return warnings
        }
    }

    /// Spending at a recipient, during a paid item's window, on an account of the item's purpose
    /// but without any project tag: likely the item's money spent without saying so.
    static func untaggedSubsidySpending(_ db: Database) throws -> [VerifyProblem] {
        let items = try Row.fetchAll(db, sql: """
            SELECT s.code, s.recipient_id, r.code AS recipient, s.accounts, s.window_start, s.deadline FROM subsidy_item s
            JOIN organization r ON r.id = s.recipient_id WHERE s.status = 'disbursed' ORDER BY s.code
            """)
        var warnings: [VerifyProblem] = []
        for item in items {
            let accounts = (item["accounts"] as String).split(separator: " ").map(String.init)
            for account in accounts {
                let vouchers = try Row.fetchAll(db, sql: """
                    SELECT DISTINCT v.id, v.period, v.word, v.number FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
                    JOIN account a ON a.id = l.account_id
                    WHERE v.organization_id = ? AND v.status = 'posted' AND v.kind = 'entry' AND l.project IS NULL
                      AND a.code LIKE ? || '%' AND v.date BETWEEN ? AND ? AND l.side = 'D' AND l.amount > 0
                    ORDER BY v.period, v.number LIMIT 5
                    """, arguments: [item["recipient_id"], account, item["window_start"], item["deadline"]]).map(label)
                if !vouchers.isEmpty {
                    warnings.append(VerifyProblem(check: "untagged-subsidy-spending", organization: item["recipient"], voucher: vouchers.first,
                        message: "spends on \(account), the purpose of subsidy item \(item["code"] as String), without a project tag (\(vouchers.joined(separator: ", "))); tag the lines project:\(item["code"] as String) if they spend the item's money"))
                }
            }
        }
        return warnings
    }

    static func integrity(_ db: Database) throws -> [VerifyProblem] {
        let results = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        return results == ["ok"] ? [] : results.prefix(20).map {
            VerifyProblem(check: "integrity", organization: nil, voucher: nil, message: "the SQLite file is damaged: \($0); restore the book from a backup")
        }
    }

    static func foreignKeys(_ db: Database) throws -> [VerifyProblem] {
        try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").prefix(20).map { row in
            VerifyProblem(check: "foreign-key", organization: nil, voucher: nil,
                          message: "row \(row[1] as Int64? ?? 0) of table \(row[0] as String) refers to a missing row of \(row[2] as String)")
        }
    }

    static func label(_ row: Row) -> String {
        if let number: Int = row["number"] {
            return VoucherRef(period: Period(key: row["period"])!, word: row["word"], number: number).description
        }
        return "#" + String(row["id"] as Int64)
    }

    static func voucherBalance(_ db: Database) throws -> [VerifyProblem] {
        try Row.fetchAll(db, sql: """
            SELECT v.id, v.period, v.word, v.number, o.code AS organization, count(l.id) AS lines,
                   coalesce(sum(CASE l.side WHEN 'D' THEN l.amount ELSE 0 END), 0) AS debit,
                   coalesce(sum(CASE l.side WHEN 'C' THEN l.amount ELSE 0 END), 0) AS credit
            FROM voucher v JOIN organization o ON o.id = v.organization_id LEFT JOIN voucher_line l ON l.voucher_id = v.id
            WHERE v.status = 'posted' GROUP BY v.id HAVING debit <> credit OR lines < 2
            """).map { row in
            let lines: Int = row["lines"]
            let message = lines < 2 ? "the posted voucher has \(lines) line(s); a voucher needs a debit and a credit"
                : "the posted voucher does not balance: debits \(Money(fen: row["debit"])) and credits \(Money(fen: row["credit"])); its lines were changed outside FundLedger"
            return VerifyProblem(check: "voucher-balance", organization: row["organization"], voucher: label(row), message: message)
        }
    }

    static func numbering(_ db: Database) throws -> [VerifyProblem] {
        var problems: [VerifyProblem] = []
        let series = try Row.fetchAll(db, sql: """
            SELECT o.code AS organization, v.period, v.word, count(*) AS n, max(v.number) AS top, count(DISTINCT v.number) AS distinct_numbers
            FROM voucher v JOIN organization o ON o.id = v.organization_id WHERE v.status = 'posted'
            GROUP BY v.organization_id, v.period, v.word HAVING n <> top OR distinct_numbers <> n
            """)
        for row in series {
            let organization: String = row["organization"]
            let period = Period(key: row["period"])!
            let word: String = row["word"]
            let numbers = try Int.fetchAll(db, sql: """
                SELECT v.number FROM voucher v JOIN organization o ON o.id = v.organization_id
                WHERE o.code = ? AND v.period = ? AND v.word = ? AND v.status = 'posted' ORDER BY v.number
                """, arguments: [organization, period.key, word])
            let present = Set(numbers)
            let missing = (1...(numbers.last ?? 1)).filter { !present.contains($0) }
            var seen: Set<Int> = []
            let duplicated = numbers.filter { !seen.insert($0).inserted }
            if !missing.isEmpty {
                problems.append(VerifyProblem(check: "numbering", organization: organization, voucher: nil,
                    message: "\(period) \(word) numbers have gaps: missing \(missing.prefix(10).map { VoucherRef(period: period, word: word, number: $0).description }.joined(separator: ", "))"))
            }
            if !duplicated.isEmpty {
                problems.append(VerifyProblem(check: "numbering", organization: organization, voucher: nil,
                    message: "\(period) \(word) numbers are used twice: \(duplicated.prefix(10).map { VoucherRef(period: period, word: word, number: $0).description }.joined(separator: ", "))"))
            }
        }
        return problems
    }

    static func reversals(_ db: Database) throws -> [VerifyProblem] {
        try Row.fetchAll(db, sql: """
            SELECT r.id, r.period, r.word, r.number, o.code AS organization FROM voucher r JOIN organization o ON o.id = r.organization_id
            WHERE r.reverses_id IS NOT NULL AND r.status = 'posted' AND (
                (SELECT count(*) FROM voucher_line WHERE voucher_id = r.id) <> (SELECT count(*) FROM voucher_line WHERE voucher_id = r.reverses_id)
                OR EXISTS (SELECT 1 FROM voucher_line a JOIN voucher_line b ON b.voucher_id = r.reverses_id AND b.position = a.position
                           WHERE a.voucher_id = r.id AND (a.account_id <> b.account_id OR a.side <> b.side OR a.amount <> -b.amount)))
            """).map { row in
            VerifyProblem(check: "reversal", organization: row["organization"], voucher: label(row),
                          message: "the red-ink voucher does not exactly cancel the voucher it reverses")
        }
    }

    static func leafAccounts(_ db: Database) throws -> [VerifyProblem] {
        try Row.fetchAll(db, sql: """
            SELECT DISTINCT v.id, v.period, v.word, v.number, o.code AS organization, a.code
            FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id JOIN organization o ON o.id = v.organization_id
            JOIN account a ON a.id = l.account_id
            WHERE v.status = 'posted' AND EXISTS (SELECT 1 FROM account c WHERE c.parent_id = a.id
                                                  AND (c.organization_id IS NULL OR c.organization_id = o.id))
            LIMIT 50
            """).map { row in
            VerifyProblem(check: "leaf-account", organization: row["organization"], voucher: label(row),
                          message: "posts to \(row["code"] as String), which has detail accounts")
        }
    }

    /// Recomputes every turnover aggregate from the posted lines and names the differences with
    /// the vouchers behind them.
    static func balances(_ db: Database) throws -> [VerifyProblem] {
        let rows = try Row.fetchAll(db, sql: """
            WITH recomputed AS (
                SELECT v.organization_id, l.account_id, v.period, coalesce(l.project, '') AS project,
                       coalesce(l.fund_source, '') AS source, v.kind = 'closing' AS closing,
                       coalesce(l.expense_type, '') AS expense, coalesce(l.counterpart_id, 0) AS counterpart_id,
                       sum(CASE l.side WHEN 'D' THEN l.amount ELSE 0 END) AS debit,
                       sum(CASE l.side WHEN 'C' THEN l.amount ELSE 0 END) AS credit
                FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id WHERE v.status = 'posted'
                GROUP BY v.organization_id, l.account_id, v.period, coalesce(l.project, ''), coalesce(l.fund_source, ''), v.kind = 'closing',
                         coalesce(l.expense_type, ''), coalesce(l.counterpart_id, 0)
            ), compared AS (
                SELECT r.organization_id, r.account_id, r.period, r.project, r.debit AS want_debit, r.credit AS want_credit,
                       coalesce(b.debit, 0) AS have_debit, coalesce(b.credit, 0) AS have_credit
                FROM recomputed r LEFT JOIN balance b ON b.organization_id = r.organization_id AND b.account_id = r.account_id
                     AND b.period = r.period AND b.project = r.project AND b.source = r.source AND b.closing = r.closing
                     AND b.expense = r.expense AND b.counterpart_id = r.counterpart_id
                UNION ALL
                SELECT b.organization_id, b.account_id, b.period, b.project, 0, 0, b.debit, b.credit
                FROM balance b WHERE NOT EXISTS (SELECT 1 FROM recomputed r WHERE r.organization_id = b.organization_id
                     AND r.account_id = b.account_id AND r.period = b.period AND r.project = b.project
                     AND r.source = b.source AND r.closing = b.closing AND r.expense = b.expense AND r.counterpart_id = b.counterpart_id)
            )
            SELECT c.*, o.code AS organization, a.code AS account FROM compared c
            JOIN organization o ON o.id = c.organization_id JOIN account a ON a.id = c.account_id
            WHERE c.want_debit <> c.have_debit OR c.want_credit <> c.have_credit
            ORDER BY o.code, c.period, a.code LIMIT 50
            """)
        return try rows.map { row in
            let vouchers = try Row.fetchAll(db, sql: """
                SELECT DISTINCT v.id, v.period, v.word, v.number FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
                WHERE v.organization_id = ? AND v.period = ? AND l.account_id = ? AND coalesce(l.project, '') = ? AND v.status = 'posted'
                ORDER BY v.number LIMIT 5
                """, arguments: [row["organization_id"], row["period"], row["account_id"], row["project"]]).map(label)
            let project: String = row["project"]
            let period = Period(key: row["period"])!
            return VerifyProblem(check: "balance", organization: row["organization"], voucher: vouchers.first,
                message: "account \(row["account"] as String)\(project.isEmpty ? "" : " project " + project) in \(period): the stored turnover is debit \(Money(fen: row["have_debit"])) credit \(Money(fen: row["have_credit"])) but the posted lines give debit \(Money(fen: row["want_debit"])) credit \(Money(fen: row["want_credit"]))" + (vouchers.isEmpty ? "" : " (vouchers \(vouchers.joined(separator: ", ")))"))
        }
    }
}
