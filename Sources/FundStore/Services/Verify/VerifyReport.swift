import FundCore

/// One thing `verify` found wrong, with the organisation and voucher it concerns.
public struct VerifyProblem: Hashable, Sendable, CustomStringConvertible {
    public let check: String
    public let organization: String?
    public let voucher: String?
    public let message: String
    /// The message in Chinese when the check has one of its own; nil gives the check's Chinese
    /// statement with the English message.
    public var chineseMessage: String? = nil

    public var description: String {
        var where_ = ""
        if let organization { where_ += organization }
        if let voucher { where_ += (where_.isEmpty ? "" : " ") + voucher }
        return (where_.isEmpty ? "" : where_ + ": ") + message + " [" + check + "]"
    }
}

/// What `verify` looked at.
public struct VerifyReport: Sendable {
    public var organizations = 0
    public var vouchers = 0
    public var lines = 0
    public var problems: [VerifyProblem] = []
    /// Things to put right that do not make the books wrong (a missing committee, a term).
    public var warnings: [VerifyProblem] = []
    /// The head of every chain of the book: copied out of the file, they anchor it
    /// (`verify --anchors`).
    public var heads: [ChainHead] = []
}
