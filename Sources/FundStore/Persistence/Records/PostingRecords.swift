import FundCore

/// A row of `balance`: the debit and credit turnover of one account in one month, by project,
/// fund source, closing or not, expense type and counterpart (an absent dimension is "" or 0).
struct BalanceRecord: Hashable, Sendable {
    var organizationID: Int64
    var accountID: Int64
    var period: Period
    var project: String
    var source: String
    var closing: Bool
    var expense: String
    var counterpartID: Int64
    var debitFen: Int64
    var creditFen: Int64
}

/// A row of `voucher_seal`: one link of an organisation's seal chain.
struct VoucherSealRecord: Hashable, Sendable {
    var voucherID: Int64
    var organizationID: Int64
    var seq: Int64
    var previous: String
    var hash: String
    /// The payload version the hash covers (1 before migration v4-event-chain, 2 since).
    var payloadVersion: Int = SealPayload.currentVersion
    /// The HMAC-SHA256 tag of `hash` under the book's seal key; nil in a book without a key.
    var tag: String? = nil
}
