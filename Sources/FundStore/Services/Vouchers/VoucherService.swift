import FundCore

/// Vouchers (记账凭证) through their life: prepared as drafts, reviewed by someone other than
/// their preparer, posted with the month's next number, deleted while drafts, reversed by red ink;
/// and read back by id, by reference and by organisation.
public struct VoucherService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Records a draft voucher (未审核). The book numbers it when it is posted.
    @discardableResult
    public func addVoucher(_ draft: VoucherDraft) throws -> Voucher {
        try writing { storage in
            try authorizeRecording(storage, draft)
            try requireOfficer(storage, draft.preparer, duty: .preparer, organization: draft.organization,
                               label: draft.organization + " " + draft.date.description + " " + draft.summary.prefix(20), lines: draft.lines)
            var context = PostingContext()
            let id = try storage.insertDraft(draft, context: &context, importID: nil)
            return try storage.voucher(id: id)
        }
    }

    /// Refuses a person named on a voucher by hand who is not an officer of its organisation:
    /// the rule posting applies (`VoucherPeople`), told when the name is given rather than later.
    private func requireOfficer(_ storage: any BookStorage, _ name: String, duty: VoucherDuty, organization: String, label: String,
                                lines: [VoucherLine] = []) throws {
        let grants = try storage.grants(user: name)
        // A cashier prepares receipts and payments (`CashRules.preparerStanding`).
        switch duty == .preparer ? CashRules.preparerStanding(grants: grants, organization: organization, lines: lines)
                                 : PersonStanding(grants: grants, organization: organization) {
        case .officer: return
        case .userWithoutOfficerRole:
            throw BookError.voucherProblems(voucher: label, problems: [PeopleProblem.notAnOfficer(duty: duty, name: name, organization: organization).voucherProblem])
        case .notAUser:
            throw BookError.voucherProblems(voucher: label, problems: [PeopleProblem.notAUser(duty: duty, name: name, organization: organization).voucherProblem])
        }
    }

    /// Marks a draft as reviewed (审核) by someone other than its preparer, who is an officer of
    /// the voucher's organisation and records the review in their own name: `reviewer` is the
    /// session's user.
    @discardableResult
    public func reviewVoucher(id: Int64, reviewer: String) throws -> Voucher {
        let reviewer = PersonName.normalized(reviewer)
        return try writing { storage in try review(storage, id: id, reviewer: reviewer) }
    }

    /// Reviews several drafts in one transaction: all of them, or, when any cannot be reviewed,
    /// none, with `BookError.batchRefused` naming every voucher that failed and why.
    @discardableResult
    public func reviewVouchers(ids: [Int64], reviewer: String) throws -> [Voucher] {
        let reviewer = PersonName.normalized(reviewer)
        return try writing { storage in
            try batch(storage, ids: ids, act: .review) { try review(storage, id: $0, reviewer: reviewer) }
        }
    }

    /// Posts a reviewed voucher (记账): gives it the next number of its month and adds its lines to
    /// the balances, all in one transaction.
    @discardableResult
    public func postVoucher(id: Int64, bookkeeper: String) throws -> Voucher {
        try writing { storage in try post(storage, id: id, bookkeeper: bookkeeper) }
    }

    /// Posts several reviewed vouchers in one transaction, numbered in the order given: all of
    /// them, or, when any cannot be posted, none, with `BookError.batchRefused` naming every
    /// voucher that failed and why.
    @discardableResult
    public func postVouchers(ids: [Int64], bookkeeper: String) throws -> [Voucher] {
        try writing { storage in
            try batch(storage, ids: ids, act: .post) { try post(storage, id: $0, bookkeeper: bookkeeper) }
        }
    }

    /// The organisation's vouchers not yet posted (drafts, reviewed or not), optionally of one
    /// month, oldest first: what `--all-drafts` takes.
    public func unpostedVoucherIDs(organization: String, period: Period? = nil) throws -> [Int64] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let organizationID = try storage.organizationID(organization)
            let vouchers = try storage.voucherIDs(organizationID: organizationID, period: period).map { try storage.voucher(id: $0) }
            return vouchers.filter { $0.status != .posted }.sorted { ($0.draft.date, $0.id) < ($1.draft.date, $1.id) }.map(\.id)
        }
    }

    private func review(_ storage: any BookStorage, id: Int64, reviewer: String) throws -> Voucher {
        let voucher = try storage.voucher(id: id)
        try authorize(storage, .writeBooks, organization: voucher.draft.organization)
        guard voucher.status == .draft else { throw BookError.wrongStatus(voucher: voucher.label, status: voucher.status, act: .review) }
        if reviewer == voucher.draft.preparer {
            throw BookError.voucherProblems(voucher: voucher.label, problems: [
                VoucherProblem(.reviewerIsPreparer, "\(reviewer) prepared this voucher and cannot also review it; another person must review it (审核)",
                               chinese: "\(reviewer) 是本凭证的制单人，不能再审核它；审核须由另一人进行")])
        }
        if reviewer != user {
            throw BookError.voucherProblems(voucher: voucher.label, problems: [PeopleProblem.reviewerNotActing(reviewer: reviewer, user: user).voucherProblem])
        }
        try requireOfficer(storage, reviewer, duty: .reviewer, organization: voucher.draft.organization, label: voucher.label)
        try storage.markReviewed(voucherID: id, reviewer: reviewer)
        return try storage.voucher(id: id)
    }

    private func post(_ storage: any BookStorage, id: Int64, bookkeeper: String) throws -> Voucher {
        let voucher = try storage.voucher(id: id)
        try authorize(storage, .writeBooks, organization: voucher.draft.organization)
        guard voucher.status == .reviewed else {
            throw BookError.wrongStatus(voucher: voucher.label, status: voucher.status, act: voucher.status == .draft ? .postUnreviewed : .postAgain)
        }
        try storage.post(voucher, bookkeeper: bookkeeper, requestedNumber: voucher.draft.number)
        return try storage.voucher(id: id)
    }

    /// Runs `act` on each voucher inside the caller's transaction, collecting each refusal; any
    /// refusal refuses the whole batch, so the transaction writes nothing. A refusal for lack of
    /// a role is not collected: it stops the batch as it is, to be logged as such.
    private func batch(_ storage: any BookStorage, ids: [Int64], act: VoucherBatchAct,
                       _ body: (Int64) throws -> Voucher) throws -> [Voucher] {
        var done: [Voucher] = [], failures: [VoucherBatchFailure] = []
        var seen: Set<Int64> = []
        for id in ids where seen.insert(id).inserted {
            do {
                done.append(try body(id))
            } catch let error as BookError where !error.isNotPermitted {
                let label = (try? storage.voucher(id: id).label) ?? "#\(id)"
                failures.append(VoucherBatchFailure(voucher: label, error: error))
            }
        }
        // One voucher asked for is refused as it would be alone.
        if seen.count == 1, let only = failures.first { throw only.error }
        if !failures.isEmpty { throw BookError.batchRefused(act: act, failures: failures) }
        return done
    }

    /// Deletes a voucher that is not yet posted. Posted vouchers are never deleted.
    public func deleteDraft(id: Int64) throws {
        try writing { storage in
            let voucher = try storage.voucher(id: id)
            try authorize(storage, .writeBooks, organization: voucher.draft.organization)
            guard voucher.status != .posted else { throw BookError.wrongStatus(voucher: voucher.label, status: .posted, act: .delete) }
            try storage.deleteVoucher(id: id)
        }
    }

    /// Changes a voucher not yet posted: in one transaction the old one is deleted and `draft`
    /// recorded as a new draft of the same organisation, checked as `addVoucher` checks it. A
    /// reviewed voucher so changed is a draft again: its review was of what it said before.
    @discardableResult
    public func replaceDraft(id: Int64, with draft: VoucherDraft) throws -> Voucher {
        try writing { storage in
            let old = try storage.voucher(id: id)
            try authorize(storage, .writeBooks, organization: old.draft.organization)
            guard old.status != .posted else { throw BookError.wrongStatus(voucher: old.label, status: .posted, act: .delete) }
            guard draft.organization == old.draft.organization else { throw BookError.voucherNotFound(.id(id)) }
            try authorizeRecording(storage, draft)
            try requireOfficer(storage, draft.preparer, duty: .preparer, organization: draft.organization,
                               label: draft.organization + " " + draft.date.description + " " + draft.summary.prefix(20), lines: draft.lines)
            try storage.deleteVoucher(id: id)
            var context = PostingContext()
            let newID = try storage.insertDraft(draft, context: &context, importID: nil)
            return try storage.voucher(id: newID)
        }
    }

    /// Writes the red-ink voucher (红字冲销) that cancels a posted voucher: the original's lines
    /// with negated amounts on the same sides, linked to the original, as a draft to review and post.
    @discardableResult
    public func reverseVoucher(id: Int64, date: LocalDate, preparer: String, summary: String? = nil) throws -> Voucher {
        try writing { storage in
            let original = try storage.voucher(id: id)
            try authorize(storage, .writeBooks, organization: original.draft.organization)
            guard original.status == .posted, let ref = original.ref else {
                throw BookError.wrongStatus(voucher: original.label, status: original.status, act: .reverse)
            }
            let text = summary ?? "注销\(original.draft.date.month)月\(original.draft.date.day)日\(ref.chinese)凭证"
            let draft = VoucherDraft(organization: original.draft.organization, date: date, word: original.draft.word,
                                     summary: text, attachments: 0, preparer: preparer, reverses: ref,
                                     kind: original.draft.kind, lines: original.draft.lines.map { $0.reversed() })
            var context = PostingContext()
            let newID = try storage.insertDraft(draft, context: &context, importID: nil)
            return try storage.voucher(id: newID)
        }
    }

    /// One voucher by id, for a user who may read its organisation's books.
    public func voucher(id: Int64) throws -> Voucher {
        try reading { storage in
            let voucher = try storage.voucher(id: id)
            try authorize(storage, .read, organization: voucher.draft.organization)
            return voucher
        }
    }

    /// Finds a voucher by its name (`VoucherName`): its number with its month
    /// (`2026-03/记-0007`), its word and number with `period` (`记-0007`), or its internal id as
    /// `#12`. A bare number is refused (`BookError.voucherName`): it may be either.
    public func voucher(organization: String, reference: String, period: Period? = nil) throws -> Voucher {
        let name: VoucherName?
        do throws(VoucherNameProblem) { name = try VoucherName.parse(reference, period: period) } catch {
            throw BookError.voucherName(error)
        }
        return try reading { storage in
            try authorize(storage, .read, organization: organization)
            switch name {
            case nil:
                throw BookError.voucherNotFound(.reference(organization: organization, reference: reference))
            case let .id(id):
                // Only a voucher of the organisation named, whatever else the user may read.
                let voucher: Voucher
                do { voucher = try storage.voucher(id: id) } catch BookError.voucherNotFound(_) {
                    throw BookError.voucherNotFound(.reference(organization: organization, reference: reference))
                }
                guard voucher.draft.organization == organization else {
                    throw BookError.voucherNotFound(.reference(organization: organization, reference: reference))
                }
                return voucher
            case let .number(ref):
                let organizationID = try storage.organizationID(organization)
                guard let id = try storage.postedVoucherID(organizationID: organizationID, ref: ref) else {
                    throw BookError.voucherNotFound(.number(organization: organization, ref: ref))
                }
                return try storage.voucher(id: id)
            }
        }
    }

    /// The organisation's vouchers, optionally of one month, in number order (drafts last).
    public func vouchers(organization: String, period: Period? = nil) throws -> [Voucher] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let organizationID = try storage.organizationID(organization)
            return try storage.voucherIDs(organizationID: organizationID, period: period).map { try storage.voucher(id: $0) }
        }
    }
}

extension Session {
    /// This session's VoucherService.
    public var vouchers: VoucherService { VoucherService(session: self) }
}
