/// The aging rules: items on 135 其他应收款, 211 应付上级经费 and 21202 应付下级转拨经费 matched
/// first in, first out per account and counterpart, from the earliest posted line, so that an
/// item opened in an earlier year keeps its first day.
extension AuditRules {
    /// The rules of this group, in the order their findings are listed.
    static let agingRules: [AuditRule] = [
        AuditRule(id: "receivable-aged", chinese: "其他应收款长期挂账（白条抵库）", english: "Receivable left open (IOU in place of cash)", severity: .medium,
                  explanation: "An amount on 135 其他应收款 (an advance or an IOU) is still open more than the configured days (setting receivable-days, 90 unless set): settle it with the invoices or get the money back.",
                  check: receivableAged),
        AuditRule(id: "remittance-late", chinese: "应上缴经费未及时上缴", english: "Money owed upward not remitted in time", severity: .medium,
                  explanation: "An amount credited to 211 应付上级经费 was not remitted (Dr 211 / Cr 102) within the configured days (setting remit-days, 30 unless set).",
                  check: remittanceLate),
        AuditRule(id: "pass-down-late", chinese: "应转拨下级经费未及时转拨", english: "Money owed downward not passed down in time", severity: .medium,
                  explanation: "An amount credited to 21202 应付下级转拨经费 was not passed down (Dr 21202 / Cr 102) within the configured days (setting pass-down-days, 30 unless set).",
                  check: passDownLate),
    ]

    /// An item of an aged account: the line that opened it and what is still open of it.
    struct AgedItem {
        var line: AgingLine
        var open: Int64
        /// The day it was cleared in full, if it was.
        var cleared: LocalDate?
    }

    /// The items of the accounts under `prefix`, opened by lines on the side `opensOnDebit`
    /// names and cleared oldest first by the other side; a red-ink line on the opening side
    /// takes back the newest item. Lines after `asOf` are left out.
    static func agedItems(_ input: AuditInput, prefix: String, opensOnDebit: Bool) -> [AgedItem] {
        let own = input.vouchers.filter { $0.draft.kind != .closing && $0.draft.date <= input.asOfDay }.flatMap { voucher in
            voucher.draft.lines.filter { $0.accountCode.hasPrefix(prefix) }.map { line in
                AgingLine(date: voucher.draft.date, accountCode: line.accountCode, counterpart: line.dimensions.counterpart, signedFen: line.signedFen,
                          voucherID: voucher.id, label: voucher.label, summary: line.summary.isEmpty ? voucher.draft.summary : line.summary)
            }
        }
        let lines = input.earlierLines.filter { $0.accountCode.hasPrefix(prefix) && $0.date < input.firstDay } + own
        var items: [String: [AgedItem]] = [:]
        var order: [String] = []
        for line in lines {
            let key = line.accountCode + "|" + (line.counterpart ?? "")
            if items[key] == nil { order.append(key) }
            let opening = opensOnDebit ? line.signedFen : -line.signedFen
            if opening > 0 {
                items[key, default: []].append(AgedItem(line: line, open: opening, cleared: nil))
                continue
            }
            var rest = -opening
            let newestFirst = line.signedFen != 0 && (opensOnDebit ? line.signedFen < 0 : line.signedFen > 0) && isRedInk(line, in: input)
            var indices = Array((items[key] ?? []).indices)
            if newestFirst { indices.reverse() }
            for index in indices where rest > 0 && (items[key]?[index].open ?? 0) > 0 {
                let take = min(rest, items[key]![index].open)
                items[key]![index].open -= take
                rest -= take
                if items[key]![index].open == 0 { items[key]![index].cleared = line.date }
            }
        }
        return order.flatMap { items[$0] ?? [] }
    }

    /// Whether the line's voucher is a red-ink reversal (its line takes back an item).
    private static func isRedInk(_ line: AgingLine, in input: AuditInput) -> Bool {
        input.vouchers.first { $0.id == line.voucherID }?.draft.isRedInk ?? false
    }

    static func days(from start: LocalDate, to end: LocalDate) -> Int { end.daysSinceEpoch - start.daysSinceEpoch }

    static func receivableAged(_ input: AuditInput) -> [FindingDraft] {
        let limit = input.settings.receivableDays
        return agedItems(input, prefix: "135", opensOnDebit: true).filter { $0.open > 0 && days(from: $0.line.date, to: input.asOfDay) > limit }.map { item in
            let open = Money(fen: item.open)
            let age = days(from: item.line.date, to: input.asOfDay)
            let who = item.line.counterpart.map { input.say(" (\($0))", "（\($0)）") } ?? ""
            return FindingDraft(rule: "receivable-aged", key: "\(item.line.accountCode)|\(item.line.counterpart ?? "")|\(item.line.voucherID)",
                                vouchers: [item.line.voucherID], amount: open,
                                text: input.say("\(open.grouped) on \(item.line.accountCode) 其他应收款\(who) from \(item.line.label) of \(item.line.date) (\(item.line.summary)) is still open on \(input.asOfDay), \(age) days, more than \(limit); an IOU does not stand in for cash (白条抵库): settle it with the invoices or recover the money",
                                                 "\(item.line.label)（\(item.line.date)，\(item.line.summary)）记入 \(item.line.accountCode) 其他应收款\(who)的 \(open.grouped) 至 \(input.asOfDay) 仍未结清，已挂账 \(age) 天，超过 \(limit) 天；不得以白条抵库，请凭票报销或收回款项"))
        }
    }

    static func remittanceLate(_ input: AuditInput) -> [FindingDraft] {
        lateItems(input, prefix: "211", limit: input.settings.remitDays, rule: "remittance-late",
                  english: ("211 应付上级经费", "remitted"), chinese: ("211 应付上级经费", "上缴"))
    }

    static func passDownLate(_ input: AuditInput) -> [FindingDraft] {
        lateItems(input, prefix: "21202", limit: input.settings.passDownDays, rule: "pass-down-late",
                  english: ("21202 应付下级转拨经费", "passed down"), chinese: ("21202 应付下级转拨经费", "转拨"))
    }

    /// Credit items on a payable cleared more than `limit` days after they arose within the year,
    /// or still open more than `limit` days on the day the audit looks from.
    static func lateItems(_ input: AuditInput, prefix: String, limit: Int, rule: String,
                          english: (account: String, act: String), chinese: (account: String, act: String)) -> [FindingDraft] {
        agedItems(input, prefix: prefix, opensOnDebit: false).compactMap { item in
            let until = item.cleared ?? input.asOfDay
            let age = days(from: item.line.date, to: until)
            guard age > limit, until >= input.firstDay else { return nil }
            let whom = item.line.counterpart.map { input.say(" to \($0)", "（\($0)）") } ?? ""
            let amount = Money(fen: item.cleared == nil ? item.open : -item.line.signedFen)
            let key = "\(item.line.accountCode)|\(item.line.counterpart ?? "")|\(item.line.voucherID)"
            if let cleared = item.cleared {
                return FindingDraft(rule: rule, key: key, vouchers: [item.line.voucherID], amount: amount,
                                    text: input.say("\(amount.grouped) owed on \(english.account)\(whom) from \(item.line.label) of \(item.line.date) was \(english.act) only on \(cleared), after \(age) days, more than \(limit)",
                                                     "\(item.line.label)（\(item.line.date)）记入 \(chinese.account)\(whom)的 \(amount.grouped) 至 \(cleared) 才\(chinese.act)，历时 \(age) 天，超过 \(limit) 天"))
            }
            return FindingDraft(rule: rule, key: key, vouchers: [item.line.voucherID], amount: amount,
                                text: input.say("\(amount.grouped) owed on \(english.account)\(whom) from \(item.line.label) of \(item.line.date) is not \(english.act) on \(input.asOfDay), after \(age) days, more than \(limit)",
                                                 "\(item.line.label)（\(item.line.date)）记入 \(chinese.account)\(whom)的 \(amount.grouped) 至 \(input.asOfDay) 仍未\(chinese.act)，已 \(age) 天，超过 \(limit) 天"))
        }
    }
}
