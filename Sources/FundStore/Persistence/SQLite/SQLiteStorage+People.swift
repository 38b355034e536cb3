import FundCore
import GRDB

extension SQLiteStorage {
    /// The people rule on a voucher about to be posted (`VoucherPeople`): its preparer and its
    /// reviewer are two officers of its organisation, or, in an import of history, people who
    /// are not users of the book. Returns the duties of historical people, or refuses the
    /// voucher naming every problem.
    func peopleOnVoucher(_ target: PostingTarget, context: inout PostingContext, label: String) throws -> Set<VoucherDuty> {
        let draft = target.draft
        var standings: [String: PersonStanding] = [:]
        for name in [draft.preparer, draft.reviewer].compactMap({ $0 }) where standings[name] == nil {
            let grants: [RoleGrant]
            if let cached = context.peopleGrants[name] {
                grants = cached
            } else {
                grants = try self.grants(user: name)
                context.peopleGrants[name] = grants
            }
            // A cashier prepares receipts and payments (`CashRules.preparerStanding`).
            standings[name] = name == draft.preparer ? CashRules.preparerStanding(grants: grants, organization: draft.organization, lines: draft.lines)
                                                     : PersonStanding(grants: grants, organization: draft.organization)
        }
        let decision = VoucherPeople.check(preparer: draft.preparer, reviewer: draft.reviewer, organization: draft.organization,
                                           allowsHistorical: context.allowsHistoricalPeople, standing: { standings[$0] ?? .notAUser })
        if !decision.problems.isEmpty {
            throw BookError.voucherProblems(voucher: label, problems: decision.problems.map(\.voucherProblem))
        }
        return decision.historical
    }
}
