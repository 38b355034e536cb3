import FundCore
import GRDB

extension SQLiteStorage {
    /// 专款专用: a line tagged with a subsidy item is refused at the recipient when its account is
    /// outside the item's purpose, when it falls outside the spending window, or when it would
    /// take spending above what was received; and in either book once the item is settled.
    func subsidyProblems(_ draft: VoucherDraft, context: inout PostingContext) throws -> [VoucherProblem] {
        // Red ink cancels what was posted; closing vouchers carry posted balances forward by rule.
        guard !draft.isRedInk, draft.kind == .entry else { return [] }
        var problems: [VoucherProblem] = []
        var thisVoucher: [String: Int64] = [:]
        var paying: [String: Int64] = [:]
        var items: [String: SubsidyItem] = [:]
        for (index, line) in draft.lines.enumerated() {
            guard let code = line.dimensions.project, let item = try context.subsidy(db, code) else { continue }
            guard draft.organization == item.recipient || draft.organization == item.grantor else { continue }
            items[code] = item
            if item.status == .settled {
                problems.append(VoucherProblem(.subsidySettled, line: index, "line \(index + 1) is tagged with subsidy item \(code) (\(item.title)), which is settled (已结项) and takes no more postings",
                                               chinese: "第 \(index + 1) 行标注的项目补贴 \(code)（\(item.title)）已结项，不能再记入"))
                continue
            }
            if draft.organization == item.grantor, line.accountCode.hasPrefix("508"), line.side == .debit {
                if item.status == .applied {
                    problems.append(VoucherProblem(.subsidyNotApproved, line: index, "line \(index + 1) pays subsidy item \(code) (\(item.title)), which is not approved yet; approve it first (`fundledger subsidy approve`)",
                                                   chinese: "第 \(index + 1) 行拨付的项目补贴 \(code)（\(item.title)）尚未批复；请先批复（`fundledger subsidy approve`）"))
                } else {
                    paying[code, default: 0] += line.amount.fen
                }
                continue
            }
            guard draft.organization == item.recipient, AccountCategory(code: line.accountCode) == .expenditure else { continue }
            if !item.allows(account: line.accountCode) {
                problems.append(VoucherProblem(.subsidyPurpose, line: index, "line \(index + 1) spends subsidy item \(code) (\(item.title)) on \(line.accountCode), outside its purpose (专款专用): it may be spent only on \(item.accounts.joined(separator: ", ")); post it to one of those accounts or without the project tag",
                                               chinese: "第 \(index + 1) 行把项目补贴 \(code)（\(item.title)）用于 \(line.accountCode)，超出批复用途（专款专用）：只能用于 \(item.accounts.joined(separator: "、"))；请记入这些科目之一，或去掉项目标签"))
            }
            if !item.inWindow(draft.date) {
                problems.append(VoucherProblem(.subsidyWindow, line: index, "line \(index + 1) spends subsidy item \(code) on \(draft.date), outside its spending window \(item.windowStart) to \(item.deadline)",
                                               chinese: "第 \(index + 1) 行于 \(draft.date) 支出项目补贴 \(code)，不在其使用期 \(item.windowStart) 至 \(item.deadline) 内"))
            }
            thisVoucher[code, default: 0] += line.signedFen
        }
        // The figures below read the balance table: an import's pending turnovers go in first.
        if !paying.isEmpty || thisVoucher.contains(where: { $0.value > 0 }) { try context.flush(db) }
        for (code, amount) in paying.sorted(by: { $0.key < $1.key }) {
            guard let item = items[code] else { continue }
            let figures = try subsidyFigures(item: item)
            let overflow = SumOverflow(organization: item.grantor, account: "50802", year: draft.date.year)
            let total = try BookError.summing { () throws(SumOverflow) in try figures.disbursed.adding(amount, or: overflow) }
            if total > item.approved.fen {
                problems.append(VoucherProblem(.subsidyOverApproved, "the voucher pays \(Money(fen: amount).grouped) of subsidy item \(code) (\(item.title)), taking it to \(Money(fen: total).grouped), over the approved \(item.approved.grouped)",
                                               chinese: "本凭证拨付项目补贴 \(code)（\(item.title)）\(Money(fen: amount).grouped)，累计达 \(Money(fen: total).grouped)，超过批复金额 \(item.approved.grouped)"))
            }
        }
        for (code, amount) in thisVoucher.sorted(by: { $0.key < $1.key }) where amount > 0 {
            guard let item = items[code] else { continue }
            let figures = try subsidyFigures(item: item)
            let overflow = SumOverflow(organization: item.recipient, account: nil, year: draft.date.year)
            let (available, spending) = try BookError.summing { () throws(SumOverflow) in
                (try figures.received.subtracting(figures.returned, or: overflow), try figures.spent.adding(amount, or: overflow))
            }
            if spending > available {
                // Here spending exceeds what is available, so a difference past Int64 is below zero.
                let difference = available.subtractingReportingOverflow(figures.spent)
                let left = difference.overflow ? 0 : max(0, difference.partialValue)
                problems.append(VoucherProblem(.subsidyOverspent, "the voucher spends \(Money(fen: amount).grouped) of subsidy item \(code) (\(item.title)), but only \(Money(fen: left).grouped) of the \(Money(fen: available).grouped) received is left; spend no more than was received",
                                               chinese: "本凭证支出项目补贴 \(code)（\(item.title)）\(Money(fen: amount).grouped)，但已到账的 \(Money(fen: available).grouped) 只剩 \(Money(fen: left).grouped)；支出不能超过已到账金额"))
            }
        }
        return problems
    }
}
