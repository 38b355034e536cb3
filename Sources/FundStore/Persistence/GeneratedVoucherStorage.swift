import FundCore

/// What a rule of the books needs to generate a voucher and post it, reviewed by the officer the act names
/// (the year end's closing vouchers, a month's depreciation): the organisation's chart, and the
/// one posting path such vouchers take.
protocol GeneratedVoucherStorage {
    /// The chart of accounts `organization` posts to, with its own detail accounts.
    func chartOfAccounts(organization: String) throws -> Chart
}

extension BookStorage {
    /// Inserts a draft a rule of the books made (a carry-forward, depreciation, a subsidy act)
    /// and posts it through the one posting path, `PostingStorage.postDraft`, under the same
    /// checks as a reviewed voucher: open month, next number, turnovers, seal, and real people
    /// on it (`VoucherPeople`). Returns the posted voucher as the book now holds it.
    func postGenerated(_ draft: VoucherDraft, bookkeeper: String) throws -> Voucher {
        var context = PostingContext()
        return try voucher(id: try postDraft(draft, context: &context, bookkeeper: bookkeeper))
    }

    /// `postGenerated` for a draft a rule made without a reviewer (a carry-forward, depreciation):
    /// `reviewer` reviews it.
    func postGenerated(_ draft: VoucherDraft, reviewer: String, bookkeeper: String) throws -> Voucher {
        var draft = draft
        draft.reviewer = reviewer
        return try postGenerated(draft, bookkeeper: bookkeeper)
    }
}
