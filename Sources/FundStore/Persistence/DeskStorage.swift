import FundCore

/// The desk's passwords, failed attempts and sessions.
protocol DeskStorage {
    /// The user's desk credential, if a password was ever set.
    func deskCredential(user: String) throws -> DeskCredentialRecord?
    /// Sets (or replaces) a user's password hash, clearing failures and locks.
    func upsertDeskCredential(_ credential: DeskCredentialRecord) throws
    /// Stores a user's failed attempts and lock.
    func updateDeskAttempts(user: String, _ attempts: LoginPolicy.Attempts) throws
    /// Stores a new session.
    func insertDeskSession(_ session: DeskSessionRecord) throws
    /// The session whose id hashes to `tokenHash`.
    func deskSession(tokenHash: String) throws -> DeskSessionRecord?
    /// Records that a session was used at `at`.
    func touchDeskSession(tokenHash: String, at: Int64) throws
    /// Ends one session.
    func deleteDeskSession(tokenHash: String) throws
    /// Ends every session of a user (a new password).
    func deleteDeskSessions(user: String) throws
    /// How many vouchers the organisation has per month and status (首页's counts, without
    /// loading a voucher).
    func voucherCounts(organizationID: Int64) throws -> [(period: Period, status: VoucherStatus, count: Int)]
    /// The ids of the organisation's vouchers of one month (all months: nil) and one status (any:
    /// nil), in the order of the desk's list, so that a list of one status loads only those.
    func listedVoucherIDs(organizationID: Int64, period: Period?, status: VoucherStatus?) throws -> [Int64]
    /// How many findings of the organisation's year have each status (首页's counts, without
    /// loading a finding's vouchers and history).
    func findingCounts(organizationID: Int64, year: Int) throws -> [FindingStatus: Int]
    /// Removes sessions last used before `idleBefore` or begun before `createdBefore`.
    func deleteStaleDeskSessions(idleBefore: Int64, createdBefore: Int64) throws
}
