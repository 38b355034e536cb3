/// The two explicit acts of the year end besides the carry-forward (domain notes §2.6, steps 2
/// and 3), each approved by a document and booked by the officer on purpose, never by a rule:
///
/// - 结转转入 (`transferIn`): a project's leftover money that no longer keeps its purpose is
///   released to the free surplus, Dr 32104 累计结转 (the project) / Cr 32204 结转转入; for
///   appropriations Dr 33104 / Cr 33204.
/// - 内部调剂 (`internalAdjustment`): free surplus re-purposed for a project, Dr 32202 单位内部调剂 /
///   Cr 32102 单位内部调剂 (the project); for appropriations Dr 33203 / Cr 33102.
///
/// Both come after `close-year` has carried the year (so 32104 holds the projects' leftovers),
/// and the year end then clears what they moved into 累计 at once.
public enum YearEndAct: String, Sendable, CaseIterable {
    case transferIn = "transfer-in"
    case internalAdjustment = "internal-adjustment"

    /// The act's name as the voucher's summary and a finance officer call it.
    public var chinese: String { self == .transferIn ? "结转转入" : "单位内部调剂" }

    /// The debited and the credited account, for union funds or for appropriations; the
    /// project is on the 321 (331) side only, as 322 (332) carries no project.
    public func accounts(appropriation: Bool) -> (debit: String, credit: String) {
        switch (self, appropriation) {
        case (.transferIn, false): ("32104", "32204")
        case (.transferIn, true): ("33104", "33204")
        case (.internalAdjustment, false): ("32202", "32102")
        case (.internalAdjustment, true): ("33203", "33102")
        }
    }
}

/// What an officer asks a year-end act to move.
public struct YearEndActRequest: Hashable, Sendable {
    public let act: YearEndAct
    public let year: Int
    /// The project released (结转转入) or funded (内部调剂).
    public let project: String
    /// The amount; for 结转转入, nil releases the project's whole leftover on 32104 (33104).
    public let amount: Money?
    /// True for appropriations (财政拨款, 331/332), false for union funds (321/322).
    public let appropriation: Bool
    /// The approving document (文号), kept in the voucher's summary.
    public let document: String

    /// A request as the officer gives it.
    public init(act: YearEndAct, year: Int, project: String, amount: Money?, appropriation: Bool, document: String) {
        self.act = act
        self.year = year
        self.project = project
        self.amount = amount
        self.appropriation = appropriation
        self.document = document
    }
}

/// Why a year-end act was refused; nothing was posted.
public enum YearEndActProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The year still has income or expenditure not carried forward: the act comes after
    /// `close-year`.
    case yearNotCarried(organization: String, year: Int, account: String)
    /// The organisation's chart has no such fund account (331/332 exist only at county level).
    case accountNotInChart(organization: String, account: String)
    /// An approving document is needed.
    case missingDocument(act: YearEndAct)
    /// The amount must be above zero (and is required for 内部调剂).
    case amountMissing(act: YearEndAct)
    /// 结转转入 moves at most the project's leftover on 32104 (33104).
    case aboveProjectLeftover(account: String, project: String, leftover: Money, amount: Money)
    /// 内部调剂 moves at most the free surplus left on 322 (332).
    case aboveFreeSurplus(account: String, surplus: Money, amount: Money)
    /// The balance the act is measured against does not fit in Int64 fen.
    case sumOverflow(SumOverflow)

    /// The message a finance officer reads, with what to do and the rule id.
    public var description: String {
        let text = switch self {
        case let .yearNotCarried(organization, year, account):
            "\(organization) \(year) still has income or expenditure on \(account) not carried forward; run `fundledger close-year --org \(organization) --year \(year)` first"
        case let .accountNotInChart(organization, account):
            "the chart of \(organization) has no account \(account); appropriations (331/332) are kept by county-level unions only"
        case let .missingDocument(act):
            "\(act.chinese) needs the approving document; give it with --document (文号)"
        case let .amountMissing(act):
            "\(act.chinese) needs an amount above zero; give it with --amount"
        case let .aboveProjectLeftover(account, project, leftover, amount):
            "\(amount.grouped) is more than project \(project)'s leftover on \(account), \(leftover.grouped); release at most the leftover"
        case let .aboveFreeSurplus(account, surplus, amount):
            "\(amount.grouped) is more than the free surplus on \(account), \(surplus.grouped); re-purpose at most the surplus"
        case let .sumOverflow(overflow):
            overflow.description
        }
        return text + " [\(rule)]"
    }

    /// The rule's id, as the message prints it in brackets.
    public var rule: String {
        switch self {
        case .yearNotCarried: "year-not-carried"
        case .accountNotInChart: "fund-account-not-in-chart"
        case .missingDocument: "act-needs-document"
        case .amountMissing: "act-needs-amount"
        case .aboveProjectLeftover: "above-project-leftover"
        case .aboveFreeSurplus: "above-free-surplus"
        case .sumOverflow: "sum-overflow"
        }
    }

    /// What kind of refusal it is.
    public var category: ErrorCategory {
        switch self {
        case .yearNotCarried, .aboveProjectLeftover, .aboveFreeSurplus: .conflict
        case .accountNotInChart, .missingDocument, .amountMissing, .sumOverflow: .invalidInput
        }
    }
}

/// The pure decision of a year-end act: the voucher it posts, or why not.
public enum YearEndActs {
    /// The voucher (kind closing, dated 31 December) for `request`, from the organisation's net
    /// balances through the year (debit minus credit, after `close-year`).
    public static func draft(organization: String, chart: Chart, request: YearEndActRequest, balances: [FundBalance],
                             preparer: String) throws(YearEndActProblem) -> VoucherDraft {
        if let open = balances.first(where: { CarryForward.closesAtPeriodEnd($0.accountCode) && $0.netFen != 0 }) {
            throw .yearNotCarried(organization: organization, year: request.year, account: open.accountCode)
        }
        let (debit, credit) = request.act.accounts(appropriation: request.appropriation)
        for code in [debit, credit] where chart.account(code) == nil {
            throw .accountNotInChart(organization: organization, account: code)
        }
        guard !request.document.trimmingWhitespace.isEmpty else { throw .missingDocument(act: request.act) }
        /// Credit balance (credit minus debit) of the rows `matching`, summed without wrapping.
        func creditBalance(_ account: String, _ matching: (FundBalance) -> Bool) throws(YearEndActProblem) -> Int64 {
            var sum: Int64 = 0
            do throws(SumOverflow) {
                for balance in balances where matching(balance) {
                    sum = try sum.subtracting(balance.netFen, or: SumOverflow(organization: organization, account: account, year: request.year))
                }
            } catch { throw .sumOverflow(error) }
            return sum
        }
        let amount: Money
        switch request.act {
        case .transferIn:
            // Credit balances show negative (debit minus credit).
            let leftover = try creditBalance(debit) { $0.accountCode == debit && $0.project == request.project }
            let wanted = request.amount ?? Money(fen: leftover)
            guard wanted.fen > 0 else { throw .amountMissing(act: request.act) }
            guard wanted.fen <= leftover else {
                throw .aboveProjectLeftover(account: debit, project: request.project, leftover: Money(fen: max(leftover, 0)), amount: wanted)
            }
            amount = wanted
        case .internalAdjustment:
            guard let wanted = request.amount, wanted.fen > 0 else { throw .amountMissing(act: request.act) }
            let fund = request.appropriation ? "332" : "322"
            let surplus = try creditBalance(fund) { $0.accountCode.hasPrefix(fund) }
            guard wanted.fen <= surplus else { throw .aboveFreeSurplus(account: fund, surplus: Money(fen: max(surplus, 0)), amount: wanted) }
            amount = wanted
        }
        let source: FundSource? = request.appropriation ? .appropriation : nil
        let debitProject = request.act == .transferIn ? request.project : nil
        let creditProject = request.act == .internalAdjustment ? request.project : nil
        return VoucherDraft(organization: organization, date: LocalDate(year: request.year, month: 12, day: 31)!,
                            summary: "\(request.act.chinese)：项目\(request.project)（\(request.document)）", attachments: 1, preparer: preparer,
                            kind: .closing,
                            lines: [VoucherLine(accountCode: debit, side: .debit, amount: amount,
                                                dimensions: Dimensions(project: debitProject, fundSource: source)),
                                    VoucherLine(accountCode: credit, side: .credit, amount: amount,
                                                dimensions: Dimensions(project: creditProject, fundSource: source))])
    }
}
