import FundCore
import GRDB
import GRDBSQLite

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
    /// How many year aggregate rows the book stores: the room `yearTurnovers` makes at once.
    var yearRows = 0

    /// The year aggregates as the posted lines give them: the monthly ones added up by year.
    func yearTurnovers() throws -> [YearBalanceKey: TurnoverTotals] {
        var years: [YearBalanceKey: TurnoverTotals] = [:]
        years.reserveCapacity(yearRows)
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
    ///
    /// The columns are read straight from SQLite (`StoredColumns`) and a version 2 payload is
    /// written from them into one reused buffer (`SealPayloadWriter`): the same values GRDB's
    /// decoding gives, without a row object or a string per value.
    func verifyPass() throws -> VerifyPass {
        var pass = VerifyPass()
        // The aggregates the lines give are about as many as the book stores: room for them at
        // once, so the dictionaries are not grown (and held twice) step by step.
        pass.turnovers.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM balance") ?? 0)
        pass.yearRows = try Int.fetchOne(db, sql: "SELECT count(*) FROM year_balance") ?? 0
        // Each code as stored, and as a sealed text field (nil when it is not a text).
        var accounts: [Int64: StoredCode] = [:], organizations: [Int64: StoredCode] = [:]
        let codes = try Row.fetchCursor(db, sql: "SELECT 0, id, code FROM organization UNION ALL SELECT 1, id, code FROM account")
        while let row = try codes.next() {
            let code = StoredCode(value: row[2])
            if row[0] as Int64 == 0 { organizations[row[1]] = code } else { accounts[row[1]] = code }
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
        let voucherStatement = try db.makeStatement(sql: """
            SELECT v.id, v.organization_id, o.id IS NOT NULL, v.status, v.kind, v.period, v.word, v.number,
                   s.voucher_id IS NOT NULL, s.previous, s.hash, s.payload_version,
                   o.code, v.id, v.date, v.period, v.word, v.number, v.summary, v.attachments, v.preparer, v.reviewer,
                   v.bookkeeper, v.status, v.kind, v.reverses_id, v.posted_at, v.historical
            FROM voucher v LEFT JOIN organization o ON o.id = v.organization_id LEFT JOIN voucher_seal s ON s.voucher_id = v.id
            ORDER BY v.id
            """)
        let vouchers = try Row.fetchCursor(voucherStatement)
        let voucher = StoredColumns(voucherStatement)
        var lines = try VerifiedLines(db.makeStatement(sql: """
            SELECT l.voucher_id, l.position, l.account_id, l.side, l.amount, l.summary, l.project, l.expense_type, l.econ,
                   l.counterpart_id, l.fund_source, l.basic_class
            FROM voucher_line l ORDER BY l.voucher_id, l.position
            """))
        let line = lines.columns
        try lines.advance()
        var writer = SealPayloadWriter()
        // A version 1 seal (or a version the code does not know) takes the values as GRDB gives them.
        var voucherFields: [DatabaseValue] = []
        voucherFields.reserveCapacity(16)
        var sealedLines: [[DatabaseValue]] = []
        var namedParentPostings: Set<ParentPosting> = []
        while try vouchers.next() != nil {
            let voucherID = voucher.number(0)
            let organizationID = voucher.integer(1)
            let organizationPresent = voucher.number(2) != 0
            let posted = voucher.textEquals(3, "posted")
            let closing = voucher.textEquals(4, "closing")
            let period = voucher.integer(5)
            let sealed = voucher.number(8) != 0
            var named: VerifiedVoucher? {
                guard organizationPresent, let organizationID, let code = organizations[organizationID]?.string else { return nil }
                return VerifiedVoucher(id: voucherID, period: period.map { Int($0) }, word: voucher.string(6),
                                       number: Int.fromDatabaseValue(voucher.value(7)), organization: code)
            }
            let version = voucher.integer(11).map { Int($0) } ?? Int.fromDatabaseValue(voucher.value(11)) ?? 0
            let encoded = sealed && organizationPresent && version == 2
            if encoded {
                // The historical people's duties are sealed only on a voucher that has them.
                let fields = voucher.isNull(27) ? Self.voucherTypes.count : Self.voucherTypes.count + 1
                writer.beginVoucher()
                writer.beginGroup(fields: fields)
                for (offset, declared) in Self.voucherTypes.enumerated() { writer.appendColumn(voucher, Int32(12 + offset), as: declared) }
                if fields > Self.voucherTypes.count { writer.appendColumn(voucher, 27, as: .text) }
            }
            sealedLines.removeAll(keepingCapacity: true)
            var lineCount = 0
            var totals = TurnoverTotals()
            while lines.hasRow, lines.voucherID <= voucherID {
                defer { try? lines.advance() }
                guard lines.voucherID == voucherID else { continue }
                let accountID = line.integer(2)
                let account = accountID.flatMap { accounts[$0] }
                if sealed, let account {
                    if encoded { writer.appendLine(line, account: account, organizations: organizations) }
                    else if version == 1 { sealedLines.append(VerifiedLines.sealedValues(line, account: account, organizations: organizations)) }
                }
                guard posted else { continue }
                lineCount += 1
                let amount = line.number(4)
                let debit = line.textEquals(3, "D") ? amount : 0, credit = line.textEquals(3, "C") ? amount : 0
                try totals.add(debit, credit)
                guard let accountID else { continue }
                if let organizationID, let period {
                    let counterpartID: Int64 = switch line.type(9) {
                    case SQLITE_NULL: 0
                    case SQLITE_INTEGER: line.number(9)
                    // A counterpart id that is not a number matches no aggregate's.
                    default: Int64.min
                    }
                    let key = TurnoverKey(organizationID: organizationID, accountID: accountID, period: Int(period), project: line.string(6) ?? "",
                                          source: line.string(10) ?? "", closing: closing, expense: line.string(7) ?? "", counterpartID: counterpartID,
                                          basicClass: line.string(11) ?? "")
                    try pass.turnovers[key, default: TurnoverTotals()].add(debit, credit)
                }
                if pass.parentPostings.count < Self.maximumParentPostings, let organizationID,
                   let parent = parents[accountID], parent.standard || parent.organizations.contains(organizationID),
                   let code = account?.string, let named,
                   namedParentPostings.insert(ParentPosting(voucherID: voucherID, account: code)).inserted {
                    pass.parentPostings.append((named, code))
                }
            }
            try lines.rethrow()
            if posted, totals.debit != totals.credit || lineCount < 2, let named {
                pass.unbalanced.append((named, lineCount, totals.debit, totals.credit))
            }
            guard sealed else { continue }
            guard organizationPresent else {
                pass.sealFailures[voucherID] = .missing
                continue
            }
            let matches: Bool
            if encoded {
                let payload = writer.finish()
                matches = voucher.withText(9) { previous in voucher.withText(10) { SealHash.matches(previous: previous, payload: payload, hash: $0) } }
            } else {
                voucherFields.removeAll(keepingCapacity: true)
                for index in Int32(12)..<28 { voucherFields.append(voucher.value(index)) }
                if voucherFields.last == .null { voucherFields.removeLast() }
                let payload = Self.sealPayload(version: version, voucher: voucherFields, lines: sealedLines)
                let previous = voucher.withText(9) { String(decoding: $0, as: UTF8.self) }
                matches = voucher.withText(10) { String(decoding: $0, as: UTF8.self) } == SealHash.sha256(previous, payload)
            }
            if !matches { pass.sealFailures[voucherID] = .changed }
        }
        return pass
    }
}

/// A voucher and an account code named once among the postings to parent accounts.
private struct ParentPosting: Hashable {
    let voucherID: Int64
    let account: String
}

/// An account's or organisation's code as stored, and as a sealed text field.
private struct StoredCode {
    let value: DatabaseValue
    /// The code as `String.fromDatabaseValue` reads it.
    let string: String?
    /// The code encoded as a version 2 text field; nil when it holds no text (no typed field).
    let field: [UInt8]?

    init(value: DatabaseValue) {
        self.value = value
        string = String.fromDatabaseValue(value)
        field = SealPayloadWriter.encoded(value)
    }
}

/// The stored lines in voucher order, the statement standing on the first line not yet given to
/// a voucher. A line whose voucher id is not a number joins no voucher and is skipped.
private struct VerifiedLines {
    let statement: Statement
    let cursor: RowCursor
    let columns: StoredColumns
    private(set) var hasRow = false
    private(set) var voucherID: Int64 = 0
    /// An error met while stepping inside the merge, thrown by `rethrow`.
    private var failure: (any Error)?

    init(_ statement: Statement) throws {
        self.statement = statement
        cursor = try Row.fetchCursor(statement)
        columns = StoredColumns(statement)
    }

    /// Steps to the next line whose voucher id is a number.
    mutating func advance() throws {
        do {
            while try cursor.next() != nil {
                guard let id = columns.integer(0) else { continue }
                // The amount is an INTEGER by its CHECK; anything else makes the sums fail as SQLite's would.
                guard columns.type(4) == SQLITE_INTEGER else { throw SumNotInteger() }
                (hasRow, voucherID) = (true, id)
                return
            }
            hasRow = false
        } catch {
            hasRow = false
            failure = failure ?? error
            throw error
        }
    }

    /// Throws the error `advance` met where it could not be thrown.
    func rethrow() throws {
        if let failure { throw failure }
    }

    /// The line's sealed values in `sealedRows`' order, as GRDB gives them (for a version 1
    /// seal): its account's and counterpart's codes in place of their ids (a counterpart not in
    /// the book is NULL, as the outer join gives), and the 基本支出 class only when it has one.
    static func sealedValues(_ line: StoredColumns, account: StoredCode, organizations: [Int64: StoredCode]) -> [DatabaseValue] {
        var values: [DatabaseValue] = [line.value(1), account.value]
        values.reserveCapacity(11)
        for index in Int32(3)...8 { values.append(line.value(index)) }
        values.append(line.integer(9).flatMap { organizations[$0]?.value } ?? .null)
        values.append(line.value(10))
        if !line.isNull(11) { values.append(line.value(11)) }
        return values
    }
}

extension SealPayloadWriter {
    /// Adds a line's group in `sealedRows`' order: position, account code, side, amount, summary,
    /// project, expense type, economic class, counterpart code (absent when the counterpart is
    /// not in the book), fund source, and the 基本支出 class only when it has one.
    fileprivate mutating func appendLine(_ line: StoredColumns, account: StoredCode, organizations: [Int64: StoredCode]) {
        let classed = !line.isNull(11)
        beginGroup(fields: classed ? 11 : 10)
        appendColumn(line, 1, as: .integer)
        appendEncoded(account.field)
        appendColumn(line, 3, as: .text)
        appendColumn(line, 4, as: .integer)
        for index in Int32(5)...8 { appendColumn(line, index, as: .text) }
        if let id = line.integer(9), let counterpart = organizations[id] { appendEncoded(counterpart.field) } else { appendEncoded(Self.absent) }
        appendColumn(line, 10, as: .text)
        if classed { appendColumn(line, 11, as: .text) }
    }

    private static let absent: [UInt8]? = [0x00]
}
