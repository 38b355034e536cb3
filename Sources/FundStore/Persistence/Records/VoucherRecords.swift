import FundCore

/// A row of `voucher`: one voucher's header, from draft to posted.
struct VoucherRecord: Hashable, Sendable {
    var id: Int64?
    var organizationID: Int64
    var date: LocalDate
    var period: Period
    var word: String
    var number: Int?
    var summary: String
    var attachments: Int
    var preparer: String
    var reviewer: String?
    var bookkeeper: String?
    var status: VoucherStatus
    var kind: VoucherKind
    var reversesID: Int64?
    var importID: Int64?
    var createdAt: String
    var postedAt: String?
}

/// A row of `voucher_line`: one line of a voucher, by position from 1.
struct VoucherLineRecord: Hashable, Sendable {
    var id: Int64?
    var voucherID: Int64
    var position: Int
    var accountID: Int64
    var side: Side
    var amountFen: Int64
    var summary: String
    var project: String?
    var expenseType: ExpenseType?
    var economicClass: String?
    var counterpartID: Int64?
    var fundSource: FundSource?
    /// 人员经费 or 公用经费 (migration v15-basic-classes); nil on every other line.
    var basicClass: BasicClass?
}
