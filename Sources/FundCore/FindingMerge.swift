/// What a run of the audit does to the findings the book already holds for the year, decided
/// without the book: a draft seen before (same rule and key) is found again and keeps its status
/// and history, a resolved one found again is reopened, a new one is recorded open, and a
/// finding no draft matches is noted as not found (never deleted). The store loads the known
/// findings, calls `plan`, and applies the steps in order.
public struct FindingMerge: Hashable, Sendable {
    /// A finding the book holds for the audited year.
    public struct Known: Hashable, Sendable {
        public var id: Int64
        public var rule: String
        public var key: String
        public var status: FindingStatus

        public init(id: Int64, rule: String, key: String, status: FindingStatus) {
            self.id = id
            self.rule = rule
            self.key = key
            self.status = status
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
        for finding in known { current[Subject(rule: finding.rule, key: finding.key)] = (.known(id: finding.id), finding.status) }
        var steps: [Step] = []
        var matched: Set<Int64> = []
        for draft in drafts {
            let subject = Subject(rule: draft.rule, key: draft.key)
            if let (target, status) = current[subject] {
                let reopen = status == .resolved
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
