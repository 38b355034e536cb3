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
    /// The most cash (101) kept on hand at a day's end (库存现金限额). The bank sets it at three
    /// to five days' ordinary cash needs; 5,000 yuan is ours.
    public var cashOnHandLimit: Money = Money(fen: 500_000)
    /// Days a 135 其他应收款 (an advance or IOU) may stay open before it reads as 白条抵库.
    public var receivableDays: Int = 90
    /// Days within which what is owed upward on 211 应付上级经费 is remitted.
    public var remitDays: Int = 30
    /// Days within which what is owed downward on 21202 应付下级转拨经费 is passed down.
    public var passDownDays: Int = 30
    /// Whether approving an upper union's budget that has no line for a federation under it is
    /// refused (true) or only warned of (false, the default).
    public var federationLineRefuses: Bool = false
    /// The most days a day-count setting may give.
    public static let maximumDays = 3660

    public init() {}

    /// The settings as key/value text, as stored and as `review config` prints them.
    public var entries: [(key: String, value: String)] {
        [("cash-limit", cashLimit.description), ("round-sum", roundSumThreshold.description), ("round-unit", roundUnit.description),
         ("welfare-cap", welfareCapPerMember?.description ?? ""), ("members", members.map(String.init) ?? ""),
         ("welfare-accounts", welfareAccounts.joined(separator: " ")), ("signers", String(signers)),
         ("cash-on-hand", cashOnHandLimit.description), ("receivable-days", String(receivableDays)), ("remit-days", String(remitDays)),
         ("pass-down-days", String(passDownDays)), ("federation-budget-line", federationLineRefuses ? "refuse" : "warn")]
    }

    public static let keys = ["cash-limit", "round-sum", "round-unit", "welfare-cap", "members", "welfare-accounts", "signers",
                              "cash-on-hand", "receivable-days", "remit-days", "pass-down-days", "federation-budget-line"]

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
        case "cash-on-hand": cashOnHandLimit = try money()
        case "receivable-days", "remit-days", "pass-down-days":
            guard let days = Int(value), (1...AuditSettings.maximumDays).contains(days) else {
                throw .badValue(key: key, value: value, expected: "a number of days from 1 to \(AuditSettings.maximumDays)")
            }
            switch key {
            case "receivable-days": receivableDays = days
            case "remit-days": remitDays = days
            default: passDownDays = days
            }
        case "federation-budget-line":
            guard let refuses = ["warn": false, "refuse": true, "警告": false, "拒绝": true][value] else {
                throw .badValue(key: key, value: value, expected: "warn or refuse")
            }
            federationLineRefuses = refuses
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
    /// Net balance (debit minus credit, fen) of each account at the start of the year, from the
    /// book's aggregates: where the cash and balance rules start from.
    public var openingNets: [String: Int64] = [:]
    /// Net balance of each account at the end of the year, from the aggregates the forms are
    /// built from; nil leaves the forms-tie rule out.
    public var closingNets: [String: Int64]?
    /// Posted lines dated before the year on the accounts whose items are aged (135, 211,
    /// 21202), so that an item opened in an earlier year keeps its first day.
    public var earlierLines: [AgingLine] = []
    /// The organisation's fixed-asset register (固定资产卡片).
    public var assets: [FixedAsset] = []
    /// The day the audit looks from (open items are aged to it); nil or a day after the year:
    /// the year's last day.
    public var asOf: LocalDate?
    /// The federation's own facts (its townships, term and committee), for a federation.
    public var federation: FederationFacts?

    /// The day open items are aged to: `asOf`, within the year.
    public var asOfDay: LocalDate { asOf.map { min(max($0, firstDay), lastDay) } ?? lastDay }
    /// Whether the audit looks at the year as ended (year-end rules apply).
    public var yearEnded: Bool { asOfDay == lastDay }

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

/// A posted line as the aging rules read it: when, on which account and with whom, how much
/// (debit positive), and on which voucher.
public struct AgingLine: Hashable, Sendable {
    public var date: LocalDate
    public var accountCode: String
    public var counterpart: String?
    public var signedFen: Int64
    public var voucherID: Int64
    public var label: String
    public var summary: String

    public init(date: LocalDate, accountCode: String, counterpart: String? = nil, signedFen: Int64, voucherID: Int64, label: String, summary: String = "") {
        self.date = date
        self.accountCode = accountCode
        self.counterpart = counterpart
        self.signedFen = signedFen
        self.voucherID = voucherID
        self.label = label
        self.summary = summary
    }
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
