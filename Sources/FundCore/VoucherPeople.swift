/// Who put their name to a voucher: the preparer (制单) or the reviewer (审核).
public enum VoucherDuty: String, Sendable, CaseIterable, Hashable, Comparable {
    case preparer
    case reviewer

    /// The duty as the printed voucher names it.
    public var chinese: String { self == .preparer ? "制单" : "审核" }

    public static func < (lhs: VoucherDuty, rhs: VoucherDuty) -> Bool { lhs == .preparer && rhs == .reviewer }
}

/// What the book knows of a person named on a voucher of one organisation, as of posting.
public enum PersonStanding: Sendable, Hashable {
    /// A user of the book holding the officer role (财务人员) for the voucher's organisation.
    case officer
    /// A user of the book who does not hold that role (a committee member, an officer of
    /// another union, an administrator).
    case userWithoutOfficerRole
    /// Not a user of the book at all.
    case notAUser
}

/// Why the people on a voucher keep it from posting: each case names the rule it guards.
public enum PeopleProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// A voucher is posted only once someone other than its preparer reviewed it.
    case noReviewer(preparer: String)
    /// The preparer and the reviewer are two people.
    case reviewerIsPreparer(name: String)
    /// A name that is no user of the book, on a voucher that is not imported as history.
    case notAUser(duty: VoucherDuty, name: String, organization: String)
    /// A user of the book who does not keep this organisation's books.
    case notAnOfficer(duty: VoucherDuty, name: String, organization: String)
    /// A review by hand is recorded by the reviewer, in their own name: one officer does not
    /// record that another reviewed.
    case reviewerNotActing(reviewer: String, user: String)

    /// The rule's id, as messages print it in brackets.
    public var rule: VoucherProblem.Rule {
        switch self {
        case .noReviewer: .noReviewer
        case .reviewerIsPreparer: .reviewerIsPreparer
        case .notAUser: .notAUser
        case .notAnOfficer: .notAnOfficer
        case .reviewerNotActing: .reviewerNotActing
        }
    }

    /// What is wrong and what to do, for the finance officer who entered the voucher.
    public var message: String {
        switch self {
        case let .noReviewer(preparer):
            "the voucher has no reviewer (审核); a voucher prepared by \(preparer) posts only once another officer has reviewed it (tag reviewer:NAME, or review it with `fundledger voucher review`)"
        case let .reviewerIsPreparer(name):
            "\(name) both prepared and reviewed the voucher; the reviewer (审核) must be another person"
        case let .notAUser(duty, name, organization):
            "the \(duty.rawValue) (\(duty.chinese)) \(name) is not a user of the book; grant \(name) the officer role of \(organization) (`fundledger user grant \(name) officer --org \(organization)`), or import an old book's history with --historical"
        case let .notAnOfficer(duty, name, organization):
            "the \(duty.rawValue) (\(duty.chinese)) \(name) does not hold the officer role (财务人员) of \(organization); only its officers prepare and review its vouchers"
        case let .reviewerNotActing(reviewer, user):
            "\(user) cannot record a review by \(reviewer); the reviewer (审核) reviews the voucher in their own name (`fundledger voucher review` run as \(reviewer))"
        }
    }

    /// The problem as a voucher problem, for the list a refused voucher reports.
    public var voucherProblem: VoucherProblem { VoucherProblem(rule, message, chinese: chineseMessage) }

    public var description: String { message + " [" + rule.rawValue + "]" }
}

/// The rule for the people on a posted voucher, as one pure decision: the preparer and the
/// reviewer are officers of the voucher's organisation, and two different people. An import of
/// an old book's history may name people who are not users of this book (they left before it
/// was set up): with `allowsHistorical` they are accepted and marked historical, so that the
/// voucher, its seal and the audit say so.
public enum VoucherPeople {
    /// What the rule decided: the duties held by historical people, and every problem (none:
    /// the voucher may post).
    public struct Decision: Hashable, Sendable {
        public var historical: Set<VoucherDuty> = []
        public var problems: [PeopleProblem] = []
    }

    /// The decision on one voucher. `standing` says what the book knows of each name (the store
    /// looks the names up; this function decides).
    public static func check(preparer: String, reviewer: String?, organization: String, allowsHistorical: Bool,
                             standing: (String) -> PersonStanding) -> Decision {
        var problems: [PeopleProblem] = []
        var historical: Set<VoucherDuty> = []
        guard let reviewer, !reviewer.isEmpty else { return Decision(problems: [.noReviewer(preparer: preparer)]) }
        if reviewer == preparer { problems.append(.reviewerIsPreparer(name: preparer)) }
        for (duty, name) in [(VoucherDuty.preparer, preparer), (.reviewer, reviewer)] {
            switch standing(name) {
            case .officer: break
            case .userWithoutOfficerRole: problems.append(.notAnOfficer(duty: duty, name: name, organization: organization))
            case .notAUser:
                if allowsHistorical { historical.insert(duty) } else { problems.append(.notAUser(duty: duty, name: name, organization: organization)) }
            }
        }
        return problems.isEmpty ? Decision(historical: historical) : Decision(problems: problems)
    }

    /// The stored mark of the duties held by historical people: "preparer", "reviewer" or
    /// "preparer reviewer"; nil when there are none. Sealed with the voucher.
    public static func mark(_ duties: Set<VoucherDuty>) -> String? {
        duties.isEmpty ? nil : duties.sorted().map(\.rawValue).joined(separator: " ")
    }

    /// The duties a stored mark names; nil for a mark FundLedger never writes.
    public static func duties(mark: String?) -> Set<VoucherDuty>? {
        guard let mark else { return [] }
        var duties: Set<VoucherDuty> = []
        for word in mark.split(separator: " ", omittingEmptySubsequences: false) {
            guard let duty = VoucherDuty(rawValue: String(word)), duties.insert(duty).inserted else { return nil }
        }
        // Only the spelling `mark` writes: one mark per set of duties.
        return self.mark(duties) == mark ? duties : nil
    }
}
