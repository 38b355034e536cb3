import FundCore

/// The seal chains (tamper evidence): their heads, their links, and the check of each link
/// against the rows it seals.
protocol SealStorage {
    /// The head of an organisation's chain.
    func sealHead(organizationID: Int64) throws -> SealHead
    /// Appends a link.
    func insertSeal(_ seal: VoucherSealRecord) throws
    /// The canonical payload of a voucher as it is stored now, read from its rows; nil when gone.
    func sealPayload(voucherID: Int64) throws -> String?
    /// Every voucher whose rows no longer match its seal, every broken link, posted vouchers with
    /// no seal, and chains that lost the head an audit recorded; of one organisation, or all.
    func sealProblems(organizationID: Int64?) throws -> [SealProblem]
}
