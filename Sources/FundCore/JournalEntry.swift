/// One transaction read from a journal file, with where each part came from.
public struct JournalEntry: Hashable, Sendable {
    public var draft: VoucherDraft
    /// The `org:` tag, if the transaction had one.
    public var organization: String?
    /// Line of the transaction header.
    public var headerLine: Int
    /// Line of each posting, parallel to `draft.lines`.
    public var postingLines: [Int]
    /// The account name written after each posting's code, if any, to be checked against the chart.
    public var accountNames: [String?]

    public init(draft: VoucherDraft, organization: String?, headerLine: Int, postingLines: [Int], accountNames: [String?]) {
        self.draft = draft
        self.organization = organization
        self.headerLine = headerLine
        self.postingLines = postingLines
        self.accountNames = accountNames
    }
}

/// The tags a journal understands, on a transaction and on a posting.
public enum JournalTag {
    public static let voucherTags: Set<String> = ["org", "attachments", "preparer", "reviewer", "reverses", "kind"]
    public static let lineTags: Set<String> = ["project", "expense", "econ", "counterpart", "source", "class", "memo"]
}
