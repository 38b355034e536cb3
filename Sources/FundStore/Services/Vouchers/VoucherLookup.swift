import FundCore

/// The voucher a refusal could not find, as it was asked for: by row id, by a reference the
/// book does not hold, or by a number no posted voucher has. Its `description` is how the
/// message names it.
public enum VoucherLookup: Hashable, Sendable, CustomStringConvertible {
    /// By row id ("#12").
    case id(Int64)
    /// By what was typed, within an organisation ("FED-01 2026-13/记").
    case reference(organization: String, reference: String)
    /// By number, within an organisation ("FED-01 2026-03/记-0007").
    case number(organization: String, ref: VoucherRef)

    public var description: String {
        switch self {
        case let .id(id): "#\(id)"
        case let .reference(organization, reference): "\(organization) \(reference)"
        case let .number(organization, ref): "\(organization) \(ref)"
        }
    }
}

/// What was asked of a voucher whose status does not allow it; the message says it as "cannot
/// be ...", with what to do instead.
public enum VoucherAct: Hashable, Sendable, CustomStringConvertible {
    /// Reviewing a voucher that is not a draft.
    case review
    /// Posting a draft nobody reviewed.
    case postUnreviewed
    /// Posting a voucher already posted.
    case postAgain
    /// Deleting a posted voucher.
    case delete
    /// Reversing a voucher that is not posted.
    case reverse

    public var description: String {
        switch self {
        case .review: "reviewed"
        case .postUnreviewed: "posted before it is reviewed (run `voucher review` first)"
        case .postAgain: "posted again"
        case .delete: "deleted; reverse it with red ink instead"
        case .reverse: "reversed; only posted vouchers are reversed, a draft is corrected or deleted"
        }
    }
}
