import FundCore

/// A bank statement as stored: the organisation and account it belongs to, the file's name and
/// SHA-256 (one file is imported once per account), the days it covers, its opening and
/// closing balances, how many rows it has, and who imported it when.
public struct BankStatementRecord: Hashable, Sendable {
    public var id: Int64
    public var organizationID: Int64
    public var accountID: Int64
    public var file: String
    public var digest: String
    public var firstDate: LocalDate
    public var lastDate: LocalDate
    public var openingFen: Int64
    public var closingFen: Int64
    public var rows: Int
    public var importedAt: String
    public var importedBy: String
}

/// A live match of a statement row: the voucher line, its voucher, and who matched it when, how.
public struct BankMatchRecord: Hashable, Sendable {
    public var voucherLineID: Int64
    public var voucher: VoucherRef
    public var voucherDate: LocalDate
    /// `auto` or `manual`.
    public var method: String
    public var matchedAt: String
    public var matchedBy: String
}

/// A stored statement row with its id, its statement's, and its live match if it has one.
public struct StoredStatementLine: Hashable, Sendable {
    public var id: Int64
    public var statementID: Int64
    public var row: BankStatementLine
    public var match: BankMatchRecord?
}

/// A posted voucher line on a bank account as the matching and the 调节表 read it, with the
/// statement row it is matched to (and that row's date), if any.
public struct BankBookLine: Hashable, Sendable {
    public var voucherLineID: Int64
    public var voucher: VoucherRef
    public var date: LocalDate
    public var summary: String
    /// Debit minus credit of the line (a red-ink line counts against its side).
    public var signedFen: Int64
    public var matchedStatementLineID: Int64?
    public var matchedStatementDate: LocalDate?
}
