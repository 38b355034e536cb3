import FundCore

/// A row of `subsidy_item`: a subsidy item with its grantor and recipient by row id.
struct SubsidyItemRecord: Hashable, Sendable {
    var id: Int64?
    var code: String
    var grantorID: Int64
    var recipientID: Int64
    var title: String
    var purpose: String
    /// Expenditure accounts the money may be spent on (stored separated by spaces).
    var accounts: [String]
    var approved: Money
    var document: String?
    var documentDate: LocalDate?
    var windowStart: LocalDate
    var deadline: LocalDate
    var status: SubsidyStatus
    var createdAt: String
    var createdBy: String

    /// The record of `item` as it is first stored.
    init(id: Int64? = nil, item: SubsidyItem, grantorID: Int64, recipientID: Int64, createdAt: String, createdBy: String) {
        self.id = id
        code = item.code
        self.grantorID = grantorID
        self.recipientID = recipientID
        title = item.title
        purpose = item.purpose
        accounts = item.accounts
        approved = item.approved
        document = item.document
        documentDate = item.documentDate
        windowStart = item.windowStart
        deadline = item.deadline
        status = item.status
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    /// The item, given its grantor's and recipient's codes.
    func item(grantor: String, recipient: String) -> SubsidyItem {
        SubsidyItem(code: code, grantor: grantor, recipient: recipient, title: title, purpose: purpose, accounts: accounts, approved: approved,
                    document: document, documentDate: documentDate, windowStart: windowStart, deadline: deadline, status: status)
    }
}

/// A subsidy item as the book holds it: its row id and the item with its organisations' codes.
struct StoredSubsidyItem: Hashable, Sendable {
    var id: Int64
    var item: SubsidyItem
}

/// A row of `subsidy_log`: one act on an item, who did it and when.
struct SubsidyLogRecord: Hashable, Sendable {
    var id: Int64?
    var itemID: Int64
    var at: String
    var by: String
    var action: SubsidyAction
    var detail: String
}

/// A row of `subsidy_voucher`: a voucher posted by an act on an item, in one of its two books.
struct SubsidyVoucherRecord: Hashable, Sendable {
    var itemID: Int64
    var voucherID: Int64
    var role: SubsidyVoucherRole
    var side: SubsidySide
}
