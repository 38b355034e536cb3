import Crypto
import Foundation
import FundCore

/// What an import of a bank statement stored: its id, its days, rows and balances.
public struct BankStatementImport: Hashable, Sendable {
    public var statementID: Int64
    public var account: String
    public var from: LocalDate
    public var to: LocalDate
    public var rows: Int
    public var opening: Money
    public var closing: Money
}

extension CashService {
    /// Imports the bank's statement of `account` (102 or a detail of it, a leaf) from the CSV file
    /// at `path` for `organization`: every row read (bad rows named with their lines), its running
    /// 余额 checked row by row, the file not imported before, its days not over a statement
    /// already imported and its balances continuing the statements before and after it. All or
    /// nothing; sealed in the organisation's event chain.
    public func importStatement(organization: String, account: String, path: String) throws -> BankStatementImport {
        let (file, records) = try ImportFiles.readCSVRecords(path: path)
        return try importStatement(organization: organization, account: account, file: file, records: records)
    }

    /// Imports a statement's CSV records read from `file` (a path or an uploaded file's name),
    /// with the rules of `importStatement(organization:account:path:)`.
    func importStatement(organization: String, account: String, file: String, records: [(line: Int, fields: [String])]) throws -> BankStatementImport {
        let rows: [BankStatementLine]
        switch BankStatementReader.read(file: file, records: records) {
        case let .success(read): rows = read
        case let .failure(errors): throw errors
        }
        let opening: Int64
        do throws(CashRefusal) { opening = try BankStatementReader.openingBalance(file: file, rows: rows) } catch { throw BookError.cash(error) }
        // The reader refuses a statement without rows.
        guard let first = rows.first, let last = rows.last else { preconditionFailure("a statement read without rows") }
        let digest = SealHash.hex(SHA256.hash(data: Array(records.map { $0.fields.joined(separator: "\u{1F}") }.joined(separator: "\u{1E}").utf8)))
        return try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let (organizationID, accountID) = try bankAccount(storage, organization: organization, account: account)
            let existing = try storage.bankStatements(organizationID: organizationID, accountID: accountID)
            if let same = existing.first(where: { $0.digest == digest }) {
                throw BookError.cash(.statementAlreadyImported(organization: organization, account: account, statement: same.id, importedAt: same.importedAt))
            }
            if let over = existing.first(where: { $0.firstDate <= last.date && first.date <= $0.lastDate }) {
                throw BookError.cash(.statementOverlaps(organization: organization, account: account, from: first.date, to: last.date, statement: over.id,
                                                        existingFrom: over.firstDate, existingTo: over.lastDate))
            }
            if let before = existing.last(where: { $0.lastDate < first.date }), before.closingFen != opening {
                throw BookError.cash(.statementDoesNotContinue(organization: organization, account: account, statement: before.id,
                                                               expected: Money(fen: before.closingFen), found: Money(fen: opening)))
            }
            if let after = existing.first(where: { $0.firstDate > last.date }), after.openingFen != last.balanceFen {
                throw BookError.cash(.statementDoesNotContinue(organization: organization, account: account, statement: after.id,
                                                               expected: Money(fen: last.balanceFen), found: Money(fen: after.openingFen)))
            }
            let record = BankStatementRecord(id: 0, organizationID: organizationID, accountID: accountID, file: (file as NSString).lastPathComponent,
                                             digest: digest, firstDate: first.date, lastDate: last.date, openingFen: opening,
                                             closingFen: last.balanceFen, rows: rows.count, importedAt: Store.now(), importedBy: user)
            let id = try storage.insertBankStatement(record, rows: rows)
            return BankStatementImport(statementID: id, account: account, from: first.date, to: last.date, rows: rows.count,
                                       opening: Money(fen: opening), closing: Money(fen: last.balanceFen))
        }
    }

    /// Every row of the account's imported statements (through `date`, when given) with its match.
    public func statementLines(organization: String, account: String, through date: LocalDate? = nil) throws -> [StoredStatementLine] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let (organizationID, accountID) = try bankAccount(storage, organization: organization, account: account)
            return try storage.bankStatementLines(organizationID: organizationID, accountID: accountID, through: date)
        }
    }

    /// Matches, as the session's user, every unmatched statement row of the account with an
    /// unmatched posted line of the same amount and direction dated at most `days` days apart
    /// (`BankMatching.automatic`); returns how many were matched.
    @discardableResult
    public func matchAutomatically(organization: String, account: String, days: Int = BankMatching.defaultDays) throws -> Int {
        guard (0...BankMatching.maximumDays).contains(days) else { throw BookError.cash(.matchDaysOutOfRange(days: days)) }
        return try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let (organizationID, accountID) = try bankAccount(storage, organization: organization, account: account)
            let rows = try storage.bankStatementLines(organizationID: organizationID, accountID: accountID, through: nil).filter { $0.match == nil }
            let book = try storage.bankBookLines(organizationID: organizationID, accountID: accountID, from: nil, through: nil)
                .filter { $0.matchedStatementLineID == nil }
            let pairs = BankMatching.automatic(statement: rows.map { BankMatching.Item(id: $0.id, date: $0.row.date, signedFen: $0.row.signedFen) },
                                               book: book.map { BankMatching.Item(id: $0.voucherLineID, date: $0.date, signedFen: $0.signedFen) },
                                               days: days)
            let at = Store.now()
            for pair in pairs {
                try storage.insertBankMatch(statementLineID: pair.statementLineID, voucherLineID: pair.voucherLineID, method: "auto", at: at, by: user)
            }
            return pairs.count
        }
    }

    /// Matches statement row `line` by hand with the posted voucher `voucherID`'s line on the same
    /// account of the same amount and direction (whatever the dates), as the session's user.
    public func match(organization: String, line: Int64, voucherID: Int64) throws {
        try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let organizationID = try storage.organizationID(organization)
            guard let (stored, accountID) = try storage.bankStatementLine(organizationID: organizationID, id: line) else {
                throw BookError.cash(.statementLineNotFound(organization: organization, line: line))
            }
            if let match = stored.match {
                throw BookError.cash(.statementLineMatched(line: line, voucher: organization + " " + match.voucher.description))
            }
            let voucher = try storage.voucher(id: voucherID)
            guard voucher.draft.organization == organization else {
                throw BookError.voucherNotFound(.reference(organization: organization, reference: "#\(voucherID)"))
            }
            let code = try storage.chart(organization: organization).accountIDs.first { $0.value == accountID }?.key ?? "102"
            let candidates = voucher.status != .posted ? [] : try storage.bankBookLines(organizationID: organizationID, accountID: accountID,
                                                                                      from: voucher.draft.date, through: voucher.draft.date)
                .filter { $0.voucher == voucher.ref && $0.signedFen == stored.row.signedFen }
            guard !candidates.isEmpty else {
                throw BookError.cash(.matchDiffers(line: line, voucher: voucher.label, account: code, amount: Money(fen: stored.row.amountFen), side: stored.row.side))
            }
            guard let free = candidates.first(where: { $0.matchedStatementLineID == nil }) else {
                throw BookError.cash(.voucherLineMatched(voucher: voucher.label, line: candidates[0].matchedStatementLineID ?? 0))
            }
            try storage.insertBankMatch(statementLineID: line, voucherLineID: free.voucherLineID, method: "manual", at: Store.now(), by: user)
        }
    }

    /// Undoes statement row `line`'s match, recording who and when (the match stays as history).
    public func unmatch(organization: String, line: Int64) throws {
        try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let organizationID = try storage.organizationID(organization)
            guard let (stored, _) = try storage.bankStatementLine(organizationID: organizationID, id: line) else {
                throw BookError.cash(.statementLineNotFound(organization: organization, line: line))
            }
            guard stored.match != nil else { throw BookError.cash(.statementLineUnmatched(line: line)) }
            try storage.endBankMatch(statementLineID: line, at: Store.now(), by: user)
        }
    }

    /// What the 银行存款余额调节表 of `account` on `date` is made of: the book's balance and the
    /// bank's (the last statement row on or before `date`), and each movement one side has by
    /// then and the other has not (book lines from the first statement's first day on).
    public func reconciliation(organization: String, account: String, date: LocalDate) throws -> BankReconciliationInput {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let (organizationID, accountID) = try bankAccount(storage, organization: organization, account: account)
            let rows = try storage.bankStatementLines(organizationID: organizationID, accountID: accountID, through: date)
            guard let start = try storage.bankStatements(organizationID: organizationID, accountID: accountID).first?.firstDate,
                  let last = rows.last else {
                throw BookError.cash(.noStatement(organization: organization, account: account, date: date))
            }
            let book = try storage.bankBookLines(organizationID: organizationID, accountID: accountID, from: start, through: date)
            let bankOnly = rows.filter { row in row.match.map { $0.voucherDate > date } ?? true }.map { row in
                BankReconciliationInput.Item(date: row.row.date, reference: row.row.reference ?? "", summary: row.row.summary, signedFen: row.row.signedFen)
            }
            let bookOnly = book.filter { line in line.matchedStatementDate.map { $0 > date } ?? true }.map { line in
                BankReconciliationInput.Item(date: line.date, reference: line.voucher.description, summary: line.summary, signedFen: line.signedFen)
            }
            return BankReconciliationInput(accountCode: account, date: date, statementFrom: start,
                                           bookBalanceFen: try storage.bankBookBalance(organizationID: organizationID, accountID: accountID, through: date),
                                           bankBalanceFen: last.row.balanceFen, bankOnly: bankOnly, bookOnly: bookOnly)
        }
    }

    /// The organisation's id and the account's, refusing an account that is not a leaf of 102.
    private func bankAccount(_ storage: any BookStorage, organization: String, account: String) throws -> (Int64, Int64) {
        let (organizationID, chart, accountIDs) = try storage.chart(organization: organization)
        guard CashRules.kind(of: account) == .bank, chart.isLeaf(account), let accountID = accountIDs[account] else {
            throw BookError.cash(.notABankAccount(organization: organization, account: account))
        }
        return (organizationID, accountID)
    }
}
