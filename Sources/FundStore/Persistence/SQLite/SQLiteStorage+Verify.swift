import FundCore
import GRDB

extension SQLiteStorage: VerifyStorage {
    func verifyCounts() throws -> (organizations: Int, vouchers: Int, lines: Int) {
        (try Int.fetchOne(db, sql: "SELECT count(*) FROM organization") ?? 0,
         try Int.fetchOne(db, sql: "SELECT count(*) FROM voucher WHERE status = 'posted'") ?? 0,
         try Int.fetchOne(db, sql: "SELECT count(*) FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id WHERE v.status = 'posted'") ?? 0)
    }

    func fileProblems() throws -> [VerifyProblem] {
        try integrity() + foreignKeys()
    }

    func rowProblems() throws -> (vouchers: [VerifyProblem], rest: [VerifyProblem]) {
        // The checks that read every voucher and line share one pass over them.
        var pass = try summing(organizationID: nil, from: 190001, to: 999912) { try verifyPass() }
        let vouchers = try voucherBalance(pass)
        let leaves = try leafAccounts(pass)
        // The year turnovers are added up from the monthly ones before the monthly comparison
        // takes those out of the pass and removes each stored row's key from them in place (a
        // copy to remove them from held them twice: 120 MB more on a book of a million vouchers).
        let years = try summing(organizationID: nil, from: 190001, to: 999912) { try pass.yearTurnovers() }
        var monthly: [TurnoverKey: TurnoverTotals] = [:]
        swap(&monthly, &pass.turnovers)
        return (vouchers, try leaves + balances(consume monthly) + yearBalanceProblems(consume years) + seals(pass) + EventChain.problems(db))
    }

    func sequenceProblems() throws -> [VerifyProblem] {
        try numbering() + reversals()
    }

    func chainHeads() throws -> [ChainHead] {
        let vouchers = try Row.fetchAll(db, sql: """
            SELECT o.code, s.seq, s.hash FROM voucher_seal s JOIN organization o ON o.id = s.organization_id
            WHERE s.seq = (SELECT max(seq) FROM voucher_seal x WHERE x.organization_id = s.organization_id) ORDER BY o.code
            """).map { ChainHead(chain: .vouchers, organization: $0["code"], seq: $0["seq"], hash: $0["hash"]) }
        return vouchers + (try EventChain.heads(db)).map { ChainHead(chain: .events, organization: $0.organization, seq: $0.head.seq, hash: $0.head.hash) }
    }

    func chainHash(_ chain: ChainHead.Chain, organization: String?, seq: Int64) throws -> String? {
        let table = chain == .vouchers ? "voucher_seal" : "event"
        guard let organization else {
            return chain == .vouchers ? nil : try String.fetchOne(db, sql: "SELECT hash FROM event WHERE organization_id IS NULL AND seq = ?", arguments: [seq])
        }
        return try String.fetchOne(db, sql: "SELECT t.hash FROM \(table) t JOIN organization o ON o.id = t.organization_id WHERE o.code = ? AND t.seq = ?",
                                   arguments: [organization, seq])
    }

    func untaggedSubsidySpending() throws -> [VerifyProblem] {
        var warnings: [VerifyProblem] = []
        for item in try DisbursedItemRow.fetchAll(db, sql: """
            SELECT s.code, s.recipient_id, r.code AS recipient, s.accounts, s.window_start, s.deadline FROM subsidy_item s
            JOIN organization r ON r.id = s.recipient_id WHERE s.status = 'disbursed' ORDER BY s.code
            """) {
            for account in item.accounts {
                let vouchers = try VoucherLabelRow.fetchAll(db, sql: """
                    SELECT DISTINCT v.id, v.period, v.word, v.number FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
                    JOIN account a ON a.id = l.account_id
                    WHERE v.organization_id = ? AND v.status = 'posted' AND v.kind = 'entry' AND l.project IS NULL
                      AND a.code LIKE ? || '%' AND v.date BETWEEN ? AND ? AND l.side = 'D' AND l.amount > 0
                    ORDER BY v.period, v.number LIMIT 5
                    """, arguments: [item.recipientID, account, item.windowStart, item.deadline]).map(\.label)
                if !vouchers.isEmpty {
                    warnings.append(VerifyProblem(check: "untagged-subsidy-spending", organization: item.recipient, voucher: vouchers.first,
                        message: "spends on \(account), the purpose of subsidy item \(item.code), without a project tag (\(vouchers.joined(separator: ", "))); tag the lines project:\(item.code) if they spend the item's money",
                        chineseMessage: "在项目补贴 \(item.code) 的用途科目 \(account) 上有支出，但未标注项目（\(vouchers.joined(separator: "、"))）；如果支出的是该项目的资金，请在这些行标注 project:\(item.code)"))
                }
            }
        }
        return warnings
    }

    func transfersWithoutCounterpart() throws -> [VerifyProblem] {
        var warnings: [VerifyProblem] = []
        for place in try UntaggedPlaceRow.fetchAll(db, sql: """
            SELECT o.code AS organization, a.code AS account, count(DISTINCT v.id) AS vouchers,
                   group_concat(DISTINCT (v.period / 100) || '-' || substr('0' || (v.period % 100), -2) || '/' || v.word || '-' || substr('0000' || v.number, -4)) AS labels
            FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id JOIN organization o ON o.id = v.organization_id
            JOIN account a ON a.id = l.account_id
            WHERE v.status = 'posted' AND v.kind <> 'closing' AND v.reverses_id IS NULL AND l.counterpart_id IS NULL
              AND (a.code LIKE '132%' OR a.code LIKE '508%' OR (a.code LIKE '212%' AND l.side = 'D'))
            GROUP BY o.code, a.code ORDER BY o.code, a.code
            """) {
            warnings.append(VerifyProblem(check: "transfer-without-counterpart", organization: place.organization, voucher: nil,
                message: "\(place.vouchers) posted voucher(s) have lines on \(place.account) that name no lower union (\(place.labels)); the roll-up cannot reconcile them"))
        }
        return warnings
    }

    /// The seal chain of every organisation (SQLiteStorage+Seal.swift): the first broken link of each.
    private func seals(_ pass: VerifyPass) throws -> [VerifyProblem] {
        try sealProblems(organizationID: nil, failures: pass.sealFailures).map { problem in
            let parts = problem.label.split(separator: " ", maxSplits: 1).map(String.init)
            return VerifyProblem(check: "seal", organization: parts.first, voucher: parts.count > 1 ? parts[1] : nil, message: problem.reason,
                                 chineseMessage: problem.chineseReason)
        }
    }

    private func integrity() throws -> [VerifyProblem] {
        let results = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        return results == ["ok"] ? [] : results.prefix(20).map {
            VerifyProblem(check: "integrity", organization: nil, voucher: nil, message: "the SQLite file is damaged: \($0); restore the book from a backup",
                          chineseMessage: "SQLite 文件已损坏（\($0)）；请从备份恢复账套")
        }
    }

    private func foreignKeys() throws -> [VerifyProblem] {
        try ForeignKeyViolationRow.fetchAll(db, sql: "PRAGMA foreign_key_check").prefix(20).map { violation in
            VerifyProblem(check: "foreign-key", organization: nil, voucher: nil,
                          message: "row \(violation.rowID ?? 0) of table \(violation.table) refers to a missing row of \(violation.parent)",
                          chineseMessage: "表 \(violation.table) 的第 \(violation.rowID ?? 0) 行引用了表 \(violation.parent) 中不存在的行；请从备份恢复")
        }
    }

    /// Posted vouchers that do not balance or have fewer than two lines (from `verifyPass`).
    private func voucherBalance(_ pass: VerifyPass) throws -> [VerifyProblem] {
        try pass.unbalanced.map { voucher, lines, debit, credit in
            let message = lines < 2 ? "the posted voucher has \(lines) line(s); a voucher needs a debit and a credit"
                : "the posted voucher does not balance: debits \(Money(fen: debit)) and credits \(Money(fen: credit)); its lines were changed outside FundLedger"
            let chinese = lines < 2 ? "已记账凭证只有 \(lines) 行；凭证至少要有一行借方和一行贷方"
                : "已记账凭证借贷不平衡：借方 \(Money(fen: debit))，贷方 \(Money(fen: credit))；其分录行在 FundLedger 之外被改动"
            return VerifyProblem(check: "voucher-balance", organization: voucher.organization, voucher: try voucher.label(), message: message, chineseMessage: chinese)
        }
    }

    private func numbering() throws -> [VerifyProblem] {
        var problems: [VerifyProblem] = []
        let series = try NumberSeriesRow.fetchAll(db, sql: """
            SELECT o.code AS organization, v.period, v.word, count(*) AS n, max(v.number) AS top, count(DISTINCT v.number) AS distinct_numbers
            FROM voucher v JOIN organization o ON o.id = v.organization_id WHERE v.status = 'posted'
            GROUP BY v.organization_id, v.period, v.word HAVING n <> top OR distinct_numbers <> n
            ORDER BY v.organization_id, v.period, v.word
            """)
        for series in series {
            let (organization, period, word) = (series.organization, series.period, series.word)
            let numbers = try Int.fetchAll(db, sql: """
                SELECT v.number FROM voucher v JOIN organization o ON o.id = v.organization_id
                WHERE o.code = ? AND v.period = ? AND v.word = ? AND v.status = 'posted' ORDER BY v.number
                """, arguments: [organization, period.key, word])
            let present = Set(numbers)
            let missing = (1...max(numbers.last ?? 1, 1)).filter { !present.contains($0) }
            var seen: Set<Int> = []
            let duplicated = numbers.filter { !seen.insert($0).inserted }
            if !missing.isEmpty {
                problems.append(VerifyProblem(check: "numbering", organization: organization, voucher: nil,
                    message: "\(period) \(word) numbers have gaps: missing \(missing.prefix(10).map { VoucherRef(period: period, word: word, number: $0).description }.joined(separator: ", "))",
                    chineseMessage: "\(period) \(word)字凭证号断号：缺 \(missing.prefix(10).map { VoucherRef(period: period, word: word, number: $0).description }.joined(separator: "、"))"))
            }
            if !duplicated.isEmpty {
                problems.append(VerifyProblem(check: "numbering", organization: organization, voucher: nil,
                    message: "\(period) \(word) numbers are used twice: \(duplicated.prefix(10).map { VoucherRef(period: period, word: word, number: $0).description }.joined(separator: ", "))",
                    chineseMessage: "\(period) \(word)字凭证号重号：\(duplicated.prefix(10).map { VoucherRef(period: period, word: word, number: $0).description }.joined(separator: "、"))"))
            }
        }
        return problems
    }

    private func reversals() throws -> [VerifyProblem] {
        try OrganizationVoucherRow.fetchAll(db, sql: """
            SELECT r.id, r.period, r.word, r.number, o.code AS organization FROM voucher r JOIN organization o ON o.id = r.organization_id
            WHERE r.reverses_id IS NOT NULL AND r.status = 'posted' AND (
                (SELECT count(*) FROM voucher_line WHERE voucher_id = r.id) <> (SELECT count(*) FROM voucher_line WHERE voucher_id = r.reverses_id)
                OR EXISTS (SELECT 1 FROM voucher_line a JOIN voucher_line b ON b.voucher_id = r.reverses_id AND b.position = a.position
                           WHERE a.voucher_id = r.id AND (a.account_id <> b.account_id OR a.side <> b.side OR a.amount <> -b.amount)))
            ORDER BY r.id
            """).map { voucher in
            VerifyProblem(check: "reversal", organization: voucher.organization, voucher: voucher.label.label,
                          message: "the red-ink voucher does not exactly cancel the voucher it reverses",
                          chineseMessage: "红字冲销凭证与其冲销的原凭证不能完全抵消")
        }
    }

    /// Posted vouchers with lines on accounts that have detail accounts (from `verifyPass`).
    private func leafAccounts(_ pass: VerifyPass) throws -> [VerifyProblem] {
        try pass.parentPostings.map { voucher, account in
            VerifyProblem(check: "leaf-account", organization: voucher.organization, voucher: try voucher.label(),
                          message: "posts to \(account), which has detail accounts",
                          chineseMessage: "记入了设有明细科目的上级科目 \(account)")
        }
    }

    /// Compares every stored turnover aggregate with `turnovers`, recomputed from the posted
    /// lines by `verifyPass`, and names the differences with the vouchers behind them.
    private func balances(_ turnovers: consuming [TurnoverKey: TurnoverTotals]) throws -> [VerifyProblem] {
        var codes: (organizations: [Int64: String], accounts: [Int64: String]) = ([:], [:])
        let rows = try Row.fetchCursor(db, sql: "SELECT 0, id, code FROM organization UNION ALL SELECT 1, id, code FROM account")
        while let row = try rows.next() {
            if row[0] as Int64 == 0 { codes.organizations[row[1]] = row[2] } else { codes.accounts[row[1]] = row[2] }
        }
        var differences: [BalanceDifference] = []
        func compare(_ key: TurnoverKey, want: TurnoverTotals?, have: TurnoverTotals) throws {
            let fromLines = want != nil, want = want ?? TurnoverTotals()
            guard want.debit != have.debit || want.credit != have.credit,
                  let organization = codes.organizations[key.organizationID], let account = codes.accounts[key.accountID] else { return }
            guard let period = Period(key: Int(key.period)) else {
                throw BookError.storedValueInvalid(table: "balance", column: "period", value: String(key.period), row: "organization_id \(key.organizationID)")
            }
            differences.append(BalanceDifference(key: key, period: period, organization: organization, account: account, want: want, have: have,
                                                 fromLines: fromLines))
        }
        // Each stored row against the lines' figure for its key; then the keys the lines give
        // that no row has.
        let stored = try Row.fetchCursor(db, sql: """
            SELECT organization_id, account_id, period, project, source, closing, expense, counterpart_id, class, debit, credit FROM balance
            """)
        while let row = try stored.next() {
            let key = TurnoverKey(organizationID: row[0], accountID: row[1], period: row[2], project: row[3], source: row[4],
                                  closing: row[5], expense: row[6], counterpartID: row[7], basicClass: row[8])
            let have = TurnoverTotals(debit: row[9], credit: row[10])
            try compare(key, want: turnovers.removeValue(forKey: key), have: have)
        }
        for (key, want) in turnovers { try compare(key, want: want, have: TurnoverTotals()) }
        // By organisation, month and account, as they were always listed; rows that tie there
        // as the comparison has always met them: the lines' keys first, in key order, then the
        // stored rows the lines do not give, in key order.
        differences.sort { a, b in
            if (a.organization, a.key.period, a.account) != (b.organization, b.key.period, b.account) {
                return (a.organization, a.key.period, a.account) < (b.organization, b.key.period, b.account)
            }
            if a.fromLines != b.fromLines { return a.fromLines }
            return (a.key.project, a.key.source, a.key.closing ? 1 : 0, a.key.expense, a.key.counterpartID, a.key.basicClass)
                < (b.key.project, b.key.source, b.key.closing ? 1 : 0, b.key.expense, b.key.counterpartID, b.key.basicClass)
        }
        return try differences.prefix(50).map { difference in
            let vouchers = try VoucherLabelRow.fetchAll(db, sql: """
                SELECT DISTINCT v.id, v.period, v.word, v.number FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
                WHERE v.organization_id = ? AND v.period = ? AND l.account_id = ? AND coalesce(l.project, '') = ? AND v.status = 'posted'
                ORDER BY v.number LIMIT 5
                """, arguments: [difference.key.organizationID, difference.period.key, difference.key.accountID, difference.key.project]).map(\.label)
            let project = difference.key.project
            return VerifyProblem(check: "balance", organization: difference.organization, voucher: vouchers.first,
                message: "account \(difference.account)\(project.isEmpty ? "" : " project " + project) in \(difference.period): the stored turnover is debit \(Money(fen: difference.have.debit)) credit \(Money(fen: difference.have.credit)) but the posted lines give debit \(Money(fen: difference.want.debit)) credit \(Money(fen: difference.want.credit))" + (vouchers.isEmpty ? "" : " (vouchers \(vouchers.joined(separator: ", ")))"),
                chineseMessage: "科目 \(difference.account)\(project.isEmpty ? "" : " 项目 " + project) \(difference.period)：余额汇总中的发生额为借方 \(Money(fen: difference.have.debit))、贷方 \(Money(fen: difference.have.credit))，而已记账凭证行合计为借方 \(Money(fen: difference.want.debit))、贷方 \(Money(fen: difference.want.credit))"
                    + (vouchers.isEmpty ? "" : "（涉及凭证 \(vouchers.joined(separator: "、"))）") + "；账套在 FundLedger 之外被改动，请从备份恢复")
        }
    }
}

/// A voucher named in a problem: its number when it has one ("2026-03/记-0002"), else its row id.
private struct VoucherLabelRow: FetchableRecord {
    let label: String

    init(row: Row) throws {
        if let number: Int = row["number"] {
            label = VoucherRef(period: try row.storedPeriod(Column("period"), in: "voucher"), word: row["word"], number: number).description
        } else {
            label = "#" + String(row["id"] as Int64)
        }
    }
}

/// A voucher named in a problem with its organisation (and, for a posting to a parent account,
/// the account).
private struct OrganizationVoucherRow: FetchableRecord {
    let label: VoucherLabelRow
    let organization: String
    let account: String?

    init(row: Row) throws {
        label = try VoucherLabelRow(row: row)
        organization = row["organization"]
        account = row.hasColumn("code") ? row["code"] : nil
    }
}

/// A month's series of numbers that has gaps or duplicates.
private struct NumberSeriesRow: FetchableRecord {
    let organization: String
    let period: Period
    let word: String

    init(row: Row) throws {
        organization = row["organization"]
        period = try row.storedPeriod(Column("period"), in: "voucher")
        word = row["word"]
    }
}

/// A row `PRAGMA foreign_key_check` reports: the table, the row and the table it refers to.
private struct ForeignKeyViolationRow: FetchableRecord {
    let table: String
    let rowID: Int64?
    let parent: String

    init(row: Row) {
        table = row[0]
        rowID = row[1]
        parent = row[2]
    }
}

/// A turnover aggregate that differs from what the posted lines give.
private struct BalanceDifference {
    let key: TurnoverKey
    let period: Period
    let organization: String
    let account: String
    let want: TurnoverTotals, have: TurnoverTotals
    /// Whether the posted lines give the key (else only a stored row has it).
    let fromLines: Bool
}

/// A disbursed subsidy item with its recipient, purpose accounts and window.
private struct DisbursedItemRow: FetchableRecord {
    let code: String
    let recipientID: Int64
    let recipient: String
    let accounts: [String]
    let windowStart: String
    let deadline: String

    init(row: Row) {
        code = row["code"]
        recipientID = row["recipient_id"]
        recipient = row["recipient"]
        accounts = (row["accounts"] as String).split(separator: " ").map(String.init)
        windowStart = row["window_start"]
        deadline = row["deadline"]
    }
}

/// An organisation and account with untagged transfer lines, and how many vouchers hold them.
private struct UntaggedPlaceRow: FetchableRecord {
    let organization: String
    let account: String
    let vouchers: Int
    let labels: String

    init(row: Row) {
        organization = row["organization"]
        account = row["account"]
        vouchers = row["vouchers"]
        let text: String? = row["labels"]
        labels = text ?? ""
    }
}
