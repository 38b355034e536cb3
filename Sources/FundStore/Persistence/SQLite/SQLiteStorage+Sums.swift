import FundCore
import GRDB

/// A sum column that SQLite returned as a floating-point number: a difference of two stored
/// amounts (`debit - credit`) past Int64, which SQLite turns into REAL instead of failing.
struct SumNotInteger: Error {}

extension Row {
    /// A column of `sum(...)` in fen: an INTEGER (NULL, the sum of nothing, is 0). Anything else
    /// is `SumNotInteger`, never a trap or a rounded figure.
    func sumFen(_ column: String) throws -> Int64 {
        let value: DatabaseValue = self[column]
        switch value.storage {
        case let .int64(fen): return fen
        case .null: return 0
        default: throw SumNotInteger()
        }
    }
}

extension SQLiteStorage {
    /// One sum in fen (`SELECT coalesce(sum(...), 0) ...`), read without trapping on a REAL.
    func fetchSum(_ sql: String, arguments: StatementArguments) throws -> Int64 {
        // Callers pass constant SQL (values go in `arguments`), so the statement is cached.
        guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) else { return 0 }
        let value: DatabaseValue = row[0]
        switch value.storage {
        case let .int64(fen): return fen
        case .null: return 0
        default: throw SumNotInteger()
        }
    }

    /// Runs a query that sums amounts of the balance table over the months `from...to` (keys,
    /// 202601), for one organisation or, when nil, for all. SQLite's "integer overflow" of `sum()`
    /// and a sum come back as REAL become `BookError.sumOverflow`, naming the organisation and the
    /// account whose rows do not add up within Int64, found by adding them again in Swift.
    func summing<T>(organizationID: Int64?, from: Int, to: Int, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR && (error.message ?? "").contains("integer overflow") {
            throw try sumOverflow(organizationID: organizationID, from: from, to: to)
        } catch is SumNotInteger {
            throw try sumOverflow(organizationID: organizationID, from: from, to: to)
        }
    }

    /// The refusal for a sum of the balance table that does not fit: the first organisation and
    /// account (in code order) whose debits, credits or net over the months overflow Int64, and
    /// the months from its first posting to `to`.
    func sumOverflow(organizationID: Int64?, from: Int, to: Int) throws -> BookError {
        let start = Period(key: from) ?? Period(year: 1900, month: 1)!
        var first = start
        let last = Period(key: to) ?? Period(year: 9999, month: 12)!
        let rows = try Row.fetchCursor(db, sql: """
            SELECT o.code AS organization, a.code AS account, b.period, b.debit, b.credit
            FROM balance b JOIN organization o ON o.id = b.organization_id JOIN account a ON a.id = b.account_id
            WHERE (? IS NULL OR b.organization_id = ?) AND b.period BETWEEN ? AND ?
            ORDER BY o.code, a.code, b.period
            """, arguments: [organizationID, organizationID, from, to])
        var current: (organization: String, account: String)?
        var debit: Int64 = 0, credit: Int64 = 0, net: Int64 = 0
        var overflowed = false
        while let row = try rows.next() {
            let organization: String = row["organization"], account: String = row["account"]
            if current?.organization != organization || current?.account != account {
                current = (organization, account)
                debit = 0; credit = 0; net = 0
                first = Period(key: row["period"]).map { max($0, start) } ?? start
            }
            let rowDebit: Int64 = (row["debit"] as Int64?) ?? 0, rowCredit: Int64 = (row["credit"] as Int64?) ?? 0
            var o1 = false, o2 = false, o3 = false, o4 = false
            (debit, o1) = debit.addingReportingOverflow(rowDebit)
            (credit, o2) = credit.addingReportingOverflow(rowCredit)
            let difference: Int64
            (difference, o3) = rowDebit.subtractingReportingOverflow(rowCredit)
            (net, o4) = net.addingReportingOverflow(difference)
            if o1 || o2 || o3 || o4 { overflowed = true; break }
        }
        var organization = current?.organization
        if organization == nil, let organizationID {
            organization = try String.fetchOne(db, sql: "SELECT code FROM organization WHERE id = ?", arguments: [organizationID])
        }
        if !overflowed { first = start }
        return .sumOverflow(SumOverflow(organization: organization ?? "", account: overflowed ? current?.account : nil,
                                        period: min(first, last)...max(first, last)))
    }
}
