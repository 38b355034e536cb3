/// An account name written beside a code (a journal posting, a `--line`, a CSV 科目名称 cell)
/// that is not the name the chart gives that code. The code is what posts, so a name that
/// disagrees means one of the two is a mistake: `401 银行存款` would otherwise post to 会费收入.
public struct AccountNameMismatch: Hashable, Sendable, CustomStringConvertible {
    /// Which line of the entry (an index into `draft.lines`).
    public let lineIndex: Int
    public let code: String
    /// The chart's full name of `code` (levels joined by `/`).
    public let expected: String
    public let given: String

    /// The rule id, as the error corpus and the message catalogue know it.
    public static let rule = "account-name-mismatch"

    public var description: String {
        "account \(code) is named \"\(expected)\" in the chart, not \"\(given)\"; correct the name or write the code alone"
    }
}

extension JournalEntry {
    /// Each posting whose written account name is neither the chart's full name of its code
    /// (`上级补助收入/专项转移支付补助`) nor the account's own name (`专项转移支付补助`).
    /// Codes the chart does not have are left to the voucher rules, which name them.
    public func accountNameMismatches(in chart: Chart) -> [AccountNameMismatch] {
        var found: [AccountNameMismatch] = []
        for (index, written) in accountNames.enumerated() {
            guard let written, index < draft.lines.count else { continue }
            let code = draft.lines[index].accountCode
            guard let account = chart.account(code), let expected = chart.fullName(code) else { continue }
            let given = written.trimmingWhitespace
            if given != expected && given != account.name {
                found.append(AccountNameMismatch(lineIndex: index, code: code, expected: expected, given: given))
            }
        }
        return found
    }
}
