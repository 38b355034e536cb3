/// Where a per-item subsidy (项目补贴，一事一补) is in its life.
public enum SubsidyStatus: String, Sendable, Codable, CaseIterable {
    case applied, approved, disbursed, settled

    public var chinese: String {
        switch self {
        case .applied: "已申请"
        case .approved: "已批准"
        case .disbursed: "已拨付"
        case .settled: "已结项"
        }
    }
}

/// A subsidy item: an upper union (the grantor) funds one purpose of a federation (the
/// recipient), to be spent only on it (专款专用) on the listed expenditure accounts, within a
/// window, up to what was received.
public struct SubsidyItem: Hashable, Sendable {
    public var code: String
    public var grantor: String
    public var recipient: String
    public var title: String
    public var purpose: String
    /// Expenditure accounts (any level) the money may be spent on; their details count too.
    public var accounts: [String]
    public var approved: Money
    public var document: String?
    public var documentDate: LocalDate?
    public var windowStart: LocalDate
    public var deadline: LocalDate
    public var status: SubsidyStatus

    public init(code: String, grantor: String, recipient: String, title: String, purpose: String, accounts: [String],
                approved: Money, document: String? = nil, documentDate: LocalDate? = nil, windowStart: LocalDate,
                deadline: LocalDate, status: SubsidyStatus = .applied) {
        self.code = code
        self.grantor = grantor
        self.recipient = recipient
        self.title = title
        self.purpose = purpose
        self.accounts = accounts
        self.approved = approved
        self.document = document
        self.documentDate = documentDate
        self.windowStart = windowStart
        self.deadline = deadline
        self.status = status
    }

    public func allows(account code: String) -> Bool { accounts.contains { code.hasPrefix($0) } }
    public func inWindow(_ date: LocalDate) -> Bool { date >= windowStart && date <= deadline }

    public func validate() throws(SubsidyError) {
        guard !code.isEmpty, code.count <= 64, !code.contains(where: { $0 == "," || $0 == ";" || $0.isWhitespace }) else { throw .badItem(code, "its code must be 1 to 64 characters without spaces, ',' or ';'") }
        guard grantor != recipient else { throw .badItem(code, "the grantor and the recipient must be different unions") }
        guard !title.trimmingWhitespace.isEmpty else { throw .badItem(code, "it needs a title") }
        guard approved.fen > 0, approved.fen <= Limits.lineAmountFen else { throw .badItem(code, "the approved amount must be positive") }
        guard !accounts.isEmpty, accounts.allSatisfy({ AccountCode.isWellFormed($0) && AccountCategory(code: $0) == .expenditure }) else {
            throw .badItem(code, "its purpose accounts must be expenditure accounts, such as 50301")
        }
        guard windowStart <= deadline else { throw .badItem(code, "its spending window starts after its deadline") }
    }
}

/// Why an item cannot be recorded as given; `SubsidyProblem.invalidItem` carries it as a refusal.
public enum SubsidyError: Error, Sendable, CustomStringConvertible, Hashable {
    case badItem(String, String)

    public var description: String {
        switch self {
        case let .badItem(code, why): "subsidy item \(code) cannot be recorded: \(why)"
        }
    }
}
