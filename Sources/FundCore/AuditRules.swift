/// One audit rule: a small named function over the audit input.
public struct AuditRule: Sendable {
    public let id: String
    public let chinese: String
    public let english: String
    public let severity: Severity
    public let explanation: String
    /// The rule's findings; a sum over the year past Int64 fen throws `SumOverflow`.
    public let check: @Sendable (AuditInput) throws(SumOverflow) -> [FindingDraft]
}

/// The audit rules, in the order their findings are listed.
public enum AuditRules {
    public static let all: [AuditRule] = [
        AuditRule(id: "subsidy-purpose", chinese: "超范围使用项目补贴", english: "Subsidy spent outside its purpose", severity: .high,
                  explanation: "A line tagged with a subsidy item spends on an account outside the item's approved purpose (专款专用).",
                  check: subsidyPurpose),
        AuditRule(id: "subsidy-overspent", chinese: "项目补贴支出超过到账金额", english: "Subsidy spending above what was received", severity: .high,
                  explanation: "By date order, spending tagged with an item runs above the amount received for it so far.",
                  check: subsidyOverspent),
        AuditRule(id: "subsidy-window", chinese: "项目补贴在使用期外或结项后支出", english: "Subsidy spent outside its window or after settlement", severity: .high,
                  explanation: "Spending tagged with an item is dated before its window opens, after its deadline, or after it was settled.",
                  check: subsidyWindow),
        AuditRule(id: "earmarked-untagged", chinese: "专项补助收入未按项目核算", english: "Earmarked income without a project", severity: .medium,
                  explanation: "Income on 40302 专项补助 carries no project tag, so its use cannot be traced to a purpose.",
                  check: earmarkedUntagged),
        AuditRule(id: "project-without-project", chinese: "项目支出未列明项目", english: "Project spending without a project", severity: .medium,
                  explanation: "A spending line is marked 项目支出 but names no project.",
                  check: projectWithoutProject),
        AuditRule(id: "budget-overrun", chinese: "超预算支出", english: "Budget line overrun", severity: .medium,
                  explanation: "Spending on a budget line for the year is above the approved (and adjusted) budget.",
                  check: budgetOverrun),
        AuditRule(id: "numbering", chinese: "凭证号断号或重号", english: "Gaps or duplicates in voucher numbers", severity: .high,
                  explanation: "Within a month and voucher word the numbers do not run 1, 2, 3 ... without a gap or a repeat.",
                  check: numbering),
        AuditRule(id: "reviewer-is-preparer", chinese: "制单与审核为同一人或未经审核", english: "Reviewer is the preparer, or no reviewer", severity: .high,
                  explanation: "A voucher was reviewed by the person who prepared it, or was posted without a reviewer (imported unreviewed).",
                  check: reviewerIsPreparer),
        AuditRule(id: "historical-people", chinese: "凭证制单或审核人非本账套用户", english: "Preparer or reviewer who is not a user", severity: .low,
                  explanation: "Vouchers imported as history (--historical) name a preparer or reviewer who was not a user of the book; their signature is the old book's word.",
                  check: historicalPeople),
        AuditRule(id: "no-attachments", chinese: "记账凭证无原始凭证", english: "Voucher with no attachments", severity: .medium,
                  explanation: "An entry voucher (not a carry-forward, depreciation or red-ink voucher) has no original documents attached.",
                  check: noAttachments),
        AuditRule(id: "cash-limit", chinese: "超限额现金支付", english: "Cash payment above the limit", severity: .medium,
                  explanation: "A payment out of 101 库存现金 is above the configured cash limit.",
                  check: cashLimit),
        AuditRule(id: "round-sum", chinese: "大额整数支付", english: "Round-sum payment", severity: .low,
                  explanation: "A payment out of cash or bank of at least the configured amount is a whole multiple of the configured unit.",
                  check: roundSum),
        AuditRule(id: "non-working-day", chinese: "非工作日记账", english: "Posting dated on a non-working day", severity: .low,
                  explanation: "A voucher is dated on a weekend or public holiday of the configured calendar.",
                  check: nonWorkingDay),
        AuditRule(id: "reversals", chinese: "红字冲销和反结账", english: "Reversals and reopened months", severity: .low,
                  explanation: "Red-ink reversals in the year and months reopened after closing, for the committee to look at.",
                  check: reversals),
        AuditRule(id: "welfare-cap", chinese: "人均福利支出超过省定标准", english: "Welfare spending per member above the cap", severity: .medium,
                  explanation: "Spending on the welfare accounts divided by the number of members is above the province's yearly cap.",
                  check: welfareCap),
        AuditRule(id: "committee-missing", chinese: "独立核算的工会未设经审会", english: "Independent union without a committee", severity: .high,
                  explanation: "A union that manages its own funds (独立核算: a federation, a township or county union, a grassroots union) had no review committee in term for some of the year.",
                  check: committeeMissing),
        AuditRule(id: "committee-independence", chinese: "经审会委员参与记账", english: "Committee member not independent", severity: .high,
                  explanation: "A committee member prepared, reviewed or kept vouchers of the union in the audited year.",
                  check: committeeIndependence),
        AuditRule(id: "seal-broken", chinese: "凭证被篡改", english: "Voucher changed after posting", severity: .high,
                  explanation: "A posted voucher no longer matches the SHA-256 seal it got at posting: it was changed outside FundLedger.",
                  check: sealBroken),
    ] + cashRules + agingRules + balanceRules + budgetRules + federationRules

    public static func rule(_ id: String) -> AuditRule? { all.first { $0.id == id } }

    /// The rule's title in `language`.
    public static func title(_ id: String, _ language: Language) -> String? {
        rule(id).map { language == .english ? $0.english : $0.chinese }
    }

    /// Runs every rule.
    public static func run(_ input: AuditInput) throws(SumOverflow) -> [FindingDraft] {
        var findings: [FindingDraft] = []
        for rule in all { findings += try rule.check(input) }
        return findings
    }

    static func isPayment(_ line: VoucherLine) -> Bool {
        line.side == .credit && (line.accountCode.hasPrefix("101") || line.accountCode.hasPrefix("102"))
    }

    static func spendingLines(_ voucher: Voucher) -> [VoucherLine] {
        voucher.draft.lines.filter { AccountCategory(code: $0.accountCode) == .expenditure }
    }



    // MARK: - Subsidies

    static func subsidyPurpose(_ input: AuditInput) -> [FindingDraft] {
        var result: [FindingDraft] = []
        for audited in input.subsidies {
            let item = audited.item
            for voucher in input.vouchers where voucher.draft.kind == .entry && !voucher.draft.isRedInk && voucher.reversedByID == nil {
                for line in spendingLines(voucher) where line.dimensions.project == item.code && !item.allows(account: line.accountCode) {
                    result.append(FindingDraft(rule: "subsidy-purpose", key: "\(item.code)|\(voucher.id)|\(line.accountCode)", vouchers: [voucher.id],
                                               amount: line.amount,
                                               text: input.say("\(voucher.label) spends \(line.amount.grouped) of subsidy item \(item.code) (\(item.title)) on \(line.accountCode); the item may be spent only on \(item.accounts.joined(separator: ", "))",
                                                                "\(voucher.label) 将项目补贴 \(item.code)（\(item.title)）的 \(line.amount.grouped) 用于 \(line.accountCode)；该项目只能用于 \(item.accounts.joined(separator: "、"))")))
                }
            }
        }
        return result
    }

    static func subsidyOverspent(_ input: AuditInput) throws(SumOverflow) -> [FindingDraft] {
        var result: [FindingDraft] = []
        for audited in input.subsidies {
            let item = audited.item
            var received = audited.receivedBefore
            var spent = audited.spentBefore
            var flagged = false
            // Carry-forward vouchers move the item's balance between accounts, not money.
            for voucher in input.vouchers where voucher.draft.kind != .closing {
                for line in voucher.draft.lines where line.dimensions.project == item.code {
                    let overflow = SumOverflow(organization: input.organization.code, account: line.accountCode, year: input.year)
                    switch AccountCategory(code: line.accountCode) {
                    case .income: received = try received.subtracting(line.signedFen, or: overflow)
                    case .expenditure: spent = try spent.adding(line.signedFen, or: overflow)
                    default: continue
                    }
                }
                if spent > received, !flagged {
                    _ = try spent.subtracting(received, or: SumOverflow(organization: input.organization.code, account: nil, year: input.year))
                    flagged = true
                    result.append(FindingDraft(rule: "subsidy-overspent", key: item.code, vouchers: [voucher.id], amount: Money(fen: spent - received),
                                               text: input.say("by \(voucher.label) dated \(voucher.draft.date), \(Money(fen: spent).grouped) of subsidy item \(item.code) (\(item.title)) was spent against \(Money(fen: received).grouped) received: \(Money(fen: spent - received).grouped) too much",
                                                                "截至 \(voucher.draft.date) 的 \(voucher.label)，项目补贴 \(item.code)（\(item.title)）已支出 \(Money(fen: spent).grouped)，到账 \(Money(fen: received).grouped)：多支出 \(Money(fen: spent - received).grouped)")))
                }
                if spent <= received { flagged = false }
            }
        }
        return result
    }

    static func subsidyWindow(_ input: AuditInput) -> [FindingDraft] {
        var result: [FindingDraft] = []
        for audited in input.subsidies {
            let item = audited.item
            for voucher in input.vouchers where voucher.draft.kind == .entry && !voucher.draft.isRedInk && voucher.reversedByID == nil {
                let date = voucher.draft.date
                let spending = spendingLines(voucher).filter { $0.dimensions.project == item.code && $0.side == .debit }
                guard !spending.isEmpty else { continue }
                let amount = Money(fen: spending.reduce(0) { $0 + $1.amount.fen })
                var why: String?
                if let settled = audited.settledOn, date > settled {
                    why = input.say("after the item was settled on \(settled)", "在项目 \(settled) 结项之后")
                } else if !item.inWindow(date) {
                    why = input.say("outside its window \(item.windowStart) to \(item.deadline)", "不在使用期 \(item.windowStart) 至 \(item.deadline) 之内")
                }
                guard let why else { continue }
                result.append(FindingDraft(rule: "subsidy-window", key: "\(item.code)|\(voucher.id)", vouchers: [voucher.id], amount: amount,
                                           text: input.say("\(voucher.label) spends \(amount.grouped) of subsidy item \(item.code) (\(item.title)) on \(date), \(why)",
                                                            "\(voucher.label) 于 \(date) 支出项目补贴 \(item.code)（\(item.title)）\(amount.grouped)，\(why)")))
            }
        }
        return result
    }

    // MARK: - Tagging

    static func earmarkedUntagged(_ input: AuditInput) -> [FindingDraft] {
        input.vouchers.flatMap { voucher in
            voucher.draft.lines.filter { $0.accountCode.hasPrefix("40302") && $0.dimensions.project == nil && $0.side == .credit }.map { line in
                FindingDraft(rule: "earmarked-untagged", key: "\(voucher.id)", vouchers: [voucher.id], amount: line.amount,
                             text: input.say("\(voucher.label) credits \(line.amount.grouped) of earmarked income to \(line.accountCode) with no project; tag it with the project or subsidy item it is for",
                                              "\(voucher.label) 将专项收入 \(line.amount.grouped) 记入 \(line.accountCode)，未注明项目；请标注其所属的项目或项目补贴"))
            }
        }
    }

    static func projectWithoutProject(_ input: AuditInput) -> [FindingDraft] {
        input.vouchers.flatMap { voucher in
            spendingLines(voucher).filter { $0.dimensions.expenseType == .project && $0.dimensions.project == nil }.map { line in
                FindingDraft(rule: "project-without-project", key: "\(voucher.id)|\(line.accountCode)", vouchers: [voucher.id], amount: line.amount,
                             text: input.say("\(voucher.label) books \(line.amount.grouped) on \(line.accountCode) as 项目支出 without naming the project",
                                              "\(voucher.label) 将 \(line.amount.grouped) 作为项目支出记入 \(line.accountCode)，未列明项目"))
            }
        }
    }

    static func budgetOverrun(_ input: AuditInput) -> [FindingDraft] {
        input.budget.filter { !$0.key.isIncome && $0.actual > $0.budget }.map { line in
            let vouchers = input.vouchers.filter { voucher in
                voucher.draft.kind == .entry && voucher.draft.lines.contains {
                    AccountCategory(code: $0.accountCode) == .expenditure
                        && line.key.matches(account: $0.accountCode, expenseType: $0.dimensions.expenseType, project: $0.dimensions.project, counterpart: $0.dimensions.counterpart)
                }
            }
            let over = Money(fen: line.actual.fen - line.budget.fen)
            return FindingDraft(rule: "budget-overrun", key: line.key.description, vouchers: vouchers.suffix(20).map(\.id), amount: over,
                                text: input.say("budget line \(line.key) spent \(line.actual.grouped) against a budget of \(line.budget.grouped): \(over.grouped) over; adjust the budget (预算调整) or explain the overrun",
                                                 "预算行 \(line.key) 支出 \(line.actual.grouped)，预算 \(line.budget.grouped)：超出 \(over.grouped)；请调整预算或说明超支原因"))
        }
    }

    // MARK: - Voucher controls

    static func numbering(_ input: AuditInput) -> [FindingDraft] {
        var series: [String: [(Int, Int64)]] = [:]
        for voucher in input.vouchers {
            guard let number = voucher.number else { continue }
            series[voucher.draft.period.description + "|" + voucher.draft.word, default: []].append((number, voucher.id))
        }
        var result: [FindingDraft] = []
        for (key, entries) in series.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "|")
            let counts = Dictionary(grouping: entries, by: \.0)
            let duplicates = counts.filter { $0.value.count > 1 }.keys.sorted()
            let highest = counts.keys.max() ?? 0
            let missing = (1...max(highest, 1)).filter { counts[$0] == nil }
            guard !duplicates.isEmpty || !missing.isEmpty else { continue }
            var what: [String] = []
            if !missing.isEmpty { what.append(input.say("number(s) \(missing.prefix(10).map(String.init).joined(separator: ", ")) missing", "缺 \(missing.prefix(10).map(String.init).joined(separator: "、")) 号")) }
            if !duplicates.isEmpty { what.append(input.say("number(s) \(duplicates.prefix(10).map(String.init).joined(separator: ", ")) used twice", "\(duplicates.prefix(10).map(String.init).joined(separator: "、")) 号重复")) }
            let ids = duplicates.flatMap { counts[$0]!.map(\.1) }
            result.append(FindingDraft(rule: "numbering", key: key, vouchers: ids,
                                       text: input.say("\(input.organization.code) \(parts[0]) \(parts[1])字: \(what.joined(separator: "; ")) in 1 to \(highest); a posted voucher was removed or numbered outside FundLedger",
                                                        "\(input.organization.code) \(parts[0]) \(parts[1])字第 1 至 \(highest) 号中\(what.joined(separator: "，"))；有已记账凭证被删除或在 FundLedger 之外编号")))
        }
        return result
    }

    static func reviewerIsPreparer(_ input: AuditInput) -> [FindingDraft] {
        input.vouchers.filter { $0.draft.kind == .entry }.compactMap { voucher in
            let preparer = voucher.draft.preparer.trimmingWhitespace
            guard let reviewer = voucher.reviewer?.trimmingWhitespace, !reviewer.isEmpty else {
                return FindingDraft(rule: "reviewer-is-preparer", key: "\(voucher.id)", vouchers: [voucher.id],
                                    text: input.say("\(voucher.label) (prepared by \(preparer)) was posted without a reviewer", "\(voucher.label)（制单 \(preparer)）未经审核即记账"))
            }
            guard reviewer == preparer else { return nil }
            return FindingDraft(rule: "reviewer-is-preparer", key: "\(voucher.id)", vouchers: [voucher.id],
                                text: input.say("\(voucher.label) was prepared and reviewed by the same person, \(preparer)", "\(voucher.label) 的制单与审核为同一人：\(preparer)"))
        }
    }

    static func noAttachments(_ input: AuditInput) -> [FindingDraft] {
        input.vouchers.filter { $0.draft.kind == .entry && !$0.draft.isRedInk && $0.draft.attachments == 0 }.map { voucher in
            FindingDraft(rule: "no-attachments", key: "\(voucher.id)", vouchers: [voucher.id],
                         amount: Money(fen: voucher.draft.lines.filter { $0.side == .debit }.reduce(0) { $0 + $1.amount.fen }),
                         text: input.say("\(voucher.label) (\(voucher.draft.summary)) has no original documents attached (附件0张)", "\(voucher.label)（\(voucher.draft.summary)）未附原始凭证（附件0张）"))
        }
    }

    static func cashLimit(_ input: AuditInput) -> [FindingDraft] {
        input.vouchers.filter { $0.draft.kind == .entry && !$0.draft.isRedInk }.flatMap { voucher in
            voucher.draft.lines.filter { $0.accountCode.hasPrefix("101") && $0.side == .credit && $0.amount > input.settings.cashLimit
                && !voucher.draft.lines.contains { $0.accountCode.hasPrefix("102") && $0.side == .debit } }.map { line in
                FindingDraft(rule: "cash-limit", key: "\(voucher.id)", vouchers: [voucher.id], amount: line.amount,
                             text: input.say("\(voucher.label) pays \(line.amount.grouped) in cash, above the cash limit of \(input.settings.cashLimit.grouped); pay by bank transfer or card (公务卡)",
                                              "\(voucher.label) 以现金支付 \(line.amount.grouped)，超过现金限额 \(input.settings.cashLimit.grouped)；请通过银行转账或公务卡支付"))
            }
        }
    }

    static func roundSum(_ input: AuditInput) -> [FindingDraft] {
        let settings = input.settings
        return input.vouchers.filter { $0.draft.kind == .entry && !$0.draft.isRedInk }.compactMap { voucher in
            let payments = voucher.draft.lines.filter { isPayment($0) && $0.amount >= settings.roundSumThreshold && $0.amount.fen % settings.roundUnit.fen == 0 }
            // Moving money between cash and bank, or paying a subsidy on, is not a purchase.
            guard let line = payments.first, !voucher.draft.lines.contains(where: { $0.side == .debit && ($0.accountCode.hasPrefix("101") || $0.accountCode.hasPrefix("102")) }) else { return nil }
            return FindingDraft(rule: "round-sum", key: "\(voucher.id)", vouchers: [voucher.id], amount: line.amount,
                                text: input.say("\(voucher.label) (\(voucher.draft.summary)) pays a round \(line.amount.grouped); check it against the invoice and contract",
                                                "\(voucher.label)（\(voucher.draft.summary)）支付整数金额 \(line.amount.grouped)；请与发票和合同核对"))
        }
    }

    static func nonWorkingDay(_ input: AuditInput) -> [FindingDraft] {
        input.vouchers.filter { $0.draft.kind == .entry && !input.calendar.isWorkingDay($0.draft.date) }.map { voucher in
            let weekday = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][voucher.draft.date.weekday]
            let chineseWeekday = ["", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][voucher.draft.date.weekday]
            let why = input.calendar.holidays.contains(voucher.draft.date) ? input.say("a public holiday", "法定节假日") : input.say("a \(weekday)", chineseWeekday)
            return FindingDraft(rule: "non-working-day", key: "\(voucher.id)", vouchers: [voucher.id],
                                text: input.say("\(voucher.label) (\(voucher.draft.summary)) is dated \(voucher.draft.date), \(why)", "\(voucher.label)（\(voucher.draft.summary)）的日期是 \(voucher.draft.date)，\(why)"))
        }
    }

    static func reversals(_ input: AuditInput) -> [FindingDraft] {
        let red = input.vouchers.filter { $0.draft.isRedInk && $0.draft.kind == .entry }.map { voucher in
            FindingDraft(rule: "reversals", key: "red|\(voucher.id)", vouchers: [voucher.id] + [voucher.reversesID].compactMap { $0 },
                         amount: Money(fen: voucher.draft.lines.filter { $0.side == .debit }.reduce(0) { $0 + abs($1.amount.fen) }),
                         text: input.say("\(voucher.label) reverses \(voucher.draft.reverses?.description ?? "a voucher") by red ink: \(voucher.draft.summary)",
                                          "\(voucher.label) 红字冲销 \(voucher.draft.reverses?.description ?? "一张凭证")：\(voucher.draft.summary)"))
        }
        let reopened = input.reopened.filter { $0.action == "reopen" || $0.action == "reopen-year" }.map { entry in
            FindingDraft(rule: "reversals", key: "reopen|\(entry.period)|\(entry.at)",
                         text: input.say("\(entry.organization) \(entry.action == "reopen" ? "reopened" : "reopened the year-end of") \(entry.period) on \(entry.at.prefix(10)) (by \(entry.by)): \(entry.reason ?? "")",
                                          "\(entry.organization) 于 \(BeijingTime.day(entry.at)) \(entry.action == "reopen" ? "反结账" : "反结转年终") \(entry.period)（\(entry.by)）：\(entry.reason ?? "")"))
        }
        return red + reopened
    }

    static func welfareCap(_ input: AuditInput) throws(SumOverflow) -> [FindingDraft] {
        guard let cap = input.settings.welfareCapPerMember, let members = input.settings.members, members > 0 else { return [] }
        var total: Int64 = 0
        var ids: [Int64] = []
        for voucher in input.vouchers where voucher.draft.kind == .entry {
            let amount = voucher.draft.lines.filter { line in input.settings.welfareAccounts.contains { line.accountCode.hasPrefix($0) } }.reduce(0) { $0 + $1.signedFen }
            if amount != 0 {
                total = try total.adding(amount, or: SumOverflow(organization: input.organization.code, account: nil, year: input.year))
                ids.append(voucher.id)
            }
        }
        let perMember = total / Int64(members)
        guard perMember > cap.fen else { return [] }
        // perMember > cap, so cap × members ≤ total fits.
        let over = Money(fen: total - cap.fen * Int64(members))
        return [FindingDraft(rule: "welfare-cap", key: String(input.year), vouchers: ids.suffix(20).map { $0 }, amount: over,
                             text: input.say("welfare spending on \(input.settings.welfareAccounts.joined(separator: ", ")) in \(input.year) is \(Money(fen: total).grouped) for \(members) members, \(Money(fen: perMember).grouped) each, above the cap of \(cap.grouped) per member: \(over.grouped) over",
                                              "\(input.year) 年福利支出（\(input.settings.welfareAccounts.joined(separator: "、"))）\(Money(fen: total).grouped)，会员 \(members) 人，人均 \(Money(fen: perMember).grouped)，超过人均标准 \(cap.grouped)：超出 \(over.grouped)"))]
    }

    // MARK: - The committee and the book

    static func committeeMissing(_ input: AuditInput) -> [FindingDraft] {
        let organization = input.organization
        guard organization.independent else { return [] }
        guard let committee = input.committee else {
            return [FindingDraft(rule: "committee-missing", key: String(input.year),
                                 text: input.say("\(organization.code) \(organization.name) manages its own funds but has no funds review committee (经费审查委员会); elect one with the union committee",
                                                  "\(organization.code) \(organization.name) 独立管理经费，但未设经费审查委员会；请与工会委员会同时选举产生"))]
        }
        var gaps: [String] = []
        if committee.elected > input.firstDay {
            gaps.append(input.say("\(input.firstDay) to \(LocalDate(daysSinceEpoch: committee.elected.daysSinceEpoch - 1)), before it was elected",
                                  "\(input.firstDay) 至 \(LocalDate(daysSinceEpoch: committee.elected.daysSinceEpoch - 1))（选举前）"))
        }
        if committee.termEnd < input.lastDay {
            gaps.append(input.say("\(LocalDate(daysSinceEpoch: committee.termEnd.daysSinceEpoch + 1)) to \(input.lastDay), after its term ended",
                                  "\(LocalDate(daysSinceEpoch: committee.termEnd.daysSinceEpoch + 1)) 至 \(input.lastDay)（任期届满后）"))
        }
        guard !gaps.isEmpty else { return [] }
        return [FindingDraft(rule: "committee-missing", key: String(input.year),
                             text: input.say("\(organization.code) managed its own funds without a review committee in term from \(gaps.joined(separator: " and from "))",
                                              "\(organization.code) 在以下期间独立管理经费而没有在任的经审会：\(gaps.joined(separator: "；"))"))]
    }

    static func committeeIndependence(_ input: AuditInput) -> [FindingDraft] {
        guard let committee = input.committee else { return [] }
        return committee.members.filter { $0.serves(from: input.firstDay, to: input.lastDay) }.compactMap { member in
            let involved = input.vouchers.filter { $0.draft.preparer == member.name || $0.reviewer == member.name || $0.bookkeeper == member.name }
            guard let first = involved.first else { return nil }
            var roles: [String] = []
            if involved.contains(where: { $0.draft.preparer == member.name }) { roles.append(input.say("prepared", "制单")) }
            if involved.contains(where: { $0.reviewer == member.name }) { roles.append(input.say("reviewed", "审核")) }
            if involved.contains(where: { $0.bookkeeper == member.name }) { roles.append(input.say("kept", "记账")) }
            return FindingDraft(rule: "committee-independence", key: member.name, vouchers: involved.prefix(20).map(\.id),
                                text: input.say("committee \(member.office.chinese) \(member.name) \(roles.joined(separator: ", ")) \(involved.count) voucher(s) of \(input.organization.code) in \(input.year), first \(first.label); a member who keeps the books cannot review them",
                                              "经审会\(member.office.chinese) \(member.name) 在 \(input.year) 年参与 \(input.organization.code) 凭证的\(roles.joined(separator: "、")) \(involved.count) 张，首张 \(first.label)；参与记账的委员不能审查这些账目"))
        }
    }

    static func sealBroken(_ input: AuditInput) -> [FindingDraft] {
        input.sealProblems.map { problem in
            FindingDraft(rule: "seal-broken", key: problem.label, vouchers: problem.voucherID.map { [$0] } ?? [],
                         text: input.say("\(problem.label): \(problem.reason)", "\(problem.label)：\(problem.chineseReason ?? problem.reason)"))
        }
    }
}
