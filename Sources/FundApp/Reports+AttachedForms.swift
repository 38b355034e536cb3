import FundCore
import FundReports
import FundStore

extension Reports {
    /// Refuses an attached form for an organisation on the grassroots chart: 附表 are
    /// county-level unions' forms (第六十一条).
    static func countyLevel(_ book: Session, organization code: String, form: AttachedForm) throws -> (Organization, Chart) {
        let organization = try book.organizations.organization(code)
        let chart = try book.organizations.chart(for: code)
        guard chart.kind == .county else { throw BookError.attachedFormNotDue(organization: code, form: form, reason: .countyLevelOnly) }
        return (organization, chart)
    }

    /// Whether `code` prepares attached forms at all (keeps the county-level chart).
    public static func preparesAttachedForms(_ book: Session, organization code: String) throws -> Bool {
        try book.organizations.chart(for: code).kind == .county
    }

    /// 成本费用表 (工会附03表) of `month` beside the year to date, or of the year beside the year
    /// before; refused for a grassroots-chart union.
    public static func costExpense(_ book: Session, organization code: String, year: Int, month: Int?) throws -> Form {
        let (organization, _) = try countyLevel(book, organization: code, form: .costs)
        func inventory(through period: Period?) throws -> Int64 {
            guard let period else { return 0 }
            var sum: Int64 = 0
            for balance in try book.yearEnd.fundBalances(organization: code, through: period) where balance.accountCode.hasPrefix("141") {
                sum = try summing { try sum.adding(balance.netFen, or: SumOverflow(organization: code, account: "141", month: period)) }
            }
            return sum
        }
        func column(_ from: Period, _ to: Period) throws -> CostExpense.Column {
            let before = from.month == 1 ? Period(year: from.year - 1, month: 12) : from.previous
            return CostExpense.Column(activity: try book.ledger.activity(organization: code, from: from, to: to, excludingClosing: true),
                                      inventoryOpening: try inventory(through: before), inventoryClosing: try inventory(through: to))
        }
        let columns: [CostExpense.Column]
        if let month {
            let p = Period(year: year, month: month)!
            columns = [try column(p, p), try column(Period(year: year, month: 1)!, p)]
        } else if let previous = Period(year: year - 1, month: 1) {
            columns = [try column(Period(year: year, month: 1)!, Period(year: year, month: 12)!), try column(previous, Period(year: year - 1, month: 12)!)]
        } else {
            columns = [try column(Period(year: year, month: 1)!, Period(year: year, month: 12)!)]
        }
        var form = try summing { try CostExpense.form(organization: organization, period: Period(year: year, month: month ?? 12)!,
                                                      annual: month == nil, columns: columns) }
        form.signers = try book.signatures.signers(organization: code)
        return form
    }

    /// 国有资产情况表 (工会附02表) of `year`; refused for a grassroots-chart union.
    public static func stateAssets(_ book: Session, organization code: String, year: Int) throws -> Form {
        let (organization, _) = try countyLevel(book, organization: code, form: .stateAssets)
        let opening = try Period(year: year - 1, month: 12).map { try book.yearEnd.fundBalances(organization: code, through: $0) } ?? []
        let closing = try book.yearEnd.fundBalances(organization: code, through: Period(year: year, month: 12)!)
        var form = try summing { try StateAssets.form(organization: organization, year: year, opening: opening, closing: closing) }
        form.signers = try book.signatures.signers(organization: code)
        return form
    }

    /// 财政拨款收入支出表 (工会附01表) of `year`; refused for a grassroots-chart union and for one
    /// with no appropriations (no 40401 in the year, no 331/332 balance).
    public static func appropriations(_ book: Session, organization code: String, year: Int,
                                      layout: Appropriations.Layout = .split, classes: BasicExpenseClasses = .standard) throws -> Form {
        let (organization, chart) = try countyLevel(book, organization: code, form: .appropriations)
        let input = Appropriations.Input(
            opening: try Period(year: year - 1, month: 12).map { try appropriationFunds(book, organization: code, chart: chart, through: $0,
                                                                                            classes: classes) } ?? [],
            closing: try appropriationFunds(book, organization: code, chart: chart, through: Period(year: year, month: 12)!, classes: classes),
            activity: try book.ledger.detailedActivity(organization: code, from: Period(year: year, month: 1)!, to: Period(year: year, month: 12)!))
        guard Appropriations.isDue(input) else {
            throw BookError.attachedFormNotDue(organization: code, form: .appropriations, reason: .noAppropriations)
        }
        var form = try summing { try Appropriations.form(organization: organization, year: year, input: input, layout: layout, classes: classes) }
        form.signers = try book.signatures.signers(organization: code)
        return form
    }

    /// Whether 附01 is due for `code` in `year` (county chart, and appropriations in the year or
    /// carried), so a pack includes it only then.
    public static func appropriationsDue(_ book: Session, organization code: String, year: Int) throws -> Bool {
        do {
            _ = try appropriations(book, organization: code, year: year)
            return true
        } catch BookError.attachedFormNotDue {
            return false
        }
    }

    /// The 331/332 balances at the end of `through`, by project and expense type, with the
    /// appropriation income and spending not yet carried (a month not closed) added to 33103 as
    /// its 期末结转 would carry them (`CarryForward.target`, keeping project and expense type, and
    /// the 基本支出 part its class, `CarryForward.basicClass`).
    static func appropriationFunds(_ book: Session, organization code: String, chart: Chart, through: Period,
                                   classes: BasicExpenseClasses = .standard) throws -> [FundBalance] {
        let earmarked = try earmarkedProjects(book, organization: code, year: through.year, through: through)
        var funds: [FundBalance] = []
        for balance in try book.yearEnd.fundBalances(organization: code, through: through) {
            if balance.accountCode.hasPrefix("331") || balance.accountCode.hasPrefix("332") {
                funds.append(balance)
            } else if CarryForward.closesAtPeriodEnd(balance.accountCode),
                      CarryForward.target(of: balance, chart: chart, earmarked: earmarked).hasPrefix("33") {
                let basicClass = CarryForward.basicClass(of: balance, classes: classes)
                funds.append(FundBalance(accountCode: "33103", project: balance.project, source: balance.source,
                                         expense: basicClass != nil ? .basic : balance.expense, basicClass: basicClass, netFen: balance.netFen))
            }
        }
        return funds
    }

    /// The 会计报表附注 sheet of `year`, headed and signed, for the officer to fill.
    public static func financialNotes(_ book: Session, organization code: String, year: Int) throws -> FinancialNotes.Sheet {
        FinancialNotes.Sheet(organization: try book.organizations.organization(code), year: year,
                             signers: try book.signatures.signers(organization: code))
    }

    /// The attached forms due with the month's pack (成本费用表 for a county-level union), or
    /// with the year's pack (附01 where due, 附02, 附03).
    public static func attachedForms(_ book: Session, organization code: String, year: Int, month: Int?) throws -> [Form] {
        guard try preparesAttachedForms(book, organization: code) else { return [] }
        guard month == nil else { return [try costExpense(book, organization: code, year: year, month: month)] }
        var forms: [Form] = []
        do { forms.append(try appropriations(book, organization: code, year: year)) } catch BookError.attachedFormNotDue {}
        forms.append(try stateAssets(book, organization: code, year: year))
        forms.append(try costExpense(book, organization: code, year: year, month: nil))
        return forms
    }
}
