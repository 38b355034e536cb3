extension AuditRules {
    /// One finding per historical person (`Voucher.historicalDuties`): a name on the year's
    /// vouchers that was no user of the book when they were imported with `--historical`, so
    /// the committee sees whose signatures the book cannot vouch for.
    static func historicalPeople(_ input: AuditInput) -> [FindingDraft] {
        var order: [String] = []
        var byName: [String: (duties: Set<VoucherDuty>, vouchers: [Voucher])] = [:]
        for voucher in input.vouchers where !voucher.historicalDuties.isEmpty {
            for duty in voucher.historicalDuties.sorted() {
                let name = duty == .preparer ? voucher.draft.preparer : (voucher.reviewer ?? "")
                if byName[name] == nil { order.append(name) }
                byName[name, default: ([], [])].duties.insert(duty)
                if byName[name]?.vouchers.last?.id != voucher.id { byName[name]?.vouchers.append(voucher) }
            }
        }
        return order.compactMap { name in
            guard let entry = byName[name], let first = entry.vouchers.first else { return nil }
            let duties = entry.duties.sorted().map { "\($0.rawValue) (\($0.chinese))" }.joined(separator: " and ")
            let chineseDuties = entry.duties.sorted().map(\.chinese).joined(separator: "和")
            return FindingDraft(rule: "historical-people", key: name, vouchers: entry.vouchers.prefix(20).map(\.id),
                                text: input.say("\(name), \(duties) of \(entry.vouchers.count) voucher(s) of \(input.organization.code) in \(input.year) (first \(first.label)), is not a user of the book: the vouchers were imported as history and the book cannot vouch for the signature",
                                                "\(name) 是 \(input.organization.code) \(input.year) 年 \(entry.vouchers.count) 张凭证的\(chineseDuties)人（首张 \(first.label)），但不是本账套用户：这些凭证作为历史导入，账套无法证明其签字"))
        }
    }
}
