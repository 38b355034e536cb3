/// The attached forms (附表) of the 2021 《工会会计制度》 (第六十一条), which only county-level
/// unions prepare: the book refuses one that is not due with the form's number, so a refusal
/// says which form and why.
public enum AttachedForm: String, Sendable, CaseIterable {
    /// 工会附01表 财政拨款收入支出表: annual, only for a union with same-level appropriations (40401).
    case appropriations
    /// 工会附02表 国有资产情况表: annual.
    case stateAssets
    /// 工会附03表 成本费用表: monthly and annual.
    case costs

    /// The form's number as printed at its top right.
    public var number: String {
        switch self {
        case .appropriations: "工会附01表"
        case .stateAssets: "工会附02表"
        case .costs: "工会附03表"
        }
    }

    /// The form's title.
    public var title: String {
        switch self {
        case .appropriations: "财政拨款收入支出表"
        case .stateAssets: "国有资产情况表"
        case .costs: "成本费用表"
        }
    }
}

/// Why an attached form is not prepared for an organisation.
public enum AttachedFormNotDue: String, Sendable {
    /// The organisation keeps the grassroots chart: 附表 are for county-level unions.
    case countyLevelOnly = "county-level-only"
    /// No 40401 财政拨款收入 and no 331/332 balance: "不从同级政府财政部门取得财政拨款的县级以上工会，不填列本表".
    case noAppropriations = "no-appropriations"
}

/// Activity of one account by project, fund source and expense type (基本支出/项目支出), as the
/// attached forms read it (closing vouchers left out).
public struct DetailedActivity: Hashable, Sendable {
    public let code: String
    public let project: String?
    public let source: FundSource?
    public let expense: ExpenseType?
    /// 人员经费 or 公用经费, on 40401 and 331 activity of 基本支出.
    public let basicClass: BasicClass?
    public let debitFen: Int64
    public let creditFen: Int64

    public init(code: String, project: String?, source: FundSource?, expense: ExpenseType?, basicClass: BasicClass? = nil,
                debitFen: Int64, creditFen: Int64) {
        self.code = code
        self.project = project
        self.source = source
        self.expense = expense
        self.basicClass = basicClass
        self.debitFen = debitFen
        self.creditFen = creditFen
    }
}

/// The two parts of 基本支出 (人员经费 and 公用经费) and how an expense account falls into one.
///
/// The standard splits 40401 and 331 by 基本支出 (人员经费, 公用经费) without saying which expense
/// accounts are which. The default follows the 部门预算支出经济分类: 工资福利支出 and 对个人和家庭的
/// 补助 are 人员经费, everything else 公用经费; in the county chart those are the details 50601
/// 工资福利支出 and 50603 对个人和家庭的补助支出 of 506 行政支出. A union whose province sets
/// another split passes its own `personnelAccounts`.
public struct BasicExpenseClasses: Hashable, Sendable {
    /// Account codes (any level; a detail falls under its parent) whose 基本支出 is 人员经费.
    public var personnelAccounts: [String]

    public static let standard = BasicExpenseClasses(personnelAccounts: ["50601", "50603"])

    public init(personnelAccounts: [String]) { self.personnelAccounts = personnelAccounts }

    /// Whether 基本支出 on `code` is 人员经费 (otherwise 公用经费).
    public func isPersonnel(_ code: String) -> Bool {
        personnelAccounts.contains { code.hasPrefix($0) }
    }
}
