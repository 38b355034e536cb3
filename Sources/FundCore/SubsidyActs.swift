/// What was done to a subsidy item, as its log records it.
public enum SubsidyAction: String, Sendable, Hashable, CaseIterable {
    case apply, approve, disburse, accrue, settle
}

/// The book a voucher of a subsidy act is in: the grantor's or the recipient's.
public enum SubsidySide: String, Sendable, Hashable, CaseIterable {
    case grantor, recipient
}

/// What a voucher linked to a subsidy item does: pays (or accrues) the item, or returns its
/// unspent balance at settlement.
public enum SubsidyVoucherRole: String, Sendable, Hashable, CaseIterable {
    case disburse
    case `return`
}

/// One voucher of a subsidy act, with the book it goes to and what it does for the item.
public struct SubsidyActVoucher: Hashable, Sendable {
    /// The voucher to post, prepared and reviewed by the act's people.
    public var draft: VoucherDraft
    /// Whose book it goes to.
    public var side: SubsidySide
    /// How the item's register counts it.
    public var role: SubsidyVoucherRole

    /// A voucher of an act, as `SubsidyActs` drafts it.
    public init(draft: VoucherDraft, side: SubsidySide, role: SubsidyVoucherRole) {
        self.draft = draft
        self.side = side
        self.role = role
    }
}

/// An act on a subsidy item as decided: the vouchers to post (in order), the item's status
/// afterwards, and what its log records. The store posts the vouchers, links them to the item,
/// sets the status and appends the log line; it decides nothing.
public struct SubsidyActPlan: Hashable, Sendable {
    /// What the log line is about; the posted voucher numbers are only known once posted.
    enum Detail: Hashable, Sendable {
        case registered(approved: Money, document: String?)
        case approved(document: String)
        case moved(amount: Money)
        case settled(date: LocalDate, returned: Money)
    }

    /// What the item's log records the act as.
    public var action: SubsidyAction
    /// The item's status once the act is applied.
    public var status: SubsidyStatus
    /// The vouchers to post, in order; none for an act that moves no money.
    public var vouchers: [SubsidyActVoucher]
    let detail: Detail

    init(action: SubsidyAction, status: SubsidyStatus, vouchers: [SubsidyActVoucher] = [], detail: Detail) {
        self.action = action
        self.status = status
        self.vouchers = vouchers
        self.detail = detail
    }

    /// The log's detail once the vouchers are posted as `refs`, so that the log names them.
    public func logDetail(posted refs: [VoucherRef]) -> String {
        let numbers = refs.map(\.description).joined(separator: " ")
        switch detail {
        case let .registered(approved, document): return "\(approved) \(document ?? "")"
        case let .approved(document): return document
        case let .moved(amount): return "\(amount) \(numbers)"
        case let .settled(date, returned):
            return date.description + ": " + (refs.isEmpty ? "nothing to return" : "returned \(returned) \(numbers)")
        }
    }
}

/// The acts on a subsidy item (一事一补) decided as pure functions of the item and its figures:
/// which accounts each act posts in which book, with which dimensions, and when it is refused.
/// Domain notes §2.7: the grantor expenses 50802 toward the recipient, who records 40302; an
/// accrual at year end goes through 21201 and 13101 and the payment next year settles them;
/// settlement returns what was not spent, through 32101 and 32201 after a carry-forward.
public enum SubsidyActs {
    /// Checks an item before it is recorded, so that a bad item is refused before the book is asked
    /// anything about it.
    public static func check(_ item: SubsidyItem) throws(SubsidyProblem) {
        do throws(SubsidyError) { try item.validate() } catch { throw .invalidItem(error) }
    }

    /// Records an item as applied for (已申请), or as approved when it carries its document.
    public static func register(_ item: SubsidyItem, codeTaken: Bool) throws(SubsidyProblem) -> SubsidyActPlan {
        try check(item)
        if codeTaken { throw .duplicateCode(code: item.code) }
        let approved = item.document != nil
        return SubsidyActPlan(action: approved ? .approve : .apply, status: approved ? .approved : .applied,
                              detail: .registered(approved: item.approved, document: item.document))
    }

    /// Approves an item applied for under its approval document (批复文号).
    public static func approve(_ item: SubsidyItem, document: String) throws(SubsidyProblem) -> SubsidyActPlan {
        guard item.status == .applied else { throw .notAwaitingApproval(code: item.code, status: item.status) }
        return SubsidyActPlan(action: .approve, status: .approved, detail: .approved(document: document))
    }

    /// Pays a tranche (拨付): the grantor's Dr 50802 / Cr 102 and the recipient's Dr 102 / Cr 40302,
    /// tagged with the item and each other as counterpart. When a year-end accrual is outstanding
    /// (`accrued` on 21201), the payment must be exactly that and settles 21201 and 13101 instead.
    public static func disburse(_ item: SubsidyItem, figures: SubsidyFigures, accrued: Money, amount: Money, date: LocalDate,
                                preparer: String, reviewer: String) throws(SubsidyProblem) -> SubsidyActPlan {
        let code = item.code
        guard item.status == .approved || item.status == .disbursed else { throw .notPayable(code: code, status: item.status) }
        guard amount.fen > 0 else { throw .trancheNotPositive(code: code) }
        let settlesAccrual = accrued.fen > 0
        if settlesAccrual && amount.fen != accrued.fen { throw .accruedFirst(code: code, accrued: accrued) }
        // A sum past Int64 is certainly over the approved amount (itself within the line limit).
        let paid = figures.disbursed.addingReportingOverflow(amount.fen)
        if !settlesAccrual && (paid.overflow || paid.partialValue > item.approved.fen) {
            throw .payingOverApproved(code: code, amount: amount, approved: item.approved)
        }
        let tag = Dimensions(project: code, counterpart: item.recipient), back = Dimensions(project: code, counterpart: item.grantor)
        let give = VoucherDraft(organization: item.grantor, date: date, summary: "拨付\(item.recipient)\(item.title)（\(code)）", attachments: 1,
                                preparer: preparer, reviewer: reviewer, lines: [
                                    settlesAccrual ? VoucherLine(accountCode: "21201", side: .debit, amount: amount, dimensions: tag)
                                        : VoucherLine(accountCode: "50802", side: .debit, amount: amount,
                                                      dimensions: Dimensions(project: code, expenseType: .project, counterpart: item.recipient)),
                                    VoucherLine(accountCode: "102", side: .credit, amount: amount)])
        let receive = VoucherDraft(organization: item.recipient, date: date, summary: "收到\(item.grantor)\(item.title)（\(code)）", attachments: 1,
                                   preparer: preparer, reviewer: reviewer, lines: [
                                       VoucherLine(accountCode: "102", side: .debit, amount: amount),
                                       VoucherLine(accountCode: settlesAccrual ? "13101" : "40302", side: .credit, amount: amount, dimensions: back)])
        return SubsidyActPlan(action: .disburse, status: .disbursed,
                              vouchers: [SubsidyActVoucher(draft: give, side: .grantor, role: .disburse),
                                         SubsidyActVoucher(draft: receive, side: .recipient, role: .disburse)],
                              detail: .moved(amount: amount))
    }

    /// Accrues at year end what was approved but not yet paid: the grantor books Dr 50802 /
    /// Cr 21201 and the recipient Dr 13101 / Cr 40302, both tagged with the item.
    public static func accrue(_ item: SubsidyItem, figures: SubsidyFigures, amount: Money, date: LocalDate,
                              preparer: String, reviewer: String) throws(SubsidyProblem) -> SubsidyActPlan {
        let code = item.code
        guard item.status == .approved || item.status == .disbursed else { throw .notAccruable(code: code, status: item.status) }
        let accruedTotal = figures.disbursed.addingReportingOverflow(amount.fen)
        guard amount.fen > 0, !accruedTotal.overflow, accruedTotal.partialValue <= item.approved.fen else {
            throw .accruingOverApproved(code: code, amount: amount, approved: item.approved)
        }
        let give = VoucherDraft(organization: item.grantor, date: date, summary: "计提应拨\(item.recipient)\(item.title)（\(code)）", attachments: 1,
                                preparer: preparer, reviewer: reviewer, lines: [
                                    VoucherLine(accountCode: "50802", side: .debit, amount: amount,
                                                dimensions: Dimensions(project: code, expenseType: .project, counterpart: item.recipient)),
                                    VoucherLine(accountCode: "21201", side: .credit, amount: amount, dimensions: Dimensions(project: code, counterpart: item.recipient))])
        let receive = VoucherDraft(organization: item.recipient, date: date, summary: "应收\(item.grantor)\(item.title)（\(code)）", attachments: 1,
                                   preparer: preparer, reviewer: reviewer, lines: [
                                       VoucherLine(accountCode: "13101", side: .debit, amount: amount, dimensions: Dimensions(project: code, counterpart: item.grantor)),
                                       VoucherLine(accountCode: "40302", side: .credit, amount: amount, dimensions: Dimensions(project: code, counterpart: item.grantor))])
        return SubsidyActPlan(action: .accrue, status: .disbursed,
                              vouchers: [SubsidyActVoucher(draft: give, side: .grantor, role: .disburse),
                                         SubsidyActVoucher(draft: receive, side: .recipient, role: .disburse)],
                              detail: .moved(amount: amount))
    }

    /// Settles an item (结项): returns the unspent balance to the grantor (in the year of the first
    /// payment, `firstPaid`: Dr 40302 / Cr 102 at the recipient and Dr 102 / Cr 50802 at the
    /// grantor; in a later year through 32101 and 32201 年初余额调整), then closes the item.
    public static func settle(_ item: SubsidyItem, figures: SubsidyFigures, firstPaid: LocalDate?, date: LocalDate,
                              preparer: String, reviewer: String) throws(SubsidyProblem) -> SubsidyActPlan {
        let code = item.code
        guard item.status != .settled else { throw .alreadySettled(code: code) }
        let returned = Money(fen: figures.balance)
        var vouchers: [SubsidyActVoucher] = []
        if figures.balance > 0 {
            let sameYear = (firstPaid?.year ?? date.year) == date.year
            let back = VoucherDraft(organization: item.recipient, date: date, summary: "退回\(item.grantor)\(item.title)结余（\(code)）", attachments: 1,
                                    preparer: preparer, reviewer: reviewer, lines: [
                                        VoucherLine(accountCode: sameYear ? "40302" : "32101", side: .debit, amount: returned,
                                                    dimensions: Dimensions(project: code, counterpart: item.grantor)),
                                        VoucherLine(accountCode: "102", side: .credit, amount: returned)])
            let recover = VoucherDraft(organization: item.grantor, date: date, summary: "收回\(item.recipient)\(item.title)结余（\(code)）", attachments: 1,
                                       preparer: preparer, reviewer: reviewer, lines: [
                                           VoucherLine(accountCode: "102", side: .debit, amount: returned),
                                           VoucherLine(accountCode: sameYear ? "50802" : "32201", side: .credit, amount: returned,
                                                       dimensions: Dimensions(project: code, expenseType: sameYear ? .project : nil, counterpart: item.recipient))])
            vouchers = [SubsidyActVoucher(draft: back, side: .recipient, role: .return),
                        SubsidyActVoucher(draft: recover, side: .grantor, role: .return)]
        }
        return SubsidyActPlan(action: .settle, status: .settled, vouchers: vouchers, detail: .settled(date: date, returned: returned))
    }
}
