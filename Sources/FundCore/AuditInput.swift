// What the audit rules look at and what they find: the settings, the input the store gathers for
// one organisation's year, and a finding as a rule reports it.

/// How much a finding matters to the review committee.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case high
    case medium
    case low

    public var chinese: String {
        switch self {
        case .high: "严重"
        case .medium: "一般"
        case .low: "提示"
        }
    }

    private var rank: Int { self == .high ? 0 : self == .medium ? 1 : 2 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Thresholds of the audit rules. The defaults are ours, not prescribed figures; each union
/// sets its own with `fundledger review config` (docs/review.md says where each comes from).
public struct AuditSettings: Hashable, Sendable {
    /// A cash (101) payment above this is flagged (the usual 结算起点 is 1,000 yuan).
    public var cashLimit: Money = Money(fen: 100_000)
    /// A payment of at least this amount that is a whole multiple of `roundUnit` is flagged.
    public var roundSumThreshold: Money = Money(fen: 1_000_000)
    public var roundUnit: Money = Money(fen: 100_000)
    /// The province's yearly cap on welfare spending per member. Provinces differ
    /// (domain.md §3); there is no default, and without one the welfare rule is not run.
    public var welfareCapPerMember: Money?
    /// Members of the union, for the per-member welfare figure.
    public var members: Int?
    /// Accounts whose spending counts as member welfare (节日慰问、生日等 go to 50105).
    public var welfareAccounts: [String] = ["50105"]
    /// How many serving members sign an opinion at least: more than one, so that no single
    /// member speaks for the committee. A union whose committee is one 经费审查委员 sets 1.
    public var signers: Int = 2
    /// The most signers a setting may ask for.
    public static let maximumSigners = 99

    public init() {}

    /// The settings as key/value text, as stored and as `review config` prints them.
    public var entries: [(key: String, value: String)] {
        [("cash-limit", cashLimit.description), ("round-sum", roundSumThreshold.description), ("round-unit", roundUnit.description),
         ("welfare-cap", welfareCapPerMember?.description ?? ""), ("members", members.map(String.init) ?? ""),
         ("welfare-accounts", welfareAccounts.joined(separator: " ")), ("signers", String(signers))]
    }

    public static let keys = ["cash-limit", "round-sum", "round-unit", "welfare-cap", "members", "welfare-accounts", "signers"]

    /// Sets one entry from text; an empty value clears an optional one.
    public mutating func set(_ key: String, _ value: String) throws(AuditSettingError) {
        func money() throws(AuditSettingError) -> Money {
            guard let amount = try? Money(parsing: value), amount.fen > 0 else { throw .badValue(key: key, value: value, expected: "a positive amount such as 1000.00") }
            return amount
        }
        switch key {
        case "cash-limit": cashLimit = try money()
        case "round-sum": roundSumThreshold = try money()
        case "round-unit": roundUnit = try money()
        case "welfare-cap": welfareCapPerMember = value.isEmpty ? nil : try money()
        case "members":
            if value.isEmpty { members = nil; return }
            guard let count = Int(value), count > 0 else { throw .badValue(key: key, value: value, expected: "a whole number of members above 0") }
            members = count
        case "welfare-accounts":
            let codes = value.split(separator: " ").map(String.init)
            guard !codes.isEmpty, codes.allSatisfy({ AccountCategory(code: $0) == .expenditure }) else {
                throw .badValue(key: key, value: value, expected: "expenditure account codes separated by spaces, such as 50105")
            }
            welfareAccounts = codes
        case "signers":
            guard let count = Int(value), (1...AuditSettings.maximumSigners).contains(count) else {
                throw .badValue(key: key, value: value, expected: "a number of signing members from 1 to \(AuditSettings.maximumSigners)")
            }
            signers = count
        default: throw .unknownKey(key)
        }
    }
}

/// Why an audit setting was refused: an unknown key, or a value that is not of its kind.
public enum AuditSettingError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownKey(String)
    case badValue(key: String, value: String, expected: String)

    public var description: String {
        switch self {
        case let .unknownKey(key): "\(key) is not an audit setting; the settings are \(AuditSettings.keys.joined(separator: ", "))"
        case let .badValue(key, value, expected): "\(key) = \(value) is not valid; give \(expected)"
        }
    }
}

/// A subsidy item received by the audited organisation, with what happened before the year.
public struct AuditedSubsidy: Hashable, Sendable {
    public var item: SubsidyItem
    /// Net amounts received and spent before the audited year (carried in 321).
    public var receivedBefore: Int64
    public var spentBefore: Int64
    /// The day the item was settled (结项), if it was.
    public var settledOn: LocalDate?

    public init(item: SubsidyItem, receivedBefore: Int64 = 0, spentBefore: Int64 = 0, settledOn: LocalDate? = nil) {
        self.item = item
        self.receivedBefore = receivedBefore
        self.spentBefore = spentBefore
        self.settledOn = settledOn
    }
}

/// A budget line with its figures for the audited year.
public struct AuditedBudgetLine: Hashable, Sendable {
    public var key: BudgetKey
    public var budget: Money
    public var actual: Money

    public init(key: BudgetKey, budget: Money, actual: Money) {
        self.key = key
        self.budget = budget
        self.actual = actual
    }
}

/// A posted voucher whose seal no longer matches its content, as the store found it.
public struct SealProblem: Hashable, Sendable {
    public var voucherID: Int64?
    public var label: String
    public var reason: String
    /// The reason in Chinese, as the review workbook prints it; nil gives the English one.
    public var chineseReason: String?

    public init(voucherID: Int64?, label: String, reason: String, chineseReason: String? = nil) {
        self.voucherID = voucherID
        self.label = label
        self.reason = reason
        self.chineseReason = chineseReason
    }
}

/// Everything the rules look at, gathered by the store for one organisation and year.
public struct AuditInput: Sendable {
    public var organization: Organization
    public var year: Int
    /// Posted vouchers of the organisation dated in the year, in date and number order.
    public var vouchers: [Voucher]
    public var subsidies: [AuditedSubsidy]
    public var budget: [AuditedBudgetLine]
    /// Months of the year that were reopened after closing.
    public var reopened: [PeriodLogEntry]
    public var committee: Committee?
    public var settings: AuditSettings
    public var calendar: WorkCalendar
    public var sealProblems: [SealProblem]
    /// The language the findings are written in (they go into the review workbook as written).
    public var language: Language = .chinese

    public init(organization: Organization, year: Int, vouchers: [Voucher], subsidies: [AuditedSubsidy] = [], budget: [AuditedBudgetLine] = [],
                reopened: [PeriodLogEntry] = [], committee: Committee? = nil, settings: AuditSettings = AuditSettings(),
                calendar: WorkCalendar = WorkCalendar(), sealProblems: [SealProblem] = []) {
        self.organization = organization
        self.year = year
        self.vouchers = vouchers
        self.subsidies = subsidies
        self.budget = budget
        self.reopened = reopened
        self.committee = committee
        self.settings = settings
        self.calendar = calendar
        self.sealProblems = sealProblems
    }

    public var firstDay: LocalDate { LocalDate(year: year, month: 1, day: 1)! }
    public var lastDay: LocalDate { LocalDate(year: year, month: 12, day: 31)! }
}

/// One entry of the period log: who closed or reopened which month, when and why.
public struct PeriodLogEntry: Hashable, Sendable {
    public let organization: String
    public let period: Period
    public let action: String
    public let at: String
    public let by: String
    public let reason: String?

    public init(organization: String, period: Period, action: String, at: String, by: String, reason: String?) {
        self.organization = organization
        self.period = period
        self.action = action
        self.at = at
        self.by = by
        self.reason = reason
    }
}

/// What one rule found. `key` identifies the finding across runs of the audit, so that a rerun
/// finds the same finding again instead of a new one.
public struct FindingDraft: Hashable, Sendable {
    public var rule: String
    public var key: String
    public var vouchers: [Int64]
    public var amount: Money?
    public var text: String

    public init(rule: String, key: String, vouchers: [Int64] = [], amount: Money? = nil, text: String) {
        self.rule = rule
        self.key = key
        self.vouchers = vouchers
        self.amount = amount
        self.text = text
    }
}
