/// 基本支出 or 项目支出: how an expense line is classified for budgets.
public enum ExpenseType: String, Codable, Sendable, CaseIterable {
    case basic
    case project

    public var chinese: String { self == .basic ? "基本支出" : "项目支出" }

    /// Accepts the English word or the Chinese name.
    public init?(text: String) {
        switch text {
        case "basic", "基本支出": self = .basic
        case "project", "项目支出": self = .project
        default: return nil
        }
    }
}

/// 财政拨款 or 工会资金: the fund source of a county-level line.
public enum FundSource: String, Codable, Sendable, CaseIterable {
    case appropriation
    case union

    public var chinese: String { self == .appropriation ? "财政拨款" : "工会资金" }

    public init?(text: String) {
        switch text {
        case "appropriation", "财政拨款": self = .appropriation
        case "union", "工会资金": self = .union
        default: return nil
        }
    }
}

/// The analysis dimensions of a voucher line.
public struct Dimensions: Hashable, Sendable {
    /// A subsidy item's code or a project of the union's own budget; earmarked lines carry one.
    public var project: String?
    public var expenseType: ExpenseType?
    /// 部门预算支出经济分类 code (款 level), e.g. 30201.
    public var economicClass: String?
    /// The other organisation of an inter-union transfer, by code.
    public var counterpart: String?
    public var fundSource: FundSource?

    public init(project: String? = nil, expenseType: ExpenseType? = nil, economicClass: String? = nil,
                counterpart: String? = nil, fundSource: FundSource? = nil) {
        self.project = project
        self.expenseType = expenseType
        self.economicClass = economicClass
        self.counterpart = counterpart
        self.fundSource = fundSource
    }

    public static let none = Dimensions()
}

/// One line of a voucher: an account, a side and an amount in fen.
///
/// The amount is positive on ordinary (blue) vouchers. On a red-ink voucher (红字冲销) it is
/// negative and stays on the original's side, so it reduces that side's turnover.
public struct VoucherLine: Hashable, Sendable {
    public var accountCode: String
    public var side: Side
    public var amount: Money
    public var summary: String
    public var dimensions: Dimensions

    public init(accountCode: String, side: Side, amount: Money, summary: String = "", dimensions: Dimensions = .none) {
        self.accountCode = accountCode
        self.side = side
        self.amount = amount
        self.summary = summary
        self.dimensions = dimensions
    }

    /// The line's effect as debit minus credit.
    public var signedFen: Int64 { side == .debit ? amount.fen : -amount.fen }

    /// The same line with its amount negated, for a red-ink reversal.
    public func reversed() -> VoucherLine {
        var line = self
        line.amount = Money(fen: -amount.fen)
        return line
    }
}

/// Where a voucher is in its life: prepared, reviewed, then posted to the books.
public enum VoucherStatus: String, Codable, Sendable, CaseIterable {
    case draft, reviewed, posted

    public var chinese: String {
        switch self {
        case .draft: "未审核"
        case .reviewed: "已审核"
        case .posted: "已记账"
        }
    }
}

/// A voucher's number within its organisation, month and word: 2026-03/记-0007.
public struct VoucherRef: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let period: Period
    public let word: String
    public let number: Int

    public init(period: Period, word: String, number: Int) {
        self.period = period
        self.word = word
        self.number = number
    }

    /// Parses "2026-03/记-0007" (the number may have any width).
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let period = Period(parsing: parts[0]) else { return nil }
        guard let dash = parts[1].lastIndex(of: "-") else { return nil }
        let word = parts[1][..<dash]
        let digits = parts[1][parts[1].index(after: dash)...]
        guard !word.isEmpty, word.count <= 4, !digits.isEmpty, digits.count <= 6,
              digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits), number >= 1 else { return nil }
        self.init(period: period, word: String(word), number: number)
    }

    public var description: String {
        let digits = String(number)
        return period.description + "/" + word + "-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// 记字第7号, as printed on the voucher.
    public var chinese: String { word + "字第" + String(number) + "号" }

    public static func < (lhs: VoucherRef, rhs: VoucherRef) -> Bool {
        (lhs.period, lhs.word, lhs.number) < (rhs.period, rhs.word, rhs.number)
    }
}

/// A voucher (记账凭证) as it is prepared, before the book gives it an id or a number.
public struct VoucherDraft: Hashable, Sendable {
    public var organization: String
    public var date: LocalDate
    /// 凭证字, "记" unless the organisation numbers 收/付/转 separately.
    public var word: String
    /// The number the voucher must get (imports); nil lets the book assign the next one.
    public var number: Int?
    public var summary: String
    public var attachments: Int
    public var preparer: String
    public var reviewer: String?
    /// The voucher this one cancels by red ink (红字冲销), if any.
    public var reverses: VoucherRef?
    public var lines: [VoucherLine]

    public init(organization: String, date: LocalDate, word: String = "记", number: Int? = nil, summary: String,
                attachments: Int = 0, preparer: String, reviewer: String? = nil, reverses: VoucherRef? = nil,
                lines: [VoucherLine]) {
        self.organization = organization
        self.date = date
        self.word = word
        self.number = number
        self.summary = summary
        self.attachments = attachments
        self.preparer = preparer
        self.reviewer = reviewer
        self.reverses = reverses
        self.lines = lines
    }

    public var period: Period { date.period }
    public var isRedInk: Bool { reverses != nil }
}

/// A voucher as the book holds it.
public struct Voucher: Hashable, Sendable {
    public var id: Int64
    public var draft: VoucherDraft
    public var status: VoucherStatus
    public var number: Int?
    public var reviewer: String?
    public var bookkeeper: String?
    /// The id of the voucher this one reverses.
    public var reversesID: Int64?
    /// The id of the red-ink voucher that reverses this one, once it exists.
    public var reversedByID: Int64?

    public init(id: Int64, draft: VoucherDraft, status: VoucherStatus, number: Int?, reviewer: String?,
                bookkeeper: String?, reversesID: Int64?, reversedByID: Int64?) {
        self.id = id
        self.draft = draft
        self.status = status
        self.number = number
        self.reviewer = reviewer
        self.bookkeeper = bookkeeper
        self.reversesID = reversesID
        self.reversedByID = reversedByID
    }

    public var ref: VoucherRef? { number.map { VoucherRef(period: draft.period, word: draft.word, number: $0) } }

    /// How people name the voucher: its number once posted, its id before.
    public var label: String { ref.map { draft.organization + " " + $0.description } ?? draft.organization + " #" + String(id) }
}
