import FundCore

/// What was asked of a batch of vouchers (`voucher review`, `voucher post` with several
/// vouchers or `--all-drafts`); the message says it as "cannot be reviewed", "none was posted".
public enum VoucherBatchAct: String, Hashable, Sendable, CustomStringConvertible {
    case review = "reviewed"
    case post = "posted"

    public var description: String { rawValue }
}

/// One voucher of a batch that could not be taken, and why. The batch is refused whole, so a
/// caller learns every voucher to fix at once rather than one per run.
public struct VoucherBatchFailure: Sendable {
    /// The voucher as messages name it (`FED-01 #12`, `FED-01 2026-05/记-0003`).
    public let voucher: String
    /// Its own refusal, as it would have been refused alone.
    public let error: BookError

    public init(voucher: String, error: BookError) {
        self.voucher = voucher
        self.error = error
    }
}
