import Foundation
import FundCore
import GRDB

/// Tamper evidence. Each voucher gets a seal when it is posted: the SHA-256 of its content
/// (every field and every line, `SealPayload`) chained to the seal before it in the same
/// organisation. A change made to the SQLite file behind the book's back (an amount, an account,
/// a date, a deleted or inserted voucher) breaks the chain at that voucher, and `verify` names
/// it. An audit records the head of the chain it saw, so that even a chain rebuilt from scratch
/// is caught against the audits made before. The posting plan decides each seal's content; the
/// storage (`SealStorage`) keeps and checks the chain.
extension SQLiteBook {
    // Transitional: callers outside posting still use this.
    static let genesis = SealPayload.genesis

    /// Per organisation, `verify` names at most this many changed vouchers.
    static let maximumSealProblems = 20

    /// The canonical text of a posted voucher as it is stored, read straight from its rows.
    // Transitional: callers outside posting still use this.
    static func sealPayload(_ db: Database, voucherID: Int64) throws -> String? {
        try SQLiteStorage(db).sealPayload(voucherID: voucherID)
    }

    /// The canonical text of a voucher's stored values (in the order `sealPayload` selects them).
    // Transitional: callers outside posting still use this.
    static func sealText(_ fields: [DatabaseValue], _ lines: [[DatabaseValue]]) -> String {
        SealPayload.text(fields.map(SealValue.init), lines.map { $0.map(SealValue.init) })
    }

    /// One stored value as text (`SealValue.canonical`).
    // Transitional: callers outside posting still use this.
    static func canonical(_ value: DatabaseValue) -> String {
        SealValue(value).canonical
    }

    // Transitional: callers outside posting still use this.
    static func sha256(_ previous: String, _ payload: String) -> String {
        SealHash.sha256(previous, payload)
    }

    /// Seals a voucher just posted from its stored rows: the next link of its organisation's chain.
    // Transitional: callers outside posting still use this.
    static func seal(_ db: Database, voucherID: Int64) throws {
        let storage = SQLiteStorage(db)
        guard let organizationID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT organization_id FROM voucher WHERE id = ?"), arguments: [voucherID]),
              let payload = try storage.sealPayload(voucherID: voucherID) else {
            throw BookError.voucherNotFound(.id(voucherID))
        }
        let head = try storage.sealHead(organizationID: organizationID)
        try storage.insertSeal(VoucherSealRecord(voucherID: voucherID, organizationID: organizationID, seq: head.seq + 1, previous: head.hash,
                                                 hash: SealHash.sha256(head.hash, payload)))
    }

    /// The head of an organisation's chain: the last seal's sequence number and hash.
    // Transitional: callers outside posting still use this.
    static func sealHead(_ db: Database, organizationID: Int64) throws -> (seq: Int64, hash: String) {
        let head = try SQLiteStorage(db).sealHead(organizationID: organizationID)
        return (head.seq, head.hash)
    }

    /// Walks each organisation's chain (`SealStorage.sealProblems`).
    // Transitional: callers outside posting still use this.
    static func sealProblems(_ db: Database, organizationID only: Int64? = nil) throws -> [SealProblem] {
        try SQLiteStorage(db).sealProblems(organizationID: only)
    }
}
