/// The side of a ledger line: 借 (debit) or 贷 (credit).
public enum Side: String, Codable, Sendable, CaseIterable {
    case debit = "D"
    case credit = "C"

    /// 借 or 贷, as the books print the direction of a balance.
    public var chinese: String { self == .debit ? "借" : "贷" }
}

/// The five elements of the union accounting system, taken from an account code's first digit.
public enum AccountCategory: String, Codable, Sendable, CaseIterable {
    case asset, liability, netAsset = "net_asset", income, expenditure

    /// The category of a code by its leading digit (1 to 5), or nil for any other digit.
    public init?(code: String) {
        switch code.first {
        case "1": self = .asset
        case "2": self = .liability
        case "3": self = .netAsset
        case "4": self = .income
        case "5": self = .expenditure
        default: return nil
        }
    }

    public var chinese: String {
        switch self {
        case .asset: "资产类"
        case .liability: "负债类"
        case .netAsset: "净资产类"
        case .income: "收入类"
        case .expenditure: "支出类"
        }
    }
}

/// One account of a chart: a level-1 account (3 digits) or a detail account (2 more digits a level).
public struct Account: Hashable, Sendable {
    public let code: String
    /// The account's own name, e.g. 专项转移支付补助 for 40302.
    public let name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// 1 for a level-1 account, 2 for its details, and so on.
    public var level: Int { AccountCode.level(of: code) }
    public var parentCode: String? { AccountCode.parent(of: code) }
    public var category: AccountCategory { AccountCategory(code: code)! }

    /// The side on which the account normally carries its balance. Contra accounts
    /// (163 累计折旧, 172 累计摊销) are credit-normal assets.
    public var normalSide: Side {
        switch category {
        case .asset:
            let top = String(code.prefix(3))
            return top == "163" || top == "172" ? .credit : .debit
        case .expenditure: return .debit
        case .liability, .netAsset, .income: return .credit
        }
    }
}

/// Rules for account codes: 3 digits at level 1, 2 more at each lower level.
public enum AccountCode {
    /// Deepest level an organisation may add (3 + 2 + 2 + 2 digits).
    public static let maximumLevel = 4

    public static func isWellFormed(_ code: String) -> Bool {
        guard code.count >= 3, code.count <= 3 + 2 * (maximumLevel - 1), (code.count - 3) % 2 == 0 else { return false }
        guard code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return AccountCategory(code: code) != nil
    }

    public static func level(of code: String) -> Int { (code.count - 3) / 2 + 1 }

    public static func parent(of code: String) -> String? {
        code.count > 3 ? String(code.dropLast(2)) : nil
    }
}
