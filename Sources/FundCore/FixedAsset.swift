/// A fixed asset in the register (固定资产卡片), depreciated straight-line with no residual
/// value, monthly from the month of acquisition (domain notes §2.5).
public struct FixedAsset: Hashable, Sendable {
    public var organization: String
    public var code: String
    public var name: String
    public var cost: Money
    public var lifeMonths: Int
    public var acquired: LocalDate
    /// The card's class (固定资产分类), which sets the minimum life and whether the asset is
    /// depreciated; nil on cards made before classes were kept, depreciated as before.
    public var assetClass: AssetClass?

    public init(organization: String, code: String, name: String, cost: Money, lifeMonths: Int, acquired: LocalDate,
                assetClass: AssetClass? = nil) {
        self.organization = organization
        self.code = code
        self.name = name
        self.cost = cost
        self.lifeMonths = lifeMonths
        self.acquired = acquired
        self.assetClass = assetClass
    }

    /// The depreciation of `period`: cost / life each month, the last month taking the
    /// remainder so that the whole cost is depreciated to the fen; zero outside the life.
    public func depreciation(in period: Period) -> Money {
        guard assetClass?.isDepreciated ?? true else { return .zero }
        let index = (period.year - acquired.year) * 12 + period.month - acquired.month
        guard index >= 0, index < lifeMonths else { return .zero }
        let monthly = cost.fen / Int64(lifeMonths)
        return Money(fen: index == lifeMonths - 1 ? cost.fen - monthly * Int64(lifeMonths - 1) : monthly)
    }

    public func validate() throws(FixedAssetError) {
        guard !code.isEmpty, code.count <= 32 else { throw .badCode(code) }
        guard !name.trimmingWhitespace.isEmpty else { throw .badName(code) }
        guard cost.fen > 0, cost.fen <= Limits.lineAmountFen else { throw .badCost(code, cost) }
        guard (1...1200).contains(lifeMonths) else { throw .badLife(code, lifeMonths) }
        if let assetClass, let years = assetClass.minimumYears, lifeMonths < years * 12 {
            throw .lifeBelowMinimum(code: code, assetClass: assetClass, months: lifeMonths, minimumYears: years)
        }
    }
}

/// Why a fixed asset was refused: its code, name, cost or life breaks the register's rules, or
/// its life is shorter than the standard's minimum for its class.
public enum FixedAssetError: Error, Equatable, Sendable, CustomStringConvertible {
    case badCode(String)
    case badName(String)
    case badCost(String, Money)
    case badLife(String, Int)
    /// The card's life is shorter than the minimum life of its class (附录2).
    case lifeBelowMinimum(code: String, assetClass: AssetClass, months: Int, minimumYears: Int)

    /// The rule id the message carries.
    public var rule: String {
        if case .lifeBelowMinimum = self { return "asset-minimum-life" }
        return "bad-asset"
    }

    public var description: String {
        switch self {
        case let .badCode(code): "asset code \"\(code)\" must have 1 to 32 characters"
        case let .badName(code): "asset \(code) needs a name"
        case let .badCost(code, cost): "asset \(code) cost \(cost) must be positive and within the line limit"
        case let .badLife(code, months): "asset \(code) life of \(months) months must be 1 to 1200 months"
        case let .lifeBelowMinimum(code, assetClass, months, years):
            "asset \(code) of class \(assetClass.rawValue) (\(assetClass.chineseName)) has a life of \(months) months, below the standard's minimum of \(years) years (\(years * 12) months); give it at least \(years * 12) months"
        }
    }
}
