import FundCore

/// The seal chains (tamper evidence): their heads, their links, and the check of each link
/// against the rows it seals.
protocol SealStorage {
    /// The head of an organisation's chain.
    func sealHead(organizationID: Int64) throws -> SealHead
    /// Appends a link.
    func insertSeal(_ seal: VoucherSealRecord) throws
    /// The version 1 payload text of a voucher as it is stored now, read from its rows; nil when gone.
    func sealPayload(voucherID: Int64) throws -> String?
    /// The payload of a voucher as it is stored now in the given version (empty when its rows
    /// hold values of the wrong type or the version is unknown, so it matches no seal); nil when gone.
    func sealPayload(voucherID: Int64, version: Int) throws -> [UInt8]?
    /// Every voucher whose rows no longer match its seal, every broken link, posted vouchers with
    /// no seal, and chains that lost the head an audit recorded; of one organisation, or all.
    func sealProblems(organizationID: Int64?) throws -> [SealProblem]
}
