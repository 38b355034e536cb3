/// Who may do what in a book. The policy is data and one function, so that the command line and
/// a later web interface enforce the same rules: the store asks `Access.permits` before every
/// read and write, and refuses (and logs) what no role of the acting user allows.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// Sets up the book: organisations, users and their roles, committees. Reads every book.
    case administrator = "admin"
    /// 财务人员: writes the books of an organisation (vouchers, budgets, subsidies, closing).
    case officer
    /// 经审会委员: reads an organisation's books, records audits, findings and opinions; never vouchers.
    case committee
    /// 上级工会: reads the books of an organisation and every organisation under it.
    case superior
    /// 出纳: reads an organisation's books, records its cash and bank vouchers (收款, 付款: one side
    /// all 101/102) for an officer to review, and confirms each receipt or payment made (出纳确认).
    case cashier

    public var chinese: String {
        switch self {
        case .administrator: "账套管理员"
        case .officer: "财务人员"
        case .committee: "经审会委员"
        case .superior: "上级工会"
        case .cashier: "出纳"
        }
    }
}

/// One role of one user. `organization` nil means every organisation (an administrator, or a
/// county-wide accounting centre that keeps the books of all its unions).
public struct RoleGrant: Hashable, Sendable {
    public var user: String
    public var role: Role
    public var organization: String?

    public init(user: String, role: Role, organization: String? = nil) {
        self.user = user
        self.role = role
        self.organization = organization
    }

    public var description: String {
        role.rawValue + " of " + (organization ?? "every organisation")
    }
}

/// What a command does to an organisation's books.
public enum Action: String, Sendable, CaseIterable {
    /// Reports, exports, listings, verify.
    case read
    /// Vouchers, imports, budgets, subsidies, assets, closing and reopening.
    case writeBooks = "write-books"
    /// A finance officer's answer to a finding.
    case answerFinding = "answer-finding"
    /// Running an audit, resolving or accepting findings, recording the opinion.
    case audit
    /// Organisations, users and roles, committees and their members, audit settings.
    case administer
    /// The cashier's work: recording cash and bank vouchers, confirming receipts and payments.
    case cashierWork = "cashier-work"

    /// What the action does, as a refusal says it: "may not write the books of FED-01".
    public func phrase(_ organization: String?) -> String {
        let books = organization.map { "the books of " + $0 } ?? "the whole book"
        switch self {
        case .read: return "read " + books
        case .writeBooks: return "write " + books
        case .answerFinding: return "answer the findings on " + books
        case .audit: return "audit " + books + " (run audits, close findings, sign opinions)"
        case .administer: return "administer the book (organisations, users, committees, calendar)"
        case .cashierWork: return "do the cashier's work (出纳) on " + books
        }
    }

    public var roles: Set<Role> {
        switch self {
        case .read: [.administrator, .officer, .committee, .superior, .cashier]
        case .writeBooks, .answerFinding: [.officer]
        case .audit: [.committee]
        case .administer: [.administrator]
        case .cashierWork: [.cashier]
        }
    }
}

/// The access policy as one function: the store asks it before every read and write.
public enum Access {
    /// Whether `grants` allow `action` on `organization`, whose ancestors (parent first) are
    /// `ancestors`. A superior's grant covers its subtree; the other roles cover the named
    /// organisation only, or every one when the grant names none. `organization` nil asks for
    /// the whole book.
    public static func permits(_ grants: [RoleGrant], _ action: Action, organization: String?, ancestors: [String] = []) -> Bool {
        let named = grants.contains { grant in
            guard action.roles.contains(grant.role) else { return false }
            guard let scope = grant.organization else { return true }
            return scope == organization
        }
        guard !named, organization != nil else { return named }
        return ancestors.contains { coversSubtree(grants, action, of: $0) }
    }

    /// Whether `grants` allow `action` on everything below `organization`: a superior's grant
    /// over it. `permits` is a grant on the organisation itself or this for one of its
    /// ancestors, which also lets a tree be authorized top down without a list of ancestors
    /// per member.
    public static func coversSubtree(_ grants: [RoleGrant], _ action: Action, of organization: String) -> Bool {
        grants.contains { grant in grant.role == .superior && action.roles.contains(grant.role) && grant.organization == organization }
    }
}
