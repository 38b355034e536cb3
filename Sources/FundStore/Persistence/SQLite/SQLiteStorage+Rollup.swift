import Foundation
import FundCore
import GRDB

extension SQLiteStorage: RollupStorage {
    /// The members of the tree, bound as the JSON array of their row ids (`RollupTree.memberIDsJSON`).
    private static let tree = "WITH rollup_member(id) AS (SELECT value FROM json_each(?))"

    /// Read from the year aggregate (`year_balance`): the years up to the roll-up's, about one
    /// row per member, account, project and counterpart for each year of the book. A roll-up
    /// through a month before December adds the year's monthly rows through that month to the
    /// earlier years' rows.
    func rollupBalances(_ tree: RollupTree, yearStart: Int, through: Int) throws -> [RollupBalance] {
        let year = yearStart / 100
        let select = """
            SELECT o.code AS organization, a.code AS account, g.project, c.code AS counterpart, g.closing_net, g.activity_net
            FROM grouped g JOIN organization o ON o.id = g.organization_id JOIN account a ON a.id = g.account_id
            LEFT JOIN organization c ON c.id = g.counterpart_id
            """
        if through == year * 100 + 12 {
            var flowing: [FlowingAccount] = []
            return try summing(organizationID: nil, from: 190001, to: through) { try yearBalances(tree, year: year, flowing: &flowing) }
        }
        return try summing(organizationID: nil, from: 190001, to: through) { try RollupBalanceRow.fetchAll(db, sql: Self.tree + """
            , turnover AS (
                SELECT y.organization_id, y.account_id, y.project, y.counterpart_id, y.debit - y.credit AS net, 0 AS activity
                FROM year_balance y WHERE y.organization_id IN (SELECT id FROM rollup_member) AND y.year < ?
                UNION ALL
                SELECT b.organization_id, b.account_id, b.project, b.counterpart_id, b.debit - b.credit,
                       CASE WHEN b.closing = 0 THEN b.debit - b.credit ELSE 0 END
                FROM balance b WHERE b.organization_id IN (SELECT id FROM rollup_member) AND b.period BETWEEN ? AND ?
            ), grouped AS (
                SELECT organization_id, account_id, project, counterpart_id, sum(net) AS closing_net, sum(activity) AS activity_net
                FROM turnover GROUP BY organization_id, account_id, project, counterpart_id)
            """ + select, arguments: [tree.memberIDsJSON, year, yearStart, through]).map(\.balance) }
    }

    /// A roll-up through December: the year rows of the members up to `year`, in key order,
    /// added up per member, account, project and counterpart in Swift as they are stepped, read
    /// by column index with SQLite's C API (no sorting, no join per row: the organisations'
    /// codes come from the tree, the accounts' from one look-up). The same rows as the grouping
    /// of the monthly rows; a sum past Int64 is `SumNotInteger`. `flowing` gets each member and
    /// flow account (`isFlowAccount`) of the book with movements in `year` outside closing, in
    /// key order. The whole book's read meets every row: one whose organisation is not an
    /// integer is refused as stored wrongly (a part's read, by member id, never meets it).
    private func yearBalances(_ tree: RollupTree, year: Int, flowing: inout [FlowingAccount]) throws -> [RollupBalance] {
        var accounts: [Int64: (code: String, isFlow: Bool)] = [:]
        let codes = try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, code FROM account"))
        while let row = try codes.next() {
            let code: String = row[1]
            accounts[row[0]] = (code, Self.isFlowAccount(code))
        }
        var balances: [RollupBalance] = []
        balances.reserveCapacity(tree.memberIDs.count * 4)
        // The key of the rows being added up; `organization` is nil before the first row and
        // after a row whose organisation or account is not in the book (left out, as the inner
        // joins did).
        var organizationID: Int64 = 0, accountID: Int64 = 0, project = "", counterpartID: Int64 = 0, started = false
        var organization: String?, account: String?, isFlowAccount = false
        var closingNet: Int64 = 0, activityNet: Int64 = 0
        func add(_ total: Int64, _ amount: Int64) throws -> Int64 {
            let (sum, overflow) = total.addingReportingOverflow(amount)
            if overflow { throw SumNotInteger() }
            return sum
        }
        func close() {
            guard started, let organization, let account else { return }
            balances.append(RollupBalance(organization: organization, account: account, project: project.isEmpty ? nil : project,
                                          counterpart: tree.codes[counterpartID],
                                          closingNet: closingNet, activityNet: activityNet))
        }
        func invalid(_ column: String, at index: Int32, _ row: SQLiteColumns) -> BookError {
            .storedValueInvalid(table: "year_balance", column: column, value: row.text(index), row: "organization_id \(row.text(0)), account_id \(row.text(1))")
        }
        // A tree of every organisation of the book reads the whole table in key order, without
        // looking each member up.
        let wholeBook = tree.memberIDs.count == tree.codes.count
        let statement = try db.cachedStatement(sql: (wholeBook ? "" : Self.tree) + """
            SELECT y.organization_id, y.account_id, y.project, y.counterpart_id, y.year, y.closing, y.debit, y.credit
            FROM year_balance y WHERE \(wholeBook ? "" : "y.organization_id IN (SELECT id FROM rollup_member) AND ")y.year <= ?
            ORDER BY y.organization_id, y.account_id, y.project, y.counterpart_id
            """)
        try forEachRow(statement, arguments: wholeBook ? [year] : [tree.memberIDsJSON, year]) { row in
            guard let rowOrganization = row.integer(0) else { throw invalid("organization_id", at: 0, row) }
            guard let rowAccount = row.integer(1) else { throw invalid("account_id", at: 1, row) }
            guard let rowCounterpart = row.integer(3) else { throw invalid("counterpart_id", at: 3, row) }
            let sameProject = row.isEmptyText(2) ? project.isEmpty : (!project.isEmpty && project == row.text(2))
            if !started || rowOrganization != organizationID || rowAccount != accountID || !sameProject || rowCounterpart != counterpartID {
                close()
                if !started || rowOrganization != organizationID { organization = tree.codes[rowOrganization] }
                if !started || rowAccount != accountID { (account, isFlowAccount) = accounts[rowAccount].map { ($0.code, $0.isFlow) } ?? (nil, false) }
                started = true
                organizationID = rowOrganization
                accountID = rowAccount
                if !sameProject { project = row.isEmptyText(2) ? "" : row.text(2) }
                counterpartID = rowCounterpart
                closingNet = 0
                activityNet = 0
            }
            guard let debit = row.integer(6), let credit = row.integer(7) else { throw SumNotInteger() }
            let (net, overflow) = debit.subtractingReportingOverflow(credit)
            if overflow { throw SumNotInteger() }
            closingNet = try add(closingNet, net)
            if row.integer(4) == Int64(year), row.integer(5) == 0 {
                activityNet = try add(activityNet, net)
                if isFlowAccount, organization != nil, flowing.last != FlowingAccount(organization: rowOrganization, account: rowAccount) {
                    flowing.append(FlowingAccount(organization: rowOrganization, account: rowAccount))
                }
            }
        }
        close()
        return balances
    }

    /// Through December, the members and flow accounts with movements in the year are found
    /// while the year rows are stepped; through an earlier month, as `rollupFlows` finds them.
    func rollupAggregates(_ tree: RollupTree, yearStart: Int, through: Int) throws -> (balances: [RollupBalance], flows: [RollupFlow]) {
        let year = yearStart / 100
        guard through == year * 100 + 12 else {
            return (try rollupBalances(tree, yearStart: yearStart, through: through), try rollupFlows(tree, yearStart: yearStart, through: through))
        }
        var flowing: [FlowingAccount] = []
        let balances = try summing(organizationID: nil, from: 190001, to: through) { try yearBalances(tree, year: year, flowing: &flowing) }
        let json = "[" + flowing.map { "[\($0.organization),\($0.account)]" }.joined(separator: ",") + "]"
        return (balances, try summing(organizationID: nil, from: yearStart, to: through) { try RollupFlowRow.fetchAll(db, sql: """
            WITH flowing(organization_id, account_id) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))
            """ + Self.flowsByMonth, arguments: [json, yearStart, through]).map(\.flow) })
    }

    /// The accounts of the flows between levels, by prefix.
    static let flowAccountPrefixes = ["211", "212", "131", "132", "402", "403", "508"]

    /// Whether `code` is one of the flows' accounts.
    static func isFlowAccount(_ code: String) -> Bool {
        flowAccountPrefixes.contains { code.hasPrefix($0) }
    }

    /// The months `?` through `?` of the members and accounts in `flowing`, from `balance`, each
    /// month by its key, closing vouchers left out.
    private static let flowsByMonth = """
        , rollup_month(period) AS (
            SELECT ? UNION ALL SELECT period + 1 FROM rollup_month WHERE period < ?
        )
        SELECT o.code AS organization, a.code AS account, b.project, c.code AS counterpart, b.period,
               sum(b.debit) AS debit, sum(b.credit) AS credit
        FROM flowing f CROSS JOIN rollup_month p CROSS JOIN balance b
        JOIN organization o ON o.id = b.organization_id JOIN account a ON a.id = b.account_id LEFT JOIN organization c ON c.id = b.counterpart_id
        WHERE b.organization_id = f.organization_id AND b.period = p.period AND b.account_id = f.account_id AND b.closing = 0
        GROUP BY b.organization_id, b.account_id, b.project, b.counterpart_id, b.period
        """

    /// The members and flow accounts with movements in the year are read from the year aggregate;
    /// only their months are read from `balance`, each month by its key.
    func rollupFlows(_ tree: RollupTree, yearStart: Int, through: Int) throws -> [RollupFlow] {
        try summing(organizationID: nil, from: yearStart, to: through) { try RollupFlowRow.fetchAll(db, sql: Self.tree + """
            , flow_account(id) AS (
                SELECT id FROM account WHERE \(Self.flowAccountPrefixes.map { "code LIKE '\($0)%'" }.joined(separator: " OR "))
            ), flowing(organization_id, account_id) AS (
                SELECT DISTINCT y.organization_id, y.account_id FROM year_balance y
                WHERE y.organization_id IN (SELECT id FROM rollup_member) AND +y.account_id IN (SELECT id FROM flow_account)
                  AND y.year = ? AND y.closing = 0
            )
            """ + Self.flowsByMonth, arguments: [tree.memberIDsJSON, yearStart / 100, yearStart, through]).map(\.flow) }
    }

    /// The lines of the posted vouchers of each organisation and month asked of are read once,
    /// in voucher order, by one statement (the months named as one JSON array); each query then
    /// keeps the vouchers with a line it matches, the first 20. Account codes are digits, so a
    /// prefix is matched as text.
    func flowVouchers(_ queries: [FlowVoucherQuery]) throws -> [[VoucherRef]] {
        guard !queries.isEmpty else { return [] }
        struct Month: Hashable { let organization: String, period: Int }
        var months: [Month] = [], monthOf: [Month: Int] = [:]
        let queryMonths = queries.map { query in
            let month = Month(organization: query.organization, period: query.period.key)
            if let position = monthOf[month] { return position }
            monthOf[month] = months.count
            months.append(month)
            return months.count - 1
        }
        let json = String(decoding: try JSONEncoder().encode(months.map { [FlowMonthJSON.code($0.organization), .period($0.period)] }), as: UTF8.self)
        var lines = [[FlowLine]](repeating: [], count: months.count)
        func invalid(_ column: String, at index: Int32, _ row: SQLiteColumns) -> BookError {
            .storedValueInvalid(table: "voucher", column: column, value: row.text(index), row: "\(row.text(1)) \(row.text(2))-\(row.text(3))")
        }
        try forEachRow(db.cachedStatement(sql: """
            WITH month(position, organization, period) AS (
                SELECT key, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)
            )
            SELECT m.position, v.period, v.word, v.number, a.code, l.counterpart_id IS NULL, c.code, p.code, l.project, l.side = 'D'
            FROM month m CROSS JOIN organization o CROSS JOIN voucher v CROSS JOIN voucher_line l JOIN account a ON a.id = l.account_id
            LEFT JOIN organization c ON c.id = l.counterpart_id LEFT JOIN organization p ON p.id = o.parent_id
            WHERE o.code = m.organization AND v.organization_id = o.id AND v.period = m.period AND v.status = 'posted'
              AND v.kind <> 'closing' AND l.voucher_id = v.id
            ORDER BY m.position, v.period, v.word, v.number
            """), arguments: [json]) { row in
            guard let position = row.integer(0).map(Int.init), lines.indices.contains(position) else {
                preconditionFailure("flowVouchers: a row for month \(row.text(0)) of \(months.count)")
            }
            guard let key = row.integer(1), let period = Period(key: Int(key)) else { throw invalid("period", at: 1, row) }
            guard let number = row.integer(3) else { throw invalid("number", at: 3, row) }
            let account = row.text(4)
            // A 211 line without a counterpart is owed to the parent.
            let counterpart = row.isNull(6) ? (account.hasPrefix("211") && !row.isNull(7) ? row.text(7) : nil) : row.text(6)
            lines[position].append(FlowLine(voucher: VoucherRef(period: period, word: row.text(2), number: Int(number)), account: account,
                                            namesNoCounterpart: row.integer(5) == 1, counterpart: counterpart,
                                            project: row.text(8), isDebit: row.integer(9) == 1))
        }
        return zip(queries, queryMonths).map { query, month in
            var found: [VoucherRef] = []
            for line in lines[month] {
                if found.count == 20 { break }
                if found.last == line.voucher { continue }
                guard query.accountPrefixes.contains(where: { line.account.hasPrefix($0) }) else { continue }
                if let counterpart = query.counterpart { guard line.counterpart == counterpart else { continue } }
                else { guard line.namesNoCounterpart else { continue } }
                if let project = query.project, line.project != project { continue }
                if query.debitsOnly, !line.isDebit { continue }
                found.append(line.voucher)
            }
            return found
        }
    }

    func rollupBudgets(_ tree: RollupTree, year: Int) throws -> [String: Budget] {
        var budgets: [String: Budget] = [:]
        for member in try MemberRow.fetchAll(db, sql: Self.tree + """
            SELECT o.id, o.code FROM budget b JOIN rollup_member m ON m.id = b.organization_id JOIN organization o ON o.id = b.organization_id
            WHERE b.year = ?
            """, arguments: [tree.memberIDsJSON, year]) {
            budgets[member.code] = try budget(organizationID: member.id, organization: member.code, year: year, through: nil)
        }
        return budgets
    }

    func pairVouchers(organization: String, accountPrefix: String, counterpart: String, project: String?) throws -> [VoucherRef] {
        try VoucherRefRow.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT v.period, v.word, v.number FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
            JOIN organization o ON o.id = v.organization_id JOIN account a ON a.id = l.account_id
            LEFT JOIN organization c ON c.id = l.counterpart_id LEFT JOIN organization p ON p.id = o.parent_id
            WHERE o.code = ? AND v.status = 'posted' AND a.code LIKE ? || '%'
              AND coalesce(c.code, CASE WHEN ? = '211' THEN p.code END) = ? AND coalesce(l.project, '') = ?
            ORDER BY v.period, v.word, v.number LIMIT 20
            """), arguments: [organization, accountPrefix, accountPrefix, counterpart, project ?? ""]).map(\.ref)
    }
}

/// One member's aggregate for one account, project and counterpart.
private struct RollupBalanceRow: FetchableRecord {
    let balance: RollupBalance

    init(row: Row) throws {
        let project: String = row["project"]
        balance = RollupBalance(organization: row["organization"], account: row["account"], project: project.isEmpty ? nil : project,
                                counterpart: row["counterpart"], closingNet: try row.sumFen("closing_net"), activityNet: try row.sumFen("activity_net"))
    }
}

/// One member's month on one account, project and counterpart.
private struct RollupFlowRow: FetchableRecord {
    let flow: RollupFlow

    init(row: Row) throws {
        let project: String = row["project"]
        flow = RollupFlow(organization: row["organization"], account: row["account"], project: project.isEmpty ? nil : project,
                          counterpart: row["counterpart"], period: try row.storedPeriod(Column("period"), in: "balance"),
                          debit: try row.sumFen("debit"), credit: try row.sumFen("credit"))
    }
}

/// A member of the tree that has a budget.
private struct MemberRow: FetchableRecord {
    let id: Int64
    let code: String

    init(row: Row) {
        id = row["id"]
        code = row["code"]
    }
}

/// A posted voucher's number: its month, word and number.
struct VoucherRefRow: FetchableRecord {
    let ref: VoucherRef

    init(row: Row) throws {
        ref = VoucherRef(period: try row.storedPeriod(Column("period"), in: "voucher"), word: row["word"], number: row["number"])
    }
}

/// A member and a flow account with movements in the roll-up's year, by row id.
struct FlowingAccount: Equatable {
    let organization: Int64
    let account: Int64
}

/// A line of a posted voucher as `flowVouchers` matches it: its account code, whether it names
/// no counterpart, the counterpart it is toward (a 211 line naming none: the parent), its project
/// ("" for none) and side.
private struct FlowLine {
    let voucher: VoucherRef
    let account: String
    let namesNoCounterpart: Bool
    let counterpart: String?
    let project: String
    let isDebit: Bool
}

/// An element of the `[organisation code, period key]` pairs `flowVouchers` binds.
private enum FlowMonthJSON: Encodable {
    case code(String), period(Int)

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .code(let code): try container.encode(code)
        case .period(let period): try container.encode(period)
        }
    }
}
