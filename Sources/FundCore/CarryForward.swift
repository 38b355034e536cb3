/// A balance to carry forward: one account, project, fund source and expense type (基本支出 /
/// 项目支出), net debit minus credit.
public struct FundBalance: Hashable, Sendable {
    public let accountCode: String
    public let project: String?
    public let source: FundSource?
    /// 基本支出 or 项目支出, kept on 331 财政拨款结转 when the balance is carried there.
    public let expense: ExpenseType?
    /// 人员经费 or 公用经费, on 40401 and 331 balances of 基本支出.
    public let basicClass: BasicClass?
    public let netFen: Int64

    public init(accountCode: String, project: String?, source: FundSource?, expense: ExpenseType? = nil, basicClass: BasicClass? = nil,
                netFen: Int64) {
        self.accountCode = accountCode
        self.project = project
        self.source = source
        self.expense = expense
        self.basicClass = basicClass
        self.netFen = netFen
    }
}

/// The carry-forward of 《工会会计制度》 (domain notes §2.6), as pure functions from balances to
/// vouchers.
///
/// Step 1 (期末结转) is booked at every month's end ("本科目期末结转后无余额"): it empties every
/// income and expenditure account. Earmarked activity goes to 32103 本年收支结转 with its project,
/// so a project's balance is kept; appropriations (40401, or lines tagged source:appropriation)
/// go to 33103 where the chart has it, keeping fund source, project and 基本支出/项目支出;
/// everything else, including 会费收入, 40301, 411 and 521, goes to 32203, which carries no
/// project (322 is free money; leftover project money moves there only by 结转转入).
///
/// Earmarked (专项资金) means money received for a purpose: 40302, and every line of a project
/// for which the union has earmarked income this year or an earmarked balance carried in. A
/// project the union funds from its own money (its own budget project, or a subsidy it gives a
/// lower union) carries a project tag too, but its spending uses unrestricted funds and closes
/// to 32203. Step 2 (年末) moves 32101–32103 into 32104 累计结转 and 32201–32204 into 32205 累计结余
/// (and the same for 331/332), keeping projects.
public enum CarryForward {
    /// Lines per generated voucher, well inside `Limits.linesPerVoucher`.
    static let linesPerVoucher = 400

    /// Income accounts that are never earmarked, whatever their tags.
    static let generalIncome = ["401", "40301", "411"]

    /// Projects that are earmarked in these balances: those with income on an account that can
    /// be earmarked, and those with a carried 321 balance.
    public static func earmarkedProjects(_ balances: [FundBalance]) -> Set<String> {
        Set(balances.compactMap { balance -> String? in
            guard let project = balance.project, balance.netFen != 0 else { return nil }
            let code = balance.accountCode
            if code.hasPrefix("321") || earmarks(code) { return project }
            return nil
        })
    }

    /// The projects earmarked in a year so far: those with a 321 balance (or uncarried income)
    /// carried in from the years before, and those with income this year on an account that can
    /// be earmarked. `activity` is the year's activity without the closing vouchers, so a month
    /// already carried forward still counts.
    public static func earmarkedProjects(carried: [FundBalance], activity: [AccountActivity]) -> Set<String> {
        var projects = earmarkedProjects(carried)
        for a in activity where a.debitFen != a.creditFen && earmarks(a.code) {
            if let project = a.project { projects.insert(project) }
        }
        return projects
    }

    /// Whether income on `code` with a project makes that project earmarked (专项资金): any
    /// income account but 40401 (appropriations, carried to 331) and the general ones. 40402
    /// 非同级财政拨款收入 with a project is earmarked and closes to 321.
    static func earmarks(_ code: String) -> Bool {
        AccountCategory(code: code) == .income && !code.hasPrefix("40401") && !generalIncome.contains(where: { code.hasPrefix($0) })
    }

    /// The fund account an income or expenditure balance closes to.
    public static func target(of balance: FundBalance, chart: Chart, earmarked: Set<String>) -> String {
        let code = balance.accountCode
        if chart.account("33103") != nil, code.hasPrefix("40401") || balance.source == .appropriation { return "33103" }
        if (generalIncome + ["521"]).contains(where: { code.hasPrefix($0) }) { return "32203" }
        if code.hasPrefix("40302") { return "32103" }
        if let project = balance.project, earmarked.contains(project) { return "32103" }
        return "32203"
    }

    /// Whether step 1 closes this account.
    public static func closesAtPeriodEnd(_ code: String) -> Bool {
        let category = AccountCategory(code: code)
        return category == .income || category == .expenditure
    }

    /// Step 2: where each net-asset detail is cleared to.
    public static let yearEndTargets: [String: String] = [
        "32101": "32104", "32102": "32104", "32103": "32104",
        "32201": "32205", "32202": "32205", "32203": "32205", "32204": "32205",
        "33101": "33104", "33102": "33104", "33103": "33104",
        "33201": "33205", "33202": "33205", "33203": "33205", "33204": "33205",
    ]

    /// Step 1 vouchers for December of `year`, with the earmarked projects read from the same
    /// balances (the year's carry-forward in one go).
    public static func periodEnd(organization: String, year: Int, chart: Chart, balances: [FundBalance],
                                 preparer: String, classes: BasicExpenseClasses = .standard) throws(SumOverflow) -> [VoucherDraft] {
        try monthEnd(organization: organization, period: Period(year: year, month: 12)!, chart: chart, balances: balances,
                     earmarked: earmarkedProjects(balances), preparer: preparer, classes: classes)
    }

    /// Step 1 vouchers of one month (期末结转), dated its last day: one for income (结转…月收入),
    /// one for expenditure (结转…月支出), split when very many projects need more lines than one
    /// voucher holds. `balances` are the month's uncarried income and expenditure, by account,
    /// project, fund source and expense type; `earmarked` the projects earmarked so far this year
    /// (`earmarkedProjects` over the year's activity and the 321 balances carried in). The
    /// 基本支出 part carried to 33103 keeps its class: a 40401 balance its own (人员经费/公用经费,
    /// as the officer entered it), a 财政拨款 expense balance the class of its account under
    /// `classes`. A contra line whose sum passes Int64 fen throws `SumOverflow` naming its target
    /// account.
    public static func monthEnd(organization: String, period: Period, chart: Chart, balances: [FundBalance],
                                earmarked: Set<String>, preparer: String, classes: BasicExpenseClasses = .standard) throws(SumOverflow) -> [VoucherDraft] {
        let closing = balances.filter { $0.netFen != 0 && closesAtPeriodEnd($0.accountCode) }
        let income = closing.filter { AccountCategory(code: $0.accountCode) == .income }
        let expenditure = closing.filter { AccountCategory(code: $0.accountCode) == .expenditure }
        let month = "\(period.year)年\(period.month)月"
        return try vouchers(organization: organization, date: period.lastDay, summary: "结转\(month)收入", balances: income, preparer: preparer,
                            classes: classes) {
            target(of: $0, chart: chart, earmarked: earmarked)
        } + vouchers(organization: organization, date: period.lastDay, summary: "结转\(month)支出", balances: expenditure, preparer: preparer,
                     classes: classes) {
            target(of: $0, chart: chart, earmarked: earmarked)
        }
    }

    /// The 基本支出 class a balance carries to 331: its own (a 40401 or 331 balance), or, for a
    /// 财政拨款 expense balance of 基本支出 (no project, not tagged 项目支出), its account's class.
    /// Nil for project money and for a 40401 balance entered before classes were kept.
    public static func basicClass(of balance: FundBalance, classes: BasicExpenseClasses = .standard) -> BasicClass? {
        if let own = balance.basicClass { return own }
        guard AccountCategory(code: balance.accountCode) == .expenditure, balance.source == .appropriation,
              balance.project == nil, balance.expense != .project else { return nil }
        return classes.isPersonnel(balance.accountCode) ? .personnel : .operating
    }

    /// Step 2 vouchers from the net-asset detail balances after step 1; `SumOverflow` as for
    /// `periodEnd`.
    public static func yearEnd(organization: String, year: Int, chart: Chart, balances: [FundBalance],
                               preparer: String) throws(SumOverflow) -> [VoucherDraft] {
        let clearing = balances.filter { $0.netFen != 0 && yearEndTargets[$0.accountCode] != nil && chart.account($0.accountCode) != nil }
        return try vouchers(organization: organization, date: LocalDate(year: year, month: 12, day: 31)!, summary: "结转\(year)年资金结转结余至累计",
                            balances: clearing, preparer: preparer) { yearEndTargets[$0.accountCode]! }
    }

    /// Lines that empty each balance, with their contra lines on the target accounts summed by
    /// target and project; chunked so that no voucher grows past `linesPerVoucher`.
    static func vouchers(organization: String, date: LocalDate, summary: String, balances: [FundBalance], preparer: String,
                         classes: BasicExpenseClasses = .standard, target: (FundBalance) -> String) throws(SumOverflow) -> [VoucherDraft] {
        guard !balances.isEmpty else { return [] }
        let year = date.year
        func key(_ b: FundBalance) -> [String] {
            [b.accountCode, b.project ?? "", b.source?.rawValue ?? "", b.expense?.rawValue ?? "", b.basicClass?.rawValue ?? ""]
        }
        let sorted = balances.sorted { key($0).lexicographicallyPrecedes(key($1)) }
        let chunks = stride(from: 0, to: sorted.count, by: linesPerVoucher / 2).map { Array(sorted[$0..<min($0 + linesPerVoucher / 2, sorted.count)]) }
        var drafts: [VoucherDraft] = []
        for (index, chunk) in chunks.enumerated() {
            var lines: [VoucherLine] = []
            var contra: [String: (code: String, project: String?, source: FundSource?, expense: ExpenseType?, basicClass: BasicClass?,
                                  net: Int64)] = [:]
            for balance in chunk {
                lines.append(try line(balance.accountCode, emptying: balance.netFen, project: balance.project, source: balance.source,
                                      expense: balance.expense, basicClass: balance.basicClass, organization: organization, year: year))
                let code = target(balance)
                // Appropriation funds keep source, project and expense type (331's 基本支出 and
                // 项目支出 details), and the 基本支出 part its class (人员经费/公用经费), which
                // makes it 基本支出; 321 keeps the project; 322 carries no project.
                let appropriation = code.hasPrefix("33")
                let source: FundSource? = appropriation ? balance.source : nil
                let basicClass: BasicClass? = code.hasPrefix("331") ? Self.basicClass(of: balance, classes: classes) : nil
                let expense: ExpenseType? = basicClass != nil ? .basic : appropriation ? balance.expense : nil
                let project: String? = code.hasPrefix("322") ? nil : balance.project
                let key = [code, project ?? "", source?.rawValue ?? "", expense?.rawValue ?? "", basicClass?.rawValue ?? ""].joined(separator: "|")
                var entry = contra[key] ?? (code, project, source, expense, basicClass, 0)
                entry.net = try entry.net.adding(balance.netFen, or: SumOverflow(organization: organization, account: code, year: year))
                contra[key] = entry
            }
            for key in contra.keys.sorted() {
                guard let entry = contra[key], entry.net != 0 else { continue }
                let overflow = SumOverflow(organization: organization, account: entry.code, year: year)
                lines.append(try line(entry.code, emptying: try entry.net.negated(or: overflow), project: entry.project, source: entry.source,
                                      expense: entry.expense, basicClass: entry.basicClass, organization: organization, year: year))
            }
            let part = chunks.count > 1 ? "（\(index + 1)/\(chunks.count)）" : ""
            drafts.append(VoucherDraft(organization: organization, date: date, summary: summary + part, attachments: 0,
                                       preparer: preparer, kind: .closing, lines: lines))
        }
        return drafts
    }

    /// The line that brings a balance of `netFen` (debit minus credit) to zero.
    static func line(_ code: String, emptying netFen: Int64, project: String?, source: FundSource?, expense: ExpenseType? = nil,
                     basicClass: BasicClass? = nil, organization: String, year: Int) throws(SumOverflow) -> VoucherLine {
        let magnitude = try netFen < 0 ? netFen.negated(or: SumOverflow(organization: organization, account: code, year: year)) : netFen
        return VoucherLine(accountCode: code, side: netFen > 0 ? .credit : .debit, amount: Money(fen: magnitude),
                           dimensions: Dimensions(project: project, expenseType: expense, fundSource: source, basicClass: basicClass))
    }
}
