import FundCore

/// Vouchers as stored: read back whole, found by number, reviewed, and deleted while drafts.
protocol VoucherStorage {
    /// The voucher with its lines; `BookError.voucherNotFound` when there is none.
    func voucher(id: Int64) throws -> Voucher
    /// The posted voucher of an organisation with this number, if any.
    func postedVoucherID(organizationID: Int64, ref: VoucherRef) throws -> Int64?
    /// An organisation's vouchers (of one month, or all), in number order with drafts last.
    func voucherIDs(organizationID: Int64, period: Period?) throws -> [Int64]
    /// Marks a draft reviewed by `reviewer`.
    func markReviewed(voucherID: Int64, reviewer: String) throws
    /// Deletes a voucher not yet posted, with its lines.
    func deleteVoucher(id: Int64) throws
    /// "FED-01 2026-03/记-0007" for a posted voucher, "FED-01 #12" for a draft; nil when gone.
    func voucherLabel(id: Int64) throws -> String?
}
