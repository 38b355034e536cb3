import FundCore

/// 财政拨款收入支出表 (工会附01表) of the 2021 《工会会计制度》 (编制说明 三; domain notes §2.10):
/// the year's same-level appropriations of a county-level union, by 基本支出 (人员经费, 公用经费)
/// and 项目支出 (one row per project), from the 年初 to the 年末 财政拨款结转结余.
///
/// Columns, each read as the 编制说明 says: 年初财政拨款结转结余 (331, 332 at the start of the year);
/// 调整年初财政拨款结转结余 (the year's activity on 33101, 33201); 本年归集上缴 (33202, negative when
/// returned); 单位内部调剂 (33102, 33203); 本年财政拨款收入 (40401); 本年财政拨款支出 (every
/// expenditure account but 521 on lines of fund source 财政拨款); 年末财政拨款结转结余 (331, 332 at
/// the end of the year, a month not closed folded in as its 期末结转 would carry it). The form's
/// image splits the balance columns into 结转 and 结余; that split could not be confirmed
/// column by column, so `Layout.split` (the default) gives each balance column its 结转 and 结余
/// and `Layout.combined` one column each.
///
/// A line belongs to a project row when it carries a project or is tagged 项目支出; otherwise to
/// 基本支出, split into 人员经费 and 公用经费: income and 331 balances by the class they carry
/// (entered on 40401, carried to 33103 and 33104 by the closing vouchers), spending by expense
/// account (`BasicExpenseClasses`, as the monthly close carries it). 基本支出 is the sum of its
/// two rows; 331/332 amounts and income booked before classes were kept, which carry none, stand
/// in a third row, 未区分人员经费和公用经费, shown only when it holds something.
public enum Appropriations {
    public static let form = AttachedForm.appropriations

    /// Whether each balance column is split into 结转 and 结余.
    public enum Layout: String, Sendable, CaseIterable {
        case split, combined
    }

    /// What the year's book gives the form: the 331/332 balances at the start and the end of the
    /// year (by project and expense type), and the year's activity without closing vouchers.
    public struct Input: Sendable {
        public let opening: [FundBalance]
        public let closing: [FundBalance]
        public let activity: [DetailedActivity]

        public init(opening: [FundBalance], closing: [FundBalance], activity: [DetailedActivity]) {
            self.opening = opening
            self.closing = closing
            self.activity = activity
        }
    }

    /// The value columns of a layout.
    public static func columns(_ layout: Layout) -> [String] {
        switch layout {
        case .split:
            ["年初财政拨款结转结余（结转）", "年初财政拨款结转结余（结余）", "调整年初财政拨款结转结余（结转）", "调整年初财政拨款结转结余（结余）",
             "本年归集上缴（结余）", "单位内部调剂（结转）", "单位内部调剂（结余）", "本年财政拨款收入", "本年财政拨款支出",
             "年末财政拨款结转结余（结转）", "年末财政拨款结转结余（结余）"]
        case .combined:
            ["年初财政拨款结转结余", "调整年初财政拨款结转结余", "本年归集上缴", "单位内部调剂", "本年财政拨款收入", "本年财政拨款支出",
             "年末财政拨款结转结余"]
        }
    }

    /// Whether the book has anything for the form: 40401 activity in the year, or a 331/332
    /// balance at either end.
    public static func isDue(_ input: Input) -> Bool {
        input.activity.contains { $0.code.hasPrefix("40401") && ($0.debitFen != 0 || $0.creditFen != 0) }
            || (input.opening + input.closing).contains { ($0.accountCode.hasPrefix("331") || $0.accountCode.hasPrefix("332")) && $0.netFen != 0 }
    }

    /// The note under 工会01表 that breaks 财政拨款结转 (331) down as the standard details it: its
    /// balance at the form's date in 基本支出结转 (人员经费, 公用经费) and 项目支出结转; nil when 331 is
    /// empty. `balances` are the 331/332 balances (any others are ignored) with any month not yet
    /// closed folded in, as `Reports.appropriationFunds` gives them. 331 carried before classes
    /// were kept is named apart (未区分人员经费和公用经费).
    public static func carriedNote(_ balances: [FundBalance], annual: Bool) throws(SumOverflow) -> String? {
        var personnel: Int64 = 0, operating: Int64 = 0, unclassified: Int64 = 0, projects: Int64 = 0, total: Int64 = 0
        let overflow = SumOverflow(organization: "", account: "331", year: 0)
        for b in balances where b.accountCode.hasPrefix("331") {
            let credit = try b.netFen.negated(or: overflow)
            total = try total.adding(credit, or: overflow)
            if projectKey(project: b.project, expense: b.expense) != nil {
                projects = try projects.adding(credit, or: overflow)
            } else if b.basicClass == .personnel {
                personnel = try personnel.adding(credit, or: overflow)
            } else if b.basicClass == .operating {
                operating = try operating.adding(credit, or: overflow)
            } else {
                unclassified = try unclassified.adding(credit, or: overflow)
            }
        }
        guard total != 0 || personnel != 0 || operating != 0 || projects != 0 else { return nil }
        let basic = try personnel.adding(operating, or: overflow).adding(unclassified, or: overflow)
        let parts = "人员经费 \(Money(fen: personnel).grouped) 元、公用经费 \(Money(fen: operating).grouped) 元"
            + (unclassified != 0 ? "、未区分人员经费和公用经费 \(Money(fen: unclassified).grouped) 元" : "")
        return "注：财政拨款结转\(annual ? "年末" : "期末")余额 \(Money(fen: total).grouped) 元，其中基本支出结转 \(Money(fen: basic).grouped) 元（\(parts)），项目支出结转 \(Money(fen: projects).grouped) 元。"
    }

    /// Which row a line falls in: nil for 基本支出, else the project ("" for 项目支出 without one).
    static func projectKey(project: String?, expense: ExpenseType?) -> String? {
        if let project { return project }
        return expense == .project ? "" : nil
    }

    /// The form of `year`; throws `SumOverflow` when a cell is too large for Int64 fen.
    public static func form(organization: Organization, year: Int, input: Input, layout: Layout = .split,
                            classes: BasicExpenseClasses = .standard) throws(SumOverflow) -> Form {
        let months = Period(year: year, month: 1)!...Period(year: year, month: 12)!
        func overflow(_ account: String?) -> SumOverflow { SumOverflow(organization: organization.code, account: account, period: months) }
        // The eleven figures of the split layout, per row key ("personnel", "public", "unclassified", "p:CODE").
        enum Figure: Int, CaseIterable {
            case openingCarried, openingSurplus, adjustCarried, adjustSurplus, returned, internalCarried, internalSurplus, income, spending,
                 closingCarried, closingSurplus
        }
        var cells: [String: [Int64]] = [:]
        func add(_ key: String, _ figure: Figure, _ fen: Int64, _ account: String) throws(SumOverflow) {
            var row = cells[key] ?? [Int64](repeating: 0, count: Figure.allCases.count)
            row[figure.rawValue] = try row[figure.rawValue].adding(fen, or: overflow(account))
            cells[key] = row
        }
        func key(_ project: String?, _ expense: ExpenseType?, _ basicClass: BasicClass?) -> String {
            if let project = projectKey(project: project, expense: expense) { return "p:" + project }
            switch basicClass {
            case .personnel: return "personnel"
            case .operating: return "public"
            case nil: return "unclassified"
            }
        }
        for (balances, carried, surplus) in [(input.opening, Figure.openingCarried, Figure.openingSurplus),
                                             (input.closing, Figure.closingCarried, Figure.closingSurplus)] {
            for b in balances where b.accountCode.hasPrefix("331") || b.accountCode.hasPrefix("332") {
                try add(key(b.project, b.expense, b.basicClass), b.accountCode.hasPrefix("331") ? carried : surplus,
                        try b.netFen.negated(or: overflow(b.accountCode)), b.accountCode)
            }
        }
        let fundColumns: [(String, Figure)] = [("33101", .adjustCarried), ("33201", .adjustSurplus), ("33202", .returned),
                                              ("33102", .internalCarried), ("33203", .internalSurplus)]
        for a in input.activity {
            let credit = try a.creditFen.subtracting(a.debitFen, or: overflow(a.code))
            if let (_, figure) = fundColumns.first(where: { a.code.hasPrefix($0.0) }) {
                try add(key(a.project, a.expense, a.basicClass), figure, credit, a.code)
            } else if a.code.hasPrefix("40401") {
                try add(key(a.project, a.expense, a.basicClass), .income, credit, a.code)
            } else if AccountCategory(code: a.code) == .expenditure, !a.code.hasPrefix("521"), a.source == .appropriation {
                let debit = try credit.negated(or: overflow(a.code))
                let basicClass: BasicClass = classes.isPersonnel(a.code) ? .personnel : .operating
                try add(key(a.project, a.expense, basicClass), .spending, debit, a.code)
            }
        }
        let zero = [Int64](repeating: 0, count: Figure.allCases.count)
        func values(_ figures: [Int64]) throws(SumOverflow) -> [Int64?] {
            func f(_ figure: Figure) -> Int64 { figures[figure.rawValue] }
            switch layout {
            case .split:
                return Figure.allCases.map { f($0) }
            case .combined:
                let o = overflow(nil)
                return [try f(.openingCarried).adding(f(.openingSurplus), or: o), try f(.adjustCarried).adding(f(.adjustSurplus), or: o),
                        f(.returned), try f(.internalCarried).adding(f(.internalSurplus), or: o), f(.income), f(.spending),
                        try f(.closingCarried).adding(f(.closingSurplus), or: o)]
            }
        }

        var panel = PanelBuilder(columns: columns(layout).count, overflow: overflow(nil))
        // 一、基本支出 sums its classes, as 二、项目支出 sums its projects.
        let basicParts = ["personnel", "public"] + (cells["unclassified"].map { $0.contains { $0 != 0 } } == true ? ["unclassified"] : [])
        let basicLabels = ["personnel": "人员经费", "public": "公用经费", "unclassified": "未区分人员经费和公用经费"]
        var parts: [(label: String, values: [Int64])] = []
        for part in basicParts { parts.append((label: basicLabels[part] ?? part, values: try values(cells[part] ?? zero).map { $0 ?? 0 })) }
        let basic = try panel.totalAbove("一、基本支出", parts: parts)
        let projects = cells.keys.filter { $0.hasPrefix("p:") }.sorted()
        var projectRows: [(Int, Int64)] = []
        let projectTotalIndex = panel.rows.count
        panel.rows.append(FormRow(label: "二、项目支出", kind: .total, values: []))
        for project in projects {
            let name = String(project.dropFirst(2))
            panel.rows.append(FormRow(label: name.isEmpty ? "未指定项目" : name, indent: 1, values: try values(cells[project] ?? zero)))
            projectRows.append((panel.rows.count - 1, 1))
        }
        // 二、项目支出 sums its projects (blank-free zeros when there are none).
        var projectTotal = [Int64](repeating: 0, count: columns(layout).count)
        for (row, _) in projectRows {
            for c in projectTotal.indices { projectTotal[c] = try projectTotal[c].adding(panel.rows[row].values[c] ?? 0, or: overflow(nil)) }
        }
        panel.rows[projectTotalIndex].values = projectTotal.map { $0 }
        panel.rows[projectTotalIndex].terms = projectRows.map { FormRow.Term(row: $0.0, sign: 1) }
        if projectRows.isEmpty { panel.rows[projectTotalIndex].kind = .item }
        try panel.total("总计", [(basic, 1), (projectTotalIndex, 1)])

        var form = Form(number: form.number, title: form.title, organization: organization, periodText: "\(year)年度",
                        panelTitles: ["项目"], valueColumns: columns(layout), panels: [panel.rows])
        form.notes.append("注：本年财政拨款收入和年初、年末结转结余按登记的人员经费、公用经费列示（财政拨款收入按预算批复分别登记，期末结转时分别转入财政拨款结转）；本年财政拨款支出按支出科目划分（工资福利支出、对个人和家庭的补助支出为人员经费，其余为公用经费）。")
        // Each row ties: 年初 + 调整 + 归集上缴 + 调剂 + 收入 − 支出 = 年末 (结转 and 结余 together);
        // 基本支出 as a whole, and each class when nothing is left unclassified.
        var basicTotal = zero
        for part in basicParts {
            for index in basicTotal.indices { basicTotal[index] = try basicTotal[index].adding((cells[part] ?? zero)[index], or: overflow(nil)) }
        }
        cells["basic"] = basicTotal
        let classRows = basicParts.contains("unclassified") ? [] : ["personnel", "public"]
        for key in ["basic"] + classRows + projects {
            let c = cells[key] ?? zero
            func f(_ figure: Figure) -> Int64 { c[figure.rawValue] }
            let o = overflow(nil)
            var moved: Int64 = 0
            for figure in [Figure.openingCarried, .openingSurplus, .adjustCarried, .adjustSurplus, .returned, .internalCarried, .internalSurplus, .income] {
                moved = try moved.adding(f(figure), or: o)
            }
            moved = try moved.subtracting(f(.spending), or: o)
            let closing = try f(.closingCarried).adding(f(.closingSurplus), or: o)
            if moved != closing {
                let label = key == "basic" ? "基本支出" : basicLabels[key] ?? String(key.dropFirst(2))
                form.failedChecks.append("\(label)：年初结转结余及本年变动合计 \(Money(fen: moved).grouped) ≠ 年末财政拨款结转结余 \(Money(fen: closing).grouped)")
            }
        }
        return form
    }
}
