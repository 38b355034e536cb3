import FundCore
import GRDB

extension SQLiteStorage: DeskStorage {
    func deskCredential(user: String) throws -> DeskCredentialRecord? {
        try DeskCredentialRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM desk_credential WHERE user = ?"), arguments: [user])
    }

    func upsertDeskCredential(_ credential: DeskCredentialRecord) throws {
        try db.execute(sql: """
            INSERT INTO desk_credential (user, password_hash, failures, locked_until, set_at, set_by) VALUES (?, ?, 0, NULL, ?, ?)
            ON CONFLICT(user) DO UPDATE SET password_hash = excluded.password_hash, failures = 0, locked_until = NULL,
                set_at = excluded.set_at, set_by = excluded.set_by
            """, arguments: [credential.user, credential.passwordHash, credential.setAt, credential.setBy])
    }

    func updateDeskAttempts(user: String, _ attempts: LoginPolicy.Attempts) throws {
        try db.execute(sql: "UPDATE desk_credential SET failures = ?, locked_until = ? WHERE user = ?",
                       arguments: [attempts.failures, attempts.lockedUntil, user])
    }

    func insertDeskSession(_ session: DeskSessionRecord) throws {
        try session.insert(db)
    }

    func deskSession(tokenHash: String) throws -> DeskSessionRecord? {
        try DeskSessionRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM desk_session WHERE token_hash = ?"), arguments: [tokenHash])
    }

    func touchDeskSession(tokenHash: String, at: Int64) throws {
        try db.execute(sql: "UPDATE desk_session SET last_seen = ? WHERE token_hash = ?", arguments: [at, tokenHash])
    }

    func deleteDeskSession(tokenHash: String) throws {
        try db.execute(sql: "DELETE FROM desk_session WHERE token_hash = ?", arguments: [tokenHash])
    }

    func deleteDeskSessions(user: String) throws {
        try db.execute(sql: "DELETE FROM desk_session WHERE user = ?", arguments: [user])
    }

    func voucherCounts(organizationID: Int64) throws -> [(period: Period, status: VoucherStatus, count: Int)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT period, status, count(*) AS count FROM voucher WHERE organization_id = ? GROUP BY period, status ORDER BY period
            """), arguments: [organizationID]).map { row in
            (try row.storedPeriod(Column("period"), in: "voucher"), try row.stored(Column("status"), in: "voucher"), row["count"])
        }
    }

    func listedVoucherIDs(organizationID: Int64, period: Period?, status: VoucherStatus?) throws -> [Int64] {
        // The index voucher_period (organization_id, period, status) serves every combination.
        try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT id FROM voucher WHERE organization_id = ?1 AND (?2 IS NULL OR period = ?2) AND (?3 IS NULL OR status = ?3)
            ORDER BY period, word, number IS NULL, number, id
            """), arguments: [organizationID, period?.key, status?.rawValue])
    }

    func findingCounts(organizationID: Int64, year: Int) throws -> [FindingStatus: Int] {
        var counts: [FindingStatus: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT status, count(*) AS count FROM finding WHERE organization_id = ? AND year = ? GROUP BY status
            """), arguments: [organizationID, year]) {
            counts[try row.stored(Column("status"), in: "finding") as FindingStatus] = row["count"]
        }
        return counts
    }

    func deleteStaleDeskSessions(idleBefore: Int64, createdBefore: Int64) throws {
        try db.execute(sql: "DELETE FROM desk_session WHERE last_seen < ? OR created_at < ?", arguments: [idleBefore, createdBefore])
    }
}
