import Foundation

/// Which standard chart of the 2021 《工会会计制度》 an organisation keeps its books on.
public enum ChartKind: String, Codable, Sendable, CaseIterable {
    /// 基层工会主要会计科目: 24 level-1 accounts; federations (联合会) use it.
    case grassroots
    /// 县级以上工会会计科目: 45 level-1 accounts.
    case county

    public var chinese: String { self == .grassroots ? "基层工会会计科目" : "县级以上工会会计科目" }
}

/// A chart of accounts: the standard accounts of one `ChartKind` plus any detail accounts an
/// organisation added under them. Looks accounts up by code and knows which are leaves.
public struct Chart: Sendable {
    public let kind: ChartKind
    public private(set) var accounts: [Account]
    private var byCode: [String: Account]
    private var parents: Set<String>

    /// The standard chart of `kind`, exactly as the rule prescribes it.
    public static func standard(_ kind: ChartKind) -> Chart {
        Chart(kind: kind, accounts: StandardCharts.accounts(for: kind))
    }

    public init(kind: ChartKind, accounts: [Account]) {
        self.kind = kind
        self.accounts = accounts.sorted { $0.code < $1.code }
        self.byCode = Dictionary(accounts.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.parents = Set(accounts.compactMap(\.parentCode))
    }

    public func account(_ code: String) -> Account? { byCode[code] }
    public func isLeaf(_ code: String) -> Bool { byCode[code] != nil && !parents.contains(code) }
    public var levelOneAccounts: [Account] { accounts.filter { $0.level == 1 } }
    public func children(of code: String) -> [Account] { accounts.filter { $0.parentCode == code } }

    /// The full name with levels joined by "/", e.g. 上级补助收入/专项转移支付补助.
    public func fullName(_ code: String) -> String? {
        guard let account = byCode[code] else { return nil }
        if let parent = account.parentCode, let parentName = fullName(parent) {
            return parentName + "/" + account.name
        }
        return account.name
    }

    /// Adds an organisation's own detail account, checking the rules of the chart notes:
    /// never a new level-1 account, always under an existing account, never a duplicate.
    public mutating func addDetail(_ account: Account) throws(ChartError) {
        guard AccountCode.isWellFormed(account.code) else { throw .malformedCode(account.code) }
        guard let parent = account.parentCode else { throw .levelOneNotAllowed(account.code) }
        guard byCode[parent] != nil else { throw .unknownParent(code: account.code, parent: parent) }
        guard byCode[account.code] == nil else { throw .duplicate(account.code) }
        let trimmed = account.name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains("/"), !trimmed.contains(":"), !trimmed.contains("  ") else {
            throw .badName(code: account.code, name: account.name)
        }
        accounts.append(account)
        accounts.sort { $0.code < $1.code }
        byCode[account.code] = account
        parents.insert(parent)
    }
}

/// Why an account cannot be added to a chart.
public enum ChartError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformedCode(String)
    case levelOneNotAllowed(String)
    case unknownParent(code: String, parent: String)
    case duplicate(String)
    case badName(code: String, name: String)
    /// A union asked to open a county-chart account its chart may not borrow: only a union on
    /// the grassroots chart opens county accounts, and only 132, 212 and 508 with their details
    /// (`Chart.countyAccountsForGrassroots`).
    case countyAccountNotAllowed(code: String, chart: ChartKind)
    /// A county account opened on a grassroots chart without the business that needs it.
    case openingReasonMissing(code: String)
    /// The reason given is longer than an opening records (`limit` characters).
    case openingReasonTooLong(code: String, limit: Int)

    /// The rule's id, in brackets after every message.
    public var rule: String {
        switch self {
        case .malformedCode, .levelOneNotAllowed, .unknownParent, .duplicate, .badName: "bad-account"
        case .countyAccountNotAllowed: "county-account-not-allowed"
        case .openingReasonMissing: "opening-reason-missing"
        case .openingReasonTooLong: "opening-reason-too-long"
        }
    }

    public var description: String {
        switch self {
        case let .malformedCode(code):
            return "account code \"\(code)\" is malformed: a code is 3 digits starting with 1 to 5 at level 1, and 2 more digits at each lower level (at most \(AccountCode.maximumLevel) levels)"
        case let .levelOneNotAllowed(code):
            return "account \(code) would be a new level-1 account; the chart's level-1 accounts are prescribed and may not be added to (工会会计制度 总说明). Add a detail account under an existing one instead, e.g. \(code)01"
        case let .unknownParent(code, parent):
            return "account \(code) has no parent: account \(parent) is not in the chart; add \(parent) first or pick a code under an existing account"
        case let .duplicate(code):
            return "account \(code) already exists in this chart; choose another code"
        case let .badName(code, name):
            return "account \(code) has an unusable name \"\(name)\": a name must not be empty and must not contain '/', ':' or two spaces in a row"
        case let .countyAccountNotAllowed(code, chart):
            return chart == .county
                ? "account \(code) is already in the county-and-above chart; only a union on the grassroots chart opens county accounts"
                : "account \(code) is not one a grassroots-chart union may open: the standard lets it use 132, 212 and 508 (with their details) of the county-and-above chart for passing money down and subsidising lower unions"
        case let .openingReasonMissing(code):
            return "give the business that needs account \(code) (--reason), e.g. passing the lower unions' share of the allocated funds down"
        case let .openingReasonTooLong(code, limit):
            return "the reason for opening account \(code) is longer than \(limit) characters; name the business in fewer words"
        }
    }
}
