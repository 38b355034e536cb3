/// The cash rules: 101 库存现金 day by day, from the year's opening balance through every posted
/// voucher, above the on-hand limit or in credit.
extension AuditRules {
    /// The rules of this group, in the order their findings are listed.
    static let cashRules: [AuditRule] = [
        AuditRule(id: "cash-in-credit", chinese: "库存现金出现贷方余额", english: "Cash in credit", severity: .high,
                  explanation: "101 库存现金 ends a day in credit: more cash was paid out than the box held. Posting refuses it now; books imported as history or posted before can still show it.",
                  check: cashInCredit),
        AuditRule(id: "cash-on-hand", chinese: "库存现金超过限额", english: "Cash on hand above the limit", severity: .low,
                  explanation: "101 库存现金 ends a day above the on-hand limit (setting cash-on-hand, 5,000.00 unless set); cash beyond it is banked the same day.",
                  check: cashOnHand),
    ]

    /// One day's closing cash balance, with the vouchers that moved it that day.
    struct CashDay {
        var date: LocalDate
        var balance: Int64
        var vouchers: [Int64]
    }

    /// The closing balance of 101 (and its details) on each day a voucher moved it.
    static func cashDays(_ input: AuditInput) throws(SumOverflow) -> [CashDay] {
        let overflow = SumOverflow(organization: input.organization.code, account: "101", year: input.year)
        var balance: Int64 = 0
        for (code, net) in input.openingNets where code.hasPrefix("101") { balance = try balance.adding(net, or: overflow) }
        var days: [CashDay] = []
        for voucher in input.vouchers {
            let lines = voucher.draft.lines.filter { $0.accountCode.hasPrefix("101") }
            guard !lines.isEmpty else { continue }
            for line in lines { balance = try balance.adding(line.signedFen, or: overflow) }
            if days.last?.date == voucher.draft.date {
                days[days.count - 1].balance = balance
                days[days.count - 1].vouchers.append(voucher.id)
            } else {
                days.append(CashDay(date: voucher.draft.date, balance: balance, vouchers: [voucher.id]))
            }
        }
        return days
    }

    /// One finding per spell of days that 101 stayed in credit, from the day it went into credit.
    static func cashInCredit(_ input: AuditInput) throws(SumOverflow) -> [FindingDraft] {
        var result: [FindingDraft] = []
        var spell: (start: LocalDate, end: LocalDate?, lowest: Int64, vouchers: [Int64])?
        func close() {
            guard let open = spell else { return }
            let through = open.end.map { input.say(" until \($0)", "，至 \($0) 恢复") } ?? input.say(" and stays in credit at the year's last voucher", "，至年内最后一张凭证仍为贷方")
            let lowest = Money(fen: -open.lowest)
            result.append(FindingDraft(rule: "cash-in-credit", key: "101|\(open.start)", vouchers: Array(open.vouchers.prefix(20)), amount: lowest,
                                       text: input.say("101 库存现金 of \(input.organization.code) goes into credit on \(open.start), by as much as \(lowest.grouped)\(through); cash paid out that the box did not hold was not booked when it came in, or was booked to the wrong account",
                                                        "\(input.organization.code) 的 101 库存现金自 \(open.start) 出现贷方余额，最多 \(lowest.grouped)\(through)；支付的现金超过库存，有收入未入账或记错科目")))
            spell = nil
        }
        for day in try cashDays(input) {
            if day.balance < 0 {
                var current = spell ?? (day.date, nil, day.balance, [])
                current.lowest = min(current.lowest, day.balance)
                current.vouchers += day.vouchers
                spell = current
            } else if var current = spell {
                current.end = day.date
                current.vouchers += day.vouchers
                spell = current
                close()
            }
        }
        close()
        return result
    }

    /// One finding per month in which 101 ended a day above the on-hand limit.
    static func cashOnHand(_ input: AuditInput) throws(SumOverflow) -> [FindingDraft] {
        let limit = input.settings.cashOnHandLimit
        let above = try cashDays(input).filter { $0.balance > limit.fen }
        return Dictionary(grouping: above, by: { $0.date.period }).sorted { $0.key < $1.key }.compactMap { period, days in
            guard let highest = days.max(by: { $0.balance < $1.balance }) else { return nil }
            let amount = Money(fen: highest.balance)
            return FindingDraft(rule: "cash-on-hand", key: "101|\(period)", vouchers: Array(days.flatMap(\.vouchers).prefix(20)), amount: amount,
                                text: input.say("101 库存现金 of \(input.organization.code) ended \(days.count) day(s) of \(period) above the on-hand limit of \(limit.grouped), at most \(amount.grouped) on \(highest.date); bank the cash beyond the limit the same day",
                                                 "\(input.organization.code) 的 101 库存现金在 \(period) 有 \(days.count) 天日终余额超过库存限额 \(limit.grouped)，最高 \(amount.grouped)（\(highest.date)）；超过限额的现金应当日送存银行"))
        }
    }
}
