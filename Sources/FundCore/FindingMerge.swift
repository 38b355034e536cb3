/// What a run of the audit does to the findings the book already holds for the year, decided
/// without the book: a draft seen before (same rule and key) is found again and keeps its status
/// and history, a resolved one found again on other facts than it was resolved on is reopened, a new one is recorded open, and a
/// finding no draft matches is noted as not found (never deleted). The store loads the known
/// findings, calls `plan`, and applies the steps in order.
public struct FindingMerge: Hashable, Sendable {
    /// A finding the book holds for the audited year.
    public struct Known: Hashable, Sendable {
        public var id: Int64
        public var rule: String
        public var key: String
        public var status: FindingStatus
        /// The facts the rule found it on, as the book holds them; nil when not known, and a
        /// resolved finding found again is then reopened.
        public var facts: FindingFacts?

        public init(id: Int64, rule: String, key: String, status: FindingStatus, facts: FindingFacts? = nil) {
            self.id = id
            self.rule = rule
            self.key = key
            self.status = status
            self.facts = facts
        }
    }

    /// The finding a step changes: one the book held, or one recorded by an earlier step of the
    /// same run (its index in `steps`).
    public enum Target: Hashable, Sendable {
        case known(id: Int64)
        case recorded(step: Int)
    }

    /// One change, in the order the drafts came.
    public enum Step: Hashable, Sendable {
        /// Record the draft as a new, open finding of the rule's severity.
        case record(FindingDraft, severity: Severity)
        /// The draft is a finding already there: take its text, amount and vouchers, and reopen
        /// it when it was resolved.
        case foundAgain(Target, FindingDraft, reopen: Bool)
    }

    public var steps: [Step]
    /// The known findings no draft matched, in the order given.
    public var notFound: [Int64]

    /// Findings recorded for the first time.
    public var new: Int { steps.filter { if case .record = $0 { true } else { false } }.count }
    /// Findings found again.
    public var again: Int { steps.count - new }

    public init(steps: [Step], notFound: [Int64]) {
        self.steps = steps
        self.notFound = notFound
    }

    /// The merge of a run's drafts into the known findings. Every draft's rule is one of
    /// `AuditRules.all` (they come from `AuditRules.run`).
    public static func plan(drafts: [FindingDraft], known: [Known]) -> FindingMerge {
        struct Subject: Hashable { let rule: String, key: String }
        var current: [Subject: (target: Target, status: FindingStatus)] = [:]
        var knownFacts: [Subject: FindingFacts] = [:]
        for finding in known {
            current[Subject(rule: finding.rule, key: finding.key)] = (.known(id: finding.id), finding.status)
            knownFacts[Subject(rule: finding.rule, key: finding.key)] = finding.facts
        }
        var steps: [Step] = []
        var matched: Set<Int64> = []
        for draft in drafts {
            let subject = Subject(rule: draft.rule, key: draft.key)
            if let (target, status) = current[subject] {
                // A resolution holds while the facts it was judged on hold: a posted voucher does
                // not change, so the rule finding it again on the same facts is no news.
                let reopen = status == .resolved && !(knownFacts[subject]?.cover(draft) ?? false)
                steps.append(.foundAgain(target, draft, reopen: reopen))
                if reopen { current[subject] = (target, .open) }
                if case let .known(id) = target { matched.insert(id) }
            } else {
                guard let rule = AuditRules.rule(draft.rule) else { preconditionFailure("a finding drafted by no audit rule: \(draft.rule)") }
                current[subject] = (.recorded(step: steps.count), .open)
                steps.append(.record(draft, severity: rule.severity))
            }
        }
        return FindingMerge(steps: steps, notFound: known.map(\.id).filter { !matched.contains($0) })
    }
}

/// The facts a finding was found on, as far as they tell it apart from the same finding on other
/// facts: the amount at issue and the vouchers concerned. The rule and key name the subject (a
/// voucher's id, a subsidy item's code); a posted voucher never changes, so these facts change
/// only when the books do (the amount over a cap grows, another voucher is concerned).
public struct FindingFacts: Hashable, Sendable, CustomStringConvertible {
    public var amount: Money?
    public var vouchers: Set<Int64>

    public init(amount: Money?, vouchers: Set<Int64>) {
        self.amount = amount
        self.vouchers = vouchers
    }

    /// Whether `draft` is found on these facts: the same amount, and no voucher not already
    /// concerned.
    public func cover(_ draft: FindingDraft) -> Bool {
        draft.amount == amount && Set(draft.vouchers).isSubset(of: vouchers)
    }

    /// A short fingerprint of the facts (FNV-1a over the amount and the sorted voucher ids), for
    /// the finding's history: the resolution names what it was judged on.
    public var description: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let text = (amount.map { String($0.fen) } ?? "-") + "|" + vouchers.sorted().map(String.init).joined(separator: ",")
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
